//! What a script run is given: the scripts, the request (and response), the variables.

use indexmap::IndexMap;
use serde::Serialize;
use serde_json::Value;

/// Before the request (may change it and the variables) or after the response (tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Phase {
    #[serde(rename = "prerequest")]
    PreRequest,
    #[serde(rename = "test")]
    Test,
}

/// One script, with where it comes from for error messages ("folder admin, test").
#[derive(Debug, Clone, Copy)]
pub struct ScriptSource<'a> {
    pub origin: &'a str,
    pub code: &'a str,
}

/// The request as the scripts see it (rendered, before auth is added).
#[derive(Debug, Clone, Default, PartialEq, Serialize, serde::Deserialize)]
pub struct ScriptRequest {
    pub id: String,
    pub name: String,
    pub method: String,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Option<String>,
}

/// The response as test scripts see it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScriptResponse {
    pub code: u16,
    /// The reason phrase; empty lets the runtime use the standard one for the code.
    pub reason: String,
    pub headers: Vec<(String, String)>,
    /// The body as text (invalid UTF-8 replaced).
    pub body: String,
    pub body_size: u64,
    pub response_time: f64,
    pub cookies: Vec<Cookie>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cookie {
    pub name: String,
    pub value: String,
}

/// Postman's variable scopes, each name -> value (values keep their JSON type: a number
/// a script sets is a number when another script reads it).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Scopes {
    pub globals: IndexMap<String, Value>,
    pub collection_variables: IndexMap<String, Value>,
    pub environment: IndexMap<String, Value>,
    pub iteration_data: IndexMap<String, Value>,
    /// `pm.variables.set`: the run's local values.
    pub variables: IndexMap<String, Value>,
}

/// `pm.info`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Info {
    pub iteration: u32,
    pub iteration_count: u32,
    pub request_name: String,
    pub request_id: String,
}

/// One run: the scripts of one phase of one case, in Postman's order (collection, then
/// folders from the outermost in, then the case's own).
#[derive(Debug, Clone)]
pub struct Job<'a> {
    pub phase: Phase,
    pub scripts: Vec<ScriptSource<'a>>,
    pub request: ScriptRequest,
    pub response: Option<ScriptResponse>,
    pub scopes: Scopes,
    pub info: Info,
}

/// A request a script sends itself (`pm.sendRequest`), its variables already replaced.
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
pub struct HttpRequest {
    pub method: String,
    pub url: String,
    #[serde(default)]
    pub headers: Vec<(String, String)>,
    #[serde(default)]
    pub body: Option<String>,
}

/// Where `pm.sendRequest` sends: the engine's HTTP client. Without one (`Sandbox::run`),
/// a script's request fails with an error saying so.
pub trait Host {
    /// Sends and waits for the whole response, at most `timeout`. Err: why there is none.
    fn send(
        &self,
        request: &HttpRequest,
        timeout: std::time::Duration,
    ) -> Result<ScriptResponse, String>;
}
