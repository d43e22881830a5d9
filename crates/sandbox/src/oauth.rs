//! `POST /oauth/token`: an OAuth 2.0 token endpoint (RFC 6749 4.3 and 4.4: the password
//! and client credentials grants). Its tokens open `/protected` like `/login`'s do.

use std::sync::Arc;

use axum::extract::State;
use axum::http::header::AUTHORIZATION;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Form, Json, Router};
use serde::Deserialize;
use serde_json::json;

use crate::auth::{PASSWORD, Sessions};

/// The one client the endpoint knows; its secret is [`PASSWORD`].
pub(crate) const CLIENT_ID: &str = "sandbox-client";

pub(crate) fn routes() -> Router<Arc<Sessions>> {
    Router::new().route("/oauth/token", post(token))
}

#[derive(Deserialize)]
struct TokenForm {
    grant_type: String,
    client_id: Option<String>,
    client_secret: Option<String>,
    username: Option<String>,
    password: Option<String>,
    scope: Option<String>,
}

async fn token(
    State(sessions): State<Arc<Sessions>>,
    headers: HeaderMap,
    Form(form): Form<TokenForm>,
) -> Response {
    // The client authenticates with HTTP Basic or in the body (RFC 6749 2.3.1).
    let (client_id, client_secret) = match basic_credentials(&headers) {
        Some(pair) => pair,
        None => (
            form.client_id.clone().unwrap_or_default(),
            form.client_secret.clone().unwrap_or_default(),
        ),
    };
    if client_id != CLIENT_ID || client_secret != PASSWORD {
        return oauth_error(StatusCode::UNAUTHORIZED, "invalid_client");
    }
    let user = match form.grant_type.as_str() {
        "client_credentials" => client_id,
        "password" => match (&form.username, &form.password) {
            (Some(user), Some(password)) if !user.is_empty() && password == PASSWORD => {
                user.clone()
            }
            _ => return oauth_error(StatusCode::BAD_REQUEST, "invalid_grant"),
        },
        _ => return oauth_error(StatusCode::BAD_REQUEST, "unsupported_grant_type"),
    };
    let token = sessions.issue(&user);
    Json(json!({
        "access_token": token,
        "token_type": "bearer",
        "expires_in": 3600,
        "scope": form.scope.unwrap_or_default(),
    }))
    .into_response()
}

fn basic_credentials(headers: &HeaderMap) -> Option<(String, String)> {
    let value = headers.get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, encoded) = value.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = decode_base64(encoded.trim())?;
    let text = String::from_utf8(decoded).ok()?;
    let (id, secret) = text.split_once(':')?;
    Some((id.to_owned(), secret.to_owned()))
}

/// Standard base64 with padding, as HTTP Basic uses it (RFC 7617).
fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let bytes = text.trim_end_matches('=').as_bytes();
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= value(c)? << (18 - 6 * i);
        }
        let produced = match chunk.len() {
            4 => 3,
            3 => 2,
            2 => 1,
            _ => return None,
        };
        out.extend_from_slice(&n.to_be_bytes()[1..=produced]);
    }
    Some(out)
}

fn oauth_error(status: StatusCode, error: &str) -> Response {
    (status, Json(json!({ "error": error }))).into_response()
}

#[cfg(test)]
mod tests {
    use super::decode_base64;

    #[test]
    fn decodes_basic_credentials() {
        assert_eq!(decode_base64("dTpw").as_deref(), Some(&b"u:p"[..]));
        assert_eq!(decode_base64("YTpiYw==").as_deref(), Some(&b"a:bc"[..]));
        assert_eq!(decode_base64("YTpi").as_deref(), Some(&b"a:b"[..]));
        assert_eq!(decode_base64("a$"), None);
    }
}
