//! `attach_batch`: everything after seq N, then live, pushed over a channel, in order, no
//! gap, no duplicate.
//!
//! The live event stream is subscribed to *before* the first read and used only as a
//! doorbell: whenever it rings, the forwarder reads what was committed after the last seq
//! it sent (`Follower`). So a result that commits between the replay and the subscription
//! cannot be lost (the doorbell rang after we subscribed) nor doubled (we never send a
//! seq at or below the last one sent).
//!
//! The app's own page pulls instead (`follow`): on WebKitGTK each pushed message is
//! evaluated as a script, whose compiled form the web process keeps (measured in
//! docs/performance.md). This push form stays for other clients of the command.

use apiautotest_engine::model::{BatchEvent, BatchId};
use apiautotest_engine::store::{Store, StoreError};
use tokio::sync::{broadcast, watch};
use tokio_util::sync::CancellationToken;

use super::follower::{FollowCursor, Follower, doorbell, pace};
use super::message::AttachMessage;

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
    let mut follower = Follower::new(id.clone(), after_seq, FollowCursor::default());
    loop {
        let shown = *visible.borrow();
        for message in follower.turn(&reader, shown)? {
            if !send(message) {
                return Ok(false);
            }
        }
        if follower.ended() {
            return Ok(true);
        }
        tokio::select! {
            () = stop.cancelled() => return Ok(false),
            rang = doorbell(&mut events, id) => if !rang { return Ok(false) },
            _ = visible.changed() => {}
        }
        // Let more results gather before the next read: this is the coalescing.
        let shown = *visible.borrow();
        tokio::select! {
            () = stop.cancelled() => return Ok(false),
            () = tokio::time::sleep(pace(shown)) => {}
        }
    }
}
