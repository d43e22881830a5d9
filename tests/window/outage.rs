//! Seed S2, our form of a network drop: the target goes away mid-run. The batch pauses
//! itself as waiting for network, resumes by itself when the target is back, and no case
//! is marked failed because of the outage.

use std::time::Duration;

use apiautotest_engine::model::{BatchState, PauseReason};

use crate::ONE_AT_A_TIME;
use crate::harness::{World, eventually};
use crate::page::{badge, page_holds_all, run_selected, wait_shown};

const CASES: u64 = 300;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_outage_pauses_the_batch_until_the_target_is_back() {
    let _one = ONE_AT_A_TIME.lock().await;
    let world = World::new().await;
    let file = world.collection("outage", CASES as usize, "/delay/10");
    let app = world.launch(&[file.display().to_string()]).await;
    let id = run_selected(&app, "outage").await.id;
    wait_shown(&app, "progress", &id, Duration::from_secs(20), |b| {
        b.done >= 30
    })
    .await;

    world.sandbox.outage(Duration::from_secs(4)).await;
    eventually(
        "the batch to wait for the network",
        Duration::from_secs(10),
        || async {
            let stored = world.batch(&id);
            let waiting = stored.state == BatchState::Paused
                && stored.pause_reason == Some(PauseReason::WaitingForNetwork);
            (waiting && badge(&app, &id).await.contains("network")).then_some(())
        },
    )
    .await;

    // Back by itself: no click.
    let end = wait_shown(
        &app,
        "the batch to finish",
        &id,
        Duration::from_secs(60),
        |b| b.state == "PASSED",
    )
    .await;
    assert_eq!(end.done, CASES);
    let batch = world.batch(&id);
    assert_eq!(
        (
            batch.counters.passed,
            batch.counters.failed,
            batch.counters.errored
        ),
        (CASES, 0, 0),
        "nothing failed or errored because of the outage"
    );
    page_holds_all(&app, &id, CASES).await;
    app.end().await;
}
