//! Running one plan position: render, send (with retries and network waits), evaluate,
//! mask. Produces the result; recording it is the worker's job.

use std::collections::BTreeMap;
use std::time::Duration;

use chrono::Utc;

use super::dispatch::Ticket;
use super::evaluate::evaluate;
use super::mask::OutcomeParts;
use super::network::NetworkOutcome;
use super::request;
use super::scripting::Scripting;
use super::scripts;
use super::shared::Shared;
use crate::assertion::{Captures, Compiled};
use crate::http::{self, Exchange, OutgoingRequest, TransportError};
use crate::model::{CaseResult, ErrorKind, ResponseRecord, RunError, Verdict};
use crate::store::StoreError;
use crate::template::Scope;

pub enum CaseOutcome {
    Done(Box<CaseResult>),
    /// The batch stopped while the case ran; nothing is recorded for it.
    Aborted,
}

const MAX_BACKOFF: Duration = Duration::from_secs(5);
/// Extra tries of a request whose connection failed while its target was up (network wait
/// mode only).
const MAX_FRESH_TRIES: u32 = 2;

pub async fn run_case(
    shared: &Shared,
    ticket: &Ticket,
    compiled: &mut Compiled,
) -> Result<CaseOutcome, StoreError> {
    let plan = &shared.plan;
    let slot = plan.slot(ticket.position);
    let planned = &plan.cases[slot.case_index as usize];
    let case = &planned.case;
    if shared.needs_captures[slot.case_index as usize] && !shared.wait_for_earlier(ticket).await {
        return Ok(CaseOutcome::Aborted);
    }
    let captures = shared.captures(slot.pass);
    let row = slot
        .data_row
        .map_or(&shared.no_row, |r| &plan.rows[r as usize]);
    let planned_collection = &plan.collections[planned.collection_index as usize];
    let collection_index = planned.collection_index as usize;

    let mut result = CaseResult {
        batch_id: plan.id.clone(),
        seq: 0,
        position: ticket.position,
        case_index: slot.case_index,
        iteration: slot.iteration,
        data_row: slot.data_row,
        case_name: case.name.clone(),
        verdict: Verdict::Passed,
        error: None,
        started_at: Utc::now(),
        duration_ms: 0.0,
        attempts: 0,
        request: None,
        response: None,
        assertions: Vec::new(),
        captures: BTreeMap::new(),
        script: None,
    };
    let idempotent = case.request.is_idempotent();
    let mut captured = Captures::new();

    if shared.unknown.contains(&ticket.position) && !idempotent && !plan.options.resend_unknown {
        result.verdict = Verdict::Errored;
        result.error = Some(RunError {
            kind: ErrorKind::UnknownOutcome,
            message: format!(
                "this case was in flight when the batch was interrupted and may have been sent; {} is not \
                 idempotent, so it was not sent again (resume with --resend-unknown to send it)",
                case.request.method
            ),
        });
        shared.finish(slot.pass, captured);
        return Ok(CaseOutcome::Done(Box::new(result)));
    }

    // Scripts first (Postman's order): the pre-request chain may change the request and
    // the variables the request is rendered with.
    let mut scripting = Scripting::new(
        shared,
        &planned_collection.scripts,
        case,
        collection_index,
        row,
        slot,
    );
    let changed = scripting.as_mut().and_then(Scripting::before);
    let template = changed.as_ref().unwrap_or(&case.request);
    let layers = scripting.as_ref().map(|s| {
        let v = &s.variables;
        (
            scripts::texts(&v.globals),
            v.collections
                .get(collection_index)
                .map(scripts::texts)
                .unwrap_or_default(),
            scripts::texts(&v.environment),
        )
    });
    // `pm.variables.set` values are the run's local scope, above the data row: they
    // resolve like captured values.
    let with_local = scripting
        .as_ref()
        .filter(|s| !s.variables.local.is_empty())
        .map(|s| {
            let mut all = s.variables.local.clone().into_iter().collect::<Captures>();
            all.extend(captures.iter().map(|(k, v)| (k.clone(), v.clone())));
            all
        });
    let captures_seen = with_local.as_ref().unwrap_or(&captures);
    let scope = match &layers {
        Some((globals, collection, environment)) => Scope {
            layers: [globals, collection, environment, &shared.overrides, row],
            captures: captures_seen,
            keep_unknown: true,
        },
        None => Scope {
            layers: [
                &plan.globals,
                &planned_collection.variables,
                &plan.environment,
                &shared.overrides,
                row,
            ],
            captures: &captures,
            keep_unknown: false,
        },
    };

    let files_dir = planned_collection
        .source
        .as_deref()
        .and_then(|source| std::path::Path::new(source).parent());
    let rendered = request::render(template, &scope, &plan.options, files_dir)
        .map_err(|error| explain_missing_capture(error, &captures, plan))
        .and_then(|rendered| {
            let client = shared
                .clients
                .for_settings(&template.settings)
                .map_err(|message| RunError {
                    kind: ErrorKind::InvalidRequest,
                    message,
                })?;
            Ok((rendered, client))
        });
    match rendered {
        Err(error) => {
            result.verdict = Verdict::Errored;
            result.error = Some(error);
        }
        Ok(((outgoing, record), client)) => {
            result.request = Some(record);
            // A request that must not be sent twice is sent only once its mark is durable;
            // for the others the mark rides along in the next group commit (resume would
            // send them again either way).
            let mark = shared
                .store
                .mark_in_flight(&plan.id, ticket.position, !idempotent)?;
            if !idempotent {
                mark.committed().await?;
            }
            let Some(sent) =
                send_with_retries(shared, &client, &outgoing, idempotent, &mut result.attempts)
                    .await
            else {
                return Ok(CaseOutcome::Aborted);
            };
            match sent {
                Ok(exchange) => {
                    result.duration_ms = exchange.duration.as_secs_f64() * 1000.0;
                    if let (Some(value), Some(sent)) =
                        (&exchange.authorization, result.request.as_mut())
                    {
                        sent.headers.push(("Authorization".into(), value.clone()));
                    }
                    let outcome = evaluate(case, &exchange, &scope, compiled);
                    if outcome.failed() {
                        result.verdict = Verdict::Failed;
                    }
                    result.assertions = outcome.assertions;
                    captured = outcome.captured;
                    if let (Some(scripting), Some(sent)) = (scripting.as_mut(), &result.request) {
                        let tests = scripting.after(
                            sent,
                            exchange.status,
                            &exchange.headers,
                            &exchange.body,
                            exchange.body_size,
                            result.duration_ms,
                        );
                        if tests.iter().any(|t| !t.passed) {
                            result.verdict = Verdict::Failed;
                        }
                        result.assertions.extend(tests);
                    }
                    result.response = Some(stored_response(
                        exchange,
                        plan.options.max_stored_body_bytes,
                    ));
                }
                Err(error) => {
                    result.duration_ms = error.duration.as_secs_f64() * 1000.0;
                    result.verdict = Verdict::Errored;
                    result.error = Some(RunError {
                        kind: error.kind,
                        message: error.message,
                    });
                    if let (Some(scripting), Some(sent)) = (scripting.as_mut(), &result.request) {
                        let tests = scripting.after(sent, 0, &[], &[], 0, result.duration_ms);
                        result.assertions.extend(tests);
                    }
                }
            }
        }
    }
    if let Some(scripting) = scripting {
        let (error, record) = scripting.finish();
        if let Some(error) = error
            && result.error.is_none()
        {
            result.verdict = Verdict::Errored;
            result.error = Some(error);
        }
        result.script = record;
    }
    mask(shared, &mut result, &captured);
    shared.finish(slot.pass, captured);
    Ok(CaseOutcome::Done(Box::new(result)))
}

/// Sends, retrying transport errors with exponential back-off (a request that may have
/// reached the server only when it is idempotent), and waiting for the network when the
/// target refuses connections. `None`: the batch stopped meanwhile.
async fn send_with_retries(
    shared: &Shared,
    client: &reqwest::Client,
    outgoing: &OutgoingRequest,
    idempotent: bool,
    attempts: &mut u32,
) -> Option<Result<Exchange, TransportError>> {
    let retries = shared.plan.options.retries;
    let mut failures = 0u32;
    let mut fresh_tries = 0u32;
    loop {
        *attempts += 1;
        let recoveries = shared.network.recoveries();
        let sent = tokio::select! {
            sent = http::send(client, &shared.tokens, outgoing) => sent,
            () = shared.stopped() => return None,
        };
        let error = match sent {
            Ok(exchange) => {
                shared.network.saw_success();
                return Some(Ok(exchange));
            }
            Err(error) => error,
        };
        let retryable = matches!(
            error.kind,
            ErrorKind::Connect
                | ErrorKind::Dns
                | ErrorKind::Timeout
                | ErrorKind::Reset
                | ErrorKind::Tls
                | ErrorKind::Other
        ) && (idempotent || !error.maybe_sent);
        if retryable && failures < retries {
            failures += 1;
            let backoff =
                (Duration::from_millis(100) * 2u32.saturating_pow(failures - 1)).min(MAX_BACKOFF);
            tokio::select! {
                () = tokio::time::sleep(backoff) => continue,
                () = shared.stopped() => return None,
            }
        }
        // With a network wait, a refused connection is network trouble, and so is a dropped
        // or timed-out idempotent request: probe the target and wait while it is down.
        let network_trouble = shared.network.enabled()
            && match error.kind {
                ErrorKind::Connect => true,
                ErrorKind::Reset | ErrorKind::Timeout => idempotent,
                _ => false,
            };
        if network_trouble {
            let waited = tokio::select! {
                outcome = shared.network.wait(&outgoing.url, recoveries, &shared.control) => outcome,
                () = shared.stopped() => return None,
            };
            match waited {
                NetworkOutcome::Back { after_outage: true } => {
                    // The outage was not the case's fault: it starts afresh, unless a
                    // pause was asked for meanwhile.
                    failures = 0;
                    *attempts = 0;
                    if !shared.wait_until_runnable().await {
                        return None;
                    }
                    continue;
                }
                // The target is up: a connection that went stale (closed by the server
                // while pooled) or was refused in a race gets a bounded second chance on a
                // fresh connection; a slow answer is the target's own doing.
                NetworkOutcome::Back {
                    after_outage: false,
                } if error.kind != ErrorKind::Timeout && fresh_tries < MAX_FRESH_TRIES => {
                    fresh_tries += 1;
                    continue;
                }
                _ => {}
            }
        }
        return Some(Err(error));
    }
}

/// "unknown variable `id`" says little when `id` is captured by an earlier case that
/// failed: say that instead.
fn explain_missing_capture(
    error: RunError,
    captures: &Captures,
    plan: &crate::model::BatchPlan,
) -> RunError {
    let Some(name) = error.message.split('`').nth(1) else {
        return error;
    };
    let captured_earlier = !captures.contains_key(name)
        && plan.cases.iter().any(|c| c.case.capture.contains_key(name));
    if error.kind != ErrorKind::Template || !captured_earlier {
        return error;
    }
    RunError {
        kind: ErrorKind::Template,
        message: format!(
            "{}: `{name}` was not captured (the case that captures it failed or found nothing)",
            error.message
        ),
    }
}

fn stored_response(exchange: Exchange, cap: u64) -> ResponseRecord {
    let mut body = exchange.body;
    let keep = body.len().min(usize::try_from(cap).unwrap_or(usize::MAX));
    body.truncate(keep);
    body.shrink_to_fit();
    ResponseRecord {
        status: exchange.status,
        headers: exchange.headers,
        body_truncated: (keep as u64) < exchange.body_size,
        body,
        body_size: exchange.body_size,
    }
}

/// Secrets never reach the store: mask the request, response, outcomes and captures.
fn mask(shared: &Shared, result: &mut CaseResult, captured: &Captures) {
    result.captures = captured
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    if let Some(script) = result.script.as_mut()
        && !shared.masker.is_empty()
    {
        for line in &mut script.console {
            shared.masker.mask_in_place(&mut line.text);
        }
        for change in &mut script.changes {
            if let Some(value) = change.value.as_mut() {
                shared.masker.mask_json(value);
            }
        }
    }
    shared.masker.mask_outcome(OutcomeParts {
        request: result.request.as_mut(),
        response: result.response.as_mut(),
        assertions: &mut result.assertions,
        error: result.error.as_mut(),
        captures: &mut result.captures,
    });
}
