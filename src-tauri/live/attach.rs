//! `attach_batch`: everything after seq N, then live, in order, no gap, no duplicate.
//!
//! The store is the only source of what is sent. The live event stream is subscribed to
//! *before* the first read and used only as a doorbell: whenever it rings, the forwarder
//! reads what was committed after the last seq it sent. So a result that commits between
//! the replay and the subscription cannot be lost (the doorbell rang after we subscribed)
//! nor doubled (we never send a seq at or below the last one sent).
//!
//! A long catch-up (a re-attach to a batch with many results) goes mostly as columns:
//! verdicts and durations, all a page needs to count, filter and chart; the rows it shows
//! it pulls from the store by seq range.
//!
//! Coalescing (each message costs the webview memory it keeps, STACK.md): at most one
//! message per `TICK` per batch, each carrying up to `PAGE` results. While the window is
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
const PAGE: u32 = 2000;
/// A catch-up longer than this sends all but its last `TAIL` results as columns (verdict
/// and duration, a few bytes each): a page holding a long batch needs no more for them,
/// and pulls the rows it shows from the store. The tail goes in full, for the table.
const TAIL: u64 = 1000;
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
    /// The verdicts and durations of the results from `columns.first_seq` on, when a
    /// catch-up is long; results follow where these end.
    Columns {
        columns: ResultColumns,
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
            while batch.last_seq.saturating_sub(sent) > TAIL {
                let want = (batch.last_seq - TAIL - sent).min(u64::from(COLUMNS_PAGE)) as u32;
                let columns = reader.columns_after(id, sent, want)?;
                if columns.durations_ms.is_empty() {
                    break;
                }
                sent = columns.first_seq + columns.durations_ms.len() as u64 - 1;
                if !send(AttachMessage::Columns {
                    columns,
                    counters: batch.counters,
                }) {
                    return Ok(false);
                }
            }
            // Catch up page by page; the counters read above may lag the results read
            // here, so each message carries the counters of the newest result it holds.
            loop {
                let page = reader.summaries_after(id, sent, PAGE, ResultFilter::All)?;
                let Some(last) = page.last() else { break };
                sent = last.seq;
                let full = page.len() as u32 == PAGE;
                let counters = reader.batch(id)?.counters;
                if !send(AttachMessage::Results {
                    results: page,
                    counters,
                }) {
                    return Ok(false);
                }
                if !full {
                    break;
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
