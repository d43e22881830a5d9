//! A case's `auth` rendered into what the request carries: a header (Basic, Bearer, API
//! key, OAuth 1.0a signature), query parameters (API key, OAuth 1.0a), or a handshake
//! done while sending (Digest, OAuth 2.0 token).
//!
//! A header the case sets itself wins: a case with its own `Authorization` gets neither
//! the inherited header nor a handshake.

use base64::Engine as _;

use crate::http::{Handshake, TokenRequest, oauth1};
use crate::model::{ApiKeyLocation, Auth, ErrorKind, OAuth1, OAuth1Location, RunError};
use crate::template::Scope;

/// What the auth adds to a request rendered so far.
#[derive(Debug, Default)]
pub struct Authorization {
    pub header: Option<(String, String)>,
    pub query: Vec<(String, String)>,
    pub handshake: Option<Handshake>,
}

/// The parts of the request an OAuth 1.0a signature covers.
pub struct Signed<'a> {
    pub method: &'a str,
    pub url: &'a url::Url,
    /// The body, when it is form-encoded.
    pub form: Option<&'a [u8]>,
}

pub fn authorize(
    auth: Option<&Auth>,
    scope: &Scope<'_>,
    sets_authorization: bool,
    signed: &Signed<'_>,
) -> Result<Authorization, RunError> {
    let render = |text: &str| {
        scope
            .render(text)
            .map(|t| t.into_owned())
            .map_err(|e| RunError {
                kind: ErrorKind::Template,
                message: format!("auth: {e}"),
            })
    };
    let mut out = Authorization::default();
    match auth {
        None | Some(Auth::None) => {}
        Some(Auth::Basic { username, password }) => {
            let credentials = format!("{}:{}", render(username)?, render(password)?);
            let encoded = base64::engine::general_purpose::STANDARD.encode(credentials);
            out.header = Some(("Authorization".into(), format!("Basic {encoded}")));
        }
        Some(Auth::Bearer { token }) => {
            out.header = Some(("Authorization".into(), format!("Bearer {}", render(token)?)));
        }
        Some(Auth::ApiKey {
            name,
            value,
            location,
        }) => {
            let pair = (render(name)?, render(value)?);
            match location {
                ApiKeyLocation::Header => out.header = Some(pair),
                ApiKeyLocation::Query => out.query.push(pair),
            }
        }
        Some(Auth::Digest { .. } | Auth::OAuth2(_)) if sets_authorization => {}
        Some(Auth::Digest { username, password }) => {
            out.handshake = Some(Handshake::Digest {
                username: render(username)?,
                password: render(password)?,
            });
        }
        Some(Auth::OAuth2(o)) => {
            out.handshake = Some(Handshake::OAuth2(TokenRequest {
                grant: o.grant,
                token_url: render(&o.token_url)?,
                client_id: render(&o.client_id)?,
                client_secret: render(&o.client_secret)?,
                username: render(&o.username)?,
                password: render(&o.password)?,
                scope: render(&o.scope)?,
                client_auth: o.client_auth,
            }));
        }
        Some(Auth::OAuth1(o)) if sets_authorization && o.location == OAuth1Location::Header => {}
        Some(Auth::OAuth1(o)) => sign_oauth1(o, &render, signed, &mut out)?,
    }
    Ok(out)
}

fn sign_oauth1(
    o: &OAuth1,
    render: &dyn Fn(&str) -> Result<String, RunError>,
    signed: &Signed<'_>,
    out: &mut Authorization,
) -> Result<(), RunError> {
    let timestamp = match render(&o.timestamp)? {
        t if t.is_empty() => chrono::Utc::now().timestamp().to_string(),
        t => t,
    };
    let nonce = match render(&o.nonce)? {
        n if n.is_empty() => random_nonce(),
        n => n,
    };
    let signer = oauth1::Signer {
        consumer_key: &render(&o.consumer_key)?,
        consumer_secret: &render(&o.consumer_secret)?,
        token: &render(&o.token)?,
        token_secret: &render(&o.token_secret)?,
        method: o.signature_method,
        timestamp: &timestamp,
        nonce: &nonce,
    };
    let params = signer.sign(signed.method, signed.url, signed.form);
    match o.location {
        OAuth1Location::Header => {
            let realm = render(&o.realm)?;
            out.header = Some(("Authorization".into(), oauth1::header(&realm, &params)));
        }
        OAuth1Location::Query => out.query = params,
    }
    Ok(())
}

/// 11 random alphanumerics, as Postman's nonces are.
fn random_nonce() -> String {
    use rand::Rng as _;
    const CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut rng = rand::rng();
    (0..11)
        .map(|_| CHARS[rng.random_range(0..CHARS.len())] as char)
        .collect()
}
