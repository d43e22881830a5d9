//! One case's scripts in a batch: its pre-request chain before the request is rendered,
//! its test chain after the response (or the failed request), and what they leave.

use apiautotest_script::{Info, Outcome, Phase, ScriptRequest, ScriptResponse};

use super::scripts::{self, ScriptState, State};
use super::shared::Shared;
use crate::model::{
    AssertionOutcome, Case, ChainedScript, ErrorKind, InheritedScripts, RequestRecord,
    RequestTemplate, RunError, ScriptRecord, Slot, Variables,
};

pub struct Scripting<'a> {
    shared: &'a Shared,
    state: &'a ScriptState,
    inherited: &'a InheritedScripts,
    case: &'a Case,
    collection: usize,
    row: &'a Variables,
    slot: Slot,
    /// The batch's variables when the case started, with the case's own changes applied.
    pub variables: State,
    record: ScriptRecord,
    error: Option<RunError>,
    ran: bool,
}

impl<'a> Scripting<'a> {
    /// None when no case of the batch has a script.
    pub fn new(
        shared: &'a Shared,
        inherited: &'a InheritedScripts,
        case: &'a Case,
        collection: usize,
        row: &'a Variables,
        slot: Slot,
    ) -> Option<Scripting<'a>> {
        let state = shared.scripts.as_ref()?;
        Some(Scripting {
            shared,
            state,
            inherited,
            case,
            collection,
            row,
            slot,
            variables: state.snapshot(),
            record: ScriptRecord::default(),
            error: None,
            ran: false,
        })
    }

    /// Runs the pre-request chain; the request to render instead, when it changed it.
    pub fn before(&mut self) -> Option<RequestTemplate> {
        let chain = self.inherited.chain(self.case, true);
        if chain.is_empty() {
            return None;
        }
        let before =
            scripts::request_before(&self.case.request, self.request_id(), &self.case.name);
        let outcome = self.run(Phase::PreRequest, &chain, before.clone(), None);
        let after = outcome.request?;
        scripts::changed_template(&self.case.request, &before, &after)
    }

    /// Runs the test chain against the response (`status` 0 and no body: the request
    /// failed, and newman runs the test scripts then too); each test as an assertion.
    pub fn after(
        &mut self,
        sent: &RequestRecord,
        status: u16,
        headers: &[(String, String)],
        body: &[u8],
        body_size: u64,
        duration_ms: f64,
    ) -> Vec<AssertionOutcome> {
        let chain = self.inherited.chain(self.case, false);
        if chain.is_empty() {
            return Vec::new();
        }
        let request = scripts::request_sent(sent, self.request_id(), &self.case.name);
        let response = scripts::response_for(status, headers, body, body_size, duration_ms);
        let outcome = self.run(Phase::Test, &chain, request, Some(response));
        scripts::test_outcomes(&outcome)
    }

    /// What the scripts left: the first error, and the record (only when it holds
    /// something: most cases print nothing and set nothing, and every stored byte is
    /// written for each of them).
    pub fn finish(self) -> (Option<RunError>, Option<ScriptRecord>) {
        if !self.ran {
            return (None, None);
        }
        let keep = !self.record.console.is_empty() || !self.record.changes.is_empty();
        (self.error, keep.then_some(self.record))
    }

    fn request_id(&self) -> String {
        self.slot.case_index.to_string()
    }

    /// Runs one phase's chain; its changes go to the batch's variables and the case's.
    fn run(
        &mut self,
        phase: Phase,
        chain: &[ChainedScript<'_>],
        request: ScriptRequest,
        response: Option<ScriptResponse>,
    ) -> Outcome {
        let plan = &self.shared.plan;
        let passes = u64::from(plan.options.iterations.max(1)) * plan.rows.len().max(1) as u64;
        let info = Info {
            iteration: u32::try_from(self.slot.pass).unwrap_or(u32::MAX),
            iteration_count: u32::try_from(passes).unwrap_or(u32::MAX),
            request_name: request.name.clone(),
            request_id: request.id.clone(),
        };
        let scopes = self.variables.scopes(self.collection, self.row);
        let job = scripts::job(phase, chain, request, response, scopes, info);
        let outcome = scripts::run(
            &job,
            scripts::limits(plan),
            self.shared.clients.batch_client(),
        );
        self.ran = true;
        let changes = scripts::keep(&mut self.record, &outcome);
        for change in &changes {
            self.variables.apply(self.collection, change);
        }
        self.state.apply(self.collection, &changes);
        if let Some(error) = &outcome.error
            && self.error.is_none()
        {
            self.error = Some(RunError {
                kind: ErrorKind::Script,
                message: error.to_string(),
            });
        }
        outcome
    }
}
