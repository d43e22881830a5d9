//! Sending one request and reading its response.

use std::error::Error as _;
use std::time::{Duration, Instant};

use super::digest::{self, Challenge};
use super::oauth2::{TokenCache, TokenRequest};
use super::redirects;
use crate::model::ErrorKind;

/// Bodies are read into memory up to this size for assertions; the rest is counted, not
/// kept, so a huge download cannot exhaust memory.
const EVALUATION_LIMIT: usize = 16 * 1024 * 1024;

/// A request with every template rendered.
#[derive(Debug, Clone)]
pub struct OutgoingRequest {
    pub method: reqwest::Method,
    pub url: reqwest::Url,
    pub headers: Vec<(String, String)>,
    pub body: Option<Vec<u8>>,
    pub timeout: Duration,
    /// Authorization that takes a round trip of its own; None when the request carries
    /// its `Authorization` itself (or needs none).
    pub handshake: Option<Handshake>,
    /// Some(limit): redirects are followed here, keeping the method and body (the
    /// request's `follow_original_method`), up to `limit`.
    pub manual_redirects: Option<u32>,
}

/// An authorization obtained while sending, with its credentials rendered.
#[derive(Debug, Clone)]
pub enum Handshake {
    /// Sent without credentials first; a `401` with a Digest challenge is answered once.
    Digest { username: String, password: String },
    /// `Authorization: Bearer` with a token from the token URL (fetched once per cache).
    OAuth2(TokenRequest),
}

/// A response, read to its end.
#[derive(Debug)]
pub struct Exchange {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    /// At most `EVALUATION_LIMIT` bytes.
    pub body: Vec<u8>,
    pub body_size: u64,
    pub body_cut: bool,
    pub duration: Duration,
    /// The `Authorization` a handshake added (a fetched token shown masked), for the
    /// stored request.
    pub authorization: Option<String>,
}

#[derive(Debug, Clone)]
pub struct TransportError {
    pub kind: ErrorKind,
    pub message: String,
    /// False when the error happened before any byte of the request left (DNS, refused
    /// connection): retrying is then safe for every method.
    pub maybe_sent: bool,
    pub duration: Duration,
}

/// Sends `request`, with its handshake when it has one: the exchange returned is the
/// last (the digest answer's; the first `401` is not kept).
pub async fn send(
    client: &reqwest::Client,
    tokens: &TokenCache,
    request: &OutgoingRequest,
) -> Result<Exchange, TransportError> {
    match &request.handshake {
        None => send_following(client, request, None).await,
        Some(Handshake::OAuth2(token_request)) => {
            let started = Instant::now();
            let token = tokens
                .token(client, token_request, request.timeout)
                .await
                .map_err(|message| TransportError {
                    kind: ErrorKind::Auth,
                    message,
                    maybe_sent: false,
                    duration: started.elapsed(),
                })?;
            let mut exchange =
                send_following(client, request, Some(&format!("Bearer {token}"))).await?;
            exchange.authorization = Some("Bearer ***** (from the token URL)".into());
            Ok(exchange)
        }
        Some(Handshake::Digest { username, password }) => {
            let first = send_following(client, request, None).await?;
            if first.status != 401 {
                return Ok(first);
            }
            let challenges = first
                .headers
                .iter()
                .filter(|(name, _)| name.eq_ignore_ascii_case("www-authenticate"))
                .map(|(_, value)| value.as_str());
            let Some(challenge) = Challenge::find(challenges) else {
                // Not a challenge this client can answer: the 401 is the verdict.
                return Ok(first);
            };
            let uri = match request.url.query() {
                Some(query) => format!("{}?{query}", request.url.path()),
                None => request.url.path().to_owned(),
            };
            let cnonce = format!("{:016x}", rand::random::<u64>());
            let answer = challenge.answer(&digest::Answer {
                username,
                password,
                method: request.method.as_str(),
                uri: &uri,
                body: request.body.as_deref().unwrap_or_default(),
                cnonce: &cnonce,
            });
            let mut second = send_following(client, request, Some(&answer)).await?;
            second.authorization = Some(answer);
            Ok(second)
        }
    }
}

/// One exchange, its redirects followed here when the request keeps its method on them
/// (the client then follows none).
async fn send_following(
    client: &reqwest::Client,
    request: &OutgoingRequest,
    authorization: Option<&str>,
) -> Result<Exchange, TransportError> {
    match request.manual_redirects {
        None => send_once(client, request, authorization).await,
        Some(limit) => redirects::follow(client, request, authorization, limit).await,
    }
}

pub(super) async fn send_once(
    client: &reqwest::Client,
    request: &OutgoingRequest,
    authorization: Option<&str>,
) -> Result<Exchange, TransportError> {
    let started = Instant::now();
    let fail = |e: reqwest::Error| classify(&e, started.elapsed());
    let mut builder = client
        .request(request.method.clone(), request.url.clone())
        .timeout(request.timeout);
    for (name, value) in &request.headers {
        builder = builder.header(name, value);
    }
    if let Some(authorization) = authorization {
        builder = builder.header(reqwest::header::AUTHORIZATION, authorization);
    }
    if let Some(body) = &request.body {
        builder = builder.body(body.clone());
    }
    let mut response = builder.send().await.map_err(fail)?;
    let status = response.status().as_u16();
    let headers = response
        .headers()
        .iter()
        .map(|(name, value)| {
            (
                name.as_str().to_owned(),
                String::from_utf8_lossy(value.as_bytes()).into_owned(),
            )
        })
        .collect();
    let mut body = Vec::with_capacity(response.content_length().unwrap_or(0).min(1 << 20) as usize);
    let mut body_size = 0u64;
    while let Some(chunk) = response.chunk().await.map_err(fail)? {
        body_size += chunk.len() as u64;
        let room = EVALUATION_LIMIT.saturating_sub(body.len());
        body.extend_from_slice(&chunk[..chunk.len().min(room)]);
    }
    Ok(Exchange {
        status,
        headers,
        body_cut: body_size > body.len() as u64,
        body,
        body_size,
        duration: started.elapsed(),
        authorization: None,
    })
}

/// Names the class of a reqwest error by looking at it and at its causes, and says what
/// happened in one line: "cannot connect to 127.0.0.1:1: Connection refused (os error 111)".
fn classify(e: &reqwest::Error, duration: Duration) -> TransportError {
    let chain = error_chain(e);
    let lower = chain.to_ascii_lowercase();
    let root = root_cause(e);
    let host = e
        .url()
        .map(|u| {
            format!(
                "{}:{}",
                u.host_str().unwrap_or("?"),
                u.port_or_known_default().unwrap_or(0)
            )
        })
        .unwrap_or_default();
    let (kind, message) = if e.is_timeout() {
        (
            ErrorKind::Timeout,
            format!("timed out after {} ms", duration.as_millis()),
        )
    } else if e.is_redirect() {
        (ErrorKind::TooManyRedirects, chain.clone())
    } else if e.is_builder() {
        (ErrorKind::InvalidRequest, chain.clone())
    } else if lower.contains("dns error") || lower.contains("failed to lookup address") {
        (ErrorKind::Dns, format!("cannot resolve {host}: {root}"))
    } else if lower.contains("certificate") || lower.contains("tls") || lower.contains("handshake")
    {
        (ErrorKind::Tls, format!("TLS error with {host}: {root}"))
    } else if e.is_connect() {
        (
            ErrorKind::Connect,
            format!("cannot connect to {host}: {root}"),
        )
    } else if e.is_body() || e.is_decode() {
        (
            ErrorKind::Body,
            format!("the response body could not be read: {root}"),
        )
    } else if e.is_request() {
        (
            ErrorKind::Reset,
            format!("the connection closed before the response was complete: {root}"),
        )
    } else {
        (ErrorKind::Other, chain.clone())
    };
    let maybe_sent = !(e.is_connect() || e.is_builder() || kind == ErrorKind::Dns);
    TransportError {
        kind,
        message,
        maybe_sent,
        duration,
    }
}

/// The innermost cause: usually the OS's own words ("Connection refused (os error 111)").
fn root_cause(e: &reqwest::Error) -> String {
    let mut cause: &dyn std::error::Error = e;
    while let Some(next) = cause.source() {
        cause = next;
    }
    cause.to_string()
}

/// "error sending request: connection refused (os error 111)": the error and its causes,
/// without the URL reqwest repeats (the result already shows it).
fn error_chain(e: &reqwest::Error) -> String {
    let mut text = e.to_string();
    if let Some(url) = e.url() {
        text = text.replace(&format!(" for url ({url})"), "");
    }
    let mut source = e.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}
