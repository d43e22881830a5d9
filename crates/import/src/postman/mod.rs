//! Postman collections (v2.0 and v2.1) and environments, read into the engine's model.
//!
//! Postman's files vary more than its schema says (strings where objects are expected,
//! `enabled` in v2.0 and `disabled` in v2.1, auth parameters as a map or a list), so the
//! reader walks `serde_json::Value`s and notes, by item and field, everything it cannot
//! carry over instead of refusing the file.

mod auth;
mod behavior;
mod body;
mod environment;
mod export;
mod export_request;
mod items;
mod request;
mod rows;
mod scripts;
mod url;

use apiautotest_engine::model::Collection;
use serde_json::Value;

use crate::{ImportError, Unmapped};

pub use environment::{ImportedEnvironment, ImportedVariable, environment};
pub use export::export;

/// A Postman collection as the engine's collection, and what did not map.
#[derive(Debug, Clone)]
pub struct ImportedCollection {
    pub collection: Collection,
    pub unmapped: Vec<Unmapped>,
}

/// Reads a Postman collection export (v2.0 or v2.1, bare or in Postman API's
/// `{"collection": ...}` envelope).
pub fn collection(text: &str) -> Result<ImportedCollection, ImportError> {
    let value = parse_json(text)?;
    let root = match value.get("collection") {
        Some(inner) if inner.is_object() && !is_collection(&value) => inner,
        _ => &value,
    };
    if root.get("requests").is_some() && root.get("order").is_some() {
        return Err(ImportError::new(
            "this is a Postman collection in the v1 format, which is not read: open it in \
             Postman and export it as Collection v2.1",
        ));
    }
    if !is_collection(root) {
        return Err(ImportError::new(
            "not a Postman collection: expected an object with `info` and `item` (export it \
             from Postman as Collection v2.1)",
        ));
    }
    Ok(items::read_collection(root))
}

/// True for a Postman v2 collection's root object.
pub fn is_collection(value: &Value) -> bool {
    let Some(info) = value.get("info").and_then(Value::as_object) else {
        return false;
    };
    let schema_says = info
        .get("schema")
        .and_then(Value::as_str)
        .is_some_and(|s| s.contains("getpostman.com/json/collection"));
    schema_says || value.get("item").is_some_and(Value::is_array)
}

/// JSON text, with a UTF-8 byte order mark allowed (Windows tools write one).
fn parse_json(text: &str) -> Result<Value, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text).map_err(|e| ImportError::json(&e))
}

/// A JSON scalar as the text Postman would use for it (`null` is empty).
fn scalar_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}
