//! Opening collection files, and what a page needs on load.

use std::path::PathBuf;

use apiautotest_engine::model::{BatchState, BatchSummary};
use serde::Serialize;
use tauri::State;

use crate::collections::{self, CollectionInfo};
use crate::error::CommandResult;
use crate::state::AppState;

/// How many past batches are searched for INTERRUPTED ones to offer for resume.
const RECENT: u32 = 200;

/// What the page needs on every load.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct StartupInfo {
    pub demo: Option<CollectionInfo>,
    /// The collection opened last (command line, second launch, dialog, drop).
    pub opened: Option<CollectionInfo>,
    /// Batches a crash or a quit cut short, offered for resume.
    pub interrupted: Vec<BatchSummary>,
    pub data_dir: String,
}

#[tauri::command]
pub fn startup_info(state: State<'_, AppState>) -> CommandResult<StartupInfo> {
    let interrupted = state
        .engine
        .store()
        .reader()?
        .batches(RECENT)?
        .into_iter()
        .filter(|b| b.state == BatchState::Interrupted)
        .collect();
    Ok(StartupInfo {
        demo: state.demo.clone(),
        opened: state.opened.lock().ok().and_then(|o| o.clone()),
        interrupted,
        data_dir: state.data_dir.display().to_string(),
    })
}

#[tauri::command]
pub fn open_collection(path: PathBuf, state: State<'_, AppState>) -> CommandResult<CollectionInfo> {
    let (_, info) = collections::open(&path, false)?;
    if let Ok(mut opened) = state.opened.lock() {
        *opened = Some(info.clone());
    }
    Ok(info)
}
