//! Postman's key/value lists: headers, query parameters, form fields, variables.

use serde_json::Value;

use super::scalar_text;

/// One row of a key/value list.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub key: String,
    /// None when the row has no value at all (`?flag` rather than `?flag=`).
    pub value: Option<String>,
    /// v2.1 writes `"disabled": true`, v2.0 `"enabled": false`.
    pub enabled: bool,
    /// `"type"` (`text`, `file`, `secret`, `default`...), when given.
    pub kind: Option<String>,
}

/// The rows of a list; entries that are not objects, or have no key, are left out and
/// counted in the second value (the caller says where).
pub fn rows(list: Option<&Value>) -> (Vec<Row>, usize) {
    let Some(Value::Array(items)) = list else {
        return (Vec::new(), 0);
    };
    let mut skipped = 0;
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        match row(item) {
            Some(row) => out.push(row),
            None => skipped += 1,
        }
    }
    (out, skipped)
}

fn row(item: &Value) -> Option<Row> {
    let object = item.as_object()?;
    let key = match object.get("key") {
        Some(Value::Null) | None => return None,
        Some(key) => scalar_text(key),
    };
    let value = match object.get("value") {
        None | Some(Value::Null) => None,
        Some(value) => Some(scalar_text(value)),
    };
    let disabled = object.get("disabled").and_then(Value::as_bool) == Some(true)
        || object.get("enabled").and_then(Value::as_bool) == Some(false);
    Some(Row {
        key,
        value,
        enabled: !disabled,
        kind: object
            .get("type")
            .and_then(Value::as_str)
            .map(str::to_owned),
    })
}

/// Headers written as one string, `Name: value` a line; Postman's bulk editor marks a
/// disabled line with `//`.
pub fn header_lines(text: &str) -> Vec<Row> {
    text.lines()
        .filter_map(|line| {
            let line = line.trim();
            let (enabled, line) = match line.strip_prefix("//") {
                Some(rest) => (false, rest.trim_start()),
                None => (true, line),
            };
            let (key, value) = line.split_once(':')?;
            let key = key.trim();
            (!key.is_empty()).then(|| Row {
                key: key.to_owned(),
                value: Some(value.trim().to_owned()),
                enabled,
                kind: None,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn both_versions_mark_disabled_rows() {
        let (rows, skipped) = rows(Some(&json!([
            {"key": "a", "value": "1"},
            {"key": "b", "value": "2", "disabled": true},
            {"key": "c", "value": 3, "enabled": false},
            {"key": "d", "value": null},
            {"value": "no key"},
            "junk"
        ])));
        assert_eq!(skipped, 2);
        let seen: Vec<_> = rows
            .iter()
            .map(|r| (r.key.as_str(), r.value.as_deref(), r.enabled))
            .collect();
        assert_eq!(
            seen,
            [
                ("a", Some("1"), true),
                ("b", Some("2"), false),
                ("c", Some("3"), false),
                ("d", None, true)
            ]
        );
    }

    #[test]
    fn header_strings_split_into_rows() {
        let rows =
            header_lines("Accept: application/json\n// X-Off: 1\nbad line\nX-Url: http://a:1\n");
        let seen: Vec<_> = rows
            .iter()
            .map(|r| (r.key.as_str(), r.value.as_deref(), r.enabled))
            .collect();
        assert_eq!(
            seen,
            [
                ("Accept", Some("application/json"), true),
                ("X-Off", Some("1"), false),
                ("X-Url", Some("http://a:1"), true)
            ]
        );
    }
}
