//! kill -9 mid-run, start again: the batch is INTERRUPTED with every committed result,
//! the page offers to resume it, and Resume completes it.

use std::collections::BTreeSet;
use std::time::Duration;

use apiautotest_engine::model::BatchState;

use crate::ONE_AT_A_TIME;
use crate::harness::{World, eventually, gone};
use crate::page::{page_seqs, run_selected, visible, wait_shown};

const CASES: u64 = 300;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_app_leaves_a_resumable_batch() {
    let _one = ONE_AT_A_TIME.lock().await;
    let world = World::new().await;
    let file = world.collection("crash", CASES as usize, "/delay/15");
    let app = world.launch(&[file.display().to_string()]).await;
    let id = run_selected(&app, "crash").await.id;
    wait_shown(&app, "progress", &id, Duration::from_secs(20), |b| {
        b.done >= 40
    })
    .await;

    let pid = world.kill_app();
    let seen_by_page = page_seqs(&app, &id).await.unwrap_or_default();
    app.end().await;
    gone(pid).await;

    let app = world.launch(&[]).await;
    eventually("the offer to resume", Duration::from_secs(20), || async {
        visible(&app, "interrupted-offer").await.then_some(())
    })
    .await;
    let interrupted = world.batch(&id);
    assert_eq!(interrupted.state, BatchState::Interrupted);
    let kept: Vec<u64> = world.stored(&id).iter().map(|r| r.seq).collect();
    assert!(
        kept.len() >= 40,
        "committed results are kept ({})",
        kept.len()
    );
    assert_eq!(kept, (1..=kept.len() as u64).collect::<Vec<_>>());
    assert!(
        seen_by_page.len() <= kept.len(),
        "everything the page showed was durable"
    );

    app.click_when_ready(
        &format!(
            "[data-testid=resume-interrupted][data-batch-id=\"{}\"]",
            id.0
        ),
        Duration::from_secs(10),
    )
    .await;
    let end = wait_shown(
        &app,
        "the resumed batch to finish",
        &id,
        Duration::from_secs(60),
        |b| b.state == "PASSED",
    )
    .await;
    assert_eq!(end.done, CASES);
    let results = world.stored(&id);
    let positions: BTreeSet<u64> = results.iter().map(|r| r.position).collect();
    assert_eq!(results.len() as u64, CASES, "one result per case");
    assert_eq!(positions.len() as u64, CASES, "no case recorded twice");
    app.end().await;
}

/// A POST the server had received when the app died: on the next start the offer says a
/// request may have been sent, and "Resume and send them all again" sends it a second time
/// (Resume alone would record it as outcome unknown; the engine tests cover that path).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_post_cut_short_is_sent_again_when_the_user_asks() {
    let _one = ONE_AT_A_TIME.lock().await;
    let world = World::new().await;
    let slow_post = "/delay/3000";
    let cases = format!(
        "  - name: slow post\n    request:\n      method: POST\n      url: \"{{{{base}}}}{slow_post}\"\n    assert:\n      - status == 200\n  - name: then a get\n    request:\n      method: GET\n      url: \"{{{{base}}}}/status/200\"\n    assert:\n      - status == 200\n"
    );
    let file = world.collection_text("unsure", &cases);
    let app = world.launch(&[file.display().to_string()]).await;
    let id = run_selected(&app, "unsure").await.id;
    eventually(
        "the POST at the server",
        Duration::from_secs(20),
        || async { (world.sandbox.hits(slow_post) == 1).then_some(()) },
    )
    .await;

    let pid = world.kill_app();
    app.end().await;
    gone(pid).await;

    let app = world.launch(&[]).await;
    eventually("the offer to resume", Duration::from_secs(20), || async {
        visible(&app, "interrupted-unknown").await.then_some(())
    })
    .await;
    let interrupted = world.batch(&id);
    assert_eq!(interrupted.state, BatchState::Interrupted);
    assert_eq!(
        interrupted.unknown_outcomes, 1,
        "the POST may have been sent"
    );

    app.click_when_ready(
        &format!(
            "[data-testid=resume-interrupted-resend][data-batch-id=\"{}\"]",
            id.0
        ),
        Duration::from_secs(10),
    )
    .await;
    wait_shown(
        &app,
        "the resumed batch to pass",
        &id,
        Duration::from_secs(30),
        |b| b.state == "PASSED",
    )
    .await;
    assert_eq!(world.sandbox.hits(slow_post), 2, "sent again, as asked");
    let results = world.stored(&id);
    assert_eq!(results.len(), 2, "one result per case");
    app.end().await;
}
