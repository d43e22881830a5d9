//! OAuth 2.0 access tokens fetched from a token URL (RFC 6749 4.3 and 4.4: the password
//! and client credentials grants), kept for the rest of the batch.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use base64::Engine as _;
use serde_json::Value;

use crate::model::{OAuth2ClientAuth, OAuth2Grant};

/// A token request with every template rendered; also the cache's key, so two cases with
/// the same credentials share one token.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TokenRequest {
    pub grant: OAuth2Grant,
    pub token_url: String,
    pub client_id: String,
    pub client_secret: String,
    pub username: String,
    pub password: String,
    pub scope: String,
    pub client_auth: OAuth2ClientAuth,
}

#[derive(Debug, Clone)]
struct Token {
    value: String,
    /// None: the server gave no lifetime; the token is kept for the whole batch.
    expires: Option<Instant>,
}

/// The tokens of one batch (or one workbench send). A token is fetched by the first case
/// that needs it; the others wait for it rather than each fetching their own.
#[derive(Debug, Default)]
pub struct TokenCache {
    tokens: tokio::sync::Mutex<HashMap<TokenRequest, Token>>,
}

/// Tokens are renewed this long before the expiry the server announced, so a request
/// does not leave with a token that expires on the way.
const EXPIRY_MARGIN: Duration = Duration::from_secs(10);

impl TokenCache {
    /// The access token for `request`: the cached one while it is valid, else a new one.
    pub async fn token(
        &self,
        client: &reqwest::Client,
        request: &TokenRequest,
        timeout: Duration,
    ) -> Result<String, String> {
        let mut tokens = self.tokens.lock().await;
        if let Some(token) = tokens.get(request)
            && token
                .expires
                .is_none_or(|at| Instant::now() + EXPIRY_MARGIN < at)
        {
            return Ok(token.value.clone());
        }
        let token = fetch(client, request, timeout).await?;
        let value = token.value.clone();
        tokens.insert(request.clone(), token);
        Ok(value)
    }
}

async fn fetch(
    client: &reqwest::Client,
    request: &TokenRequest,
    timeout: Duration,
) -> Result<Token, String> {
    let (body, headers) = token_form(request);
    let url = &request.token_url;
    let mut builder = client.post(url).timeout(timeout);
    for (name, value) in headers {
        builder = builder.header(name, value);
    }
    let response = builder
        .body(body)
        .send()
        .await
        .map_err(|e| format!("the token request to {url} failed: {e}"))?;
    let status = response.status();
    let body = read_capped(response)
        .await
        .map_err(|e| format!("the token response of {url} could not be read: {e}"))?;
    if !status.is_success() {
        return Err(format!(
            "the token URL {url} answered {}: {}",
            status.as_u16(),
            excerpt(&body)
        ));
    }
    parse_token(&body).ok_or_else(|| {
        format!(
            "the token URL {url} answered without an access_token: {}",
            excerpt(&body)
        )
    })
}

/// The form body and headers of a token request (RFC 6749 4.3.2, 4.4.2).
fn token_form(request: &TokenRequest) -> (String, Vec<(&'static str, String)>) {
    let mut form = url::form_urlencoded::Serializer::new(String::new());
    match request.grant {
        OAuth2Grant::ClientCredentials => {
            form.append_pair("grant_type", "client_credentials");
        }
        OAuth2Grant::Password => {
            form.append_pair("grant_type", "password");
            form.append_pair("username", &request.username);
            form.append_pair("password", &request.password);
        }
    }
    if !request.scope.is_empty() {
        form.append_pair("scope", &request.scope);
    }
    let mut headers = vec![
        ("Accept", "application/json".to_owned()),
        (
            "Content-Type",
            "application/x-www-form-urlencoded".to_owned(),
        ),
    ];
    match request.client_auth {
        OAuth2ClientAuth::Header => {
            let credentials = format!("{}:{}", request.client_id, request.client_secret);
            let encoded = base64::engine::general_purpose::STANDARD.encode(credentials);
            headers.push(("Authorization", format!("Basic {encoded}")));
        }
        OAuth2ClientAuth::Body => {
            form.append_pair("client_id", &request.client_id);
            if !request.client_secret.is_empty() {
                form.append_pair("client_secret", &request.client_secret);
            }
        }
    }
    (form.finish(), headers)
}

/// Token responses are small; a server sending megabytes is cut at this size.
const TOKEN_RESPONSE_LIMIT: usize = 64 * 1024;

async fn read_capped(mut response: reqwest::Response) -> Result<Vec<u8>, reqwest::Error> {
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await? {
        let room = TOKEN_RESPONSE_LIMIT.saturating_sub(body.len());
        body.extend_from_slice(&chunk[..chunk.len().min(room)]);
        if room == 0 {
            break;
        }
    }
    Ok(body)
}

/// A JSON token response (RFC 6749 5.1), or the form-encoded one some servers (GitHub)
/// send.
fn parse_token(body: &[u8]) -> Option<Token> {
    let (value, expires_in) = match serde_json::from_slice::<Value>(body) {
        Ok(json) => (
            json.get("access_token")?.as_str()?.to_owned(),
            json.get("expires_in").and_then(|v| {
                v.as_u64()
                    .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
            }),
        ),
        Err(_) => {
            let pairs: HashMap<_, _> = url::form_urlencoded::parse(body).collect();
            (
                pairs.get("access_token")?.to_string(),
                pairs.get("expires_in").and_then(|s| s.parse().ok()),
            )
        }
    };
    if value.is_empty() {
        return None;
    }
    Some(Token {
        value,
        expires: expires_in.map(|secs| Instant::now() + Duration::from_secs(secs)),
    })
}

fn excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    match text.char_indices().nth(200) {
        Some((cut, _)) => format!("{}...", &text[..cut]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_json_and_form_token_responses() {
        let json =
            parse_token(br#"{"access_token":"abc","token_type":"bearer","expires_in":3600}"#)
                .expect("token");
        assert_eq!(json.value, "abc");
        assert!(json.expires.is_some());
        let form = parse_token(b"access_token=xyz&scope=repo&token_type=bearer").expect("token");
        assert_eq!(form.value, "xyz");
        assert!(form.expires.is_none());
        assert!(parse_token(br#"{"error":"invalid_client"}"#).is_none());
        assert!(parse_token(br#"{"access_token":""}"#).is_none());
        assert!(parse_token(br#"{"access_token":12}"#).is_none());
    }

    #[test]
    fn an_excerpt_cuts_long_bodies_on_a_character_boundary() {
        let long = "é".repeat(300);
        let cut = excerpt(long.as_bytes());
        assert_eq!(cut.chars().count(), 203);
    }
}
