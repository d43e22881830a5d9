//! What a page following a batch receives, in order, whichever way it follows.

use apiautotest_engine::model::{BatchSummary, Counters, ResultSummary};
use apiautotest_engine::store::ResultColumns;
use serde::Serialize;

/// What a page following a batch receives, in order: pushed over `attach_batch`'s channel
/// or pulled in `follow_batch`'s replies.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(tag = "type", rename_all = "snake_case")]
#[ts(export)]
pub enum AttachMessage {
    /// Results in seq order, each seq one more than the one before across messages.
    Results {
        results: Vec<ResultSummary>,
        counters: Counters,
    },
    /// The verdicts and durations of the results from `columns.first_seq` on, then
    /// `tail`: the results right after them, in full.
    Columns {
        columns: ResultColumns,
        tail: Vec<ResultSummary>,
        counters: Counters,
    },
    /// Sent instead of results while the window is hidden.
    Progress {
        counters: Counters,
        #[ts(type = "number")]
        last_seq: u64,
    },
    /// The batch after a state change (paused, resumed, finished...).
    State { batch: BatchSummary },
    /// The batch has finished and every result was sent; nothing follows.
    End,
}
