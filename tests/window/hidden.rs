//! Seed S3: the window is closed mid-run. The process stays, the run finishes while the
//! window is hidden (and the desktop is notified), and launching the app again shows the
//! window with every result.

use std::time::Duration;

use apiautotest_engine::model::BatchState;

use crate::ONE_AT_A_TIME;
use crate::harness::{World, eventually};
use crate::page::{page_holds_all, run_selected, wait_shown};
use crate::webdriver::Session;
use crate::x11::close_window;

const CASES: u64 = 300;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_closed_window_lets_the_run_finish_and_comes_back() {
    let _one = ONE_AT_A_TIME.lock().await;
    let mut world = World::new().await;
    let notifications = world.watch_notifications();
    let file = world.collection("hidden", CASES as usize, "/delay/10");
    let app = world.launch(&[file.display().to_string()]).await;
    let id = run_selected(&app, "hidden").await.id;
    let before = wait_shown(&app, "progress", &id, Duration::from_secs(20), |b| {
        b.done >= 20
    })
    .await;

    close_window(world.display());
    eventually("the window to hide", Duration::from_secs(10), || async {
        (page_visibility(&app).await == "hidden").then_some(())
    })
    .await;
    let pid = world.app_pid().expect("the app is still running");

    let finished = eventually("the batch to finish", Duration::from_secs(60), || async {
        let batch = world.batch(&id);
        (!batch.state.is_active()).then_some(batch)
    })
    .await;
    assert_eq!(finished.state, BatchState::Passed);
    assert_eq!(
        page_visibility(&app).await,
        "hidden",
        "it finished while hidden"
    );
    assert!(finished.counters.done > before.done);
    // A desktop notification says so, with the batch's name and counters.
    let notified = eventually("the notification", Duration::from_secs(10), || async {
        let log = std::fs::read_to_string(&notifications).unwrap_or_default();
        log.contains("member=Notify").then_some(log)
    })
    .await;
    assert!(notified.contains("hidden finished"), "{notified}");
    assert!(notified.contains(&format!("{CASES} passed")), "{notified}");

    let second = world.launch_again(&[]);
    assert!(second.success(), "the second launch hands over and exits");
    assert_eq!(world.app_pid(), Some(pid), "still the first instance");
    eventually(
        "the window to show again",
        Duration::from_secs(10),
        || async { (page_visibility(&app).await == "visible").then_some(()) },
    )
    .await;
    page_holds_all(&app, &id, CASES).await;
    wait_shown(&app, "the final state", &id, Duration::from_secs(10), |b| {
        b.state == "PASSED" && b.done == CASES
    })
    .await;
    app.end().await;
}

async fn page_visibility(app: &Session) -> String {
    app.exec("return document.visibilityState", vec![])
        .await
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
