//! Authoring end to end, as a user does it in the window: an environment, a collection
//! and its cases made through the UI, sent against the sandbox, an assertion added from
//! the response, the collection saved as a native file through the save dialog; then the
//! CLI runs that file and the app runs it as a batch, and all three agree on the verdicts.
//! And a slow send is cancelled from the editor.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use apiautotest_engine::model::{BatchState, Verdict};
use serde_json::Value;

use crate::ONE_AT_A_TIME;
use crate::dialogs::{dialog_window, type_into};
use crate::harness::{World, eventually};
use crate::screenshot_path;
use crate::webdriver::Session;
use crate::workspace_page::{open_case, row_key, run_from_tree, wait_for_text};

/// The line the viewer offers on `store.open` of the sandbox's `/json/nested`.
const ASSERTION: &str = "jsonpath $.store.open == true";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_case_written_in_the_window_runs_the_same_in_the_cli_and_as_a_batch() {
    let _one = ONE_AT_A_TIME.lock().await;
    let world = World::new().await;
    let app = world.launch(&[]).await;
    let wait = Duration::from_secs(20);

    // An environment with the sandbox's address, made active.
    app.click_when_ready("[data-testid=nav-environments]", wait)
        .await;
    app.click_when_ready("[data-testid=checks-env-new]", wait)
        .await;
    app.set_value("[data-testid=checks-env-name]", "Sandbox")
        .await;
    app.click_when_ready("[data-testid=checks-env-add-variable]", wait)
        .await;
    app.set_value("[data-testid=checks-env-var-0-name]", "base")
        .await;
    app.set_value(
        "[data-testid=checks-env-var-0-value]",
        &world.sandbox.base_url(),
    )
    .await;
    app.click_when_ready("[data-testid=checks-env-save]", wait)
        .await;
    app.click_when_ready("[data-testid=checks-env-activate]", wait)
        .await;

    // A collection and a case, named in the tree.
    app.click_when_ready("[data-testid=nav-collections]", wait)
        .await;
    app.click_when_ready("[data-testid=tree-new-collection]", wait)
        .await;
    app.set_value("[data-testid=tree-inline-input]", "Authored\u{E007}")
        .await;
    let collection = row_key(&app, "c:", "Authored").await;
    app.click_when_ready(&format!("[data-testid='tree-menu-{collection}']"), wait)
        .await;
    app.click_when_ready("[data-testid=tree-action-new-case]", wait)
        .await;
    app.set_value("[data-testid=tree-inline-input]", "store is open\u{E007}")
        .await;
    let first = row_key(&app, "k:", "store is open").await;
    app.click_when_ready(&format!("[data-testid='tree-row-{first}']"), wait)
        .await;

    // Sent: the response shows, and offers the assertion, which the case then passes.
    app.set_value("[data-testid=editor-url]", "{{base}}/json/nested")
        .await;
    app.click_when_ready("[data-testid=editor-send]", wait)
        .await;
    wait_for_text(&app, "status", "200").await;

    // Copy as cURL puts the request, variables filled in, on the desktop's clipboard.
    app.click_when_ready("[data-testid=collections-copy-curl]", wait)
        .await;
    let expected_url = format!("{}/json/nested", world.sandbox.base_url());
    let curl = eventually("the cURL command on the clipboard", wait, || async {
        Some(clipboard(world.display())).filter(|text| text.contains(&expected_url))
    })
    .await;
    assert!(curl.starts_with("curl"), "{curl}");
    app.click_when_ready(
        &format!("[data-testid=viewer-assert][data-assertion='{ASSERTION}']"),
        wait,
    )
    .await;
    // Saved and sent again from the keyboard: Ctrl+S, Ctrl+Enter.
    app.press("[data-testid=editor-url]", "\u{E009}s\u{E000}")
        .await;
    wait_until_saved(&app).await;
    app.press("[data-testid=editor-url]", "\u{E009}\u{E007}\u{E000}")
        .await;
    show_assertions_tab(&app).await;
    eventually(
        "the added assertion passing",
        Duration::from_secs(20),
        || async { (count(&app, "assertion-passed").await == 1).then_some(()) },
    )
    .await;
    assert_eq!(count(&app, "assertion-failed").await, 0);
    if let Some(path) = screenshot_path("collections") {
        app.screenshot(&path).await;
    }
    // The case's recent sends, newest first, one per Send (Ctrl+Enter in the URL bar
    // sends once): the first one, from before the assertion, reopens.
    eventually("two recent sends", wait, || async {
        (count(&app, "collections-history-item").await == 2).then_some(())
    })
    .await;
    app.click_when_ready(
        "li:nth-child(2) > [data-testid=collections-history-item]",
        wait,
    )
    .await;
    eventually("the first send shown again", wait, || async {
        (count(&app, "assertion-passed").await == 0).then_some(())
    })
    .await;

    // A copy aimed at a 404 fails the same assertion: the verdicts differ per case.
    app.click_when_ready(&format!("[data-testid='tree-menu-{first}']"), wait)
        .await;
    app.click_when_ready("[data-testid=tree-action-duplicate]", wait)
        .await;
    wait_for_text(&app, "collections-case-name", "store is open copy").await;
    app.set_value("[data-testid=editor-url]", "{{base}}/status/404")
        .await;
    app.click_when_ready("[data-testid=collections-save]", wait)
        .await;
    wait_until_saved(&app).await;

    // Saved as a native file through the save dialog.
    let file = world.dir.path().join("authored.yaml");
    app.click_when_ready(&format!("[data-testid='tree-menu-{collection}']"), wait)
        .await;
    app.click_when_ready("[data-testid=tree-action-save-file]", wait)
        .await;
    let dialog = dialog_window(world.display(), "Save").await;
    type_into(
        world.display(),
        &dialog,
        &["ctrl+a", "BackSpace"],
        &file.display().to_string(),
    );
    let text = eventually("the saved file", Duration::from_secs(10), || async {
        std::fs::read_to_string(&file)
            .ok()
            .filter(|x| x.contains(ASSERTION))
    })
    .await;
    assert!(text.contains("name: Authored"), "{text}");
    assert!(text.contains("{{base}}/json/nested"), "{text}");
    assert!(
        !text.contains(&world.sandbox.base_url()),
        "environment values stay out of the file: {text}"
    );

    // The CLI runs the file.
    let cli = cli_verdicts(&file, &world.sandbox.base_url(), world.dir.path());
    assert_eq!(
        cli,
        vec![
            ("store is open".to_owned(), "passed".to_owned()),
            ("store is open copy".to_owned(), "failed".to_owned()),
        ]
    );

    // The app runs the collection as a batch, with the active environment.
    let (id, done) = run_from_tree(&app, &world, &collection).await;
    assert_eq!(done.state, BatchState::Failed);
    let batch: Vec<(String, String)> = world
        .stored(&id)
        .into_iter()
        .map(|r| (r.case_name, verdict_word(r.verdict)))
        .collect();
    assert_eq!(batch, cli, "the app's batch and the CLI agree");
    app.end().await;
}

async fn count(app: &Session, testid: &str) -> u64 {
    app.exec(
        "return document.querySelectorAll(`[data-testid=${arguments[0]}]`).length",
        vec![testid.into()],
    )
    .await
    .ok()
    .and_then(|v| v.as_u64())
    .unwrap_or(0)
}

/// Saved: the unsaved marker is gone.
async fn wait_until_saved(app: &Session) {
    eventually("the case saved", Duration::from_secs(20), || async {
        (count(app, "collections-unsaved").await == 0).then_some(())
    })
    .await;
}

async fn show_assertions_tab(app: &Session) {
    let script =
        "const tab = [...document.querySelectorAll('[data-testid=response-viewer] [role=tab]')]
        .find(b => b.id.endsWith('-tab-assertions')); if (tab) tab.click(); return !!tab";
    eventually("the Assertions tab", Duration::from_secs(20), || async {
        (app.exec(script, vec![]).await == Ok(Value::Bool(true))).then_some(())
    })
    .await;
}

/// (case name, verdict) of each result of the CLI's JSON report on `file`.
fn cli_verdicts(file: &Path, base: &str, dir: &Path) -> Vec<(String, String)> {
    let report = dir.join("cli-report.json");
    let status = Command::new(cli_binary())
        .arg("run")
        .arg(file)
        .args(["--var", &format!("base={base}")])
        .arg("--report")
        .arg(format!("json={}", report.display()))
        .stdout(std::process::Stdio::null())
        .status()
        .expect("the CLI starts");
    // 4: an assertion failed, as one should here.
    assert_eq!(status.code(), Some(4), "the CLI's exit status");
    let json: Value = serde_json::from_str(&std::fs::read_to_string(&report).expect("report"))
        .expect("the JSON report parses");
    json["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| {
            (
                r["case_name"].as_str().unwrap_or_default().to_owned(),
                r["verdict"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

fn verdict_word(verdict: Verdict) -> String {
    serde_json::to_value(verdict)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The CLI binary, built beside the app's (`cargo test --test window` alone builds only
/// this package's binaries).
fn cli_binary() -> PathBuf {
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["build", "--quiet", "--locked", "-p", "apiautotest-cli"])
        .status()
        .expect("cargo starts");
    assert!(status.success(), "the CLI builds");
    PathBuf::from(env!("CARGO_BIN_EXE_apiautotest-desktop")).with_file_name("apiautotest")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_send_is_cancelled_from_the_editor() {
    let _one = ONE_AT_A_TIME.lock().await;
    let world = World::new().await;
    let app = world.launch(&[]).await;
    let wait = Duration::from_secs(20);
    open_case(&app, "read it back").await;
    // Ten seconds of the sandbox's delay: far longer than the test waits.
    app.set_value("[data-testid=editor-url]", "{{base}}/delay/10000")
        .await;
    app.click_when_ready("[data-testid=editor-send]", wait)
        .await;
    app.click_when_ready("[data-testid=editor-cancel]", wait)
        .await;
    // Only the cancel path says so (a timeout would take 30 s and say "timeout").
    wait_for_text(&app, "send-error", "cancelled").await;
    // Send is offered again.
    app.click_when_ready("[data-testid=editor-send]", wait)
        .await;
    app.click_when_ready("[data-testid=editor-cancel]", wait)
        .await;
    app.end().await;
}

/// The text on the X clipboard of `display`, as another program pasting would get it.
fn clipboard(display: &str) -> String {
    // `timeout`: xclip waits for the owner's answer, which must not hang the test.
    Command::new("timeout")
        .env("DISPLAY", display)
        .args(["5", "xclip", "-selection", "clipboard", "-o"])
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).into_owned())
        .unwrap_or_default()
}
