//! The engine's collection as a Postman v2.1 collection, so a team can go back: what it
//! cannot express (declarative assertions and captures, per-case timeouts) is listed.
//!
//! Import, export and import again gives the same cases: the tests of this module and of
//! tests/postman_fixtures.rs check it on the real files.

use apiautotest_engine::model::{
    Case, Collection, DISABLED_PREFIX, MultipartPart, RequestTemplate, Scripts, is_disabled,
};
use serde_json::{Map, Value, json};

use super::export_request::{auth_value, behavior};
use crate::Unmapped;

const SCHEMA: &str = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

/// The collection as Postman v2.1 JSON, and what it could not say.
pub fn export(collection: &Collection) -> (Value, Vec<Unmapped>) {
    let mut unmapped = Vec::new();
    let mut root = Map::new();
    root.insert(
        "info".into(),
        json!({"name": collection.name, "schema": SCHEMA}),
    );
    let mut items: Vec<Node> = Vec::new();
    // Folders in the order their cases run (the order Postman runs items in), then the
    // folders without cases.
    for case in &collection.cases {
        let node = folder_node(&mut items, case.folder.as_deref());
        node.push(Node {
            folder: None,
            case: Some(case_item(case, &mut unmapped)),
            children: Vec::new(),
        });
    }
    for folder in &collection.folders {
        folder_node(&mut items, Some(&folder.path));
    }
    let mut top: Vec<Value> = items
        .into_iter()
        .map(|n| n.into_value(collection))
        .collect();
    root.insert("item".into(), Value::Array(std::mem::take(&mut top)));
    if let Some(auth) = &collection.auth {
        root.insert("auth".into(), auth_value(auth));
    }
    if !collection.scripts.is_empty() {
        root.insert("event".into(), events(&collection.scripts));
    }
    if !collection.variables.is_empty() {
        let variables: Vec<Value> = collection
            .variables
            .iter()
            .map(|(k, v)| json!({"key": k, "value": v}))
            .collect();
        root.insert("variable".into(), Value::Array(variables));
    }
    (Value::Object(root), unmapped)
}

/// An item of the tree being built: a folder (name and path, with children) or a
/// request (its item JSON).
struct Node {
    folder: Option<(String, String)>,
    case: Option<Value>,
    children: Vec<Node>,
}

impl Node {
    fn into_value(self, collection: &Collection) -> Value {
        let Some((name, path)) = self.folder else {
            return self.case.unwrap_or(Value::Null);
        };
        let mut item = Map::new();
        item.insert("name".into(), name.into());
        let items: Vec<Value> = self
            .children
            .into_iter()
            .map(|c| c.into_value(collection))
            .collect();
        item.insert("item".into(), Value::Array(items));
        if let Some(folder) = collection.folders.iter().find(|f| f.path == path) {
            if let Some(auth) = &folder.auth {
                item.insert("auth".into(), auth_value(auth));
            }
            if !folder.scripts.is_empty() {
                item.insert("event".into(), events(&folder.scripts));
            }
        }
        Value::Object(item)
    }
}

/// The children list of the folder at `path` (made on first use), the root's for None.
fn folder_node<'a>(items: &'a mut Vec<Node>, path: Option<&str>) -> &'a mut Vec<Node> {
    let Some(path) = path else { return items };
    let mut current = items;
    let mut so_far = String::new();
    for step in path.split('/') {
        if !so_far.is_empty() {
            so_far.push('/');
        }
        so_far.push_str(step);
        let found = current
            .iter()
            .position(|n| n.folder.as_ref().is_some_and(|(_, p)| *p == so_far));
        let at = match found {
            Some(at) => at,
            None => {
                current.push(Node {
                    folder: Some((step.to_owned(), so_far.clone())),
                    case: None,
                    children: Vec::new(),
                });
                current.len() - 1
            }
        };
        current = &mut current[at].children;
    }
    current
}

fn case_item(case: &Case, unmapped: &mut Vec<Unmapped>) -> Value {
    let shown = match &case.folder {
        Some(folder) => format!("{} / {}", folder.replace('/', " / "), case.name),
        None => case.name.clone(),
    };
    let mut note = |field: &str, reason: &str| {
        unmapped.push(Unmapped {
            item: shown.clone(),
            field: field.into(),
            reason: reason.into(),
        });
    };
    if !case.assertions.is_empty() {
        note(
            "assert",
            "declarative assertions have no Postman equivalent: not exported (write them as pm.test)",
        );
    }
    if !case.capture.is_empty() {
        note(
            "capture",
            "captures have no Postman equivalent: not exported (use pm.environment.set in a test script)",
        );
    }
    if case.request.timeout_ms.is_some() {
        note(
            "request.timeout_ms",
            "Postman has no per-request timeout: not exported",
        );
    }
    let mut item = Map::new();
    item.insert("name".into(), case.name.clone().into());
    if !case.scripts.is_empty() {
        item.insert("event".into(), events(&case.scripts));
    }
    item.insert("request".into(), request(&case.request));
    if !case.request.settings.is_default() {
        item.insert(
            "protocolProfileBehavior".into(),
            behavior(&case.request.settings),
        );
    }
    Value::Object(item)
}

fn request(r: &RequestTemplate) -> Value {
    let mut request = Map::new();
    request.insert("method".into(), r.method.clone().into());
    let headers: Vec<Value> = r.headers.iter().map(|(k, v)| row(k, v)).collect();
    request.insert("header".into(), Value::Array(headers));
    if let Some(body) = body(r) {
        request.insert("body".into(), body);
    }
    request.insert("url".into(), url(&r.url));
    if let Some(auth) = &r.auth {
        request.insert("auth".into(), auth_value(auth));
    }
    Value::Object(request)
}

/// A key/value row; a `~name` of the native format is a disabled row.
fn row(name: &str, value: &str) -> Value {
    match name.strip_prefix(DISABLED_PREFIX) {
        Some(name) => json!({"key": name, "value": value, "disabled": true}),
        None => json!({"key": name, "value": value}),
    }
}

fn body(r: &RequestTemplate) -> Option<Value> {
    if let Some(text) = &r.body {
        return Some(json!({"mode": "raw", "raw": text}));
    }
    if let Some(document) = &r.json {
        let text = serde_json::to_string_pretty(document).unwrap_or_else(|_| document.to_string());
        return Some(json!({"mode": "raw", "raw": text, "options": {"raw": {"language": "json"}}}));
    }
    if let Some(form) = &r.form {
        let rows: Vec<Value> = form.iter().map(|(k, v)| row(k, v)).collect();
        return Some(json!({"mode": "urlencoded", "urlencoded": rows}));
    }
    if let Some(parts) = &r.multipart {
        let rows: Vec<Value> = parts.iter().map(part).collect();
        return Some(json!({"mode": "formdata", "formdata": rows}));
    }
    r.file
        .as_ref()
        .map(|file| json!({"mode": "file", "file": {"src": file}}))
}

fn part(p: &MultipartPart) -> Value {
    let (name, disabled) = match p.name.strip_prefix(DISABLED_PREFIX) {
        Some(name) => (name, true),
        None => (p.name.as_str(), false),
    };
    let mut row = Map::new();
    row.insert("key".into(), name.into());
    match &p.file {
        Some(file) => {
            row.insert("type".into(), "file".into());
            row.insert("src".into(), file.clone().into());
        }
        None => {
            row.insert("type".into(), "text".into());
            row.insert("value".into(), p.value.clone().unwrap_or_default().into());
        }
    }
    if let Some(content_type) = &p.content_type {
        row.insert("contentType".into(), content_type.clone().into());
    }
    if disabled {
        row.insert("disabled".into(), true.into());
    }
    Value::Object(row)
}

/// A URL template as Postman's object: its parts, and disabled query rows (`~name`).
fn url(text: &str) -> Value {
    let (before_hash, hash) = match text.split_once('#') {
        Some((b, h)) => (b, Some(h)),
        None => (text, None),
    };
    let (base, query) = match before_hash.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (before_hash, None),
    };
    let (protocol, rest) = match base.split_once("://") {
        Some((p, r)) => (Some(p), r),
        None => (None, base),
    };
    let (remote, path) = match rest.split_once('/') {
        Some((r, p)) => (r, Some(p)),
        None => (rest, None),
    };
    let (host, port) = match remote.rsplit_once(':') {
        Some((h, p)) if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) => (h, Some(p)),
        _ => (remote, None),
    };
    let mut object = Map::new();
    let enabled = apiautotest_engine::model::enabled_url(text).into_owned();
    object.insert("raw".into(), enabled.into());
    if let Some(protocol) = protocol {
        object.insert("protocol".into(), protocol.into());
    }
    let labels: Vec<Value> = if host.starts_with("{{") {
        vec![host.into()]
    } else {
        host.split('.').map(Value::from).collect()
    };
    object.insert("host".into(), Value::Array(labels));
    if let Some(port) = port {
        object.insert("port".into(), port.into());
    }
    if let Some(path) = path {
        object.insert(
            "path".into(),
            Value::Array(path.split('/').map(Value::from).collect()),
        );
    }
    if let Some(query) = query {
        let rows: Vec<Value> = query
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|pair| {
                let (key, value) = match pair.split_once('=') {
                    Some((k, v)) => (k, Value::from(v)),
                    None => (pair, Value::Null),
                };
                let disabled = is_disabled(key);
                let key = key.strip_prefix(DISABLED_PREFIX).unwrap_or(key);
                let key = key
                    .strip_prefix("%7E")
                    .map_or_else(|| key.to_owned(), |k| format!("~{k}"));
                let mut row = json!({"key": key, "value": value});
                if disabled {
                    row["disabled"] = true.into();
                }
                row
            })
            .collect();
        object.insert("query".into(), Value::Array(rows));
    }
    if let Some(hash) = hash {
        object.insert("hash".into(), hash.into());
    }
    Value::Object(object)
}

fn events(scripts: &Scripts) -> Value {
    let mut events = Vec::new();
    for (listen, code) in [("prerequest", &scripts.pre), ("test", &scripts.test)] {
        if let Some(code) = code {
            let lines: Vec<&str> = code.split('\n').collect();
            events.push(
                json!({"listen": listen, "script": {"type": "text/javascript", "exec": lines}}),
            );
        }
    }
    Value::Array(events)
}
