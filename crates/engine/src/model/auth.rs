//! Request authorization, set on a case, a folder or the collection, and inherited
//! downwards: a case without its own `auth` uses its nearest folder's, then the
//! collection's.

use serde::{Deserialize, Serialize};

/// How a request authorizes itself. Every string may hold `{{templates}}`.
///
/// In a collection file: `auth: none`, `auth: {bearer: {token: "{{token}}"}}`,
/// `auth: {basic: {username: u, password: "{{pw}}"}}`,
/// `auth: {api_key: {name: X-Api-Key, value: "{{key}}", in: header}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Auth {
    /// No authorization, even where a folder or the collection sets one.
    None,
    /// `Authorization: Basic base64(username:password)`.
    Basic { username: String, password: String },
    /// `Authorization: Bearer token`.
    Bearer { token: String },
    /// A key sent as a header or a query parameter.
    ApiKey {
        name: String,
        value: String,
        #[serde(default, rename = "in")]
        location: ApiKeyLocation,
    },
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum ApiKeyLocation {
    #[default]
    Header,
    Query,
}

impl Auth {
    /// Every string that may hold templates (for unknown-variable checks).
    pub fn strings(&self) -> Vec<&str> {
        match self {
            Auth::None => Vec::new(),
            Auth::Basic { username, password } => vec![username, password],
            Auth::Bearer { token } => vec![token],
            Auth::ApiKey { name, value, .. } => vec![name, value],
        }
    }
}
