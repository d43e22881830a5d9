//! A case as it crosses to and from the page. The page reads JSON numbers as doubles
//! (9007199254740993 comes back as ...992) and puts integer-like object keys first, so
//! JSON that must come back as it was written travels as text: the JSON body in its own
//! `json_body` argument (`StoredCase::json_body` on the way out), and an inline JSON Schema
//! as a string in place of the schema. A string is never a JSON Schema (a schema is an
//! object or a boolean), so the two cannot be mistaken for each other.

use apiautotest_engine::model::Case;
use serde_json::Value;

use crate::error::{CommandError, CommandResult};

/// A case from the page: its JSON body (if any) as the text typed, its inline schemas as
/// text. A malformed one is an `invalid_input` error naming the field.
pub fn parse_case_with_body(mut case: Value, json_body: Option<String>) -> CommandResult<Case> {
    if let Some(text) = json_body {
        let body: Value = serde_json::from_str(&text).map_err(|e| {
            CommandError::invalid_input(format!("the JSON body is not valid JSON: {e}"))
        })?;
        match case.get_mut("request").and_then(Value::as_object_mut) {
            Some(request) => {
                request.insert("json".into(), body);
            }
            None => return Err(CommandError::invalid_input("the case has no request")),
        }
    }
    for (index, schema) in inline_schemas(&mut case) {
        if let Value::String(text) = schema {
            *schema = serde_json::from_str(text).map_err(|e| {
                CommandError::invalid_input(format!(
                    "assertion {}: the inline JSON Schema is not valid JSON: {e}",
                    index + 1
                ))
            })?;
        }
    }
    serde_json::from_value(case).map_err(|e| CommandError::invalid_input(format!("the case: {e}")))
}

/// Each inline schema of a stored case replaced by its text (pretty-printed), for the page.
pub fn with_schemas_as_text(case: &mut Value) {
    for (_, schema) in inline_schemas(case) {
        if !schema.is_string()
            && let Ok(text) = serde_json::to_string_pretty(schema)
        {
            *schema = Value::String(text);
        }
    }
}

/// The `schema` of each `{schema: ...}` item of the case's assertions, with its index.
fn inline_schemas(case: &mut Value) -> impl Iterator<Item = (usize, &mut Value)> {
    case.get_mut("assert")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
        .enumerate()
        .filter_map(|(index, item)| Some((index, item.get_mut("schema")?)))
}
