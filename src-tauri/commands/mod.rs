//! The commands the webview invokes, grouped by area. Each is a few lines over the engine;
//! arguments arrive camelCase from JavaScript (`batchId`, `afterSeq`).

pub mod batches;
pub mod cases;
pub mod collections;
pub mod drafts;
pub mod environments;
pub mod page_case;
pub mod reports;
pub mod results;
pub mod session;
pub mod settings;
pub mod workbench;
pub mod workspace;

use apiautotest_engine::model::{BatchId, BatchSummary};

use crate::error::CommandResult;
use crate::state::AppState;

/// A batch's summary as stored now.
fn summary(state: &AppState, id: &BatchId) -> CommandResult<BatchSummary> {
    Ok(state.engine.store().reader()?.batch(id)?)
}
