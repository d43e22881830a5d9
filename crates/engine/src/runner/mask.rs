//! Masking secret values in everything that is stored, shown or reported.

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::model::{AssertionOutcome, RequestRecord, ResponseRecord, RunError};

pub const MASK: &str = "*****";

/// The parts of a case's outcome that may show a secret.
pub struct OutcomeParts<'a> {
    pub request: Option<&'a mut RequestRecord>,
    pub response: Option<&'a mut ResponseRecord>,
    pub assertions: &'a mut [AssertionOutcome],
    pub error: Option<&'a mut RunError>,
    pub captures: &'a mut BTreeMap<String, serde_json::Value>,
}

/// Replaces every occurrence of a secret value with `*****`.
#[derive(Debug, Clone, Default)]
pub struct Masker {
    /// Longest first, so a secret that contains another is masked whole.
    secrets: Vec<String>,
}

impl Masker {
    /// Masks each value as it is, and as it appears escaped in a JSON body or encoded in a
    /// form or query string.
    pub fn new<'a>(values: impl IntoIterator<Item = &'a str>) -> Masker {
        let mut secrets: Vec<String> = values
            .into_iter()
            .filter(|v| !v.is_empty())
            .flat_map(|v| {
                let json = serde_json::to_string(v).unwrap_or_default();
                let json = json.trim_matches('"').to_owned();
                let form: String = url::form_urlencoded::byte_serialize(v.as_bytes()).collect();
                [v.to_owned(), json, form]
            })
            .collect();
        secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
        secrets.dedup();
        Masker { secrets }
    }

    pub fn is_empty(&self) -> bool {
        self.secrets.is_empty()
    }

    pub fn mask<'t>(&self, text: &'t str) -> Cow<'t, str> {
        let mut out = Cow::Borrowed(text);
        for secret in &self.secrets {
            if out.contains(secret.as_str()) {
                out = Cow::Owned(out.replace(secret.as_str(), MASK));
            }
        }
        out
    }

    pub fn mask_in_place(&self, text: &mut String) {
        if let Cow::Owned(masked) = self.mask(text) {
            *text = masked;
        }
    }

    /// `Basic base64(user:password)` hides a secret password from a plain search: decoded,
    /// and masked whole when the credentials hold a secret.
    fn mask_basic_credentials(&self, value: &mut String) {
        use base64::Engine as _;
        let Some(encoded) = value.strip_prefix("Basic ") else {
            return;
        };
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(encoded.trim())
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok());
        if decoded.is_some_and(|text| matches!(self.mask(&text), Cow::Owned(_))) {
            *value = format!("Basic {MASK}");
        }
    }

    /// Masks the strings inside a JSON value.
    pub fn mask_json(&self, value: &mut serde_json::Value) {
        match value {
            serde_json::Value::String(s) => self.mask_in_place(s),
            serde_json::Value::Array(items) => items.iter_mut().for_each(|v| self.mask_json(v)),
            serde_json::Value::Object(map) => map.values_mut().for_each(|v| self.mask_json(v)),
            _ => {}
        }
    }

    /// Masks everything a case's outcome shows: the request sent, the response, each
    /// check, the error and the captured values.
    pub fn mask_outcome(&self, outcome: OutcomeParts<'_>) {
        for value in outcome.captures.values_mut() {
            self.mask_json(value);
        }
        if self.secrets.is_empty() {
            return;
        }
        if let Some(r) = outcome.request {
            self.mask_in_place(&mut r.url);
            r.headers.iter_mut().for_each(|(_, v)| {
                self.mask_basic_credentials(v);
                self.mask_in_place(v);
            });
            if let Some(body) = &mut r.body {
                self.mask_in_place(body);
            }
        }
        if let Some(r) = outcome.response {
            r.headers
                .iter_mut()
                .for_each(|(_, v)| self.mask_in_place(v));
            self.mask_bytes(&mut r.body);
        }
        for a in outcome.assertions {
            self.mask_in_place(&mut a.assertion);
            self.mask_in_place(&mut a.expected);
            self.mask_in_place(&mut a.actual);
            self.mask_in_place(&mut a.message);
        }
        if let Some(e) = outcome.error {
            self.mask_in_place(&mut e.message);
        }
    }

    /// Masks a body if it is text; binary bodies are left as they are.
    pub fn mask_bytes(&self, bytes: &mut Vec<u8>) {
        if self.secrets.is_empty() {
            return;
        }
        if let Ok(text) = std::str::from_utf8(bytes)
            && let Cow::Owned(masked) = self.mask(text)
        {
            *bytes = masked.into_bytes();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_escaped_and_encoded_forms_too() {
        let m = Masker::new(["p\"a ss"]);
        assert_eq!(m.mask(r#"{"pw":"p\"a ss"}"#), r#"{"pw":"*****"}"#);
        assert_eq!(m.mask("pw=p%22a+ss&x=1"), "pw=*****&x=1");
        assert_eq!(m.mask("raw p\"a ss"), "raw *****");
    }

    #[test]
    fn masks_every_occurrence_longest_first() {
        let m = Masker::new(["abc", "abcdef", ""]);
        assert_eq!(m.mask("x abcdef y abc"), "x ***** y *****");
        let mut v = serde_json::json!({"t": ["abc", 1]});
        m.mask_json(&mut v);
        assert_eq!(v, serde_json::json!({"t": ["*****", 1]}));
    }
}
