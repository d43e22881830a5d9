//! Sending one case now, outside any batch: the workbench's Send (Ctrl+Enter).
//!
//! The same rendering, transport, captures and assertions as a batch run, so a case that
//! passes here passes in a batch; but nothing is stored, nothing is retried, and the whole
//! response comes back (up to the evaluation limit) for the response viewer. Secret values
//! are masked in everything returned, as they are in stored results.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use serde_json::Value;
use tokio_util::sync::CancellationToken;

use crate::assertion::Compiled;
use crate::http::{self, CookieJar, TokenCache, Transport, client_for};
use crate::model::{
    AssertionOutcome, BatchOptions, Case, ErrorKind, InheritedScripts, RequestRecord,
    ResponseRecord, RunError, ScriptRecord, VariableChange, Variables, Verdict,
};
use crate::runner::evaluate::evaluate;
use crate::runner::request;
use crate::runner::{Masker, OutcomeParts};
use crate::template::Scope;
use crate::workbench_scripts::SendScripts;

/// What to send and with which variables.
#[derive(Debug, Clone)]
pub struct SendInput {
    pub case: Case,
    /// Lowest precedence first, as in a batch: the collection's variables, the active
    /// environment, then values typed for this send.
    pub environment: Variables,
    pub collection: Variables,
    pub overrides: Variables,
    /// Values captured by earlier sends (kept by the workbench, with their JSON types).
    pub captures: HashMap<String, Value>,
    /// The environment's secret values: masked in everything returned.
    pub secrets: Vec<String>,
    /// Timeout, redirects, TLS checks: as in a batch.
    pub options: BatchOptions,
    /// Cookies shared with the sends before and after this one (the collection's session);
    /// None: this send starts with no cookies and keeps none.
    pub cookies: Option<CookieJar>,
    /// Where relative multipart file paths start: the collection file's folder.
    pub files_dir: Option<std::path::PathBuf>,
    /// The collection's and folders' scripts (the case carries its own).
    pub scripts: InheritedScripts,
    /// Client certificate, CAs and proxy: the app's network settings.
    pub transport: Transport,
}

/// What happened, for the response viewer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct SendOutcome {
    pub verdict: Verdict,
    /// Why there is no response (or why the case could not be sent).
    pub error: Option<RunError>,
    pub duration_ms: f64,
    pub request: Option<RequestRecord>,
    pub response: Option<ResponseRecord>,
    pub assertions: Vec<AssertionOutcome>,
    /// Values this send captured, by name (secrets masked).
    pub captures: BTreeMap<String, Value>,
    /// The same values as JSON text, for display: the page reads JSON numbers as doubles,
    /// which would show a captured 64-bit id rounded. Sends stored before it have none.
    #[serde(default)]
    pub captures_json: BTreeMap<String, String>,
    /// The same values in clear, for later sends of the session (a captured token must
    /// be sent as it is, not as `*****`). Never serialized: neither shown nor stored.
    #[serde(skip)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub captured_values: BTreeMap<String, Value>,
    /// What the case's scripts printed and set; None when it has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub script: Option<ScriptRecord>,
    /// What the scripts did to `pm.environment`, unmasked, for the shell to keep in the
    /// active environment (as Postman does). Never sent to the page.
    #[serde(skip)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub environment_changes: Vec<VariableChange>,
}

/// Sends `input.case` once. `cancel` abandons it (the outcome says so).
pub async fn send_case(input: SendInput, cancel: CancellationToken) -> SendOutcome {
    let mut outcome = SendOutcome {
        verdict: Verdict::Errored,
        error: None,
        duration_ms: 0.0,
        request: None,
        response: None,
        assertions: Vec::new(),
        captures: BTreeMap::new(),
        captures_json: BTreeMap::new(),
        captured_values: BTreeMap::new(),
        script: None,
        environment_changes: Vec::new(),
    };
    // Without a shared jar, the send keeps its cookies to itself (a jar of its own).
    let jar = input.cookies.clone().unwrap_or_default();
    let client = client_for(
        &input.options,
        &input.transport,
        &input.case.request.settings,
        &jar,
    );
    let client = match client {
        Ok(client) => client,
        Err(message) => return errored(outcome, ErrorKind::Other, message),
    };
    let mut scripting = SendScripts::new(
        &input.scripts,
        &input.case,
        [&input.collection, &input.environment, &input.overrides],
        &input.captures,
        input.options.script_timeout_ms,
        &client,
    );
    let scripted = scripting.has_any();
    let changed = if scripted { scripting.before() } else { None };
    let script_layers = scripted.then(|| scripting.layers());
    let empty = Variables::new();
    let scope = match &script_layers {
        // With scripts, as in a batch: unknown names are sent as written.
        Some((collection, environment, local)) => Scope {
            layers: [&empty, collection, environment, &input.overrides, &empty],
            captures: local,
            keep_unknown: true,
        },
        None => Scope {
            layers: [
                &empty,
                &input.collection,
                &input.environment,
                &input.overrides,
                &empty,
            ],
            captures: &input.captures,
            keep_unknown: false,
        },
    };
    let rendered = request::render(
        changed.as_ref().unwrap_or(&input.case.request),
        &scope,
        &input.options,
        input.files_dir.as_deref(),
    );
    let (outgoing, mut record) = match rendered {
        Ok(rendered) => rendered,
        Err(error) => {
            outcome.error = Some(error);
            return masked(outcome, &input.secrets);
        }
    };
    // The request as sent includes the cookies the jar adds (it adds none when the case
    // sets its own Cookie header).
    let sets_cookie = record
        .headers
        .iter()
        .any(|(name, _)| name.eq_ignore_ascii_case("cookie"));
    if let Some(jar) = &input.cookies
        && !sets_cookie
        && let Some(cookie) = jar.header_for(&outgoing.url)
    {
        record.headers.push(("cookie".into(), cookie));
    }
    outcome.request = Some(record);
    let tokens = TokenCache::default();
    let sent = tokio::select! {
        sent = http::send(&client, &tokens, &outgoing) => sent,
        () = cancel.cancelled() => {
            let outcome = errored(outcome, ErrorKind::Cancelled, "cancelled before the response arrived".into());
            return masked(outcome, &input.secrets);
        }
    };
    match sent {
        Ok(exchange) => {
            outcome.duration_ms = exchange.duration.as_secs_f64() * 1000.0;
            if let (Some(value), Some(sent)) = (&exchange.authorization, outcome.request.as_mut()) {
                sent.headers.push(("Authorization".into(), value.clone()));
            }
            let evaluation = evaluate(&input.case, &exchange, &scope, &mut Compiled::default());
            outcome.verdict = if evaluation.failed() {
                Verdict::Failed
            } else {
                Verdict::Passed
            };
            outcome.assertions = evaluation.assertions;
            outcome.captures = evaluation.captured.into_iter().collect();
            outcome.captured_values = outcome.captures.clone();
            if let Some(sent) = &outcome.request {
                let tests = scripting.after(
                    sent,
                    exchange.status,
                    &exchange.headers,
                    &exchange.body,
                    outcome.duration_ms,
                );
                if tests.iter().any(|t| !t.passed) {
                    outcome.verdict = Verdict::Failed;
                }
                outcome.assertions.extend(tests);
            }
            outcome.response = Some(ResponseRecord {
                status: exchange.status,
                headers: exchange.headers,
                body_truncated: exchange.body_cut,
                body: exchange.body,
                body_size: exchange.body_size,
            });
        }
        Err(error) => {
            outcome.duration_ms = error.duration.as_secs_f64() * 1000.0;
            outcome.error = Some(RunError {
                kind: error.kind,
                message: error.message,
            });
            if let Some(sent) = &outcome.request {
                let tests = scripting.after(sent, 0, &[], &[], outcome.duration_ms);
                outcome.assertions.extend(tests);
            }
        }
    }
    let (record, script_error, set) = scripting.finish();
    outcome.environment_changes = record
        .iter()
        .flat_map(|r| &r.changes)
        .filter(|c| c.scope == "environment")
        .cloned()
        .collect();
    outcome.script = record;
    if let Some(error) = script_error
        && outcome.error.is_none()
    {
        outcome.verdict = Verdict::Errored;
        outcome.error = Some(error);
    }
    // Values the scripts set go with the session, as captured values do.
    outcome.captured_values.extend(set.clone());
    outcome.captures.extend(set);
    masked(outcome, &input.secrets)
}

fn errored(mut outcome: SendOutcome, kind: ErrorKind, message: String) -> SendOutcome {
    outcome.verdict = Verdict::Errored;
    outcome.error = Some(RunError { kind, message });
    outcome
}

/// Secrets never leave the engine in clear: the request, response, outcomes, captures,
/// and what scripts printed.
fn masked(mut outcome: SendOutcome, secrets: &[String]) -> SendOutcome {
    let masker = Masker::new(secrets.iter().map(String::as_str));
    if let Some(script) = outcome.script.as_mut() {
        for line in &mut script.console {
            masker.mask_in_place(&mut line.text);
        }
        for change in &mut script.changes {
            if let Some(value) = change.value.as_mut() {
                masker.mask_json(value);
            }
        }
    }
    masker.mask_outcome(OutcomeParts {
        request: outcome.request.as_mut(),
        response: outcome.response.as_mut(),
        assertions: &mut outcome.assertions,
        error: outcome.error.as_mut(),
        captures: &mut outcome.captures,
    });
    // Written from the masked values: every way the page reads a capture is masked.
    outcome.captures_json = outcome
        .captures
        .iter()
        .map(|(name, value)| (name.clone(), value.to_string()))
        .collect();
    outcome
}
