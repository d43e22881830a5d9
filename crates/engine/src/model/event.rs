//! The one event type the engine reports through. Subscribers (the CLI's progress, the
//! desktop shell) receive every event of every batch and filter by `batch_id`.

use serde::{Deserialize, Serialize};

use super::batch::{BatchId, BatchState, Counters, PauseReason};
use super::result::ResultSummary;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum BatchEvent {
    /// A batch changed state (started, paused, resumed, finished...).
    State {
        batch_id: BatchId,
        state: BatchState,
        pause_reason: Option<PauseReason>,
        counters: Counters,
        message: Option<String>,
    },
    /// Results were committed to the store. Sent only after the commit (durable before
    /// visible); `results` are in seq order and follow the previous event's without gaps.
    Results {
        batch_id: BatchId,
        results: Vec<ResultSummary>,
        counters: Counters,
    },
}

impl BatchEvent {
    pub fn batch_id(&self) -> &BatchId {
        match self {
            BatchEvent::State { batch_id, .. } | BatchEvent::Results { batch_id, .. } => batch_id,
        }
    }
}
