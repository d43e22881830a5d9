//! Postman request bodies: raw, urlencoded, formdata, file and graphql.

use apiautotest_engine::model::{DISABLED_PREFIX, MultipartPart, Variables};
use serde_json::Value;

use super::rows::rows;
use super::scalar_text;

/// A body in the native format's terms: at most one of the body fields, the
/// Content-Type Postman sends with it unless the request sets one, and notes.
#[derive(Debug, Default, PartialEq)]
pub struct MappedBody {
    pub raw: Option<String>,
    pub form: Option<Variables>,
    pub multipart: Option<Vec<MultipartPart>>,
    pub file: Option<String>,
    pub content_type: Option<&'static str>,
    pub notes: Vec<(String, String)>,
}

impl MappedBody {
    fn note(&mut self, field: &str, reason: impl Into<String>) {
        self.notes.push((field.to_owned(), reason.into()));
    }
}

/// Reads `request.body`. Postman sends a body with any method, GET included, and so does
/// the native format.
pub fn map_body(body: Option<&Value>) -> MappedBody {
    let mut mapped = MappedBody::default();
    let Some(body) = body.and_then(Value::as_object) else {
        return mapped;
    };
    if body.get("disabled").and_then(Value::as_bool) == Some(true) {
        return mapped;
    }
    match body.get("mode").and_then(Value::as_str) {
        None => {}
        Some("raw") => raw(body, &mut mapped),
        Some("urlencoded") => urlencoded(body.get("urlencoded"), &mut mapped),
        Some("formdata") => formdata(body.get("formdata"), &mut mapped),
        Some("file") => {
            let src = body.get("file").and_then(|f| f.get("src"));
            match src.map(scalar_text).filter(|s| !s.is_empty()) {
                Some(path) => mapped.file = Some(path),
                None => mapped.note("body.file", "no file was chosen: sent without a body"),
            }
        }
        Some("graphql") => graphql(body.get("graphql"), &mut mapped),
        Some(other) => mapped.note(
            "body.mode",
            format!("body mode {other:?} is not known: sent without a body"),
        ),
    }
    mapped
}

/// Postman sends a raw body with the Content-Type of the language picked for it
/// (`options.raw.language`), text/plain when none is.
fn raw(body: &serde_json::Map<String, Value>, mapped: &mut MappedBody) {
    let text = body.get("raw").map(scalar_text).unwrap_or_default();
    if text.is_empty() {
        return;
    }
    let language = body
        .get("options")
        .and_then(|o| o.get("raw"))
        .and_then(|r| r.get("language"))
        .and_then(Value::as_str)
        .unwrap_or("text");
    mapped.content_type = Some(match language {
        "json" => "application/json",
        "xml" => "application/xml",
        "html" => "text/html",
        "javascript" => "application/javascript",
        _ => "text/plain",
    });
    mapped.raw = Some(text);
}

fn urlencoded(list: Option<&Value>, mapped: &mut MappedBody) {
    let (fields, skipped) = rows(list);
    if skipped > 0 {
        mapped.note(
            "body.urlencoded",
            format!("{skipped} field(s) without a key were left out"),
        );
    }
    if fields.is_empty() {
        return; // Postman sends no body for an empty list
    }
    let mut form = Variables::new();
    for field in fields {
        let name = row_name(&field.key, field.enabled);
        if form.contains_key(&name) {
            mapped.note(
                "body.urlencoded",
                format!(
                    "field {:?} appears more than once: only the last is kept",
                    field.key
                ),
            );
        }
        form.insert(name, field.value.unwrap_or_default());
    }
    mapped.form = Some(form);
}

fn formdata(list: Option<&Value>, mapped: &mut MappedBody) {
    let (fields, skipped) = rows(list);
    if skipped > 0 {
        mapped.note(
            "body.formdata",
            format!("{skipped} field(s) without a key were left out"),
        );
    }
    let sources: Vec<Option<&Value>> = match list {
        Some(Value::Array(items)) => items
            .iter()
            .filter(|i| i.get("key").is_some_and(|k| !k.is_null()))
            .map(|i| i.get("src"))
            .collect(),
        _ => Vec::new(),
    };
    let content_types: Vec<Option<String>> = match list {
        Some(Value::Array(items)) => items
            .iter()
            .filter(|i| i.get("key").is_some_and(|k| !k.is_null()))
            .map(|i| {
                i.get("contentType")
                    .and_then(Value::as_str)
                    .filter(|t| !t.is_empty())
                    .map(str::to_owned)
            })
            .collect(),
        _ => Vec::new(),
    };
    if fields.is_empty() {
        return; // Postman sends no body for an empty list
    }
    let mut parts = Vec::with_capacity(fields.len());
    for (index, field) in fields.into_iter().enumerate() {
        let name = row_name(&field.key, field.enabled);
        let content_type = content_types.get(index).cloned().flatten();
        if field.kind.as_deref() == Some("file") {
            let files: Vec<String> = match sources.get(index).copied().flatten() {
                Some(Value::Array(list)) => list.iter().map(scalar_text).collect(),
                Some(Value::Null) | None => Vec::new(),
                Some(one) => vec![scalar_text(one)],
            };
            let files: Vec<String> = files.into_iter().filter(|f| !f.is_empty()).collect();
            if files.is_empty() {
                mapped.note(
                    "body.formdata",
                    format!("file field {:?} has no file chosen: left out", field.key),
                );
                continue;
            }
            for file in files {
                parts.push(MultipartPart {
                    name: name.clone(),
                    value: None,
                    file: Some(file),
                    content_type: content_type.clone(),
                });
            }
        } else {
            parts.push(MultipartPart {
                name,
                value: Some(field.value.unwrap_or_default()),
                file: None,
                content_type,
            });
        }
    }
    mapped.multipart = Some(parts);
}

/// GraphQL goes as JSON, `{"query": ..., "variables": ...}`. The variables stay text
/// (they may hold `{{templates}}` outside strings), so the body is raw JSON text.
fn graphql(graphql: Option<&Value>, mapped: &mut MappedBody) {
    let query = graphql
        .and_then(|g| g.get("query"))
        .map(scalar_text)
        .unwrap_or_default();
    let variables = graphql
        .and_then(|g| g.get("variables"))
        .map(|v| match v {
            Value::String(s) => s.trim().to_owned(),
            Value::Null => String::new(),
            other => other.to_string(),
        })
        .unwrap_or_default();
    let variables = if variables.is_empty() {
        "{}".to_owned()
    } else {
        variables
    };
    let query = serde_json::Value::String(query).to_string();
    mapped.raw = Some(format!("{{\"query\":{query},\"variables\":{variables}}}"));
    mapped.content_type = Some("application/json");
}

/// A row's name in the native format: `~name` when switched off (a name that really
/// starts with `~` cannot be told apart there, so it is noted by the caller's check).
fn row_name(key: &str, enabled: bool) -> String {
    if enabled {
        key.to_owned()
    } else {
        format!("{DISABLED_PREFIX}{key}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn raw_bodies_keep_their_text_and_language() {
        let mapped = map_body(Some(&json!({
            "mode": "raw", "raw": "{\"id\": {{id}}}",
            "options": {"raw": {"language": "json"}}
        })));
        assert_eq!(mapped.raw.as_deref(), Some("{\"id\": {{id}}}"));
        assert_eq!(mapped.content_type, Some("application/json"));
        let plain = map_body(Some(&json!({"mode": "raw", "raw": "hello"})));
        assert_eq!(plain.content_type, Some("text/plain"));
        assert_eq!(
            map_body(Some(&json!({"mode": "raw", "raw": ""}))),
            MappedBody::default()
        );
        assert_eq!(
            map_body(Some(&json!({"mode": "raw", "raw": "x", "disabled": true}))),
            MappedBody::default()
        );
    }

    #[test]
    fn urlencoded_fields_keep_order_and_switches() {
        let mapped = map_body(Some(&json!({"mode": "urlencoded", "urlencoded": [
            {"key": "a", "value": "1"},
            {"key": "b", "value": "2", "disabled": true},
            {"key": "a", "value": "3"}
        ]})));
        let form = mapped.form.expect("form");
        assert_eq!(
            form.iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect::<Vec<_>>(),
            [("a", "3"), ("~b", "2")]
        );
        assert_eq!(mapped.notes.len(), 1, "{:?}", mapped.notes);
    }

    #[test]
    fn formdata_files_and_text() {
        let mapped = map_body(Some(&json!({"mode": "formdata", "formdata": [
            {"key": "k", "value": "v", "type": "text", "contentType": "text/csv"},
            {"key": "one", "type": "file", "src": "a.jpg"},
            {"key": "many", "type": "file", "src": ["b.txt", "c.txt"]},
            {"key": "none", "type": "file", "src": null},
            {"key": "off", "value": "x", "type": "text", "disabled": true}
        ]})));
        let parts = mapped.multipart.expect("parts");
        let seen: Vec<_> = parts
            .iter()
            .map(|p| {
                (
                    p.name.as_str(),
                    p.value.as_deref(),
                    p.file.as_deref(),
                    p.content_type.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            seen,
            [
                ("k", Some("v"), None, Some("text/csv")),
                ("one", None, Some("a.jpg"), None),
                ("many", None, Some("b.txt"), None),
                ("many", None, Some("c.txt"), None),
                ("~off", Some("x"), None, None)
            ]
        );
        assert_eq!(mapped.notes.len(), 1, "{:?}", mapped.notes);
    }

    #[test]
    fn graphql_goes_as_json() {
        let mapped = map_body(Some(&json!({"mode": "graphql", "graphql": {
            "query": "query ($id: ID!) { user(id: $id) { name } }",
            "variables": "{\"id\": \"{{uid}}\"}"
        }})));
        assert_eq!(
            mapped.raw.as_deref(),
            Some(
                "{\"query\":\"query ($id: ID!) { user(id: $id) { name } }\",\"variables\":{\"id\": \"{{uid}}\"}}"
            )
        );
        assert_eq!(mapped.content_type, Some("application/json"));
    }

    #[test]
    fn file_bodies_and_unknown_modes() {
        let file = map_body(Some(&json!({"mode": "file", "file": {"src": "data.bin"}})));
        assert_eq!(file.file.as_deref(), Some("data.bin"));
        let unknown = map_body(Some(&json!({"mode": "binary-ish"})));
        assert_eq!(unknown.notes.len(), 1);
    }
}
