//! The workbench's Send with scripts: the case's chain of pre-request and test scripts
//! (its collection's and folders' first), as a batch runs them, against the variables of
//! the send. What the scripts set is kept by the session like a captured value, so a
//! login script's token reaches the next send.

use std::collections::BTreeMap;

use apiautotest_script::{Info, Phase};
use indexmap::IndexMap;
use serde_json::Value;

use crate::model::{
    AssertionOutcome, Case, InheritedScripts, RequestRecord, RequestTemplate, RunError,
    ScriptRecord, Variables,
};
use crate::runner::scripts::{self, State};

/// One send's scripting: the variables the scripts see and change, and what they left.
pub struct SendScripts<'a> {
    chain_of: &'a InheritedScripts,
    case: &'a Case,
    timeout_ms: u64,
    /// The send's own client: `pm.sendRequest` shares its cookies, certificates, proxy.
    client: &'a reqwest::Client,
    variables: State,
    record: ScriptRecord,
    error: Option<RunError>,
    ran: bool,
}

impl<'a> SendScripts<'a> {
    pub fn new(
        inherited: &'a InheritedScripts,
        case: &'a Case,
        layers: [&Variables; 3],
        captures: &std::collections::HashMap<String, Value>,
        timeout_ms: u64,
        client: &'a reqwest::Client,
    ) -> SendScripts<'a> {
        let values = |v: &Variables| -> IndexMap<String, Value> {
            v.iter()
                .map(|(k, v)| (k.clone(), Value::String(v.clone())))
                .collect()
        };
        let [collection, environment, overrides] = layers;
        let mut environment = values(environment);
        environment.extend(values(overrides));
        SendScripts {
            chain_of: inherited,
            case,
            timeout_ms,
            client,
            variables: State {
                globals: IndexMap::new(),
                collections: vec![values(collection)],
                environment,
                local: captures
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect(),
            },
            record: ScriptRecord::default(),
            error: None,
            ran: false,
        }
    }

    pub fn has_any(&self) -> bool {
        !self.chain_of.chain(self.case, true).is_empty()
            || !self.chain_of.chain(self.case, false).is_empty()
    }

    /// Runs the pre-request chain; the request to render instead, if it changed it.
    pub fn before(&mut self) -> Option<RequestTemplate> {
        let chain = self.chain_of.chain(self.case, true);
        if chain.is_empty() {
            return None;
        }
        let before = scripts::request_before(&self.case.request, "send".into(), &self.case.name);
        let outcome = self.run(Phase::PreRequest, &chain, before.clone(), None);
        outcome
            .request
            .and_then(|after| scripts::changed_template(&self.case.request, &before, &after))
    }

    /// The variables to render with, as the pre-request scripts left them: the
    /// collection's, the environment's, and the run's local values (with the captures).
    pub fn layers(
        &self,
    ) -> (
        Variables,
        Variables,
        std::collections::HashMap<String, Value>,
    ) {
        let collection = self
            .variables
            .collections
            .first()
            .map(scripts::texts)
            .unwrap_or_default();
        let environment = scripts::texts(&self.variables.environment);
        let local = self
            .variables
            .local
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        (collection, environment, local)
    }

    /// Runs the test chain against the response (status 0: the request failed).
    pub fn after(
        &mut self,
        sent: &RequestRecord,
        status: u16,
        headers: &[(String, String)],
        body: &[u8],
        duration_ms: f64,
    ) -> Vec<AssertionOutcome> {
        let chain = self.chain_of.chain(self.case, false);
        if chain.is_empty() {
            return Vec::new();
        }
        let request = scripts::request_sent(sent, "send".into(), &self.case.name);
        let response = scripts::response_for(status, headers, body, body.len() as u64, duration_ms);
        let outcome = self.run(Phase::Test, &chain, request, Some(response));
        scripts::test_outcomes(&outcome)
    }

    fn run(
        &mut self,
        phase: Phase,
        chain: &[crate::model::ChainedScript<'_>],
        request: apiautotest_script::ScriptRequest,
        response: Option<apiautotest_script::ScriptResponse>,
    ) -> apiautotest_script::Outcome {
        let info = Info {
            iteration: 0,
            iteration_count: 1,
            request_name: request.name.clone(),
            request_id: request.id.clone(),
        };
        let scopes = self.variables.scopes(0, &Variables::new());
        let job = scripts::job(phase, chain, request, response, scopes, info);
        let outcome = scripts::run(&job, scripts::limits_for(self.timeout_ms), self.client);
        self.ran = true;
        for change in scripts::keep(&mut self.record, &outcome) {
            self.variables.apply(0, &change);
        }
        if let Some(error) = &outcome.error
            && self.error.is_none()
        {
            self.error = Some(RunError {
                kind: crate::model::ErrorKind::Script,
                message: error.to_string(),
            });
        }
        outcome
    }

    /// What the scripts left: their record, their first error, and the values they set
    /// (for the session to keep, as captured values are).
    pub fn finish(
        self,
    ) -> (
        Option<ScriptRecord>,
        Option<RunError>,
        BTreeMap<String, Value>,
    ) {
        if !self.ran {
            return (None, None, BTreeMap::new());
        }
        let mut set = BTreeMap::new();
        for change in &self.record.changes {
            if let Some(value) = &change.value {
                set.insert(change.name.clone(), value.clone());
            }
        }
        (Some(self.record), self.error, set)
    }
}
