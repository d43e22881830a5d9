//! Per-path request counters, so a test can check what actually reached the server:
//! that a retry really retried, that a skipped case sent nothing, that a resumed batch
//! did not resend finished cases.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, PoisonError};

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Json, Router};

/// Request counts keyed by path, without the query string, for any method.
#[derive(Debug, Default)]
pub(crate) struct Hits {
    counts: Mutex<BTreeMap<String, u64>>,
}

impl Hits {
    pub(crate) fn get(&self, path: &str) -> u64 {
        self.counts().get(path).copied().unwrap_or(0)
    }

    pub(crate) fn snapshot(&self) -> BTreeMap<String, u64> {
        self.counts().clone()
    }

    fn record(&self, path: &str) {
        let mut counts = self.counts();
        match counts.get_mut(path) {
            Some(count) => *count += 1,
            None => {
                counts.insert(path.to_owned(), 1);
            }
        }
    }

    fn clear(&self) {
        self.counts().clear();
    }

    fn counts(&self) -> std::sync::MutexGuard<'_, BTreeMap<String, u64>> {
        // Only single map operations happen under the lock: poison cannot leave it torn.
        self.counts.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Control routes (`/_hits`, `/_outage`, ...) are the test harness talking to the
/// sandbox, not traffic under test, so they are not counted.
fn is_control(path: &str) -> bool {
    path.starts_with("/_")
}

/// Middleware counting every request, matched route or not, before its handler runs, so
/// requests that never complete (`/reset`, a `/delay` cut short) still count.
pub(crate) async fn count(State(hits): State<Arc<Hits>>, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    if !is_control(path) {
        hits.record(path);
    }
    next.run(request).await
}

pub(crate) fn routes() -> Router<Arc<Hits>> {
    Router::new()
        .route("/_hits", get(list))
        .route("/_hits/reset", post(reset))
}

async fn list(State(hits): State<Arc<Hits>>) -> Json<BTreeMap<String, u64>> {
    Json(hits.snapshot())
}

async fn reset(State(hits): State<Arc<Hits>>) -> StatusCode {
    hits.clear();
    StatusCode::NO_CONTENT
}
