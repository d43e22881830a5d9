//! The workbench: send one case now and see the whole response; cancel a slow one.

use std::path::Path;

use apiautotest_engine::model::{BatchOptions, Collection, InheritedScripts, Variables};
use apiautotest_engine::workbench::{SendInput, SendOutcome, send_case as send};
use tauri::State;

use super::page_case::parse_case_with_body;
use crate::error::CommandResult;
use crate::state::AppState;

/// Sends `case` (as the native collection file writes it, possibly unsaved; its JSON body
/// as text in `json_body`, see `save_case`) with the
/// active environment, the variables of `collection_id` (and the auth its folders pass
/// down), the values earlier sends of that collection captured and the cookies they were
/// given (see `session`), and `variables` typed for
/// this send (the highest precedence). `send_id` names it
/// for `cancel_send`; with `case_id` the send joins that case's history. A malformed case
/// is an `invalid_input` error naming the problem, and nothing is sent.
#[tauri::command]
pub async fn send_case(
    send_id: String,
    case: serde_json::Value,
    json_body: Option<String>,
    collection_id: Option<String>,
    case_id: Option<String>,
    variables: Variables,
    state: State<'_, AppState>,
) -> CommandResult<SendOutcome> {
    let mut case = parse_case_with_body(case, json_body)?;
    let mut collection_variables = Variables::new();
    let mut files_dir = None;
    let mut scripts = InheritedScripts::default();
    if let Some(id) = &collection_id {
        let info = state.workspace.collection_info(id)?;
        let settings = Collection {
            name: info.name,
            variables: info.settings.variables,
            auth: info.settings.auth,
            scripts: info.settings.scripts,
            folders: info.settings.folders,
            cases: Vec::new(),
        };
        case.request.auth = settings.effective_auth(&case).cloned();
        scripts = InheritedScripts::of(&settings);
        collection_variables = settings.variables;
        files_dir = info
            .file_path
            .as_deref()
            .and_then(|f| Path::new(f).parent())
            .map(Path::to_path_buf);
    }
    let environment = state.workspace.active_environment()?;
    // A collection's sends share its session: captured values and a cookie jar.
    let (captures, cookies) = match (&collection_id, state.captured.lock()) {
        (Some(id), Ok(mut captured)) => {
            let session = captured.entry(id.clone()).or_default();
            (session.values.clone(), Some(session.cookies.clone()))
        }
        _ => Default::default(),
    };
    let (cancel, _in_flight) = state.sends.begin(&send_id);
    let input = SendInput {
        case,
        environment: environment.as_ref().map(|e| e.values()).unwrap_or_default(),
        collection: collection_variables,
        overrides: variables,
        captures,
        secrets: environment.map(|e| e.secret_values()).unwrap_or_default(),
        options: BatchOptions::default(),
        cookies,
        files_dir,
        scripts,
        transport: state.engine.transport(),
    };
    let outcome = send(input, cancel).await;
    keep_environment_changes(&state, &outcome);
    if let (Some(id), Ok(mut captured)) = (&collection_id, state.captured.lock()) {
        let session = captured.entry(id.clone()).or_default();
        session.values.extend(outcome.captured_values.clone());
        session.shown.extend(outcome.captures.clone());
    }
    if let Some(case_id) = case_id
        && let Err(e) = state.workspace.record_send(&case_id, &outcome)
    {
        // The outcome is still shown; only its place in the history is lost.
        eprintln!("apiautotest-desktop: cannot keep send of case {case_id}: {e}");
    }
    Ok(outcome)
}

/// Cancels a send in flight; false when it had already ended.
#[tauri::command]
pub fn cancel_send(send_id: String, state: State<'_, AppState>) -> bool {
    state.sends.cancel(&send_id)
}

/// What the scripts set with `pm.environment` goes into the active environment, as in
/// Postman (without one, the values live in the collection's session only).
fn keep_environment_changes(state: &AppState, outcome: &SendOutcome) {
    if outcome.environment_changes.is_empty() {
        return;
    }
    let kept = state
        .workspace
        .active_environment()
        .and_then(|active| match active {
            Some(environment) => state
                .workspace
                .save_environment(&environment.with_changes(&outcome.environment_changes))
                .map(Some),
            None => Ok(None),
        });
    if let Err(e) = kept {
        // The send's outcome is still shown, its values kept in the session.
        eprintln!("apiautotest-desktop: cannot keep what a script set in the environment: {e}");
    }
}
