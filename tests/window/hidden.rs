//! Seed S3: the window is closed mid-run. The process stays, the run finishes while the
//! window is hidden, and launching the app again shows the window with every result.

use std::time::Duration;

use apiautotest_engine::model::BatchState;
use x11rb::connection::Connection as _;
use x11rb::protocol::xproto::{ClientMessageEvent, ConnectionExt as _, EventMask};

use crate::ONE_AT_A_TIME;
use crate::harness::{World, eventually, page_seqs, run_selected, wait_shown};
use crate::webdriver::Session;

const CASES: u64 = 300;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_closed_window_lets_the_run_finish_and_comes_back() {
    let _one = ONE_AT_A_TIME.lock().await;
    let world = World::new().await;
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

    let second = world.launch_again(&[]);
    assert!(second.success(), "the second launch hands over and exits");
    assert_eq!(world.app_pid(), Some(pid), "still the first instance");
    eventually(
        "the window to show again",
        Duration::from_secs(10),
        || async { (page_visibility(&app).await == "visible").then_some(()) },
    )
    .await;
    let page = eventually(
        "every result on the page",
        Duration::from_secs(20),
        || async {
            page_seqs(&app, &id)
                .await
                .filter(|s| s.len() as u64 == CASES)
        },
    )
    .await;
    assert_eq!(page, (1..=CASES).collect::<Vec<_>>());
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

/// What a window manager does when the user clicks the close button: a WM_DELETE_WINDOW
/// message to the app's top-level windows named "apiautotest".
fn close_window(display: &str) {
    let (conn, screen) = x11rb::connect(Some(display)).expect("X connection");
    let root = conn.setup().roots[screen].root;
    let atom = |name: &[u8]| {
        conn.intern_atom(false, name)
            .expect("intern")
            .reply()
            .expect("atom")
            .atom
    };
    let (protocols, delete) = (atom(b"WM_PROTOCOLS"), atom(b"WM_DELETE_WINDOW"));
    let children = conn
        .query_tree(root)
        .expect("tree")
        .reply()
        .expect("tree reply")
        .children;
    let mut sent = 0;
    for window in children {
        let name = conn
            .get_property(
                false,
                window,
                x11rb::protocol::xproto::AtomEnum::WM_NAME,
                x11rb::protocol::xproto::AtomEnum::STRING,
                0,
                64,
            )
            .ok()
            .and_then(|c| c.reply().ok())
            .map(|r| r.value)
            .unwrap_or_default();
        if name == b"apiautotest" {
            let event = ClientMessageEvent::new(32, window, protocols, [delete, 0, 0, 0, 0]);
            conn.send_event(false, window, EventMask::NO_EVENT, event)
                .expect("send");
            sent += 1;
        }
    }
    conn.flush().expect("flush");
    assert!(sent > 0, "no apiautotest window found on {display}");
}
