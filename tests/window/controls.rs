//! Pause, resume, cancel and rerun failed from the batch panel's buttons, with two
//! batches running at once.

use std::time::Duration;

use apiautotest_engine::model::{BatchState, Verdict};

use crate::harness::{World, eventually};
use crate::page::{click_in_panel, run_selected, wait_shown};
use crate::{ONE_AT_A_TIME, screenshot_path};

const LONG: u64 = 400;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pause_resume_cancel_and_rerun_failed_two_batches_at_once() {
    let _one = ONE_AT_A_TIME.lock().await;
    let world = World::new().await;
    let long = world.collection("long", LONG as usize, "/delay/15");
    // Three of nine cases fail their assertion: the API answers 500.
    let mut cases = String::new();
    for i in 0..9 {
        let code = if i % 3 == 0 { 500 } else { 200 };
        cases.push_str(&format!(
            "  - name: mixed {i}\n    request:\n      method: GET\n      url: \"{{{{base}}}}/status/{code}\"\n    assert:\n      - status == 200\n"
        ));
    }
    let mixed = world.collection_text("mixed", &cases);
    let app = world.launch(&[long.display().to_string()]).await;
    let a = run_selected(&app, "long").await.id;
    wait_shown(&app, "progress", &a, Duration::from_secs(20), |b| {
        b.done >= 10
    })
    .await;

    click_in_panel(&app, &a, "pause-button").await;
    let paused = wait_shown(&app, "paused", &a, Duration::from_secs(10), |b| {
        b.state == "PAUSED"
    })
    .await;
    assert_eq!(world.batch(&a).state, BatchState::Paused);
    tokio::time::sleep(Duration::from_millis(700)).await;
    let still = world.batch(&a).counters.done;
    assert!(still <= paused.done + 1, "nothing runs while paused");

    click_in_panel(&app, &a, "resume-button").await;
    wait_shown(&app, "running again", &a, Duration::from_secs(10), |b| {
        b.state == "RUNNING" && b.done > still
    })
    .await;

    // A second batch while the first runs: the app opens the file (second launch).
    assert!(world.launch_again(&[mixed.display().to_string()]).success());
    // Options typed in the form are the batch's options.
    app.set_value("input[name=concurrency]", "3").await;
    let b = run_selected(&app, "mixed").await.id;
    assert_eq!(world.batch(&b).options.concurrency, 3);
    let b_end = wait_shown(
        &app,
        "the second batch to end",
        &b,
        Duration::from_secs(20),
        |s| s.state == "FAILED",
    )
    .await;
    assert_eq!(b_end.done, 9);
    let a_meanwhile = world.batch(&a);
    assert_eq!(a_meanwhile.state, BatchState::Running, "both ran at once");

    click_in_panel(&app, &a, "cancel-button").await;
    let cancelled = wait_shown(&app, "cancelled", &a, Duration::from_secs(10), |s| {
        s.state == "CANCELLED"
    })
    .await;
    assert!(cancelled.done < LONG);
    assert_eq!(world.batch(&a).state, BatchState::Cancelled);

    click_in_panel(&app, &b, "rerun-button").await;
    let rerun = eventually_new_batch(&world, &b).await;
    let rerun_end = wait_shown(
        &app,
        "the rerun to end",
        &rerun,
        Duration::from_secs(20),
        |s| s.state == "FAILED",
    )
    .await;
    assert_eq!(rerun_end.total, 3, "only the failed cases run again");
    let results = world.stored(&rerun);
    assert!(results.iter().all(|r| r.verdict == Verdict::Failed));
    // The re-run keeps the batch's options (concurrency 3): results commit in any order.
    let mut names: Vec<&str> = results.iter().map(|r| r.case_name.as_str()).collect();
    names.sort_unstable();
    assert_eq!(names, ["mixed 0", "mixed 3", "mixed 6"]);

    // The re-run is the selected batch: its rows open the detail pane, where each
    // assertion shows what was expected and what came back.
    app.click_when_ready("[data-testid=result-row]", Duration::from_secs(10))
        .await;
    eventually("the detail pane", Duration::from_secs(10), || async {
        let text = app
            .exec(
                "const d = document.querySelector('[data-testid=result-detail]'); return d ? d.textContent : ''",
                vec![],
            )
            .await
            .ok()?;
        text.as_str()?.contains("500").then_some(())
    })
    .await;
    if let Some(path) = screenshot_path("runner") {
        app.screenshot(&path).await;
    }

    app.click_when_ready("[data-testid=nav-history]", Duration::from_secs(10))
        .await;
    eventually(
        "the three batches in History",
        Duration::from_secs(10),
        || async { (app.find_all("[data-testid=history-row]").await.len() >= 3).then_some(()) },
    )
    .await;
    if let Some(path) = screenshot_path("history") {
        app.screenshot(&path).await;
    }
    app.end().await;
}

/// The batch created as a re-run of `of`.
async fn eventually_new_batch(
    world: &World,
    of: &apiautotest_engine::model::BatchId,
) -> apiautotest_engine::model::BatchId {
    eventually("the re-run batch", Duration::from_secs(10), || async {
        world
            .store()
            .reader()
            .ok()?
            .batches(10)
            .ok()?
            .into_iter()
            .find(|s| s.rerun_of.as_ref() == Some(of))
            .map(|s| s.id)
    })
    .await
}
