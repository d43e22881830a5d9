//! `attach_batch`: everything after seq N, then live, in order, no gap, no duplicate.
//!
//! The store is the only source of what is sent. The live event stream is subscribed to
//! *before* the first read and used only as a doorbell: whenever it rings, the forwarder
//! reads what was committed after the last seq it sent. So a result that commits between
//! the replay and the subscription cannot be lost (the doorbell rang after we subscribed)
//! nor doubled (we never send a seq at or below the last one sent).
//!
//! Results go mostly as columns (verdicts and durations), only the newest few in full: a
//! page counts, filters and charts from the columns and pulls the rows it shows from the
//! store by seq range. This keeps each message small, for re-attaches to long batches and
//! for long runs alike.
//!
//! Coalescing (each message costs the webview memory it keeps, STACK.md): at most one
//! message per `TICK` per batch (up to `COLUMNS_PAGE` results as columns). While the window is
//! hidden only counters go out, at most once per `HIDDEN_TICK`; on show the results
//! follow from the store.

use std::time::Duration;

use apiautotest_engine::model::{BatchEvent, BatchId, BatchSummary, Counters, ResultSummary};
use apiautotest_engine::store::{ResultColumns, ResultFilter, Store, StoreError};
use serde::Serialize;
use tokio::sync::{broadcast, watch};
use tokio_util::sync::CancellationToken;

const TICK: Duration = Duration::from_millis(200);
const HIDDEN_TICK: Duration = Duration::from_secs(1);
/// Only the newest `TAIL` results of a message go in full; those before them go as
/// columns (verdict and duration, a few bytes each), all a page needs to count, filter
/// and chart them; it pulls the rows it shows from the store. Every byte of a message
/// costs the webview memory it keeps (measured: a 30-minute run at ~860 results/s grew
/// the web process by 300 MB in 12 minutes while every result went in full).
const TAIL: u64 = 20;
const COLUMNS_PAGE: u32 = 50_000;

/// What `attach_batch` sends over its channel, in order.
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

/// Forwards batch `id` from `after_seq` on to `send` until the batch has ended and all is
/// sent (`Ok(true)`), or `stop` fires or `send` fails (`Ok(false)`).
///
/// `events` must have been subscribed before this is called (see the module doc).
pub async fn forward(
    store: &Store,
    mut events: broadcast::Receiver<BatchEvent>,
    id: &BatchId,
    after_seq: u64,
    mut visible: watch::Receiver<bool>,
    stop: CancellationToken,
    mut send: impl FnMut(AttachMessage) -> bool,
) -> Result<bool, StoreError> {
    let reader = store.reader()?;
    let mut sent = after_seq;
    let mut last_state = None;
    loop {
        let batch = reader.batch(id)?;
        if *visible.borrow() {
            // Up to what was committed when this turn began: later results wait for the
            // next turn, so a fast batch still gets one message per tick.
            let last_seq = batch.last_seq;
            loop {
                let backlog = last_seq.saturating_sub(sent);
                if backlog == 0 {
                    break;
                }
                let message = if backlog <= TAIL {
                    let results =
                        reader.summaries_after(id, sent, TAIL as u32, ResultFilter::All)?;
                    let Some(last) = results.last() else { break };
                    sent = last.seq;
                    AttachMessage::Results {
                        results,
                        counters: reader.batch(id)?.counters,
                    }
                } else {
                    let want = (backlog - TAIL).min(u64::from(COLUMNS_PAGE)) as u32;
                    let columns = reader.columns_after(id, sent, want)?;
                    if columns.durations_ms.is_empty() {
                        break;
                    }
                    sent = columns.first_seq + columns.durations_ms.len() as u64 - 1;
                    let tail = if last_seq - sent <= TAIL {
                        reader.summaries_after(id, sent, TAIL as u32, ResultFilter::All)?
                    } else {
                        Vec::new()
                    };
                    if let Some(last) = tail.last() {
                        sent = last.seq;
                    }
                    AttachMessage::Columns {
                        columns,
                        tail,
                        counters: reader.batch(id)?.counters,
                    }
                };
                if !send(message) {
                    return Ok(false);
                }
            }
        } else if batch.last_seq > sent
            && !send(AttachMessage::Progress {
                counters: batch.counters,
                last_seq: batch.last_seq,
            })
        {
            return Ok(false);
        }
        if last_state != Some((batch.state, batch.pause_reason)) {
            last_state = Some((batch.state, batch.pause_reason));
            if !send(AttachMessage::State {
                batch: batch.clone(),
            }) {
                return Ok(false);
            }
        }
        if !batch.state.is_active() && sent >= batch.last_seq {
            return Ok(send(AttachMessage::End));
        }
        let pace = if *visible.borrow() { TICK } else { HIDDEN_TICK };
        tokio::select! {
            () = stop.cancelled() => return Ok(false),
            rang = doorbell(&mut events, id) => if !rang { return Ok(false) },
            _ = visible.changed() => {}
        }
        // Let more results gather before the next read: this is the coalescing.
        tokio::select! {
            () = stop.cancelled() => return Ok(false),
            () = tokio::time::sleep(pace) => {}
        }
    }
}

/// Waits until something happened to batch `id` (or events were missed, which may have
/// been about it). False when the store is gone.
async fn doorbell(events: &mut broadcast::Receiver<BatchEvent>, id: &BatchId) -> bool {
    loop {
        match events.recv().await {
            Ok(event) if event.batch_id() == id => return true,
            Ok(_) => {}
            Err(broadcast::error::RecvError::Lagged(_)) => return true,
            Err(broadcast::error::RecvError::Closed) => return false,
        }
    }
}
