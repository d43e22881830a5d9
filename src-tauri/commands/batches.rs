//! Starting and steering batches.

use std::collections::BTreeMap;
use std::path::PathBuf;

use apiautotest_engine::ResumeOptions;
use apiautotest_engine::model::{BatchId, BatchOptions, BatchState, BatchSummary, Variables};
use apiautotest_engine::runner::BatchRequest;
use tauri::State;

use super::summary;
use crate::collections;
use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::state::AppState;

#[tauri::command]
pub async fn start_batch(
    collection_path: PathBuf,
    options: BatchOptions,
    variables: BTreeMap<String, String>,
    state: State<'_, AppState>,
) -> CommandResult<BatchSummary> {
    let demo = state
        .demo
        .as_ref()
        .is_some_and(|d| std::path::Path::new(&d.path) == collection_path);
    let (collection, _) = collections::open(&collection_path, demo)?;
    let request = BatchRequest {
        name: None,
        collections: vec![(collection, Some(collection_path))],
        environment: Variables::new(),
        overrides: variables.into_iter().collect(),
        secrets: Variables::new(),
        rows: Vec::new(),
        options,
        shard: None,
    };
    let handle = state
        .engine
        .start(request, state.shutdown.child_token())
        .await?;
    let id = handle.id.clone();
    state.track(handle);
    summary(&state, &id)
}

#[tauri::command]
pub fn active_batches(state: State<'_, AppState>) -> CommandResult<Vec<BatchSummary>> {
    Ok(state.engine.store().reader()?.active_batches()?)
}

#[tauri::command]
pub fn list_batches(limit: u32, state: State<'_, AppState>) -> CommandResult<Vec<BatchSummary>> {
    Ok(state.engine.store().reader()?.batches(limit)?)
}

#[tauri::command]
pub fn pause_batch(batch_id: BatchId, state: State<'_, AppState>) -> CommandResult<BatchSummary> {
    running(&state, &batch_id)?.pause();
    summary(&state, &batch_id)
}

#[tauri::command]
pub fn cancel_batch(batch_id: BatchId, state: State<'_, AppState>) -> CommandResult<BatchSummary> {
    running(&state, &batch_id)?.cancel();
    summary(&state, &batch_id)
}

/// A PAUSED batch goes on; an INTERRUPTED one (a crash or a quit cut it short) resumes
/// from its first case without a result, by DESIGN.md's idempotency rule.
#[tauri::command]
pub async fn resume_batch(
    batch_id: BatchId,
    state: State<'_, AppState>,
) -> CommandResult<BatchSummary> {
    if let Some(control) = state.engine.control(&batch_id) {
        control.resume();
        return summary(&state, &batch_id);
    }
    let handle = state
        .engine
        .resume(
            &batch_id,
            Variables::new(),
            ResumeOptions::default(),
            state.shutdown.child_token(),
        )
        .await?;
    state.track(handle);
    summary(&state, &batch_id)
}

#[tauri::command]
pub async fn rerun_failed(
    batch_id: BatchId,
    state: State<'_, AppState>,
) -> CommandResult<BatchSummary> {
    let handle = state
        .engine
        .rerun_failed(&batch_id, Variables::new(), state.shutdown.child_token())
        .await?;
    let id = handle.id.clone();
    state.track(handle);
    summary(&state, &id)
}

#[tauri::command]
pub async fn delete_batch(batch_id: BatchId, state: State<'_, AppState>) -> CommandResult<()> {
    Ok(state.engine.store().delete_batch(&batch_id).await?)
}

/// The control of a batch this process runs; a batch it does not run cannot be steered.
fn running(
    state: &AppState,
    id: &BatchId,
) -> CommandResult<apiautotest_engine::runner::BatchControl> {
    state.engine.control(id).ok_or_else(|| {
        let what = summary(state, id)
            .map(|b| b.state)
            .unwrap_or(BatchState::Interrupted);
        CommandError::new(
            ErrorCode::WrongState,
            format!("batch {id} is not running here ({what})"),
        )
    })
}
