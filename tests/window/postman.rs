//! A Postman collection brought over in the window: imported through the file dialog, its
//! tree shown with what did not map, a case whose test script passes and one whose script
//! throws sent from the editor, then the collection run as a batch whose result detail
//! shows the scripts' tests and the script error.

use std::time::Duration;

use apiautotest_engine::model::{BatchState, Verdict};
use serde_json::json;

use crate::ONE_AT_A_TIME;
use crate::dialogs::{dialog_window, type_into};
use crate::harness::{World, eventually};
use crate::screenshot_path;
use crate::webdriver::Session;
use crate::workspace_page::{open_case, row_key, run_from_tree, wait_for_text};

const WAIT: Duration = Duration::from_secs(20);

fn collection(base: &str) -> serde_json::Value {
    json!({
        "info": {
            "name": "Shop API",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
        },
        "variable": [{"key": "base", "value": base}],
        "item": [{
            "name": "Store",
            "item": [
                {
                    "name": "store is open",
                    "event": [{"listen": "test", "script": {"exec": [
                        "pm.test(\"store open\", function () {",
                        "    pm.expect(pm.response.json().store.open).to.be.true;",
                        "});",
                        "console.log(\"checked\", pm.response.code);"
                    ]}}],
                    "request": {"method": "GET", "url": "{{base}}/json/nested"}
                },
                {
                    "name": "script throws",
                    "event": [{"listen": "test", "script": {"exec": [
                        "pm.test(\"before the throw\", function () {});",
                        "notDefinedAnywhere.call();"
                    ]}}],
                    "request": {"method": "GET", "url": "{{base}}/status/200"}
                },
                {
                    "name": "digest",
                    "request": {
                        "method": "GET",
                        "url": "{{base}}/status/200",
                        "auth": {"type": "hawk", "hawk": []}
                    }
                }
            ]
        }]
    })
}

async fn page_text(app: &Session, css: &str) -> String {
    app.exec(
        "const e = document.querySelector(arguments[0]); return e ? e.textContent : ''",
        vec![css.into()],
    )
    .await
    .ok()
    .and_then(|v| v.as_str().map(str::to_owned))
    .unwrap_or_default()
}

async fn wait_for(app: &Session, css: &str, part: &str) {
    eventually(&format!("{css} showing {part:?}"), WAIT, || async {
        page_text(app, css).await.contains(part).then_some(())
    })
    .await;
}

async fn send_and_show_assertions(app: &Session) {
    app.click_when_ready("[data-testid=editor-send]", WAIT)
        .await;
    wait_for_text(app, "status", "200").await;
    let script =
        "const tab = [...document.querySelectorAll('[data-testid=response-viewer] [role=tab]')]
        .find(b => b.id.endsWith('-tab-assertions')); if (tab) tab.click(); return !!tab";
    eventually("the Assertions tab", WAIT, || async {
        (app.exec(script, vec![]).await == Ok(serde_json::Value::Bool(true))).then_some(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_postman_collection_imports_sends_and_runs_with_its_scripts() {
    let _one = ONE_AT_A_TIME.lock().await;
    let world = World::new().await;
    let file = world
        .dir
        .path()
        .join("from-postman.postman_collection.json");
    std::fs::write(&file, collection(&world.sandbox.base_url()).to_string()).expect("write");
    let app = world.launch(&[]).await;

    // Imported through the sidebar's Import and the file dialog.
    app.click_when_ready("[data-testid=nav-collections]", WAIT)
        .await;
    app.click_when_ready("[data-testid=tree-import]", WAIT)
        .await;
    let dialog = dialog_window(world.display(), "Open a collection").await;
    type_into(
        world.display(),
        &dialog,
        &["ctrl+l"],
        &file.display().to_string(),
    );
    let collection_key = row_key(&app, "c:", "Shop API").await;
    // What did not map is listed by item and field.
    wait_for(&app, "[data-testid=import-report]", "hawk").await;
    wait_for(&app, "[data-testid=import-report]", "Store / digest").await;
    // The folder came over with its cases inside: opened as a user opens it.
    let folder = row_key(&app, "f:", "Store").await;
    app.click_when_ready(
        &format!("[data-testid='tree-row-{folder}'] .tree-chevron"),
        WAIT,
    )
    .await;

    // A test script that passes: its pm.test is an assertion of the send, and its
    // console line is shown.
    open_case(&app, "store is open").await;
    send_and_show_assertions(&app).await;
    wait_for(&app, "[data-testid=response-viewer]", "store open").await;
    wait_for(&app, "[data-testid=script-console]", "checked 200").await;
    assert_eq!(count(&app, "assertion-failed").await, 0);
    assert_eq!(count(&app, "assertion-passed").await, 1);
    // The script is in the case's Tests tab.
    let tests_tab = "const tab = [...document.querySelectorAll('[role=tab]')].find(b => b.id.endsWith('-tab-script-test')); if (tab) tab.click(); return !!tab";
    eventually("the Tests tab", WAIT, || async {
        (app.exec(tests_tab, vec![]).await == Ok(serde_json::Value::Bool(true))).then_some(())
    })
    .await;
    wait_for_text(
        &app,
        "editor-script-test",
        "pm.expect(pm.response.json().store.open)",
    )
    .await;
    if let Some(path) = screenshot_path("postman-import") {
        app.screenshot(&path).await;
    }

    // A test script that throws: a script error, with the test that ran before it.
    open_case(&app, "script throws").await;
    app.click_when_ready("[data-testid=editor-send]", WAIT)
        .await;
    wait_for(&app, "[data-testid=response-viewer]", "ReferenceError").await;

    // Run as a batch: the stored results and the result detail show the scripts' outcome.
    let (id, done) = run_from_tree(&app, &world, &collection_key).await;
    assert_eq!(done.state, BatchState::Failed);
    let verdicts: Vec<(String, Verdict)> = world
        .stored(&id)
        .into_iter()
        .map(|r| (r.case_name, r.verdict))
        .collect();
    assert_eq!(
        verdicts,
        [
            ("store is open".to_owned(), Verdict::Passed),
            ("script throws".to_owned(), Verdict::Errored),
            ("digest".to_owned(), Verdict::Passed),
        ]
    );
    open_result(&app, "script throws").await;
    wait_for(&app, "[data-testid=result-detail]", "before the throw").await;
    wait_for(&app, "[data-testid=result-detail]", "ReferenceError").await;
    open_result(&app, "store is open").await;
    wait_for(&app, "[data-testid=result-detail]", "store open").await;
    wait_for(&app, "[data-testid=result-detail]", "checked 200").await;
    app.end().await;
}

/// Opens the detail of the result row that names `case`.
async fn open_result(app: &Session, case: &str) {
    let script = "const row = [...document.querySelectorAll('[data-testid=result-row]')]
        .find(r => r.textContent.includes(arguments[0])); if (row) row.click(); return !!row";
    eventually(&format!("the result row {case:?}"), WAIT, || async {
        (app.exec(script, vec![case.into()]).await == Ok(serde_json::Value::Bool(true)))
            .then_some(())
    })
    .await;
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
