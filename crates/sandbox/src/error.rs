//! The one error shape every route answers with, and the input parsing that produces it.
//!
//! Clients of the sandbox are test cases asserting on responses, so a bad request gets a
//! JSON body `{"error": "..."}` that names the offending input, never a bare status or a
//! plain-text rejection.

use std::collections::HashMap;
use std::fmt::Display;
use std::str::FromStr;

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

/// An HTTP error answer: a status and a message for the `error` field.
#[derive(Debug)]
pub(crate) struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    pub(crate) fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Self {
            status,
            message: message.into(),
        }
    }

    pub(crate) fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }

    pub(crate) fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(json!({ "error": self.message }))).into_response()
    }
}

/// Parses a request body as a JSON object.
///
/// Done by hand rather than with axum's `Json` extractor so that a missing
/// `Content-Type` is accepted (API tools often omit it) and every failure is a 400 with
/// serde's line/column description instead of a mix of 400/415/422 in plain text.
pub(crate) fn json_object(body: &[u8]) -> Result<Map<String, Value>, ApiError> {
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(object)) => Ok(object),
        Ok(other) => Err(ApiError::bad_request(format!(
            "request body must be a JSON object, got {}",
            kind_of(&other)
        ))),
        Err(err) => Err(ApiError::bad_request(format!("invalid JSON body: {err}"))),
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Parses a path segment such as the `7` of `/delay/7`, naming it on failure.
pub(crate) fn path_param<T>(name: &str, raw: &str) -> Result<T, ApiError>
where
    T: FromStr,
    T::Err: Display,
{
    raw.parse()
        .map_err(|err| ApiError::bad_request(format!("invalid {name} {raw:?} in path: {err}")))
}

/// Reads an optional query parameter, falling back to `default` when it is absent.
pub(crate) fn query_param<T>(
    query: &HashMap<String, String>,
    name: &str,
    default: T,
) -> Result<T, ApiError>
where
    T: FromStr,
    T::Err: Display,
{
    match query.get(name) {
        None => Ok(default),
        Some(raw) => raw.parse().map_err(|err| {
            ApiError::bad_request(format!("invalid query parameter {name}={raw:?}: {err}"))
        }),
    }
}
