//! Multipart form bodies (`multipart/form-data`): text fields and files.

use serde::{Deserialize, Serialize};

/// One part of a multipart body: a text `value` or the contents of a `file`.
///
/// A `file` path is relative to the collection file's folder. Files are read when the
/// request is sent, so a large upload is not held in the collection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(deny_unknown_fields)]
pub struct MultipartPart {
    /// A name starting with `~` marks a disabled row: kept in the file, not sent.
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub value: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub file: Option<String>,
    /// Defaults to what the file name suggests (`application/octet-stream` otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub content_type: Option<String>,
}

/// Rows whose name starts with this are disabled: kept in the file and the editor, never
/// sent. (The convention Bruno's files use for the same purpose.)
pub const DISABLED_PREFIX: char = '~';

/// True for a header, form field or part that is switched off.
pub fn is_disabled(name: &str) -> bool {
    name.starts_with(DISABLED_PREFIX)
}
