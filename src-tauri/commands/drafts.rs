//! Drafts: what the editors hold unsaved, kept in the store as it is typed, so a reload or
//! a crash loses nothing.

use serde::Serialize;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Draft {
    /// What is edited: `case:<id>`, `environment:<id>` ...
    pub key: String,
    /// The editor's own JSON.
    pub content: String,
}

#[tauri::command]
pub fn list_drafts(state: State<'_, AppState>) -> CommandResult<Vec<Draft>> {
    Ok(state
        .workspace
        .drafts()?
        .into_iter()
        .map(|(key, content)| Draft { key, content })
        .collect())
}

#[tauri::command]
pub fn save_draft(key: String, content: String, state: State<'_, AppState>) -> CommandResult<()> {
    Ok(state.workspace.save_draft(&key, &content)?)
}

#[tauri::command]
pub fn discard_draft(key: String, state: State<'_, AppState>) -> CommandResult<()> {
    Ok(state.workspace.discard_draft(&key)?)
}
