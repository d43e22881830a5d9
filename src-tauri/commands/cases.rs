//! Cases in the workspace: the editor's reads and writes, the tree's moves, search and
//! each case's send history.

use apiautotest_engine::model::Case;
use apiautotest_engine::workspace::{CasePlace, CaseSummary, SendRecord, StoredCase};
use tauri::State;

use crate::error::{CommandError, CommandResult};
use crate::state::AppState;

/// How many matches a search returns at most.
const SEARCH_LIMIT: u32 = 200;

#[tauri::command]
pub fn get_case(id: String, state: State<'_, AppState>) -> CommandResult<StoredCase> {
    Ok(state.workspace.case(&id)?)
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
/// `json_body`). A malformed one is refused with the problem named, and what was stored
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

/// Reads a case sent by the page, so that a bad one gets the `{kind, message}` every
/// error has, naming the field.
pub fn parse_case(case: serde_json::Value) -> CommandResult<Case> {
    serde_json::from_value(case).map_err(|e| CommandError::invalid_input(format!("the case: {e}")))
}

/// A case from the page, with its JSON body (if any) as the text typed: the page never
/// turns it into JavaScript numbers, which would round 64-bit integers.
pub fn parse_case_with_body(
    mut case: serde_json::Value,
    json_body: Option<String>,
) -> CommandResult<Case> {
    if let Some(text) = json_body {
        let body: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
            CommandError::invalid_input(format!("the JSON body is not valid JSON: {e}"))
        })?;
        match case.get_mut("request").and_then(|r| r.as_object_mut()) {
            Some(request) => {
                request.insert("json".into(), body);
            }
            None => return Err(CommandError::invalid_input("the case has no request")),
        }
    }
    parse_case(case)
}
