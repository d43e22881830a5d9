//! The request of an item (method, URL, headers, auth, body) in the native format's terms.

use apiautotest_engine::model::{
    ApiKeyLocation, Auth, DISABLED_PREFIX, OAuth1Location, RequestTemplate, Variables,
};
use serde_json::Value;

use super::body::map_body;
use super::items::Walk;
use super::rows::{Row, header_lines, rows};
use super::scalar_text;
use super::url::map_url;

impl Walk {
    /// The request of an item; None (noted) when there is nothing to send.
    pub(super) fn request(
        &mut self,
        request: Option<&Value>,
        shown: &str,
    ) -> Option<RequestTemplate> {
        let empty = serde_json::Map::new();
        let (object, url) = match request {
            Some(Value::String(url)) => (&empty, map_url(Some(&Value::String(url.clone())))),
            Some(Value::Object(object)) => (object, map_url(object.get("url"))),
            _ => {
                self.note(shown, "request", "the item has no request: left out");
                return None;
            }
        };
        self.notes(shown, "request.", url.notes);
        if url.text.is_empty() {
            self.note(shown, "request.url", "the request has no URL: left out");
            return None;
        }
        let method_text = object.get("method").map(scalar_text).unwrap_or_default();
        let method = method_text.trim().to_ascii_uppercase();
        let method = if method.is_empty() {
            "GET".to_owned()
        } else {
            method
        };
        if !method
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
        {
            self.note(
                shown,
                "request.method",
                format!("{method_text:?} is not an HTTP method: left out"),
            );
            return None;
        }
        let headers = self.headers(object.get("header"), shown);
        let auth = self.auth(shown, "request.", object.get("auth"));
        self.count_documentation(object.get("description"));
        let body = map_body(object.get("body"));
        self.notes(shown, "request.", body.notes);
        let mut headers = headers;
        if auth.as_ref().is_some_and(sets_authorization) {
            self.disable_authorization_header(&mut headers, shown);
        }
        if let Some(content_type) = body.content_type {
            let set = headers
                .keys()
                .any(|k| !k.starts_with(DISABLED_PREFIX) && k.eq_ignore_ascii_case("content-type"));
            if !set {
                headers.insert("Content-Type".to_owned(), content_type.to_owned());
            }
        }
        Some(RequestTemplate {
            method,
            url: url.text,
            auth,
            headers,
            body: body.raw,
            json: None,
            form: body.form,
            multipart: body.multipart,
            file: body.file,
            timeout_ms: None,
            settings: Default::default(),
        })
    }

    /// Postman's auth helpers replace an `Authorization` header the request sets (the
    /// engine lets the request's own win): the header stays in the file, disabled.
    fn disable_authorization_header(&mut self, headers: &mut Variables, shown: &str) {
        let Some(name) = headers
            .keys()
            .find(|k| k.eq_ignore_ascii_case("authorization"))
            .cloned()
        else {
            return;
        };
        let Some(index) = headers.get_index_of(&name) else {
            return;
        };
        let value = headers.shift_remove(&name).unwrap_or_default();
        let disabled = format!("{DISABLED_PREFIX}{name}");
        headers.shift_insert(index.min(headers.len()), disabled, value);
        self.note(
            shown,
            "request.header",
            "the Authorization header is disabled: the request's auth sets it, as in Postman",
        );
    }

    fn headers(&mut self, header: Option<&Value>, shown: &str) -> Variables {
        let list: Vec<Row> = match header {
            Some(Value::String(text)) => header_lines(text),
            other => {
                let (list, skipped) = rows(other);
                if skipped > 0 {
                    self.note(
                        shown,
                        "request.header",
                        format!("{skipped} header(s) without a name were left out"),
                    );
                }
                list
            }
        };
        let mut headers = Variables::new();
        for row in list {
            let name = if row.enabled {
                row.key.clone()
            } else {
                format!("{DISABLED_PREFIX}{}", row.key)
            };
            if headers.contains_key(&name) {
                self.note(
                    shown,
                    "request.header",
                    format!(
                        "header {:?} appears more than once: only the last is kept",
                        row.key
                    ),
                );
            }
            headers.insert(name, row.value.unwrap_or_default());
        }
        headers
    }
}

/// Whether an auth kind writes the `Authorization` header.
fn sets_authorization(auth: &Auth) -> bool {
    match auth {
        Auth::None => false,
        Auth::Basic { .. } | Auth::Bearer { .. } | Auth::Digest { .. } | Auth::OAuth2(_) => true,
        Auth::ApiKey { name, location, .. } => {
            *location == ApiKeyLocation::Header && name.eq_ignore_ascii_case("authorization")
        }
        Auth::OAuth1(o) => o.location == OAuth1Location::Header,
    }
}
