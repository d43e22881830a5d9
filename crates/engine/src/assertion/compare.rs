//! Predicates over an actual value and an expected value.

use std::fmt;

use serde_json::Value;

use super::{Compiled, ExpectedValue};
use crate::model::Predicate;

/// What a query found in the response.
pub enum Actual {
    Value(Value),
    /// A header that is absent, a JSONPath that matched nothing.
    Missing,
    /// The query could not run (the body is not JSON, say).
    Error(String),
}

impl fmt::Display for Actual {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Actual::Value(v) => write!(f, "{v}"),
            Actual::Missing => f.write_str("(nothing)"),
            Actual::Error(e) => write!(f, "(error: {e})"),
        }
    }
}

/// Returns whether the predicate holds, and a message saying why not.
pub fn check(
    predicate: Predicate,
    actual: &Actual,
    expected: Option<&ExpectedValue>,
    compiled: &mut Compiled,
) -> (bool, String) {
    let value = match (predicate, actual) {
        (_, Actual::Error(e)) => return (false, e.clone()),
        (Predicate::Exists, Actual::Missing) => return (false, "nothing found".into()),
        (Predicate::Exists, Actual::Value(_)) => return (true, String::new()),
        (Predicate::NotExists, Actual::Missing) => return (true, String::new()),
        (Predicate::NotExists, Actual::Value(v)) => return (false, format!("found {v}")),
        (_, Actual::Missing) => return (false, "nothing found to compare".into()),
        (_, Actual::Value(v)) => v,
    };
    let Some(expected) = expected else {
        return (false, "no expected value".into());
    };
    let holds = match predicate {
        Predicate::Eq => equal(value, expected),
        Predicate::Ne => !equal(value, expected),
        Predicate::Lt | Predicate::Le | Predicate::Gt | Predicate::Ge => {
            let (Some(a), Some(b)) = (number(value), number(&expected.value)) else {
                return (
                    false,
                    format!("cannot compare {value} with {} as numbers", expected.value),
                );
            };
            match predicate {
                Predicate::Lt => a < b,
                Predicate::Le => a <= b,
                Predicate::Gt => a > b,
                _ => a >= b,
            }
        }
        Predicate::Contains => contains(value, &expected.value),
        Predicate::Matches => {
            let Value::String(pattern) = &expected.value else {
                return (
                    false,
                    format!("`matches` needs a string pattern, got {}", expected.value),
                );
            };
            match compiled.regex(pattern) {
                Ok(regex) => regex.is_match(&text(value)),
                Err(e) => return (false, e),
            }
        }
        Predicate::Exists | Predicate::NotExists => true,
    };
    let message = if holds {
        String::new()
    } else {
        match predicate {
            Predicate::Eq => format!("expected {}, got {value}", expected.value),
            _ => format!(
                "expected {} {}, got {value}",
                verb(predicate),
                expected.value
            ),
        }
    };
    (holds, message)
}

/// How a failure message puts the predicate: "expected ... to contain ...".
fn verb(predicate: Predicate) -> &'static str {
    match predicate {
        Predicate::Contains => "to contain",
        Predicate::Matches => "to match",
        other => other.as_str(),
    }
}

/// JSON equality where 201 equals 201.0, and a text variable also equals the value its
/// text spells (`"42"` equals `42` when `loose`).
fn equal(actual: &Value, expected: &ExpectedValue) -> bool {
    if json_equal(actual, &expected.value) {
        return true;
    }
    match (&expected.value, expected.loose) {
        (Value::String(text), true) => match actual {
            Value::String(_) => false,
            other => serde_json::from_str::<Value>(text).is_ok_and(|v| json_equal(other, &v)),
        },
        _ => false,
    }
}

fn json_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_f64(), y.as_f64()) {
            (Some(x), Some(y)) => x == y,
            _ => x == y,
        },
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| json_equal(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| json_equal(v, w)))
        }
        _ => a == b,
    }
}

/// Numbers, and text that spells a number (header values are text).
fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Text contains text; an array contains an element; an object contains a key.
fn contains(actual: &Value, expected: &Value) -> bool {
    match actual {
        Value::Array(items) => items.iter().any(|item| json_equal(item, expected)),
        Value::Object(map) => expected.as_str().is_some_and(|key| map.contains_key(key)),
        other => text(other).contains(&text(expected)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn run(predicate: Predicate, actual: Value, expected: Value) -> bool {
        let expected = ExpectedValue {
            value: expected,
            loose: false,
        };
        check(
            predicate,
            &Actual::Value(actual),
            Some(&expected),
            &mut Compiled::default(),
        )
        .0
    }

    #[test]
    fn predicates_hold_and_fail() {
        assert!(run(Predicate::Eq, json!(201), json!(201.0)));
        assert!(!run(Predicate::Eq, json!("201"), json!(201)));
        assert!(run(Predicate::Ne, json!(404), json!(200)));
        assert!(run(Predicate::Lt, json!(12), json!(1000)));
        assert!(
            run(Predicate::Lt, json!("12"), json!(1000)),
            "header text as number"
        );
        assert!(!run(Predicate::Ge, json!("abc"), json!(1)));
        assert!(run(
            Predicate::Contains,
            json!("application/json"),
            json!("json")
        ));
        assert!(run(Predicate::Contains, json!(["a", "b"]), json!("b")));
        assert!(!run(Predicate::Contains, json!(["a", "b"]), json!("c")));
        assert!(run(
            Predicate::Matches,
            json!("abc-123"),
            json!("^abc-\\d+$")
        ));
        assert!(run(
            Predicate::Eq,
            json!({"a": [1, 2]}),
            json!({"a": [1.0, 2]})
        ));
    }

    #[test]
    fn loose_text_variables_equal_numbers() {
        let expected = ExpectedValue {
            value: json!("42"),
            loose: true,
        };
        let actual = Actual::Value(json!(42));
        assert!(
            check(
                Predicate::Eq,
                &actual,
                Some(&expected),
                &mut Compiled::default()
            )
            .0
        );
        let strict = ExpectedValue {
            value: json!("42"),
            loose: false,
        };
        assert!(
            !check(
                Predicate::Eq,
                &actual,
                Some(&strict),
                &mut Compiled::default()
            )
            .0
        );
    }

    #[test]
    fn missing_and_errors_are_explained() {
        let mut c = Compiled::default();
        assert!(check(Predicate::NotExists, &Actual::Missing, None, &mut c).0);
        let (ok, msg) = check(Predicate::Exists, &Actual::Missing, None, &mut c);
        assert!(!ok && msg.contains("nothing"));
        let (ok, msg) = check(
            Predicate::Eq,
            &Actual::Error("the body is not JSON".into()),
            None,
            &mut c,
        );
        assert!(!ok && msg.contains("not JSON"));
    }
}
