//! Compiled JSONPaths, regexes and schemas, cached per worker. Definitions keep only text
//! (a 100k-case plan must stay small in memory); the cache makes repeated expressions,
//! common across cases, cost one compile. It is bounded: cleared when it grows too big.

use std::collections::HashMap;
use std::sync::Arc;

use regex::Regex;
use serde_json::Value;
use serde_json_path::JsonPath;

const MAX_ENTRIES: usize = 1024;

#[derive(Default)]
pub struct Compiled {
    paths: HashMap<String, Arc<JsonPath>>,
    regexes: HashMap<String, Arc<Regex>>,
    schemas: HashMap<String, Arc<jsonschema::Validator>>,
}

fn cached<T>(
    map: &mut HashMap<String, Arc<T>>,
    key: &str,
    make: impl FnOnce() -> Result<T, String>,
) -> Result<Arc<T>, String> {
    if let Some(found) = map.get(key) {
        return Ok(found.clone());
    }
    if map.len() >= MAX_ENTRIES {
        map.clear();
    }
    let made = Arc::new(make()?);
    map.insert(key.to_owned(), made.clone());
    Ok(made)
}

impl Compiled {
    pub fn jsonpath(&mut self, expr: &str) -> Result<Arc<JsonPath>, String> {
        cached(&mut self.paths, expr, || {
            JsonPath::parse(expr).map_err(|e| format!("invalid JSONPath {expr:?}: {e}"))
        })
    }

    pub fn regex(&mut self, pattern: &str) -> Result<Arc<Regex>, String> {
        cached(&mut self.regexes, pattern, || {
            Regex::new(pattern).map_err(|e| format!("invalid regex {pattern:?}: {e}"))
        })
    }

    pub fn schema(&mut self, schema: &Value) -> Result<Arc<jsonschema::Validator>, String> {
        cached(&mut self.schemas, &schema.to_string(), || {
            jsonschema::validator_for(schema).map_err(|e| format!("invalid JSON Schema: {e}"))
        })
    }
}
