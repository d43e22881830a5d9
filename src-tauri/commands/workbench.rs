//! The workbench: send one case now and see the whole response; cancel a slow one.

use apiautotest_engine::model::{BatchOptions, Case, Variables};
use apiautotest_engine::workbench::{SendInput, SendOutcome, send_case as send};
use tauri::State;

use crate::error::{CommandError, CommandResult};
use crate::state::AppState;

/// Sends `case` (a case as the native collection file writes it) with the collection's
/// variables and `variables` typed for this send (the highest precedence). `send_id` names
/// it for `cancel_send`. A malformed case is an `invalid_input` error naming the problem.
#[tauri::command]
pub async fn send_case(
    send_id: String,
    case: serde_json::Value,
    collection_variables: Variables,
    variables: Variables,
    state: State<'_, AppState>,
) -> CommandResult<SendOutcome> {
    // Read here rather than by Tauri, so a bad case gets the {kind, message} every error has.
    let case: Case = serde_json::from_value(case)
        .map_err(|e| CommandError::invalid_input(format!("the case: {e}")))?;
    let (cancel, _in_flight) = state.sends.begin(&send_id);
    let input = SendInput {
        case,
        environment: Variables::new(),
        collection: collection_variables,
        overrides: variables,
        captures: Default::default(),
        secrets: Vec::new(),
        options: BatchOptions::default(),
    };
    Ok(send(input, cancel).await)
}

/// Cancels a send in flight; false when it had already ended.
#[tauri::command]
pub fn cancel_send(send_id: String, state: State<'_, AppState>) -> bool {
    state.sends.cancel(&send_id)
}
