//! The native file dialogs, driven from the keyboard as a user would (xdotool under Xvfb):
//! Open... loads a collection that the Run button then runs, and a History export writes
//! its report where the save dialog says.

use std::process::Command;
use std::time::Duration;

use apiautotest_engine::model::BatchState;

use crate::ONE_AT_A_TIME;
use crate::harness::{World, eventually};
use crate::page::run_selected;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn open_and_save_dialogs_open_a_collection_and_write_a_report() {
    let _one = ONE_AT_A_TIME.lock().await;
    let world = World::new().await;
    let file = world.collection("picked", 5, "/status/200");
    let app = world.launch(&[]).await;

    // The list of known collections (the demo) loads after the first paint and pushes
    // the Open... button down: click it once the list is there.
    eventually(
        "the demo collection listed",
        Duration::from_secs(20),
        || async { (!app.find_all(".collection").await.is_empty()).then_some(()) },
    )
    .await;
    app.click_when_ready("[data-testid=open-collection]", Duration::from_secs(20))
        .await;
    let dialog = dialog_window(world.display(), "Open a collection").await;
    // Ctrl+L opens GTK's location field, where a path can be typed.
    type_into(
        world.display(),
        &dialog,
        &["ctrl+l"],
        &file.display().to_string(),
    );
    let id = run_selected(&app, "picked").await.id;
    let done = eventually("the batch to finish", Duration::from_secs(30), || async {
        let batch = world.batch(&id);
        (!batch.state.is_active()).then_some(batch)
    })
    .await;
    assert_eq!(done.state, BatchState::Passed);
    assert_eq!(done.counters.passed, 5);

    app.click_when_ready("[data-testid=nav-history]", Duration::from_secs(10))
        .await;
    let row = format!("[data-testid=history-row][data-batch-id='{id}'] [data-testid=export-junit]");
    app.click_when_ready(&row, Duration::from_secs(10)).await;
    let dialog = dialog_window(world.display(), "Save").await;
    let report = world.dir.path().join("picked-report.xml");
    // The name field holds a suggested name: replace it with a full path.
    type_into(
        world.display(),
        &dialog,
        &["ctrl+a", "BackSpace"],
        &report.display().to_string(),
    );
    let xml = eventually("the report file", Duration::from_secs(10), || async {
        std::fs::read_to_string(&report)
            .ok()
            .filter(|x| x.contains("</testsuites>"))
    })
    .await;
    assert!(xml.contains("tests=\"5\""), "{xml}");
    assert!(xml.contains("failures=\"0\""), "{xml}");
    app.end().await;
}

/// The id of the (dialog) window whose title starts with `title`, once it is mapped.
pub(crate) async fn dialog_window(display: &str, title: &str) -> String {
    eventually(
        &format!("the dialog {title:?}"),
        Duration::from_secs(15),
        || async {
            let out = Command::new("xdotool")
                .env("DISPLAY", display)
                .args(["search", "--onlyvisible", "--name", &format!("^{title}")])
                .output()
                .ok()?;
            let text = String::from_utf8_lossy(&out.stdout);
            text.lines().next().map(str::to_owned)
        },
    )
    .await
}

/// Focuses `window` (there is no window manager to do it), presses `keys` first, types
/// `text`, presses Enter.
pub(crate) fn type_into(display: &str, window: &str, keys: &[&str], text: &str) {
    // GTK fills the dialog in after mapping it: keys sent at once may be lost.
    std::thread::sleep(Duration::from_millis(700));
    xdotool(display, &["windowfocus", "--sync", window]);
    for key in keys {
        xdotool(display, &["key", key]);
        std::thread::sleep(Duration::from_millis(300));
    }
    xdotool(display, &["type", "--delay", "20", text]);
    std::thread::sleep(Duration::from_millis(300));

    xdotool(display, &["key", "Return"]);
}

/// Presses `keys` (xdotool names, such as `ctrl+z`) in the window titled `title`, as a
/// keyboard does: WebKitWebDriver's key actions do not reach WebKitGTK's editing commands
/// (select all, undo).
pub(crate) async fn press_in_window(display: &str, title: &str, keys: &str) {
    let window = dialog_window(display, title).await;
    xdotool(display, &["windowfocus", "--sync", &window]);
    xdotool(display, &["key", keys]);
}

fn xdotool(display: &str, args: &[&str]) {
    let status = Command::new("xdotool")
        .env("DISPLAY", display)
        .args(args)
        .status()
        .expect("xdotool (Debian package xdotool; scripts/setup.sh installs it)");
    assert!(status.success(), "xdotool {args:?}");
}
