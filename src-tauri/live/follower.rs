//! What a page following a batch is owed next: the one place that decides it, for the
//! pushed attach (`attach`) and the pulled one (`follow`) alike.
//!
//! The store is the only source of what is sent: each turn reads what was committed after
//! the last seq sent, so nothing is lost or doubled whatever happened in between (a
//! reload, a hidden window, a lost doorbell). Results go mostly as columns (verdicts and
//! durations), only the newest few in full: a page counts, filters and charts from the
//! columns and pulls the rows it shows from the store by seq range. This keeps each
//! message small, for re-attaches to long batches and for long runs alike.

use std::time::Duration;

use apiautotest_engine::model::{BatchEvent, BatchId, BatchState, PauseReason};
use apiautotest_engine::store::{Reader, ResultFilter, StoreError};
use serde::{Deserialize, Serialize};
use tokio::sync::broadcast;

use super::message::AttachMessage;

/// Coalescing while the window is shown: at most one message (or reply) per tick per
/// batch. Each one costs the webview work and memory (STACK.md).
pub const TICK: Duration = Duration::from_millis(200);
/// While the window is hidden only counters go out, at most this often; on show the
/// results follow from the store.
pub const HIDDEN_TICK: Duration = Duration::from_secs(1);
/// Only the newest `TAIL` results of a message go in full; those before them go as
/// columns (verdict and duration, a few bytes each). Every byte of a message costs the
/// webview memory it keeps (measured: a 30-minute run at ~860 results/s grew the web
/// process by 300 MB in 12 minutes while every result went in full).
const TAIL: u64 = 20;
const COLUMNS_PAGE: u32 = 50_000;

/// What a follower remembers between turns besides the last seq sent; a page that pulls
/// hands it back with its next request.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct FollowCursor {
    /// The state (and pause reason) last sent; none before the first turn.
    pub state: Option<(BatchState, Option<PauseReason>)>,
    /// The last seq a `Progress` message announced (while hidden).
    #[ts(type = "number")]
    pub announced_seq: u64,
}

pub struct Follower {
    id: BatchId,
    /// Every seq up to this one was sent (or held by the page before it followed).
    sent: u64,
    cursor: FollowCursor,
    ended: bool,
}

impl Follower {
    pub fn new(id: BatchId, after_seq: u64, cursor: FollowCursor) -> Follower {
        Follower {
            id,
            sent: after_seq,
            cursor,
            ended: false,
        }
    }

    pub fn cursor(&self) -> &FollowCursor {
        &self.cursor
    }

    /// The batch has ended and everything was sent (the last turn ended with `End`).
    pub fn ended(&self) -> bool {
        self.ended
    }

    /// The messages due now, in order; empty when nothing changed.
    pub fn turn(
        &mut self,
        reader: &Reader,
        visible: bool,
    ) -> Result<Vec<AttachMessage>, StoreError> {
        let mut out = Vec::new();
        let batch = reader.batch(&self.id)?;
        if visible {
            // Up to what was committed when this turn began: later results wait for the
            // next turn, so a fast batch still gets one message per tick.
            while let Some(message) = self.results_up_to(reader, batch.last_seq)? {
                out.push(message);
            }
        } else if batch.last_seq > self.sent.max(self.cursor.announced_seq) {
            self.cursor.announced_seq = batch.last_seq;
            out.push(AttachMessage::Progress {
                counters: batch.counters,
                last_seq: batch.last_seq,
            });
        }
        let state = (batch.state, batch.pause_reason);
        if self.cursor.state != Some(state) {
            self.cursor.state = Some(state);
            out.push(AttachMessage::State {
                batch: batch.clone(),
            });
        }
        if !batch.state.is_active() && self.sent >= batch.last_seq {
            self.ended = true;
            out.push(AttachMessage::End);
        }
        Ok(out)
    }

    /// The next message of results after `sent`, up to `last_seq`; none when all are sent.
    fn results_up_to(
        &mut self,
        reader: &Reader,
        last_seq: u64,
    ) -> Result<Option<AttachMessage>, StoreError> {
        let id = &self.id;
        let backlog = last_seq.saturating_sub(self.sent);
        if backlog == 0 {
            return Ok(None);
        }
        if backlog <= TAIL {
            let results = reader.summaries_after(id, self.sent, TAIL as u32, ResultFilter::All)?;
            let Some(last) = results.last() else {
                return Ok(None);
            };
            self.sent = last.seq;
            let counters = reader.batch(id)?.counters;
            return Ok(Some(AttachMessage::Results { results, counters }));
        }
        let want = (backlog - TAIL).min(u64::from(COLUMNS_PAGE)) as u32;
        let columns = reader.columns_after(id, self.sent, want)?;
        if columns.durations_ms.is_empty() {
            return Ok(None);
        }
        self.sent = columns.first_seq + columns.durations_ms.len() as u64 - 1;
        let tail = if last_seq - self.sent <= TAIL {
            reader.summaries_after(id, self.sent, TAIL as u32, ResultFilter::All)?
        } else {
            Vec::new()
        };
        if let Some(last) = tail.last() {
            self.sent = last.seq;
        }
        let counters = reader.batch(id)?.counters;
        Ok(Some(AttachMessage::Columns {
            columns,
            tail,
            counters,
        }))
    }
}

/// Waits until something happened to batch `id` (or events were missed, which may have
/// been about it). False when the store is gone.
pub async fn doorbell(events: &mut broadcast::Receiver<BatchEvent>, id: &BatchId) -> bool {
    loop {
        match events.recv().await {
            Ok(event) if event.batch_id() == id => return true,
            Ok(_) => {}
            Err(broadcast::error::RecvError::Lagged(_)) => return true,
            Err(broadcast::error::RecvError::Closed) => return false,
        }
    }
}

/// How long to let results gather before the next turn.
pub fn pace(visible: bool) -> Duration {
    if visible { TICK } else { HIDDEN_TICK }
}
