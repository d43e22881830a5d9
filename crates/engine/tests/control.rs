//! Pause, resume, cancel, shutdown and waiting for network: each tested on a real run.

mod common;

use std::time::Duration;

use apiautotest_engine::model::{BatchEvent, BatchOptions, BatchState, PauseReason, Verdict};
use common::{World, cases};
use tokio_util::sync::CancellationToken;

/// Waits (bounded) until the batch has at least `n` committed results.
async fn until_done(world: &World, id: &apiautotest_engine::model::BatchId, n: u64) {
    for _ in 0..500 {
        let done = world
            .engine
            .store()
            .reader()
            .expect("reader")
            .batch(id)
            .expect("batch")
            .counters
            .done;
        if done >= n {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("batch never reached {n} results");
}

fn state_of(world: &World, id: &apiautotest_engine::model::BatchId) -> BatchState {
    world
        .engine
        .store()
        .reader()
        .expect("reader")
        .batch(id)
        .expect("batch")
        .state
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pause_holds_the_batch_and_resume_finishes_it() {
    let world = World::new().await;
    let handle = world
        .start(world.request(
            &cases(40, "/delay/10?i={i}", &["status == 200"]),
            BatchOptions::default(),
        ))
        .await;
    let id = handle.id.clone();
    until_done(&world, &id, 3).await;
    handle.control.pause();
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(state_of(&world, &id), BatchState::Paused);
    let held = world
        .engine
        .store()
        .reader()
        .expect("reader")
        .batch(&id)
        .expect("batch")
        .counters
        .done;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let later = world
        .engine
        .store()
        .reader()
        .expect("reader")
        .batch(&id)
        .expect("batch")
        .counters
        .done;
    assert_eq!(held, later, "no case may start while paused");
    handle.control.resume();
    assert_eq!(
        handle.finished().await.expect("finished"),
        BatchState::Passed
    );
    assert_eq!(world.results(&id).len(), 40);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancel_ends_the_batch_as_cancelled() {
    let world = World::new().await;
    let options = BatchOptions {
        concurrency: 2,
        ..BatchOptions::default()
    };
    let handle = world
        .start(world.request(&cases(100, "/delay/20?i={i}", &[]), options))
        .await;
    let id = handle.id.clone();
    until_done(&world, &id, 2).await;
    handle.control.cancel();
    assert_eq!(
        handle.finished().await.expect("finished"),
        BatchState::Cancelled
    );
    let results = world.results(&id);
    assert!(results.len() < 100);
    assert!(results.iter().all(|r| r.verdict == Verdict::Passed));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_leaves_the_batch_interrupted_and_resumable() {
    let world = World::new().await;
    let shutdown = CancellationToken::new();
    let request = world.request(
        &cases(30, "/delay/10?i={i}", &["status == 200"]),
        BatchOptions::default(),
    );
    let handle = world
        .engine
        .start(request, shutdown.clone())
        .await
        .expect("start");
    let id = handle.id.clone();
    until_done(&world, &id, 5).await;
    shutdown.cancel();
    assert_eq!(
        handle.finished().await.expect("finished"),
        BatchState::Interrupted
    );
    let before = world.results(&id).len();
    assert!((5..30).contains(&before), "{before}");

    let resumed = world
        .engine
        .resume(
            &id,
            Default::default(),
            Default::default(),
            CancellationToken::new(),
        )
        .await
        .expect("resume");
    assert_eq!(
        resumed.finished().await.expect("finished"),
        BatchState::Passed
    );
    let results = world.results(&id);
    assert_eq!(results.len(), 30);
    assert_eq!(
        results.iter().map(|r| r.seq).collect::<Vec<_>>(),
        (1..=30).collect::<Vec<_>>()
    );
    let mut positions: Vec<u64> = results.iter().map(|r| r.position).collect();
    positions.sort_unstable();
    positions.dedup();
    assert_eq!(positions.len(), 30, "every case exactly once");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_outage_pauses_the_batch_as_waiting_for_network_then_it_goes_on() {
    let world = World::new().await;
    let mut events = world.engine.store().subscribe();
    let options = BatchOptions {
        network_wait_secs: 30,
        ..BatchOptions::default()
    };
    let handle = world
        .start(world.request(&cases(30, "/delay/10?i={i}", &["status == 200"]), options))
        .await;
    let id = handle.id.clone();
    until_done(&world, &id, 5).await;
    world.sandbox.outage(Duration::from_millis(1500)).await;
    assert_eq!(
        handle.finished().await.expect("finished"),
        BatchState::Passed
    );
    let results = world.results(&id);
    assert_eq!(results.len(), 30);
    assert!(
        results.iter().all(|r| r.verdict == Verdict::Passed),
        "the outage failed no case"
    );
    let mut waited = false;
    while let Ok(event) = events.try_recv() {
        if let BatchEvent::State {
            state: BatchState::Paused,
            pause_reason: Some(PauseReason::WaitingForNetwork),
            ..
        } = event
        {
            waited = true;
        }
    }
    assert!(waited, "the batch showed it was waiting for network");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_network_wait_an_outage_becomes_errors_at_once() {
    let world = World::new().await;
    let handle = world
        .start(world.request(&cases(3, "/echo/{i}", &[]), BatchOptions::default()))
        .await;
    let id = handle.id.clone();
    handle.finished().await.expect("finished");
    world.sandbox.outage(Duration::from_millis(2000)).await;
    let again = world
        .start(world.request(&cases(3, "/echo/{i}", &[]), BatchOptions::default()))
        .await;
    let again_id = again.id.clone();
    assert_eq!(
        again.finished().await.expect("finished"),
        BatchState::Failed
    );
    assert!(
        world
            .results(&again_id)
            .iter()
            .all(|r| r.verdict == Verdict::Errored)
    );
    assert_eq!(world.results(&id).len(), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn results_are_announced_only_after_they_are_committed() {
    let world = World::new().await;
    let mut events = world.engine.store().subscribe();
    let options = BatchOptions {
        concurrency: 4,
        ..BatchOptions::default()
    };
    let handle = world
        .start(world.request(&cases(100, "/echo/{i}", &[]), options))
        .await;
    let id = handle.id.clone();
    let reader = world.engine.store().reader().expect("reader");
    let mut last_seq = 0;
    loop {
        match events.recv().await.expect("event") {
            BatchEvent::Results { results, .. } => {
                for r in &results {
                    assert_eq!(r.seq, last_seq + 1, "events carry every seq, in order");
                    last_seq = r.seq;
                }
                // Everything announced is already readable from another connection.
                let stored = reader
                    .results_after(&id, last_seq - 1, 1, Default::default())
                    .expect("read");
                assert_eq!(
                    stored.len(),
                    1,
                    "seq {last_seq} announced before its commit"
                );
            }
            BatchEvent::State { state, .. } if state.is_final() => break,
            BatchEvent::State { .. } => {}
        }
    }
    assert_eq!(last_seq, 100);
    handle.finished().await.expect("finished");
}
