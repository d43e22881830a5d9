//! Failures on demand: a deterministic share of 503s, a connection dropped mid-request,
//! and a server that stops listening for a while. They test retries and error reporting
//! without any randomness a test would have to tolerate.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use serde_json::json;

use crate::connection::ConnectionAbort;
use crate::error::{ApiError, query_param};
use crate::server::OutageSwitch;

/// Longest outage `/_outage` honours; longer asks are cut to this.
const MAX_OUTAGE_MS: u64 = 60_000;
/// Outage length when `/_outage` is given no `ms`.
const DEFAULT_OUTAGE_MS: u64 = 1_000;

#[derive(Debug, Clone)]
pub(crate) struct Faults {
    /// Calls to `/flaky` so far, whatever their `fail` share.
    flaky_calls: Arc<AtomicU64>,
    outages: OutageSwitch,
}

impl Faults {
    pub(crate) fn new(outages: OutageSwitch) -> Self {
        Self {
            flaky_calls: Arc::default(),
            outages,
        }
    }
}

pub(crate) fn routes() -> Router<Faults> {
    Router::new()
        .route("/flaky", get(flaky))
        .route("/reset", get(reset))
        .route("/_outage", post(outage))
}

/// Fails with 503 for a share `fail` (default 0.5) of calls, spread evenly and
/// reproducibly: call `n` fails exactly when it raises `floor(n * fail)`, so any 10
/// consecutive calls from the first with `fail=0.3` hold exactly 3 failures.
async fn flaky(
    State(faults): State<Faults>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let share: f64 = query_param(&query, "fail", 0.5)?;
    // Written this way round so that NaN is refused too.
    if !(0.0..=1.0).contains(&share) {
        return Err(ApiError::bad_request(format!(
            "query parameter fail must be a share between 0 and 1, got {share}"
        )));
    }

    let n = faults.flaky_calls.fetch_add(1, Ordering::Relaxed) + 1;
    Ok(
        if failures_through(n, share) > failures_through(n - 1, share) {
            let body = json!({ "ok": false, "n": n, "error": "planned failure from /flaky" });
            (StatusCode::SERVICE_UNAVAILABLE, Json(body)).into_response()
        } else {
            Json(json!({ "ok": true, "n": n })).into_response()
        },
    )
}

/// How many of the first `calls` calls fail: `floor(calls * share)`.
///
/// Shares are short decimals such as 0.3 that binary floats cannot hold exactly, so
/// `calls * share` can land a hair below the integer a person works out by hand (or
/// above it). The epsilon, far below any step a real share makes, snaps such products
/// onto that integer.
fn failures_through(calls: u64, share: f64) -> u64 {
    ((calls as f64) * share + 1e-9).floor() as u64
}

/// Drops the connection without answering, so the client sees a transport error
/// (connection closed before a response) rather than any HTTP status.
async fn reset(Extension(connection): Extension<ConnectionAbort>) -> Response {
    connection.abort();
    // The accept loop drops this handler along with the connection.
    std::future::pending().await
}

/// Answers 202, then the server refuses connections for `ms` milliseconds (default
/// 1000) and listens again on the same port. The answer is sent only once the listening
/// socket is closed, so a connect made after reading it is refused; open keep-alive
/// connections are closed too, this one right after the answer.
async fn outage(
    State(faults): State<Faults>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<impl IntoResponse, ApiError> {
    let ms = query_param(&query, "ms", DEFAULT_OUTAGE_MS)?.min(MAX_OUTAGE_MS);
    faults.outages.begin(Duration::from_millis(ms)).await;
    Ok((StatusCode::ACCEPTED, Json(json!({ "outage_ms": ms }))))
}

#[cfg(test)]
mod tests {
    use super::failures_through;

    #[test]
    fn decimal_shares_fail_the_expected_number_of_calls() {
        for (share, calls, expected) in [
            (0.3, 10, 3),
            (0.1, 10, 1),
            (0.7, 10, 7),
            (0.5, 3, 1),
            (1.0, 5, 5),
            (0.0, 5, 0),
            (0.3, 100, 30),
        ] {
            assert_eq!(
                failures_through(calls, share),
                expected,
                "{share} x {calls}"
            );
        }
    }
}
