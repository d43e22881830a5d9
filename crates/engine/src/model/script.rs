//! Scripts a collection, folder or case runs around its request: JavaScript written for
//! Postman's `pm` API (pre-request and test scripts), run by the script runtime.

use serde::{Deserialize, Serialize};

/// The scripts of one level of the tree. Postman's order applies when a case runs: the
/// collection's pre-request script, then each enclosing folder's from the outermost in,
/// then the case's own; after the response the test scripts in the same order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(deny_unknown_fields)]
pub struct Scripts {
    /// Runs before the request is rendered and sent; may change the request and variables.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub pre: Option<String>,
    /// Runs after the response; each `pm.test` is an assertion outcome of the result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub test: Option<String>,
}

impl Scripts {
    /// True when neither script holds anything but white space.
    pub fn is_empty(&self) -> bool {
        let blank = |s: &Option<String>| s.as_deref().is_none_or(|s| s.trim().is_empty());
        blank(&self.pre) && blank(&self.test)
    }
}
