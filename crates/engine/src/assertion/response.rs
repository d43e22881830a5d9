//! A read-only view of a response for assertions, parsing the JSON body at most once.

use std::borrow::Cow;
use std::cell::OnceCell;

use serde_json::Value;

pub struct ResponseView<'a> {
    pub status: u16,
    pub headers: &'a [(String, String)],
    pub body: &'a [u8],
    pub duration_ms: f64,
    /// True when the body was cut at the evaluation limit.
    pub body_cut: bool,
    json: OnceCell<Result<Value, String>>,
}

impl<'a> ResponseView<'a> {
    pub fn new(
        status: u16,
        headers: &'a [(String, String)],
        body: &'a [u8],
        duration_ms: f64,
        body_cut: bool,
    ) -> Self {
        ResponseView {
            status,
            headers,
            body,
            duration_ms,
            body_cut,
            json: OnceCell::new(),
        }
    }

    /// The body as text; invalid UTF-8 is replaced, never an error.
    pub fn text(&self) -> Cow<'a, str> {
        String::from_utf8_lossy(self.body)
    }

    /// The body parsed as JSON (once), or why it is not JSON.
    pub fn json(&self) -> Result<&Value, String> {
        self.json
            .get_or_init(|| {
                if self.body_cut {
                    return Err("the body is too large to parse as JSON (over 16 MiB)".into());
                }
                serde_json::from_slice(self.body).map_err(|e| format!("the body is not JSON: {e}"))
            })
            .as_ref()
            .map_err(Clone::clone)
    }
}
