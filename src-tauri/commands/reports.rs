//! Exporting a stored batch as a report file.

use std::path::PathBuf;

use apiautotest_engine::model::BatchId;
use apiautotest_engine::report::{self, ReportFormat};
use tauri::State;

use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::state::AppState;

#[tauri::command]
pub async fn export_report(
    batch_id: BatchId,
    format: ReportFormat,
    path: PathBuf,
    state: State<'_, AppState>,
) -> CommandResult<()> {
    let store = state.engine.store().clone();
    // Reports stream from the store; a big batch takes a while, off the async threads.
    tauri::async_runtime::spawn_blocking(move || {
        let reader = store.reader()?;
        reader.batch(&batch_id)?;
        report::write_file(format, &reader, &batch_id, &path).map_err(|e| {
            CommandError::new(
                ErrorCode::Storage,
                format!("cannot write {}: {e}", path.display()),
            )
        })
    })
    .await
    .map_err(|e| CommandError::new(ErrorCode::Internal, e.to_string()))?
}
