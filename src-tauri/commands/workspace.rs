//! The sidebar tree: collections and folders, opening and saving native files.

use std::path::PathBuf;

use apiautotest_engine::workspace::{CollectionSettings, CollectionTree, WorkspaceCollection};
use tauri::State;

use crate::error::CommandResult;
use crate::import::ImportOutcome;
use crate::state::AppState;

#[tauri::command]
pub fn workspace_trees(state: State<'_, AppState>) -> CommandResult<Vec<CollectionTree>> {
    Ok(state.workspace.trees()?)
}

#[tauri::command]
pub fn create_collection(
    name: String,
    state: State<'_, AppState>,
) -> CommandResult<WorkspaceCollection> {
    Ok(state.workspace.create_collection(&name)?)
}

#[tauri::command]
pub fn rename_collection(
    id: String,
    name: String,
    state: State<'_, AppState>,
) -> CommandResult<()> {
    Ok(state.workspace.rename_collection(&id, &name)?)
}

#[tauri::command]
pub fn update_collection_settings(
    id: String,
    settings: CollectionSettings,
    state: State<'_, AppState>,
) -> CommandResult<()> {
    Ok(state.workspace.update_collection_settings(&id, &settings)?)
}

/// To the trash; `restore_collection` undoes it.
#[tauri::command]
pub fn delete_collection(id: String, state: State<'_, AppState>) -> CommandResult<()> {
    Ok(state.workspace.delete_collection(&id)?)
}

#[tauri::command]
pub fn restore_collection(id: String, state: State<'_, AppState>) -> CommandResult<()> {
    Ok(state.workspace.restore_collection(&id)?)
}

/// Reads a file into the workspace: a native collection, or a Postman collection,
/// environment or globals export (with what did not map).
#[tauri::command]
pub fn import_collection(
    path: PathBuf,
    state: State<'_, AppState>,
) -> CommandResult<ImportOutcome> {
    crate::import::import_file(&state.workspace, &path)
}

/// Writes the collection as a Postman v2.1 file at `path`; what Postman cannot hold
/// (declarative assertions, captures, timeouts) comes back, to be shown.
#[tauri::command]
pub fn export_collection(
    id: String,
    path: PathBuf,
    state: State<'_, AppState>,
) -> CommandResult<Vec<crate::import::ImportNote>> {
    crate::import::export_postman(&state.workspace, &id, &path)
}

/// Writes the collection as a native file (to `path`, or to the file it came from);
/// returns where it was written.
#[tauri::command]
pub fn save_collection(
    id: String,
    path: Option<PathBuf>,
    state: State<'_, AppState>,
) -> CommandResult<String> {
    Ok(state.workspace.save_collection_file(&id, path.as_deref())?)
}

#[tauri::command]
pub fn create_folder(
    collection_id: String,
    path: String,
    state: State<'_, AppState>,
) -> CommandResult<()> {
    Ok(state.workspace.create_folder(&collection_id, &path)?)
}

#[tauri::command]
pub fn rename_folder(
    collection_id: String,
    from: String,
    to: String,
    state: State<'_, AppState>,
) -> CommandResult<()> {
    Ok(state.workspace.rename_folder(&collection_id, &from, &to)?)
}

/// Its cases go to the trash.
#[tauri::command]
pub fn delete_folder(
    collection_id: String,
    path: String,
    state: State<'_, AppState>,
) -> CommandResult<()> {
    Ok(state.workspace.delete_folder(&collection_id, &path)?)
}
