//! Running a batch: workers pull positions in plan order, results flow to the store's
//! writer, and the batch's state follows the control (pause, waiting for network).

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::Duration;

use super::control::Command;
use super::execute::{CaseOutcome, run_case};
use super::shared::Shared;
use crate::assertion::Compiled;
use crate::model::{BatchState, PauseReason, Verdict};
use crate::store::{Pending, StoreError};

/// Results a worker may have queued for the writer before it waits for their commit:
/// bounds memory when the writer falls behind.
const MAX_UNCONFIRMED: usize = 256;

/// Runs the batch to its end and records its final state.
pub async fn run(shared: Arc<Shared>) -> Result<BatchState, StoreError> {
    let id = shared.plan.id.clone();
    shared
        .store
        .set_state(&id, BatchState::Running, None, None)
        .await?;
    // The followers run beside the workers and end with them.
    let workers_done = tokio_util::sync::CancellationToken::new();
    let work = async {
        run_workers(shared.clone()).await;
        workers_done.cancel();
    };
    let follow = async {
        tokio::select! {
            _ = async { tokio::join!(shared.follow_cancel(), follow_control(&shared)) } => {},
            () = workers_done.cancelled() => {},
        }
    };
    tokio::join!(work, follow);
    finish(&shared).await
}

async fn run_workers(shared: Arc<Shared>) {
    let concurrency = shared.plan.options.concurrency.max(1);
    if concurrency == 1 {
        worker(&shared).await;
        return;
    }
    let mut set = tokio::task::JoinSet::new();
    for _ in 0..concurrency {
        let shared = shared.clone();
        set.spawn(async move { worker(&shared).await });
    }
    while set.join_next().await.is_some() {}
}

async fn worker(shared: &Shared) {
    let mut compiled = Compiled::default();
    let mut unconfirmed: VecDeque<Pending> = VecDeque::new();
    let delay = Duration::from_millis(shared.plan.options.delay_ms);
    while shared.wait_until_runnable().await {
        let Some(ticket) = shared.next_ticket() else {
            break;
        };
        if let Some(rate) = &shared.rate {
            tokio::select! {
                () = rate.acquire() => {},
                () = shared.stopped() => break,
            }
        }
        let result = match run_case(shared, &ticket, &mut compiled).await {
            Ok(CaseOutcome::Done(result)) => result,
            Ok(CaseOutcome::Aborted) => break,
            Err(e) => {
                shared.fail(e);
                break;
            }
        };
        let verdict = result.verdict;
        match shared.store.record_result(*result) {
            Ok(pending) => unconfirmed.push_back(pending),
            Err(e) => {
                shared.fail(e);
                break;
            }
        }
        if let Err(e) = confirm(&mut unconfirmed, MAX_UNCONFIRMED).await {
            shared.fail(e);
            break;
        }
        if verdict != Verdict::Passed && shared.plan.options.bail {
            shared.bail();
        }
        if !delay.is_zero() {
            tokio::select! {
                () = tokio::time::sleep(delay) => {},
                () = shared.stopped() => break,
            }
        }
    }
    if let Err(e) = confirm(&mut unconfirmed, 0).await {
        shared.fail(e);
    }
}

/// Takes confirmations off the front of the queue: those already committed, then waits
/// until at most `keep` remain.
async fn confirm(queue: &mut VecDeque<Pending>, keep: usize) -> Result<(), StoreError> {
    while let Some(front) = queue.front_mut() {
        match front.try_committed() {
            Some(result) => {
                queue.pop_front();
                result?;
            }
            None if queue.len() > keep => {
                if let Some(front) = queue.pop_front() {
                    front.committed().await?;
                }
            }
            None => break,
        }
    }
    Ok(())
}

/// Writes PAUSED / RUNNING as the control changes, until the batch stops.
async fn follow_control(shared: &Shared) {
    let mut watch = shared.control.watch();
    let mut shown: (BatchState, Option<PauseReason>) = (BatchState::Running, None);
    loop {
        let state = *watch.borrow_and_update();
        let wanted = match state.command {
            Command::Cancel => return,
            Command::Pause => (BatchState::Paused, Some(PauseReason::User)),
            Command::Run if state.waiting_for_network => {
                (BatchState::Paused, Some(PauseReason::WaitingForNetwork))
            }
            Command::Run => (BatchState::Running, None),
        };
        if wanted != shown {
            if let Err(e) = shared
                .store
                .set_state(&shared.plan.id, wanted.0, wanted.1, None)
                .await
            {
                shared.fail(e);
                return;
            }
            shown = wanted;
        }
        tokio::select! {
            changed = watch.changed() => if changed.is_err() { return },
            () = shared.stopped() => return,
        }
    }
}

async fn finish(shared: &Shared) -> Result<BatchState, StoreError> {
    let id = &shared.plan.id;
    // Every worker waited for its results' commit: a ledger mark still open is a request
    // that may have been sent and has no result. Stored with the final state (should that
    // fail, the ledger file stays and the next open of the store reconciles it).
    let _ = shared.store.settle_in_flight(id);
    if let Some(error) = shared.take_fatal() {
        let message = format!("stopped: results could not be stored ({error})");
        let _ = shared
            .store
            .set_state(id, BatchState::Interrupted, None, Some(message))
            .await;
        return Err(error);
    }
    // Judged on what is stored: a stop that came after the last result changes nothing.
    let counters = shared.store.reader()?.batch(id)?.counters;
    let complete = counters.done >= counters.total;
    let (state, message) = if shared.shutdown.is_cancelled() && !complete {
        let message = "stopped by a shutdown; resume it to finish".to_owned();
        (BatchState::Interrupted, Some(message))
    } else if shared.control.current().command == Command::Cancel && !complete {
        (BatchState::Cancelled, None)
    } else if !complete && !shared.bailed() {
        // Workers ended without running everything and nobody asked for it (a worker
        // task died): keep the batch resumable rather than call it passed.
        let message = format!(
            "stopped early: {} of {} cases ran; resume it to finish",
            counters.done, counters.total
        );
        (BatchState::Interrupted, Some(message))
    } else {
        let failed = counters.failed + counters.errored > 0;
        let message = (shared.bailed() && !complete).then(|| {
            format!(
                "bailed out after the first failure ({} of {} cases run)",
                counters.done, counters.total
            )
        });
        (
            if failed {
                BatchState::Failed
            } else {
                BatchState::Passed
            },
            message,
        )
    };
    shared.store.set_state(id, state, None, message).await?;
    Ok(state)
}
