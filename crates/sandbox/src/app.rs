//! Assembles the routes of every module into the one router the server runs.

use std::sync::Arc;

use axum::Router;
use axum::http::{Method, StatusCode, Uri};
use axum::middleware;

use crate::error::ApiError;
use crate::faults::Faults;
use crate::hits::{self, Hits};
use crate::server::OutageSwitch;
use crate::{auth, faults, items, misc, streams};

/// The whole API. Each module keeps its own state; only the hit counters and the outage
/// switch come from outside, because the [`crate::Sandbox`] handle reads or drives them.
pub(crate) fn router(hits: Arc<Hits>, outages: OutageSwitch) -> Router {
    Router::new()
        .merge(items::routes().with_state(Arc::default()))
        .merge(auth::routes().with_state(Arc::default()))
        .merge(misc::routes())
        .merge(streams::routes())
        .merge(faults::routes().with_state(Faults::new(outages)))
        .merge(hits::routes().with_state(Arc::clone(&hits)))
        .fallback(no_route)
        .method_not_allowed_fallback(method_not_allowed)
        // Added last so that it wraps the fallbacks too: every request counts.
        .layer(middleware::from_fn_with_state(hits, hits::count))
}

async fn no_route(method: Method, uri: Uri) -> ApiError {
    ApiError::not_found(format!("no route for {method} {}", uri.path()))
}

async fn method_not_allowed(method: Method, uri: Uri) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        format!("method {method} is not allowed on {}", uri.path()),
    )
}
