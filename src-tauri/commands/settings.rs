//! Settings: retention of finished batches.

use tauri::State;

use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::settings::Retention;
use crate::state::AppState;

#[tauri::command]
pub fn get_retention(state: State<'_, AppState>) -> Retention {
    state.settings.retention()
}

/// Saves the retention and applies it at once; how many batches it deleted.
#[tauri::command]
pub async fn set_retention(retention: Retention, state: State<'_, AppState>) -> CommandResult<u64> {
    state.settings.set_retention(retention).map_err(|e| {
        CommandError::new(ErrorCode::Storage, format!("cannot save the settings: {e}"))
    })?;
    Ok(state
        .engine
        .store()
        .prune(retention.older_than_days, retention.keep_newest)
        .await?)
}
