//! Bodies that are awkward on purpose: binary bytes that are not UTF-8, and bytes that
//! trickle in over time. They test body handling, size limits and read timeouts.

use std::collections::HashMap;
use std::convert::Infallible;
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Path, Query};
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use axum::response::IntoResponse;
use axum::routing::get;
use futures_util::stream;
use tokio::time::Instant;

use crate::error::{ApiError, path_param, query_param};
use crate::misc::MAX_DELAY_MS;

/// Largest `/bytes` body; bigger asks are cut to this.
const MAX_BYTES: u64 = 10 * 1024 * 1024;
/// Largest `/drip` body; bigger asks are cut to this.
const MAX_DRIP_BYTES: u64 = 1024 * 1024;
/// Drip granularity: at most one chunk per this many milliseconds, which spreads bytes
/// evenly to the eye without waking a timer per byte for large bodies.
const DRIP_TICK_MS: u64 = 10;

pub(crate) fn routes() -> Router {
    Router::new()
        .route("/bytes/{n}", get(bytes))
        .route("/drip", get(drip))
}

/// `n` bytes (at most [`MAX_BYTES`]) of binary data that is never valid UTF-8.
async fn bytes(Path(raw): Path<String>) -> Result<impl IntoResponse, ApiError> {
    let len = path_param::<u64>("byte count", &raw)?.min(MAX_BYTES);
    Ok((
        [(CONTENT_TYPE, "application/octet-stream")],
        binary_pattern(len),
    ))
}

/// Bytes counting 0x00..=0xFF over and over, except that the body opens with 0xFF 0xFE:
/// 0xFF never occurs in UTF-8, so even a one-byte body fails a text decode, and the pair
/// is a UTF-16 byte-order mark, a classic trap for clients that sniff encodings.
fn binary_pattern(len: u64) -> Vec<u8> {
    let mut body: Vec<u8> = (0..len).map(|i| (i % 256) as u8).collect();
    for (byte, lead) in body.iter_mut().zip([0xFF, 0xFE]) {
        *byte = lead;
    }
    body
}

/// Streams `bytes` bytes (default 10) of `*` spread evenly over `duration_ms`
/// milliseconds (default 1000). The status and headers go out at once and the last chunk
/// leaves no earlier than `duration_ms` after the request, so a client sees a fast first
/// byte and a slow body.
async fn drip(Query(query): Query<HashMap<String, String>>) -> Result<impl IntoResponse, ApiError> {
    let total = query_param::<u64>(&query, "bytes", 10)?.min(MAX_DRIP_BYTES);
    let duration_ms = query_param::<u64>(&query, "duration_ms", 1000)?.min(MAX_DELAY_MS);
    let chunks = total.min(duration_ms / DRIP_TICK_MS).max(1);
    let start = Instant::now();

    // Chunk `k` (1-based) leaves at k/chunks of the duration, carrying the bytes that
    // bring the running total to k/chunks of `total`; integer maths keeps it exact.
    let body = stream::unfold(0, move |sent_chunks| async move {
        if sent_chunks == chunks {
            return None;
        }
        let k = sent_chunks + 1;
        tokio::time::sleep_until(start + Duration::from_millis(duration_ms * k / chunks)).await;
        let len = total * k / chunks - total * sent_chunks / chunks;
        let len = usize::try_from(len).expect("a drip chunk is at most MAX_DRIP_BYTES long");
        let chunk = Bytes::from(vec![b'*'; len]);
        Some((Ok::<_, Infallible>(chunk), k))
    });

    Ok((
        [
            (CONTENT_TYPE, "application/octet-stream".to_owned()),
            (CONTENT_LENGTH, total.to_string()),
        ],
        Body::from_stream(body),
    ))
}

#[cfg(test)]
mod tests {
    use super::binary_pattern;

    #[test]
    fn binary_pattern_is_never_utf8() {
        for len in 1..600 {
            assert!(
                std::str::from_utf8(&binary_pattern(len)).is_err(),
                "len {len}"
            );
        }
        assert!(binary_pattern(0).is_empty());
        assert_eq!(&binary_pattern(4), &[0xFF, 0xFE, 0x02, 0x03]);
    }
}
