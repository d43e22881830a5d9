//! Environments, and the active one that Send and new batches use.

use apiautotest_engine::workspace::Environment;
use serde::Serialize;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Environments {
    pub environments: Vec<Environment>,
    pub active_id: Option<String>,
}

#[tauri::command]
pub fn list_environments(state: State<'_, AppState>) -> CommandResult<Environments> {
    Ok(Environments {
        environments: state.workspace.environments()?,
        active_id: state.workspace.active_environment()?.map(|e| e.id),
    })
}

/// Creates (empty id) or replaces an environment.
#[tauri::command]
pub fn save_environment(
    environment: Environment,
    state: State<'_, AppState>,
) -> CommandResult<Environment> {
    Ok(state.workspace.save_environment(&environment)?)
}

#[tauri::command]
pub fn delete_environment(id: String, state: State<'_, AppState>) -> CommandResult<()> {
    Ok(state.workspace.delete_environment(&id)?)
}

#[tauri::command]
pub fn set_active_environment(id: Option<String>, state: State<'_, AppState>) -> CommandResult<()> {
    Ok(state.workspace.set_active_environment(id.as_deref())?)
}
