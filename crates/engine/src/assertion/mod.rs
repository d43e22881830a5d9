//! Evaluating assertion and capture definitions against a response. Definitions live in
//! `model::assertion`; this module turns them into outcomes (expected, actual, message).

mod compare;
mod compiled;
mod response;

pub use compiled::Compiled;
pub use response::ResponseView;

use std::collections::HashMap;

use serde_json::Value;

use crate::model::{
    Assertion, AssertionOutcome, Capture, CaptureSource, Expected, Predicate, Query,
};
use crate::template::{Resolved, Scope};
use compare::Actual;

/// Evaluates one assertion. Never panics, whatever the response holds.
pub fn evaluate(
    assertion: &Assertion,
    response: &ResponseView<'_>,
    scope: &Scope<'_>,
    compiled: &mut Compiled,
) -> AssertionOutcome {
    let text = assertion.to_string();
    match assertion {
        Assertion::Compare {
            query,
            predicate,
            expected,
        } => {
            let actual = query_value(query, response, compiled);
            let expected = match expected
                .as_ref()
                .map(|e| resolve_expected(e, scope))
                .transpose()
            {
                Ok(expected) => expected,
                Err(message) => {
                    return outcome(text, false, String::new(), actual.to_string(), message);
                }
            };
            let (passed, message) =
                compare::check(*predicate, &actual, expected.as_ref(), compiled);
            let expected_text = describe_expected(*predicate, expected.as_ref());
            outcome(text, passed, expected_text, actual.to_string(), message)
        }
        Assertion::JsonSchema(source) => {
            let body = match response.json() {
                Ok(body) => body,
                Err(e) => {
                    return outcome(
                        text,
                        false,
                        "valid against the schema".into(),
                        "(not JSON)".into(),
                        e,
                    );
                }
            };
            let validator = match compiled.schema(&source.schema) {
                Ok(v) => v,
                Err(e) => return outcome(text, false, "a valid schema".into(), String::new(), e),
            };
            let errors: Vec<String> = validator
                .iter_errors(body)
                .take(3)
                .map(|e| format!("{} at {}", e, e.instance_path()))
                .collect();
            let passed = errors.is_empty();
            let actual = if passed {
                "valid".into()
            } else {
                "invalid".into()
            };
            outcome(
                text,
                passed,
                "valid against the schema".into(),
                actual,
                errors.join("; "),
            )
        }
    }
}

/// Evaluates a capture: `Ok(value)`, or a failed outcome saying why nothing was captured.
pub fn capture(
    name: &str,
    capture: &Capture,
    response: &ResponseView<'_>,
    compiled: &mut Compiled,
) -> Result<Value, AssertionOutcome> {
    let text = format!("capture {name}: {capture}");
    let failed = |message: String| {
        outcome(
            text.clone(),
            false,
            "a value".into(),
            "(nothing)".into(),
            message,
        )
    };
    match &capture.0 {
        CaptureSource::Query(query) => match query_value(query, response, compiled) {
            Actual::Value(v) => Ok(v),
            Actual::Missing => Err(failed(format!("`{query}` matched nothing"))),
            Actual::Error(e) => Err(failed(e)),
        },
        CaptureSource::Regex(pattern) => {
            let regex = compiled.regex(pattern).map_err(&failed)?;
            let body = response.text();
            let found = regex
                .captures(&body)
                .and_then(|c| c.get(1).or_else(|| c.get(0)));
            match found {
                Some(m) => Ok(Value::String(m.as_str().to_owned())),
                None => Err(failed(format!("regex {pattern:?} did not match the body"))),
            }
        }
    }
}

fn outcome(
    assertion: String,
    passed: bool,
    expected: String,
    actual: String,
    message: String,
) -> AssertionOutcome {
    AssertionOutcome {
        assertion,
        passed,
        expected,
        actual,
        message: if passed { String::new() } else { message },
    }
}

fn query_value(query: &Query, response: &ResponseView<'_>, compiled: &mut Compiled) -> Actual {
    match query {
        Query::Status => Actual::Value(Value::from(response.status)),
        Query::Duration => Actual::Value(Value::from(response.duration_ms.round() as u64)),
        Query::Body => Actual::Value(Value::String(response.text().into_owned())),
        Query::Header(name) => {
            let mut values = response
                .headers
                .iter()
                .filter(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, v)| Value::String(v.clone()));
            match (values.next(), values.next()) {
                (None, _) => Actual::Missing,
                (Some(one), None) => Actual::Value(one),
                (Some(first), Some(second)) => Actual::Value(Value::Array(
                    [first, second].into_iter().chain(values).collect(),
                )),
            }
        }
        Query::JsonPath(expr) => {
            let path = match compiled.jsonpath(expr) {
                Ok(p) => p,
                Err(e) => return Actual::Error(e),
            };
            let body = match response.json() {
                Ok(body) => body,
                Err(e) => return Actual::Error(e),
            };
            let nodes = path.query(body).all();
            match nodes.as_slice() {
                [] => Actual::Missing,
                [one] => Actual::Value((*one).clone()),
                many => Actual::Value(Value::Array(many.iter().map(|v| (*v).clone()).collect())),
            }
        }
    }
}

/// The expected value after templating. A lone `{{var}}` keeps a capture's JSON type; a
/// text variable is compared loosely (its text may stand for a number, say).
pub(crate) struct ExpectedValue {
    pub value: Value,
    /// True when the value came from a text variable: `"42"` then also equals `42`.
    pub loose: bool,
}

fn resolve_expected(expected: &Expected, scope: &Scope<'_>) -> Result<ExpectedValue, String> {
    match expected {
        Expected::Variable(name) => {
            if crate::template::is_dynamic(name) {
                let template = format!("{{{{{name}}}}}");
                let text = scope
                    .render(&template)
                    .map_err(|e| e.to_string())?
                    .into_owned();
                return Ok(ExpectedValue {
                    value: Value::String(text),
                    loose: true,
                });
            }
            match scope.lookup(name) {
                Some(Resolved::Json(v)) => Ok(ExpectedValue {
                    value: v.clone(),
                    loose: false,
                }),
                Some(Resolved::Text(t)) => {
                    let text = scope.render(t).map_err(|e| e.to_string())?;
                    Ok(ExpectedValue {
                        value: Value::String(text.into_owned()),
                        loose: true,
                    })
                }
                None => Err(format!("unknown variable `{name}`")),
            }
        }
        Expected::Literal(Value::String(s)) if s.contains("{{") => {
            let text = scope.render(s).map_err(|e| e.to_string())?;
            Ok(ExpectedValue {
                value: Value::String(text.into_owned()),
                loose: false,
            })
        }
        Expected::Literal(v) => Ok(ExpectedValue {
            value: v.clone(),
            loose: false,
        }),
    }
}

fn describe_expected(predicate: Predicate, expected: Option<&ExpectedValue>) -> String {
    match (predicate, expected) {
        (Predicate::Eq, Some(e)) => e.value.to_string(),
        (Predicate::NotExists, _) => "does not exist".into(),
        (_, Some(e)) => format!("{} {}", predicate.as_str(), e.value),
        (_, None) => predicate.as_str().to_owned(),
    }
}

/// Captured values by name, for the scope of the following cases.
pub type Captures = HashMap<String, Value>;
