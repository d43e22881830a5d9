//! Cases in the workspace: the editor's reads and writes, the tree's moves, search and
//! each case's send history.

use apiautotest_engine::workspace::{CasePlace, CaseSummary, SendRecord, StoredCase};
use tauri::State;

use super::page_case::{parse_case_with_body, with_schemas_as_text};
use crate::error::CommandResult;
use crate::state::AppState;

/// How many matches a search returns at most.
const SEARCH_LIMIT: u32 = 200;

/// A stored case for the editor: its JSON body also as text (`json_body`), its inline
/// schemas as text (see `page_case`).
#[tauri::command]
pub fn get_case(id: String, state: State<'_, AppState>) -> CommandResult<StoredCase> {
    let mut stored = state.workspace.case(&id)?;
    with_schemas_as_text(&mut stored.case);
    Ok(stored)
}

#[tauri::command]
pub fn create_case(
    collection_id: String,
    folder: Option<String>,
    name: String,
    state: State<'_, AppState>,
) -> CommandResult<CaseSummary> {
    Ok(state
        .workspace
        .create_case(&collection_id, folder.as_deref(), &name)?)
}

/// Stores an edited case (as the native file writes it; its JSON body, if any, as text in
/// `json_body`, its inline schemas as text). A malformed one is refused with the problem named, and what was stored
/// stays.
#[tauri::command]
pub fn save_case(
    id: String,
    case: serde_json::Value,
    json_body: Option<String>,
    state: State<'_, AppState>,
) -> CommandResult<CaseSummary> {
    let case = parse_case_with_body(case, json_body)?;
    Ok(state.workspace.save_case(&id, &case)?)
}

#[tauri::command]
pub fn duplicate_case(id: String, state: State<'_, AppState>) -> CommandResult<CaseSummary> {
    Ok(state.workspace.duplicate_case(&id)?)
}

/// To the trash; `restore_case` undoes it.
#[tauri::command]
pub fn delete_case(id: String, state: State<'_, AppState>) -> CommandResult<()> {
    Ok(state.workspace.delete_case(&id)?)
}

#[tauri::command]
pub fn restore_case(id: String, state: State<'_, AppState>) -> CommandResult<()> {
    Ok(state.workspace.restore_case(&id)?)
}

#[tauri::command]
pub fn move_case(
    id: String,
    place: CasePlace,
    state: State<'_, AppState>,
) -> CommandResult<CaseSummary> {
    Ok(state.workspace.move_case(&id, &place)?)
}

#[tauri::command]
pub fn search_cases(text: String, state: State<'_, AppState>) -> CommandResult<Vec<CaseSummary>> {
    Ok(state.workspace.search_cases(&text, SEARCH_LIMIT)?)
}

/// A case's recent sends, newest first.
#[tauri::command]
pub fn case_sends(case_id: String, state: State<'_, AppState>) -> CommandResult<Vec<SendRecord>> {
    Ok(state.workspace.sends(&case_id)?)
}

/// One earlier send's whole outcome (a `SendOutcome`), to show it again.
#[tauri::command]
pub fn send_outcome(id: i64, state: State<'_, AppState>) -> CommandResult<serde_json::Value> {
    Ok(state.workspace.send_outcome(id)?)
}
