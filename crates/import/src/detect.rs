//! Which importer reads a file, from its contents (names lie: `x.json` is anything).

use serde_json::Value;

/// The formats this crate reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A Postman collection, v2.0 or v2.1, also inside the `{"collection": ...}` envelope
    /// of Postman's API.
    PostmanCollection,
    /// A Postman environment or globals export (`{"values": [...]}`).
    PostmanEnvironment,
}

/// The format of a file's text, when it is one this crate reads.
pub fn detect(text: &str) -> Option<Format> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if !trimmed.starts_with('{') {
        return None;
    }
    let value: Value = serde_json::from_str(trimmed).ok()?;
    let object = value.as_object()?;
    let collection = object
        .get("collection")
        .filter(|c| c.is_object())
        .unwrap_or(&value);
    if crate::postman::is_collection(collection) {
        return Some(Format::PostmanCollection);
    }
    if object.get("values").is_some_and(Value::is_array) {
        return Some(Format::PostmanEnvironment);
    }
    None
}
