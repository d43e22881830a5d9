//! Seed S1: reloading the page mid-run loses nothing, shows nothing twice, and says that
//! the run was restored.

use std::time::Duration;

use crate::ONE_AT_A_TIME;
use crate::harness::{World, eventually};
use crate::page::{page_seqs, run_selected, shown_batches, visible, wait_shown};

/// Enough cases (15 ms each) for the run to outlast twenty reloads.
const CASES: u64 = 1200;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reloads_mid_run_keep_every_result_once() {
    let _one = ONE_AT_A_TIME.lock().await;
    let world = World::new().await;
    let file = world.collection("reload", CASES as usize, "/delay/15");
    let app = world.launch(&[file.display().to_string()]).await;

    let id = run_selected(&app, "reload").await.id;
    let started = wait_shown(&app, "progress", &id, Duration::from_secs(20), |b| {
        b.done >= 30
    })
    .await;

    // One reload: the notice appears, the earlier results are there, the run goes on.
    app.exec("location.reload()", vec![]).await.ok();
    eventually("the restore notice", Duration::from_secs(20), || async {
        visible(&app, "restore-notice").await.then_some(())
    })
    .await;
    let after = eventually(
        "the earlier results back",
        Duration::from_secs(20),
        || async {
            let seqs = page_seqs(&app, &id).await?;
            (seqs.len() as u64 >= started.done).then_some(seqs)
        },
    )
    .await;
    assert_eq!(after, (1..=after.len() as u64).collect::<Vec<_>>());
    let going_on = eventually(
        "more results after the reload",
        Duration::from_secs(20),
        || async {
            let shown = shown_batches(&app).await;
            shown
                .into_iter()
                .find(|b| b.id == id && b.done > after.len() as u64 + 10)
        },
    )
    .await;
    assert_eq!(going_on.state, "RUNNING");

    // Twenty more during the same run, some faster than the page can settle.
    for i in 0..20u64 {
        app.exec("location.reload()", vec![]).await.ok();
        tokio::time::sleep(Duration::from_millis(100 + (i % 4) * 150)).await;
    }
    let batch = world.batch(&id);
    assert!(
        batch.state.is_active(),
        "the run should outlast the reloads (it is {})",
        batch.state
    );

    let finished = eventually("the batch to finish", Duration::from_secs(60), || async {
        let shown = shown_batches(&app).await;
        shown
            .into_iter()
            .find(|b| b.id == id && b.state == "PASSED" && b.done == CASES)
    })
    .await;
    assert_eq!(finished.total, CASES);
    let stored: Vec<u64> = world.stored(&id).iter().map(|r| r.seq).collect();
    let page = eventually(
        "the page's list to be complete",
        Duration::from_secs(20),
        || async {
            let seqs = page_seqs(&app, &id).await?;
            (seqs.len() >= stored.len()).then_some(seqs)
        },
    )
    .await;
    assert_eq!(stored, (1..=CASES).collect::<Vec<_>>());
    assert_eq!(page, stored, "the page's list equals the database's");
    app.end().await;
}
