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

/// Runs a collection of the workspace (`collection_id`) or a native file
/// (`collection_path`) with the active environment and `variables` typed for this batch.
#[tauri::command]
pub async fn start_batch(
    collection_path: Option<PathBuf>,
    collection_id: Option<String>,
    options: BatchOptions,
    variables: BTreeMap<String, String>,
    state: State<'_, AppState>,
) -> CommandResult<BatchSummary> {
    let (collection, source) = match (collection_id, collection_path) {
        (Some(id), _) => {
            let file = state.workspace.collection_info(&id)?.file_path;
            (state.workspace.collection(&id)?, file.map(PathBuf::from))
        }
        (None, Some(path)) => {
            let demo = state
                .demo
                .as_ref()
                .is_some_and(|d| std::path::Path::new(&d.path) == path);
            (collections::open(&path, demo)?.0, Some(path))
        }
        (None, None) => {
            return Err(CommandError::invalid_input(
                "choose a collection to run (collectionId or collectionPath)",
            ));
        }
    };
    let (environment, secrets) = active_environment(&state)?;
    let request = BatchRequest {
        name: None,
        collections: vec![(collection, source)],
        globals: Default::default(),
        environment,
        overrides: variables.into_iter().collect(),
        secrets,
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
/// from its first case without a result, by DESIGN.md's idempotency rule: a case that may
/// have been sent is sent again when its method is idempotent, or when `resend_unknown`
/// says the user chose so (it then counts for every method).
#[tauri::command]
pub async fn resume_batch(
    batch_id: BatchId,
    resend_unknown: Option<bool>,
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
            active_environment(&state)?.1,
            ResumeOptions {
                resend_unknown: resend_unknown.unwrap_or(false),
            },
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
        .rerun_failed(
            &batch_id,
            active_environment(&state)?.1,
            state.shutdown.child_token(),
        )
        .await?;
    let id = handle.id.clone();
    state.track(handle);
    summary(&state, &id)
}

#[tauri::command]
pub async fn delete_batch(batch_id: BatchId, state: State<'_, AppState>) -> CommandResult<()> {
    Ok(state.engine.store().delete_batch(&batch_id).await?)
}

/// The active environment as (plain variables, secrets). Secrets are never stored with a
/// batch and are masked in its results; a resume or a re-run takes them again from the
/// active environment.
fn active_environment(state: &AppState) -> CommandResult<(Variables, Variables)> {
    let Some(environment) = state.workspace.active_environment()? else {
        return Ok(Default::default());
    };
    let (secret, plain): (Vec<_>, Vec<_>) = environment
        .variables
        .into_iter()
        .filter(|v| v.enabled)
        .partition(|v| v.secret);
    let pairs = |list: Vec<apiautotest_engine::workspace::EnvironmentVariable>| {
        list.into_iter().map(|v| (v.name, v.value)).collect()
    };
    Ok((pairs(plain), pairs(secret)))
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
