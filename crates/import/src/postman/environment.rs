//! Postman environment and globals exports.

use serde_json::Value;

use super::parse_json;
use super::rows::rows;
use crate::{ImportError, Unmapped};

/// One variable of an environment, as the app's environments hold them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedVariable {
    pub name: String,
    pub value: String,
    /// Postman's `secret` type: masked everywhere, as our secret values are.
    pub secret: bool,
    pub enabled: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ImportedEnvironment {
    pub name: String,
    /// Postman's `_postman_variable_scope: globals`.
    pub is_globals: bool,
    /// In the file's order, disabled ones and repeated names included (see `effective`).
    pub variables: Vec<ImportedVariable>,
    pub unmapped: Vec<Unmapped>,
}

impl ImportedEnvironment {
    /// The variables a run sees, as newman resolves them: disabled ones are not defined,
    /// and of a name given more than once the last enabled value counts.
    pub fn effective(&self) -> impl Iterator<Item = &ImportedVariable> {
        self.variables.iter().enumerate().filter_map(|(index, v)| {
            let later = self.variables[index + 1..]
                .iter()
                .any(|w| w.enabled && w.name == v.name);
            (v.enabled && !later).then_some(v)
        })
    }
}

/// Reads a Postman environment or globals export: `{"name", "values": [{key, value,
/// enabled|disabled, type}]}`.
pub fn environment(text: &str) -> Result<ImportedEnvironment, ImportError> {
    let value = parse_json(text)?;
    let Some(list) = value.get("values").filter(|v| v.is_array()) else {
        return Err(ImportError::new(
            "not a Postman environment: expected an object with a `values` list",
        ));
    };
    let is_globals =
        value.get("_postman_variable_scope").and_then(Value::as_str) == Some("globals");
    let name = value
        .get("name")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .unwrap_or(if is_globals { "Globals" } else { "Environment" })
        .to_owned();
    let (list, skipped) = rows(Some(list));
    let mut unmapped = Vec::new();
    if skipped > 0 {
        unmapped.push(Unmapped {
            item: name.clone(),
            field: "values".into(),
            reason: format!("{skipped} value(s) without a key were left out"),
        });
    }
    let variables = list
        .into_iter()
        .map(|row| ImportedVariable {
            secret: row.kind.as_deref() == Some("secret"),
            name: row.key,
            value: row.value.unwrap_or_default(),
            enabled: row.enabled,
        })
        .collect();
    Ok(ImportedEnvironment {
        name,
        is_globals,
        variables,
        unmapped,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disabled_and_duplicates_resolve_as_newman_does() {
        // The shape of newman's own disabled-and-duplicates fixture.
        let env = environment(
            r#"{"name": "d", "values": [
                {"key": "justDisabled", "value": "1", "disabled": true},
                {"key": "oneDisabled", "value": "1"},
                {"key": "oneDisabled", "value": "2", "disabled": true},
                {"key": "duplicate", "value": "1", "type": "text"},
                {"key": "duplicate", "value": "2", "type": "text"},
                {"key": "token", "value": "s3cret", "type": "secret"}
            ]}"#,
        )
        .expect("environment");
        let effective: Vec<_> = env
            .effective()
            .map(|v| (v.name.as_str(), v.value.as_str(), v.secret))
            .collect();
        assert_eq!(
            effective,
            [
                ("oneDisabled", "1", false),
                ("duplicate", "2", false),
                ("token", "s3cret", true)
            ]
        );
        assert_eq!(env.variables.len(), 6);
        assert!(!env.is_globals);
    }

    #[test]
    fn globals_and_errors() {
        let globals = environment(
            "\u{feff}{\"values\": [{\"key\": \"g\", \"value\": 1, \"enabled\": true}], \"_postman_variable_scope\": \"globals\"}",
        )
        .expect("globals");
        assert!(globals.is_globals);
        assert_eq!(globals.name, "Globals");
        assert_eq!(globals.variables[0].value, "1");
        let err = environment("{\"name\": \"x\"}").expect_err("no values");
        assert!(err.message.contains("values"), "{err}");
        let err = environment("{\"values\": [").expect_err("truncated");
        assert_eq!(err.line, Some(1), "{err}");
    }
}
