//! `/login` and `/protected`: a bearer-token flow for testing captures (log in, extract
//! the token, send it on the next request) and 401 handling.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::header::{AUTHORIZATION, WWW_AUTHENTICATE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;

use crate::error::{ApiError, json_object};

/// The one password `/login` accepts, for any non-empty username.
pub(crate) const PASSWORD: &str = "secret";

/// Tokens issued by `/login`, mapped to the username they were issued for. Tokens never
/// expire: the sandbox lives for one test run.
#[derive(Debug, Default)]
pub(crate) struct Sessions {
    tokens: Mutex<HashMap<String, String>>,
}

impl Sessions {
    /// A new token for `user`.
    pub(crate) fn issue(&self, user: &str) -> String {
        let token = uuid::Uuid::new_v4().simple().to_string();
        self.tokens().insert(token.clone(), user.to_owned());
        token
    }

    fn tokens(&self) -> std::sync::MutexGuard<'_, HashMap<String, String>> {
        // Only single map operations happen under the lock: poison cannot leave it torn.
        self.tokens.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

pub(crate) fn routes() -> Router<Arc<Sessions>> {
    Router::new()
        .route("/login", post(login))
        .route("/protected", get(protected))
        .merge(crate::oauth::routes())
}

#[derive(Deserialize)]
struct Credentials {
    username: String,
    password: String,
}

async fn login(State(sessions): State<Arc<Sessions>>, body: Bytes) -> Result<Response, ApiError> {
    let credentials: Credentials = serde_json::from_value(json_object(&body)?.into())
        .map_err(|err| ApiError::bad_request(format!("invalid login body: {err}")))?;
    if credentials.username.is_empty() {
        return Err(ApiError::bad_request("username must not be empty"));
    }
    if credentials.password != PASSWORD {
        return Ok(unauthorized("invalid username or password"));
    }

    let token = sessions.issue(&credentials.username);
    Ok(Json(json!({ "token": token, "token_type": "Bearer" })).into_response())
}

async fn protected(State(sessions): State<Arc<Sessions>>, headers: HeaderMap) -> Response {
    let Some(token) = bearer_token(&headers) else {
        return unauthorized("missing bearer token in the Authorization header");
    };
    match sessions.tokens().get(token) {
        Some(user) => Json(json!({ "user": user })).into_response(),
        None => unauthorized("unknown bearer token"),
    }
}

/// The token of an `Authorization: Bearer <token>` header; the scheme is
/// case-insensitive (RFC 9110 section 11.1).
fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

/// A 401 with the `WWW-Authenticate` challenge RFC 9110 requires on every 401.
fn unauthorized(message: &str) -> Response {
    let mut response = ApiError::new(StatusCode::UNAUTHORIZED, message).into_response();
    response
        .headers_mut()
        .insert(WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    response
}
