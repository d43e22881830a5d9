//! Collections and their cases: the definitions a user writes in a collection file.

use std::sync::Arc;

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::assertion::{Assertion, Capture};

/// Ordered name -> value pairs. Order is kept so files round-trip with small diffs.
pub type Variables = IndexMap<String, String>;

/// A named, ordered list of test cases with the variables they share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Collection {
    pub name: String,
    #[serde(
        default,
        skip_serializing_if = "IndexMap::is_empty",
        deserialize_with = "scalar_map"
    )]
    pub variables: Variables,
    /// Shared, so a plan takes them over without copying (a plan can hold 100k cases).
    #[serde(default)]
    pub cases: Vec<Arc<Case>>,
}

/// One HTTP test case: a request template, the assertions on its response and the values
/// it captures for later cases.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub name: String,
    pub request: RequestTemplate,
    /// Shared: identical lines in one file are parsed once (see `interning`).
    #[serde(
        default,
        rename = "assert",
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::assertion::deserialize_assertions"
    )]
    pub assertions: Vec<Arc<Assertion>>,
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub capture: IndexMap<String, Capture>,
}

/// A request whose strings may hold `{{variable}}` templates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestTemplate {
    #[serde(deserialize_with = "method")]
    pub method: String,
    pub url: String,
    #[serde(
        default,
        skip_serializing_if = "IndexMap::is_empty",
        deserialize_with = "scalar_map"
    )]
    pub headers: Variables,
    /// Raw body text, sent as it is (after templating).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// A JSON document written as YAML; sent as JSON with `Content-Type: application/json`
    /// unless the case sets its own. String values may hold templates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub json: Option<serde_json::Value>,
    /// URL-encoded form fields, sent as `application/x-www-form-urlencoded`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_scalar_map"
    )]
    pub form: Option<Variables>,
    /// Overrides the batch's per-request timeout for this case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_ms: Option<u64>,
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
