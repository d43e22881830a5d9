//! `/items`: an in-memory CRUD collection, the classic target for create-capture-reuse
//! test flows (POST an item, capture its `id`, GET/PUT/DELETE it).

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, PoisonError};

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Map, Value};

use crate::error::{ApiError, json_object};

type Item = Map<String, Value>;

/// The stored items, keyed by id. Ids start at 1 and are never reused, so a test that
/// deleted item 3 can rely on a GET of 3 being a 404 for the rest of the run.
#[derive(Debug, Default)]
pub(crate) struct Items {
    inner: Mutex<Store>,
}

#[derive(Debug, Default)]
struct Store {
    last_id: u64,
    items: BTreeMap<u64, Item>,
}

impl Items {
    /// Every handler holds the lock only for a map operation, so a poisoned lock still
    /// guards consistent data and is safe to keep using.
    fn store(&self) -> std::sync::MutexGuard<'_, Store> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

pub(crate) fn routes() -> Router<Arc<Items>> {
    Router::new()
        .route("/items", get(list).post(create))
        .route("/items/{id}", get(read).put(replace).delete(remove))
}

async fn list(State(items): State<Arc<Items>>) -> Json<Vec<Item>> {
    Json(items.store().items.values().cloned().collect())
}

/// Answers 201 with the stored item plus `"ok": true`, a flag that exists only so demo
/// cases have a boolean to assert on; it is not stored.
async fn create(State(items): State<Arc<Items>>, body: Bytes) -> Result<Response, ApiError> {
    let mut item = json_object(&body)?;
    let mut store = items.store();
    store.last_id += 1;
    let id = store.last_id;
    item.insert("id".into(), id.into());
    store.items.insert(id, item.clone());
    drop(store);

    item.insert("ok".into(), true.into());
    Ok((StatusCode::CREATED, Json(item)).into_response())
}

async fn read(
    State(items): State<Arc<Items>>,
    Path(raw_id): Path<String>,
) -> Result<Json<Item>, ApiError> {
    let id = existing_id(&raw_id)?;
    items
        .store()
        .items
        .get(&id)
        .cloned()
        .map(Json)
        .ok_or_else(|| not_found(&raw_id))
}

/// Replaces the whole item (PUT semantics, not a merge) and answers with it; the `id`
/// always comes from the path, whatever the body says.
async fn replace(
    State(items): State<Arc<Items>>,
    Path(raw_id): Path<String>,
    body: Bytes,
) -> Result<Json<Item>, ApiError> {
    let id = existing_id(&raw_id)?;
    let mut item = json_object(&body)?;
    item.insert("id".into(), id.into());
    match items.store().items.get_mut(&id) {
        Some(slot) => {
            slot.clone_from(&item);
            Ok(Json(item))
        }
        None => Err(not_found(&raw_id)),
    }
}

async fn remove(
    State(items): State<Arc<Items>>,
    Path(raw_id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let id = existing_id(&raw_id)?;
    match items.store().items.remove(&id) {
        Some(_) => Ok(StatusCode::NO_CONTENT),
        None => Err(not_found(&raw_id)),
    }
}

/// An id that is not a positive integer cannot name a stored item, so it is a 404 like
/// any other unknown id rather than a separate validation error.
fn existing_id(raw: &str) -> Result<u64, ApiError> {
    raw.parse().map_err(|_| not_found(raw))
}

fn not_found(raw_id: &str) -> ApiError {
    ApiError::not_found(format!("item {raw_id} not found"))
}
