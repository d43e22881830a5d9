//! Stateless routes: chosen statuses, slow answers, request echo, chosen response headers
//! and a fixed JSON document. Each gives assertions something known to check against.

use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Path, Query};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get};
use axum::{Json, Router};
use serde_json::{Map, Value, json};

use crate::error::{ApiError, path_param};

/// The longest `/delay` honours; longer asks are cut to this so a typo cannot hang a run.
pub(crate) const MAX_DELAY_MS: u64 = 60_000;

pub(crate) fn routes() -> Router {
    Router::new()
        .route("/status/{code}", any(status))
        .route("/delay/{ms}", get(delay).post(delay))
        .route("/echo", any(echo))
        .route("/echo/{*rest}", any(echo))
        .route("/headers/set", get(set_headers))
        .route("/json/nested", get(nested))
}

/// Answers with the status in the path and `{"status": code}`; `?location=URL` adds a
/// `Location` header (a redirect, with a 3xx).
///
/// 1xx codes are refused: HTTP/1.1 has no way to send an informational status as the final
/// response (hyper would silently turn it into a 500), and a test asking for one should
/// learn that rather than assert against a 500 it did not ask for.
async fn status(
    Path(raw): Path<String>,
    Query(query): Query<Vec<(String, String)>>,
) -> Result<Response, ApiError> {
    let code: u16 = path_param("status code", &raw)?;
    if !(200..=599).contains(&code) {
        return Err(ApiError::bad_request(format!(
            "status code {code} is not a final HTTP status: use 200..=599 \
             (1xx are informational and cannot end an HTTP/1.1 exchange)"
        )));
    }
    let status = StatusCode::from_u16(code)
        .map_err(|err| ApiError::bad_request(format!("status code {code}: {err}")))?;
    // These statuses forbid a body (RFC 9110 sections 15.3.5, 15.3.6, 15.4.5).
    let forbids_body = matches!(code, 204 | 205 | 304);
    let mut response = if forbids_body {
        (status, Body::empty()).into_response()
    } else {
        (status, Json(json!({ "status": code }))).into_response()
    };
    if let Some((_, location)) = query.iter().rev().find(|(k, _)| k == "location") {
        let value = HeaderValue::try_from(location.as_str())
            .map_err(|err| ApiError::bad_request(format!("invalid location: {err}")))?;
        response
            .headers_mut()
            .insert(axum::http::header::LOCATION, value);
    }
    Ok(response)
}

/// Waits `ms` milliseconds (at most [`MAX_DELAY_MS`]) before answering, for timeout tests.
async fn delay(Path(raw): Path<String>) -> Result<Json<Value>, ApiError> {
    let ms = path_param::<u64>("delay in milliseconds", &raw)?.min(MAX_DELAY_MS);
    tokio::time::sleep(Duration::from_millis(ms)).await;
    Ok(Json(json!({ "delayed_ms": ms })))
}

/// Reflects the request back as JSON so a test can check exactly what its client sent:
/// substituted variables, encoded query strings, default and custom headers, bodies.
///
/// A query key given twice keeps its last value and repeated headers are joined with
/// `", "` (RFC 9110 section 5.3), which keeps every value a plain string.
async fn echo(
    method: Method,
    uri: Uri,
    Query(query): Query<Vec<(String, String)>>,
    headers: HeaderMap,
    body: Bytes,
) -> Json<Value> {
    let query: Map<String, Value> = query
        .into_iter()
        .map(|(key, value)| (key, Value::String(value)))
        .collect();

    let mut echoed_headers = Map::new();
    for (name, value) in &headers {
        let value = String::from_utf8_lossy(value.as_bytes());
        match echoed_headers.get_mut(name.as_str()) {
            Some(Value::String(joined)) => {
                joined.push_str(", ");
                joined.push_str(&value);
            }
            _ => {
                echoed_headers.insert(name.as_str().to_owned(), value.into_owned().into());
            }
        }
    }

    Json(json!({
        "method": method.as_str(),
        "path": uri.path(),
        "query": query,
        "headers": echoed_headers,
        "body": String::from_utf8_lossy(&body),
    }))
}

/// Sets every query pair as a response header (`?X-A=1&X-A=2` sends both), for header
/// assertions. A `Content-Type` given here replaces the JSON one.
async fn set_headers(
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<(HeaderMap, Json<Value>), ApiError> {
    let mut headers = HeaderMap::new();
    for (name, value) in pairs {
        let header_name = HeaderName::try_from(name.as_str())
            .map_err(|err| ApiError::bad_request(format!("invalid header name {name:?}: {err}")))?;
        let header_value = HeaderValue::try_from(value.as_str()).map_err(|err| {
            ApiError::bad_request(format!(
                "invalid value {value:?} for header {name:?}: {err}"
            ))
        })?;
        headers.append(header_name, header_value);
    }
    Ok((headers, Json(json!({}))))
}

/// A fixed document exercising what JSONPath assertions meet in practice: nested
/// objects, arrays of objects, floats, an empty array, a boolean and a null.
async fn nested() -> Json<Value> {
    Json(json!({
        "store": {
            "book": [
                { "title": "A", "price": 8.95, "tags": ["x"] },
                { "title": "B", "price": 12.99, "tags": [] }
            ],
            "open": true,
            "owner": null
        }
    }))
}
