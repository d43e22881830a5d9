//! Running a case's scripts (Postman's pre-request and test scripts) in the script
//! runtime, and keeping the variables they set for the cases after them.
//!
//! The runtime is synchronous and belongs to a thread: each worker thread keeps one
//! sandbox (its libraries loaded once) and runs scripts in place, between the awaits of a
//! case, so a script costs no hand-off to another thread.

use std::cell::RefCell;
use std::sync::Mutex;
use std::time::Duration;

use apiautotest_script::{
    Info, Job, Limits, Outcome, Phase, Sandbox, Scopes, ScriptRequest, ScriptResponse, ScriptSource,
};
use indexmap::IndexMap;
use serde_json::Value;

use crate::model::{
    AssertionOutcome, BatchPlan, ConsoleLine, RequestRecord, RequestTemplate, ScriptRecord,
    VariableChange, Variables, enabled_url, is_disabled,
};

thread_local! {
    static SANDBOX: RefCell<Option<Sandbox>> = const { RefCell::new(None) };
}

/// Runs a job in this thread's sandbox (made on first use, and anew when the limits
/// change); its `pm.sendRequest` calls go out on `client`.
pub fn run(job: &Job<'_>, limits: Limits, client: &reqwest::Client) -> Outcome {
    SANDBOX.with(|cell| {
        let mut slot = cell.borrow_mut();
        let sandbox = match slot.as_mut() {
            Some(sandbox) if sandbox.limits() == limits => sandbox,
            _ => slot.insert(Sandbox::new(limits)),
        };
        let host = super::script_http::script_http()
            .map(|http| super::script_http::ClientHost { http, client });
        sandbox.run_with(
            job,
            host.as_ref().map(|h| h as &dyn apiautotest_script::Host),
        )
    })
}

pub fn limits(plan: &BatchPlan) -> Limits {
    limits_for(plan.options.script_timeout_ms)
}

pub fn limits_for(script_timeout_ms: u64) -> Limits {
    Limits {
        time: Duration::from_millis(script_timeout_ms.max(1)),
        ..Limits::default()
    }
}

/// Whether any case of the plan runs a script.
pub fn has_scripts(plan: &BatchPlan) -> bool {
    plan.collections.iter().any(|c| !c.scripts.is_empty())
        || plan.cases.iter().any(|c| !c.case.scripts.is_empty())
}

/// The variables scripts read and write, shared by the cases of a batch: globals, each
/// collection's variables, the environment and the run's local values (`pm.variables`).
pub struct ScriptState {
    scopes: Mutex<State>,
}

#[derive(Clone, Default)]
pub struct State {
    pub globals: IndexMap<String, Value>,
    pub collections: Vec<IndexMap<String, Value>>,
    pub environment: IndexMap<String, Value>,
    pub local: IndexMap<String, Value>,
}

fn values(variables: &Variables) -> IndexMap<String, Value> {
    variables
        .iter()
        .map(|(k, v)| (k.clone(), Value::String(v.clone())))
        .collect()
}

/// A value as template text: strings as they are, anything else as JSON.
pub fn text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

pub fn texts(values: &IndexMap<String, Value>) -> Variables {
    values.iter().map(|(k, v)| (k.clone(), text(v))).collect()
}

impl ScriptState {
    /// The plan's variables, then the changes earlier results made (a resumed batch).
    pub fn new(plan: &BatchPlan, overrides: &Variables, replay: &[VariableChange]) -> ScriptState {
        let mut environment = values(&plan.environment);
        // newman's --env-var and our --var / --secret read as environment values too.
        environment.extend(values(overrides));
        let mut state = State {
            globals: values(&plan.globals),
            collections: plan
                .collections
                .iter()
                .map(|c| values(&c.variables))
                .collect(),
            environment,
            local: IndexMap::new(),
        };
        for change in replay {
            state.apply(usize::MAX, change);
        }
        ScriptState {
            scopes: Mutex::new(state),
        }
    }

    pub fn snapshot(&self) -> State {
        self.scopes.lock().map(|s| s.clone()).unwrap_or_default()
    }

    pub fn apply(&self, collection: usize, changes: &[VariableChange]) {
        if let Ok(mut state) = self.scopes.lock() {
            for change in changes {
                state.apply(collection, change);
            }
        }
    }
}

impl State {
    /// Applies one change; `collection` is the case's collection (usize::MAX when
    /// replaying, where the change names none: collection variables then go to the first).
    pub fn apply(&mut self, collection: usize, change: &VariableChange) {
        let index = collection.min(self.collections.len().saturating_sub(1));
        let scope = match change.scope.as_str() {
            "globals" => &mut self.globals,
            "environment" => &mut self.environment,
            "variables" => &mut self.local,
            "collectionVariables" => match self.collections.get_mut(index) {
                Some(scope) => scope,
                None => return,
            },
            _ => return,
        };
        match &change.value {
            Some(value) => {
                scope.insert(change.name.clone(), value.clone());
            }
            None => {
                scope.shift_remove(&change.name);
            }
        }
    }

    pub fn scopes(&self, collection: usize, row: &Variables) -> Scopes {
        Scopes {
            globals: self.globals.clone(),
            collection_variables: self
                .collections
                .get(collection)
                .cloned()
                .unwrap_or_default(),
            environment: self.environment.clone(),
            iteration_data: values(row),
            variables: self.local.clone(),
        }
    }
}

/// The request a pre-request script sees: the template as written, its `{{variables}}`
/// not yet replaced (as in Postman).
pub fn request_before(template: &RequestTemplate, id: String, name: &str) -> ScriptRequest {
    let body = if let Some(body) = &template.body {
        Some(body.clone())
    } else if let Some(json) = &template.json {
        Some(json.to_string())
    } else {
        template.form.as_ref().map(|form| {
            let mut encoder = url::form_urlencoded::Serializer::new(String::new());
            for (k, v) in form.iter().filter(|(k, _)| !is_disabled(k)) {
                encoder.append_pair(k, v);
            }
            encoder.finish()
        })
    };
    ScriptRequest {
        id,
        name: name.to_owned(),
        method: template.method.clone(),
        url: enabled_url(&template.url).into_owned(),
        headers: template
            .headers
            .iter()
            .filter(|(k, _)| !is_disabled(k))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        body,
    }
}

/// The request a test script sees: as it was sent, with the `Host` header the transport
/// adds (Postman lists it too).
pub fn request_sent(record: &RequestRecord, id: String, name: &str) -> ScriptRequest {
    let mut headers = record.headers.clone();
    let has_host = headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host"));
    if !has_host && let Ok(url) = url::Url::parse(&record.url) {
        let host = match (url.host_str(), url.port()) {
            (Some(host), Some(port)) => Some(format!("{host}:{port}")),
            (Some(host), None) => Some(host.to_owned()),
            _ => None,
        };
        if let Some(host) = host {
            headers.push(("Host".to_owned(), host));
        }
    }
    ScriptRequest {
        id,
        name: name.to_owned(),
        method: record.method.clone(),
        url: record.url.clone(),
        headers,
        body: record.body.clone(),
    }
}

/// The template with what a pre-request script changed in the request: its method, URL,
/// headers and (when the script changed it) its body.
pub fn changed_template(
    template: &RequestTemplate,
    before: &ScriptRequest,
    after: &ScriptRequest,
) -> Option<RequestTemplate> {
    if before == after {
        return None;
    }
    let mut changed = template.clone();
    changed.method = after.method.clone();
    if after.url != before.url {
        changed.url = after.url.clone();
    }
    if after.headers != before.headers {
        changed.headers = after.headers.iter().cloned().collect();
    }
    if after.body != before.body {
        changed.body = after.body.clone();
        changed.json = None;
        changed.form = None;
        changed.multipart = None;
        changed.file = None;
    }
    Some(changed)
}

pub fn response_for(
    status: u16,
    headers: &[(String, String)],
    body: &[u8],
    body_size: u64,
    duration_ms: f64,
) -> ScriptResponse {
    ScriptResponse {
        code: status,
        reason: String::new(),
        headers: headers.to_vec(),
        body: String::from_utf8_lossy(body).into_owned(),
        body_size,
        response_time: duration_ms.round(),
        cookies: Vec::new(),
    }
}

pub fn job<'a>(
    phase: Phase,
    chain: &'a [crate::model::ChainedScript<'a>],
    request: ScriptRequest,
    response: Option<ScriptResponse>,
    scopes: Scopes,
    info: Info,
) -> Job<'a> {
    Job {
        phase,
        scripts: chain
            .iter()
            .map(|s| ScriptSource {
                origin: &s.origin,
                code: s.code,
            })
            .collect(),
        request,
        response,
        scopes,
        info,
    }
}

/// Each test as an assertion outcome, named as in the script.
pub fn test_outcomes(outcome: &Outcome) -> Vec<AssertionOutcome> {
    outcome
        .tests
        .iter()
        .map(|test| match &test.error {
            _ if test.skipped => AssertionOutcome {
                assertion: test.name.clone(),
                passed: true,
                expected: "(skipped)".into(),
                actual: String::new(),
                message: String::new(),
            },
            None => AssertionOutcome {
                assertion: test.name.clone(),
                passed: test.passed,
                expected: String::new(),
                actual: String::new(),
                message: String::new(),
            },
            Some(error) => AssertionOutcome {
                assertion: test.name.clone(),
                passed: false,
                expected: error.expected.clone().unwrap_or_default(),
                actual: error.actual.clone().unwrap_or_default(),
                message: format!("{}: {}", error.name, error.message),
            },
        })
        .collect()
}

/// Converts the runtime's changes and console into the model's, adding them to `record`.
pub fn keep(record: &mut ScriptRecord, outcome: &Outcome) -> Vec<VariableChange> {
    let changes: Vec<VariableChange> = outcome
        .changes
        .iter()
        .map(|c| VariableChange {
            scope: c.scope.clone(),
            name: c.name.clone(),
            value: if c.unset {
                None
            } else {
                Some(c.value.clone().unwrap_or(Value::Null))
            },
        })
        .collect();
    record.changes.extend(changes.iter().cloned());
    record
        .console
        .extend(outcome.console.iter().map(|l| ConsoleLine {
            level: l.level.clone(),
            text: l.text.clone(),
        }));
    changes
}
