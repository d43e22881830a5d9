//! `{{variable}}` templates.
//!
//! Resolution order, lowest to highest: globals < collection < environment < variable
//! overrides and secrets < data row < captures. This is Postman's and Bruno's order (an
//! environment exists to override a collection's defaults), so an imported collection
//! resolves its variables as it did where it came from. Values may themselves hold templates (Postman
//! does the same); those are expanded too, and a cycle is an error, not a hang. Dynamic
//! values: `{{$uuid}}`, `{{$timestamp}}` (Unix seconds), `{{$isoTimestamp}}`,
//! `{{$randomInt}}` (0..=1000) and Postman's `$random*` family (`apiautotest_script::dynamic`, which scripts use too).

use std::borrow::Cow;
use std::collections::HashMap;

use serde_json::Value;

use crate::model::Variables;

/// How deep variable values may nest templates before we call it a cycle.
const MAX_DEPTH: usize = 16;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TemplateError {
    #[error("unknown variable `{0}`")]
    Unknown(String),
    #[error("variable cycle through `{0}`")]
    Cycle(String),
    #[error("unclosed `{{{{` in {0:?}")]
    Unclosed(String),
}

/// The variables one case sees, in layers.
pub struct Scope<'a> {
    /// Lowest precedence first: globals, collection, environment, overrides, data row.
    pub layers: [&'a Variables; 5],
    /// Captured so far in this pass, with their JSON types.
    pub captures: &'a HashMap<String, Value>,
    /// Postman's rule for collections with scripts (which may set any variable): an
    /// unknown `{{name}}` is sent as written instead of being an error.
    pub keep_unknown: bool,
}

/// A variable's value: captured values keep their JSON type.
pub enum Resolved<'a> {
    Text(&'a str),
    Json(&'a Value),
}

impl<'a> Scope<'a> {
    pub fn lookup(&self, name: &str) -> Option<Resolved<'a>> {
        if let Some(v) = self.captures.get(name) {
            return Some(Resolved::Json(v));
        }
        self.layers
            .iter()
            .rev()
            .find_map(|layer| layer.get(name))
            .map(|v| Resolved::Text(v.as_str()))
    }

    /// Renders `text`, expanding every `{{name}}`.
    pub fn render<'t>(&self, text: &'t str) -> Result<Cow<'t, str>, TemplateError> {
        if !text.contains("{{") {
            return Ok(Cow::Borrowed(text));
        }
        let mut out = String::with_capacity(text.len() + 16);
        self.render_into(text, &mut out, 0)?;
        Ok(Cow::Owned(out))
    }

    fn render_into(&self, text: &str, out: &mut String, depth: usize) -> Result<(), TemplateError> {
        for piece in pieces(text) {
            match piece? {
                Piece::Text(t) => out.push_str(t),
                Piece::Var(name) => {
                    if let Some(value) = dynamic(name) {
                        out.push_str(&value);
                        continue;
                    }
                    match self.lookup(name) {
                        None if self.keep_unknown => {
                            out.push_str("{{");
                            out.push_str(name);
                            out.push_str("}}");
                        }
                        None => return Err(TemplateError::Unknown(name.to_owned())),
                        Some(Resolved::Json(Value::String(s))) => out.push_str(s),
                        Some(Resolved::Json(v)) => out.push_str(&v.to_string()),
                        Some(Resolved::Text(t)) if t.contains("{{") => {
                            if depth >= MAX_DEPTH {
                                return Err(TemplateError::Cycle(name.to_owned()));
                            }
                            self.render_into(t, out, depth + 1)?;
                        }
                        Some(Resolved::Text(t)) => out.push_str(t),
                    }
                }
            }
        }
        Ok(())
    }
}

/// A piece of a template: literal text or a variable reference.
#[derive(Debug, PartialEq)]
pub enum Piece<'t> {
    Text(&'t str),
    Var(&'t str),
}

/// Splits a template into pieces; `{{ name }}` is trimmed to `name`.
pub fn pieces(text: &str) -> impl Iterator<Item = Result<Piece<'_>, TemplateError>> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        match rest.find("{{") {
            Some(0) => match rest.find("}}") {
                Some(end) => {
                    let name = rest[2..end].trim();
                    rest = &rest[end + 2..];
                    Some(Ok(Piece::Var(name)))
                }
                None => {
                    let bad = rest.to_owned();
                    rest = "";
                    Some(Err(TemplateError::Unclosed(bad)))
                }
            },
            Some(start) => {
                let text = &rest[..start];
                rest = &rest[start..];
                Some(Ok(Piece::Text(text)))
            }
            None => {
                let text = rest;
                rest = "";
                Some(Ok(Piece::Text(text)))
            }
        }
    })
}

/// The names a template refers to (dynamic `$` values excluded).
pub fn variables_in(text: &str) -> impl Iterator<Item = &str> {
    pieces(text).filter_map(|p| match p {
        Ok(Piece::Var(name)) if !name.starts_with('$') => Some(name),
        _ => None,
    })
}

/// Whether `name` is one of the built-in dynamic values.
pub fn is_dynamic(name: &str) -> bool {
    dynamic(name).is_some()
}

use apiautotest_script::dynamic;

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(pairs: &[(&str, &str)]) -> Variables {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn layers_resolve_in_order_and_captures_win() {
        let globals = vars(&[("g", "globals"), ("a", "globals")]);
        let coll = vars(&[("a", "coll"), ("b", "coll"), ("c", "coll")]);
        let env = vars(&[("b", "env"), ("c", "env")]);
        let over = vars(&[("c", "over")]);
        let row = Variables::new();
        let captures = HashMap::from([("id".to_string(), serde_json::json!(42))]);
        let scope = Scope {
            layers: [&globals, &coll, &env, &over, &row],
            captures: &captures,
            keep_unknown: false,
        };
        assert_eq!(
            scope.render("{{g}}/{{a}}/{{ b }}/{{c}}/{{id}}").unwrap(),
            "globals/coll/env/over/42"
        );
    }

    #[test]
    fn nested_values_expand_and_cycles_are_errors() {
        let env = vars(&[
            ("host", "127.0.0.1"),
            ("base", "http://{{host}}"),
            ("x", "{{y}}"),
            ("y", "{{x}}"),
        ]);
        let empty = Variables::new();
        let captures = HashMap::new();
        let scope = Scope {
            layers: [&env, &empty, &empty, &empty, &empty],
            captures: &captures,
            keep_unknown: false,
        };
        assert_eq!(
            scope.render("{{base}}/items").unwrap(),
            "http://127.0.0.1/items"
        );
        assert!(matches!(
            scope.render("{{x}}"),
            Err(TemplateError::Cycle(_))
        ));
        assert_eq!(
            scope.render("{{nope}}"),
            Err(TemplateError::Unknown("nope".into()))
        );
        assert!(matches!(
            scope.render("{{open"),
            Err(TemplateError::Unclosed(_))
        ));
    }

    #[test]
    fn dynamic_values_render() {
        let empty = Variables::new();
        let captures = HashMap::new();
        let scope = Scope {
            layers: [&empty, &empty, &empty, &empty, &empty],
            captures: &captures,
            keep_unknown: false,
        };
        let id = scope.render("{{$uuid}}").unwrap();
        assert!(uuid::Uuid::parse_str(&id).is_ok(), "{id}");
        let n: u32 = scope.render("{{$randomInt}}").unwrap().parse().unwrap();
        assert!(n <= 1000);
        let names: Vec<_> = variables_in("{{a}}-{{$uuid}}-{{ b }}").collect();
        assert_eq!(names, ["a", "b"]);
    }
}
