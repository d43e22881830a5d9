//! Postman URLs (a string, or an object of parts) into a URL template of the native format.

use serde_json::Value;

use super::rows::{Row, rows};
use super::scalar_text;

/// A URL as the native format writes it, and notes on what did not map.
#[derive(Debug, Default, PartialEq)]
pub struct MappedUrl {
    pub text: String,
    pub notes: Vec<(String, String)>,
}

/// Reads `request.url`. The object form is rebuilt from its parts, as Postman sends it
/// (the `raw` text may be stale, and it does not hold disabled parameters); `:name`
/// path segments take their `variable` values.
pub fn map_url(url: Option<&Value>) -> MappedUrl {
    let mut mapped = MappedUrl::default();
    let (text, variables) = match url {
        Some(Value::String(s)) => (s.trim().to_owned(), Vec::new()),
        Some(Value::Object(parts)) => {
            let (variables, skipped) = rows(parts.get("variable"));
            if skipped > 0 {
                mapped.notes.push((
                    "url.variable".into(),
                    format!("{skipped} path variable(s) without a key were left out"),
                ));
            }
            let has_parts = parts.get("host").is_some() || parts.get("path").is_some();
            let text = if has_parts {
                from_parts(parts, &mut mapped.notes)
            } else {
                parts
                    .get("raw")
                    .map(scalar_text)
                    .unwrap_or_default()
                    .trim()
                    .to_owned()
            };
            (text, variables)
        }
        Some(Value::Null) | None => (String::new(), Vec::new()),
        Some(other) => {
            mapped.notes.push((
                "url".into(),
                format!("expected a string or an object, found {other}"),
            ));
            (String::new(), Vec::new())
        }
    };
    mapped.text = with_path_variables(&text, &variables);
    mapped
}

fn from_parts(parts: &serde_json::Map<String, Value>, notes: &mut Vec<(String, String)>) -> String {
    let mut text = String::new();
    if let Some(protocol) = parts.get("protocol").and_then(Value::as_str) {
        let protocol = protocol.trim_end_matches("://").trim_end_matches(':');
        if !protocol.is_empty() {
            text.push_str(protocol);
            text.push_str("://");
        }
    }
    match parts.get("host") {
        Some(Value::Array(labels)) => {
            let labels: Vec<String> = labels.iter().map(scalar_text).collect();
            text.push_str(&labels.join("."));
        }
        Some(host) => text.push_str(&scalar_text(host)),
        None => {}
    }
    if let Some(port) = parts.get("port").map(scalar_text).filter(|p| !p.is_empty()) {
        text.push(':');
        text.push_str(&port);
    }
    match parts.get("path") {
        Some(Value::Array(segments)) => {
            for segment in segments {
                // v2.0 allows `{"type": "string", "value": "users"}` segments.
                let segment = match segment {
                    Value::Object(o) => o.get("value").map(scalar_text).unwrap_or_default(),
                    other => scalar_text(other),
                };
                text.push('/');
                text.push_str(&segment);
            }
        }
        Some(Value::String(path)) if !path.is_empty() => {
            if !path.starts_with('/') {
                text.push('/');
            }
            text.push_str(path);
        }
        _ => {}
    }
    let (query, skipped) = rows(parts.get("query"));
    if skipped > 0 {
        notes.push((
            "url.query".into(),
            format!("{skipped} query parameter(s) without a key were left out"),
        ));
    }
    if !query.is_empty() {
        let pairs: Vec<String> = query.iter().map(query_pair).collect();
        text.push('?');
        text.push_str(&pairs.join("&"));
    }
    if let Some(hash) = parts
        .get("hash")
        .and_then(Value::as_str)
        .filter(|h| !h.is_empty())
    {
        text.push('#');
        text.push_str(hash);
    }
    text
}

/// `key=value`, `key` for a row without a value, `~key=value` for a disabled row (the
/// native format's switch); a key that itself starts with `~` is percent-encoded.
fn query_pair(row: &Row) -> String {
    let key = match row.key.strip_prefix('~') {
        Some(rest) => format!("%7E{rest}"),
        None => row.key.clone(),
    };
    let prefix = if row.enabled { "" } else { "~" };
    match &row.value {
        Some(value) => format!("{prefix}{key}={value}"),
        None => format!("{prefix}{key}"),
    }
}

/// Replaces `:name` path segments that have a value in `variables` (Postman's path
/// variables); a segment without one is sent as written, as Postman does.
fn with_path_variables(url: &str, variables: &[Row]) -> String {
    if variables.is_empty() || !url.contains("/:") {
        return url.to_owned();
    }
    let end = url.find(['?', '#']).unwrap_or(url.len());
    let (before, after) = url.split_at(end);
    let segments: Vec<String> = before
        .split('/')
        .map(|segment| {
            let value = segment.strip_prefix(':').and_then(|name| {
                variables
                    .iter()
                    .rev()
                    .find(|v| v.key == name && v.enabled)
                    .and_then(|v| v.value.clone())
                    .filter(|v| !v.is_empty())
            });
            value.unwrap_or_else(|| segment.to_owned())
        })
        .collect();
    format!("{}{after}", segments.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn url(value: Value) -> String {
        map_url(Some(&value)).text
    }

    #[test]
    fn strings_are_kept() {
        assert_eq!(url(json!(" {{url}}/get?a=1 ")), "{{url}}/get?a=1");
    }

    #[test]
    fn objects_are_rebuilt_from_their_parts() {
        let object = json!({
            "raw": "stale",
            "protocol": "https",
            "host": ["postman-echo", "com"],
            "port": "8443",
            "path": ["users", ":id", "posts"],
            "query": [
                {"key": "page", "value": "2"},
                {"key": "debug", "value": "1", "disabled": true},
                {"key": "flag", "value": null},
                {"key": "~odd", "value": "x"}
            ],
            "variable": [{"key": "id", "value": "{{user_id}}"}]
        });
        assert_eq!(
            url(object),
            "https://postman-echo.com:8443/users/{{user_id}}/posts?page=2&~debug=1&flag&%7Eodd=x"
        );
    }

    #[test]
    fn host_as_a_variable_and_path_without_protocol() {
        assert_eq!(
            url(json!({"host": ["{{url}}"], "path": ["get"], "raw": "{{url}}/get"})),
            "{{url}}/get"
        );
        assert_eq!(url(json!({"raw": "{{url}}/only-raw"})), "{{url}}/only-raw");
    }

    #[test]
    fn path_variables_without_a_value_stay_as_written() {
        let object = json!({
            "raw": "http://h/:a/:b?x=:a",
            "variable": [{"key": "a", "value": "1"}, {"key": "b", "value": ""}]
        });
        assert_eq!(url(object), "http://h/1/:b?x=:a");
    }

    #[test]
    fn other_shapes_are_noted() {
        let mapped = map_url(Some(&json!(42)));
        assert_eq!(mapped.text, "");
        assert_eq!(mapped.notes.len(), 1);
    }
}
