//! Redirects followed by the engine rather than the client, for requests that keep their
//! method on a 301 or 302 (Postman's `followOriginalHttpMethod`): the method and body go
//! to the new location; a 303 still means GET without a body. As the client would, the
//! credentials stay behind when the redirect leaves the origin (the cookie jar adds what
//! belongs to the new one).

use std::time::Instant;

use reqwest::Method;

use super::exchange::send_once;
use super::{Exchange, OutgoingRequest, TransportError};
use crate::model::ErrorKind;

const CREDENTIALS: [&str; 3] = ["authorization", "cookie", "proxy-authorization"];
const BODY_HEADERS: [&str; 3] = ["content-type", "content-length", "content-encoding"];

pub(super) async fn follow(
    client: &reqwest::Client,
    request: &OutgoingRequest,
    authorization: Option<&str>,
    limit: u32,
) -> Result<Exchange, TransportError> {
    let started = Instant::now();
    let mut current = request.clone();
    let mut authorization = authorization.map(str::to_owned);
    let mut hops = 0u32;
    loop {
        let mut exchange = send_once(client, &current, authorization.as_deref()).await?;
        let Some(next) = next_request(&current, &exchange) else {
            exchange.duration = started.elapsed();
            return Ok(exchange);
        };
        if hops == limit {
            return Err(TransportError {
                kind: ErrorKind::TooManyRedirects,
                message: format!("more than {limit} redirects (the last to {})", next.url),
                maybe_sent: true,
                duration: started.elapsed(),
            });
        }
        hops += 1;
        if !same_origin(&current.url, &next.url) {
            authorization = None;
        }
        current = next;
    }
}

/// The request a redirect response asks for; None when it is not one (or names no usable
/// location).
fn next_request(current: &OutgoingRequest, exchange: &Exchange) -> Option<OutgoingRequest> {
    if !matches!(exchange.status, 301 | 302 | 303 | 307 | 308) {
        return None;
    }
    let location = exchange
        .headers
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("location"))
        .map(|(_, value)| value.trim())?;
    let url = current.url.join(location).ok()?;
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    let mut next = current.clone();
    if exchange.status == 303 && current.method != Method::HEAD {
        next.method = Method::GET;
        next.body = None;
        next.headers
            .retain(|(name, _)| !BODY_HEADERS.iter().any(|h| name.eq_ignore_ascii_case(h)));
    }
    if !same_origin(&current.url, &url) {
        next.headers
            .retain(|(name, _)| !CREDENTIALS.iter().any(|h| name.eq_ignore_ascii_case(h)));
    }
    next.url = url;
    // A digest or token handshake answered the first request only.
    next.handshake = None;
    Some(next)
}

fn same_origin(a: &reqwest::Url, b: &reqwest::Url) -> bool {
    a.scheme() == b.scheme()
        && a.host_str() == b.host_str()
        && a.port_or_known_default() == b.port_or_known_default()
}
