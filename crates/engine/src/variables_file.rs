//! Environment files (`--env`): a YAML or JSON map of names to values, or a Postman
//! environment export (`{"values": [{"key", "value", "enabled"}]}`).

use std::path::Path;

use indexmap::IndexMap;
use serde::Deserialize;

use crate::collection_file::{FileError, read_text};
use crate::model::Variables;

#[derive(Deserialize)]
#[serde(untagged)]
enum EnvironmentFile {
    Postman { values: Vec<PostmanValue> },
    Plain(IndexMap<String, serde_json::Value>),
}

#[derive(Deserialize)]
struct PostmanValue {
    key: String,
    #[serde(default)]
    value: serde_json::Value,
    #[serde(default = "enabled")]
    enabled: bool,
}

fn enabled() -> bool {
    true
}

/// Reads an environment file into variables.
pub fn load(path: &Path) -> Result<Variables, FileError> {
    let text = read_text(path)?;
    let file: EnvironmentFile = serde_saphyr::from_str_with_options(
        &text,
        crate::collection_file::yaml_options(text.len()),
    )
    .map_err(|e| FileError::from_yaml(path, &e))?;
    let pairs: Vec<(String, serde_json::Value)> = match file {
        EnvironmentFile::Postman { values } => values
            .into_iter()
            .filter(|v| v.enabled)
            .map(|v| (v.key, v.value))
            .collect(),
        EnvironmentFile::Plain(map) => map.into_iter().collect(),
    };
    pairs
        .into_iter()
        .map(|(name, value)| match value {
            serde_json::Value::String(s) => Ok((name, s)),
            serde_json::Value::Null => Ok((name, String::new())),
            v @ (serde_json::Value::Number(_) | serde_json::Value::Bool(_)) => {
                Ok((name, v.to_string()))
            }
            _ => Err(FileError::new(
                path,
                format!("variable {name:?}: expected a string, number or boolean"),
            )),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_plain_and_postman_environments() {
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("env.yaml");
        std::fs::write(&plain, "base: http://x\nport: 8080\n").unwrap();
        let vars = load(&plain).unwrap();
        assert_eq!(vars["base"], "http://x");
        assert_eq!(vars["port"], "8080");

        let postman = dir.path().join("env.json");
        std::fs::write(
            &postman,
            r#"{"name":"dev","values":[{"key":"a","value":"1","enabled":true},{"key":"b","value":"2","enabled":false}]}"#,
        )
        .unwrap();
        let vars = load(&postman).unwrap();
        assert_eq!(vars.len(), 1);
        assert_eq!(vars["a"], "1");
    }
}
