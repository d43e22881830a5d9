//! Assertion and capture *definitions*, as written in a collection file.
//!
//! An assertion is one line of text, `QUERY PREDICATE [VALUE]`:
//!
//! ```text
//! status == 201
//! header Content-Type contains "json"
//! jsonpath $.items[?@.price < 10].name exists
//! body matches "^\\{"
//! duration < 1000
//! ```
//!
//! or, for JSON Schema, a map: `{schema: {...}}` inline or `{schema_file: path}`.
//! Parsing validates everything that can be validated before a request is sent (JSONPath
//! syntax, regex syntax, value types), so a bad assertion is a file error with a line and
//! column, never a failed run.

mod as_written;
mod intern;
mod parse;

pub use as_written::as_written;
pub use intern::{assertions as deserialize_assertions, interning};

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

/// What part of the response an assertion or capture looks at.
#[derive(Debug, Clone, PartialEq)]
pub enum Query {
    Status,
    /// A response header, by case-insensitive name.
    Header(String),
    /// An RFC 9535 JSONPath over the response body parsed as JSON.
    JsonPath(String),
    /// The body as text.
    Body,
    /// Time to the end of the response body, in milliseconds.
    Duration,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Predicate {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Contains,
    Matches,
    Exists,
    NotExists,
}

/// The right-hand side of an assertion.
#[derive(Debug, Clone, PartialEq)]
pub enum Expected {
    /// A JSON literal. Strings may hold `{{templates}}`, rendered at run time.
    Literal(Value),
    /// A lone `{{name}}`: takes the variable's value with its JSON type when it was
    /// captured (so `jsonpath $.id == {{item_id}}` compares numbers with numbers).
    Variable(String),
}

/// Where a JSON Schema comes from. Files are read when the collection is loaded, so a
/// frozen batch plan never depends on files that may change later.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SchemaSource {
    /// The file it was read from, relative to the collection file, when it came from one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The schema itself (`Value::Null` until a file has been read).
    pub schema: Value,
}

/// One assertion definition.
#[derive(Debug, Clone, PartialEq)]
pub enum Assertion {
    Compare {
        query: Query,
        predicate: Predicate,
        expected: Option<Expected>,
    },
    JsonSchema(SchemaSource),
}

/// Where a capture takes its value from.
#[derive(Debug, Clone, PartialEq)]
pub enum CaptureSource {
    Query(Query),
    /// The first capture group (or the whole match) of a regex over the body.
    Regex(String),
}

/// A value taken from a response into a variable for the following cases.
#[derive(Debug, Clone, PartialEq)]
pub struct Capture(pub CaptureSource);

impl Predicate {
    /// The predicate as written in a collection file.
    pub fn as_str(self) -> &'static str {
        match self {
            Predicate::Eq => "==",
            Predicate::Ne => "!=",
            Predicate::Lt => "<",
            Predicate::Le => "<=",
            Predicate::Gt => ">",
            Predicate::Ge => ">=",
            Predicate::Contains => "contains",
            Predicate::Matches => "matches",
            Predicate::Exists => "exists",
            Predicate::NotExists => "not exists",
        }
    }

    fn takes_value(self) -> bool {
        !matches!(self, Predicate::Exists | Predicate::NotExists)
    }

    fn is_ordering(self) -> bool {
        matches!(
            self,
            Predicate::Lt | Predicate::Le | Predicate::Gt | Predicate::Ge
        )
    }
}

impl fmt::Display for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Query::Status => f.write_str("status"),
            Query::Header(name) => write!(f, "header {name}"),
            Query::JsonPath(expr) => write!(f, "jsonpath {expr}"),
            Query::Body => f.write_str("body"),
            Query::Duration => f.write_str("duration"),
        }
    }
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expected::Literal(v) => write!(f, "{v}"),
            Expected::Variable(name) => write!(f, "{{{{{name}}}}}"),
        }
    }
}

impl fmt::Display for Assertion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Assertion::Compare {
                query,
                predicate,
                expected,
            } => {
                write!(f, "{query} {}", predicate.as_str())?;
                match expected {
                    Some(e) => write!(f, " {e}"),
                    None => Ok(()),
                }
            }
            Assertion::JsonSchema(SchemaSource {
                file: Some(file), ..
            }) => {
                write!(f, "schema_file {file}")
            }
            Assertion::JsonSchema(_) => f.write_str("schema (inline)"),
        }
    }
}

impl Serialize for Assertion {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Assertion::Compare { .. } => s.collect_str(self),
            Assertion::JsonSchema(source) => {
                use serde::ser::SerializeMap;
                let mut map = s.serialize_map(Some(1))?;
                match (&source.file, as_written::active()) {
                    (Some(file), true) => map.serialize_entry("schema_file", file)?,
                    (None, true) => map.serialize_entry("schema", &source.schema)?,
                    (_, false) => map.serialize_entry("schema", source)?,
                }
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Assertion {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct AssertionVisitor;
        impl<'de> Visitor<'de> for AssertionVisitor {
            type Value = Assertion;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "an assertion such as `status == 200`, or a map with `schema` or `schema_file`",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Assertion, E> {
                Assertion::parse(v).map_err(E::custom)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Assertion, A::Error> {
                let Some(key) = map.next_key::<String>()? else {
                    return Err(de::Error::custom(
                        "empty map: expected `schema` or `schema_file`",
                    ));
                };
                let source = match key.as_str() {
                    "schema_file" => SchemaSource {
                        file: Some(map.next_value()?),
                        schema: Value::Null,
                    },
                    // Inline, or a stored snapshot ({file, schema}) written by `Serialize`.
                    "schema" => {
                        let value: Value = map.next_value()?;
                        match serde_json::from_value::<SchemaSource>(value.clone()) {
                            Ok(stored) if value.get("schema").is_some() => stored,
                            _ => SchemaSource {
                                file: None,
                                schema: value,
                            },
                        }
                    }
                    other => {
                        return Err(de::Error::custom(format!(
                            "unknown assertion key {other:?}: expected `schema` or `schema_file`"
                        )));
                    }
                };
                if let Some(extra) = map.next_key::<String>()? {
                    return Err(de::Error::custom(format!(
                        "unexpected key {extra:?} next to `{key}`"
                    )));
                }
                if source.file.is_none() {
                    jsonschema::validator_for(&source.schema)
                        .map_err(|e| de::Error::custom(format!("invalid JSON Schema: {e}")))?;
                }
                Ok(Assertion::JsonSchema(source))
            }
        }
        d.deserialize_any(AssertionVisitor)
    }
}

impl fmt::Display for Capture {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            CaptureSource::Query(q) => write!(f, "{q}"),
            CaptureSource::Regex(p) => write!(f, "regex {}", Value::String(p.clone())),
        }
    }
}

impl Serialize for Capture {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Capture {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Capture::parse(&text).map_err(de::Error::custom)
    }
}
