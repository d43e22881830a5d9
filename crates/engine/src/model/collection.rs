//! Collections and their cases: the definitions a user writes in a collection file.

use std::sync::Arc;

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::assertion::{Assertion, Capture};
use super::auth::Auth;
use super::multipart::MultipartPart;
use super::request_settings::RequestSettings;
use super::script::Scripts;

/// Ordered name -> value pairs. Order is kept so files round-trip with small diffs.
pub type Variables = IndexMap<String, String>;

/// A named, ordered list of test cases with the variables they share.
///
/// Field order is the order a saved file shows them in: keep it stable, so that saving
/// an unchanged collection rewrites the same text (small diffs in git).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(deny_unknown_fields)]
pub struct Collection {
    pub name: String,
    #[serde(
        default,
        skip_serializing_if = "IndexMap::is_empty",
        deserialize_with = "scalar_map"
    )]
    #[cfg_attr(feature = "ts", ts(as = "Option<Variables>", optional))]
    pub variables: Variables,
    /// Used by every case that sets no `auth` and whose folders set none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub auth: Option<Auth>,
    /// Run around every case of the collection, before the folders' and the case's own.
    #[serde(default, skip_serializing_if = "Scripts::is_empty")]
    #[cfg_attr(feature = "ts", ts(as = "Option<Scripts>", optional))]
    pub scripts: Scripts,
    /// Folders that have settings, or no cases yet; a case names its folder by path.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(as = "Option<Vec<Folder>>", optional))]
    pub folders: Vec<Folder>,
    /// Shared, so a plan takes them over without copying (a plan can hold 100k cases).
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(as = "Vec<Case>"))]
    pub cases: Vec<Arc<Case>>,
}

/// A folder of the collection's tree, named by its path from the root (`users/admin`).
/// Folders exist because a case or a `folders` entry names them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(deny_unknown_fields)]
pub struct Folder {
    pub path: String,
    /// Used by the cases in this folder and its subfolders that set none themselves.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub auth: Option<Auth>,
    /// Run around every case of this folder and its subfolders.
    #[serde(default, skip_serializing_if = "Scripts::is_empty")]
    #[cfg_attr(feature = "ts", ts(as = "Option<Scripts>", optional))]
    pub scripts: Scripts,
}

/// One HTTP test case: a request template, the assertions on its response and the values
/// it captures for later cases.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub name: String,
    /// The folder's path (`users/admin`); none for a case at the collection's root.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub folder: Option<String>,
    pub request: RequestTemplate,
    /// Shared: identical lines in one file are parsed once (see `interning`).
    #[serde(
        default,
        rename = "assert",
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::assertion::deserialize_assertions"
    )]
    #[cfg_attr(feature = "ts", ts(as = "Option<Vec<AssertionText>>", optional))]
    pub assertions: Vec<Arc<Assertion>>,
    /// Variable name -> where its value comes from, e.g. `jsonpath $.id`.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    #[cfg_attr(feature = "ts", ts(as = "Option<IndexMap<String, String>>", optional))]
    pub capture: IndexMap<String, Capture>,
    /// The case's own pre-request and test scripts (Postman's `pm` API).
    #[serde(default, skip_serializing_if = "Scripts::is_empty")]
    #[cfg_attr(feature = "ts", ts(as = "Option<Scripts>", optional))]
    pub scripts: Scripts,
}

/// A request whose strings may hold `{{variable}}` templates. At most one body form
/// (`body`, `json`, `form`, `multipart`, `file`) is set. Header and form names starting with `~`
/// are disabled rows (see `multipart::is_disabled`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(deny_unknown_fields)]
pub struct RequestTemplate {
    #[serde(deserialize_with = "method")]
    pub method: String,
    pub url: String,
    /// None inherits the folder's or the collection's; `none` sends no authorization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub auth: Option<Auth>,
    #[serde(
        default,
        skip_serializing_if = "IndexMap::is_empty",
        deserialize_with = "scalar_map"
    )]
    #[cfg_attr(feature = "ts", ts(as = "Option<Variables>", optional))]
    pub headers: Variables,
    /// Raw body text, sent as it is (after templating).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub body: Option<String>,
    /// A JSON document written as YAML; sent as JSON with `Content-Type: application/json`
    /// unless the case sets its own. String values may hold templates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub json: Option<serde_json::Value>,
    /// URL-encoded form fields, sent as `application/x-www-form-urlencoded`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_scalar_map"
    )]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub form: Option<Variables>,
    /// Text fields and files, sent as `multipart/form-data`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub multipart: Option<Vec<MultipartPart>>,
    /// A file sent as the whole body (relative to the collection file's folder), read
    /// when the request is sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub file: Option<String>,
    /// Overrides the batch's per-request timeout for this case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "number"))]
    pub timeout_ms: Option<u64>,
    /// Redirects, certificate checks and cookies for this request, where they differ
    /// from the batch's.
    #[serde(default, skip_serializing_if = "RequestSettings::is_default")]
    #[cfg_attr(feature = "ts", ts(as = "Option<RequestSettings>", optional))]
    pub settings: RequestSettings,
}

impl RequestTemplate {
    /// RFC 9110 section 9.2.2: sending these twice has the effect of sending them once, so a
    /// case whose outcome is unknown after a crash may be sent again.
    pub fn is_idempotent(&self) -> bool {
        matches!(
            self.method.as_str(),
            "GET" | "HEAD" | "OPTIONS" | "TRACE" | "PUT" | "DELETE"
        )
    }
}

fn method<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let raw = String::deserialize(d)?;
    let upper = raw.trim().to_ascii_uppercase();
    let is_token = !upper.is_empty()
        && upper
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
    if is_token {
        Ok(upper)
    } else {
        Err(serde::de::Error::custom(format!(
            "invalid HTTP method {raw:?} (expected GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS ...)"
        )))
    }
}

/// A map whose values may be written as any YAML scalar (`port: 8080`, `debug: true`) and
/// are kept as the text the user wrote.
fn scalar_map<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Variables, D::Error> {
    let raw: IndexMap<String, Scalar> = IndexMap::deserialize(d)?;
    Ok(raw.into_iter().map(|(k, v)| (k, v.0)).collect())
}

fn opt_scalar_map<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Variables>, D::Error> {
    scalar_map(d).map(Some)
}

/// A YAML scalar read as text.
struct Scalar(String);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Scalar;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string, number or boolean")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar(v.to_owned()))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Scalar, E> {
                Ok(Scalar(v))
            }
            fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// An assertion as a file (and the editor) writes it: a line, or a JSON Schema inline or
/// from a file. Exists only to type `Case::assertions` in the generated TypeScript.
#[cfg(feature = "ts")]
#[derive(ts_rs::TS)]
#[ts(export, untagged)]
#[allow(dead_code)]
enum AssertionText {
    Line(String),
    Schema { schema: serde_json::Value },
    SchemaFile { schema_file: String },
}

impl Collection {
    /// The authorization a case is sent with: its own, else its nearest folder's, else the
    /// collection's. `Some(Auth::None)` and `None` both send none.
    pub fn effective_auth<'a>(&'a self, case: &'a Case) -> Option<&'a Auth> {
        if let Some(auth) = &case.request.auth {
            return Some(auth);
        }
        let mut path = case.folder.as_deref();
        while let Some(folder) = path {
            let set_here = self
                .folders
                .iter()
                .find(|f| f.path == folder)
                .and_then(|f| f.auth.as_ref());
            if set_here.is_some() {
                return set_here;
            }
            path = folder.rsplit_once('/').map(|(parent, _)| parent);
        }
        self.auth.as_ref()
    }

    /// Writes inherited authorization into each case that sets none, so a case carries
    /// everything it is sent with (a frozen plan must not depend on its folders). Costs
    /// nothing when neither the collection nor a folder sets any.
    pub fn resolve_inherited_auth(&mut self) {
        if self.auth.is_none() && self.folders.iter().all(|f| f.auth.is_none()) {
            return;
        }
        let inherited: Vec<Option<Auth>> = self
            .cases
            .iter()
            .map(|case| match case.request.auth {
                Some(_) => None,
                None => self.effective_auth(case).cloned(),
            })
            .collect();
        for (case, auth) in self.cases.iter_mut().zip(inherited) {
            if auth.is_some() {
                Arc::make_mut(case).request.auth = auth;
            }
        }
    }
}
