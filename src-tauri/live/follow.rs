//! `follow_batch`: the pulled form of attaching, which the app's own page uses. The page
//! asks for what comes after the last seq it holds; the reply carries what is due now, or,
//! when nothing is, waits for the batch to move (a long poll), then lets results gather
//! for a tick. The page asks again after `poll_after_ms`.
//!
//! Why pull: on WebKitGTK a pushed channel message arrives as a script the web process
//! evaluates and keeps compiled, about 4 KB per 7 KB message for good; a reply to an
//! invoke is a fetch response, garbage once read (docs/performance.md, "Soak").
//!
//! Order without gaps or duplicates holds as in `attach`: the page sends the last seq it
//! holds, the store says what follows it, and the doorbell is subscribed before the read.

use std::time::Duration;

use apiautotest_engine::model::{BatchEvent, BatchId};
use apiautotest_engine::store::{Store, StoreError};
use serde::Serialize;
use tokio::sync::{broadcast, watch};
use tokio_util::sync::CancellationToken;

use super::follower::{FollowCursor, Follower, doorbell, pace};
use super::message::AttachMessage;

/// A reply waits at most this long for something to happen; then the page asks again.
pub const LONG_POLL: Duration = Duration::from_secs(10);

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct FollowReply {
    /// In order; empty when the long poll timed out. `End` comes last, and is final.
    pub messages: Vec<AttachMessage>,
    /// What to hand back with the next request.
    pub cursor: FollowCursor,
    /// Ask again after this long (the coalescing tick: longer while the window is hidden).
    pub poll_after_ms: u32,
}

/// What is due to a page holding every seq up to `after_seq` of batch `id`, waiting (up
/// to `LONG_POLL`) for it if nothing is. `events` must have been subscribed before the
/// call. An empty reply if `stop` fires (the page went away) or the store closes.
pub async fn follow(
    store: &Store,
    mut events: broadcast::Receiver<BatchEvent>,
    id: &BatchId,
    after_seq: u64,
    cursor: FollowCursor,
    mut visible: watch::Receiver<bool>,
    stop: CancellationToken,
) -> Result<FollowReply, StoreError> {
    let reader = store.reader()?;
    let mut follower = Follower::new(id.clone(), after_seq, cursor);
    let deadline = tokio::time::sleep(LONG_POLL);
    tokio::pin!(deadline);
    loop {
        let shown = *visible.borrow();
        let messages = follower.turn(&reader, shown)?;
        if !messages.is_empty() {
            return Ok(reply(messages, &follower, shown));
        }
        tokio::select! {
            () = stop.cancelled() => break,
            () = &mut deadline => break,
            rang = doorbell(&mut events, id) => if !rang { break },
            _ = visible.changed() => {}
        }
        let shown = *visible.borrow();
        tokio::select! {
            () = stop.cancelled() => break,
            () = tokio::time::sleep(pace(shown)) => {}
        }
    }
    Ok(reply(Vec::new(), &follower, *visible.borrow()))
}

fn reply(messages: Vec<AttachMessage>, follower: &Follower, shown: bool) -> FollowReply {
    FollowReply {
        messages,
        cursor: follower.cursor().clone(),
        poll_after_ms: u32::try_from(pace(shown).as_millis()).unwrap_or(u32::MAX),
    }
}
