//! The Collections page read and driven as a user does: tree rows found by name, a case
//! opened from the tree, a field waited on until it shows a text.

use std::time::Duration;

use apiautotest_engine::model::{BatchId, BatchSummary};

use crate::harness::eventually;
use crate::page::shown_batches;
use crate::webdriver::Session;

/// How long the page may take to show what a step waits for.
const WAIT: Duration = Duration::from_secs(20);

/// Opens the Collections page and the case named `name`; its tree row key.
pub async fn open_case(app: &Session, name: &str) -> String {
    app.click_when_ready("[data-testid=nav-collections]", WAIT)
        .await;
    let key = row_key(app, "k:", name).await;
    app.click_when_ready(&format!("[data-testid='tree-row-{key}']"), WAIT)
        .await;
    wait_for_text(app, "collections-case-name", name).await;
    key
}

/// The key of the tree row (`c:…` collection, `k:…` case) whose name is `name`.
pub async fn row_key(app: &Session, prefix: &str, name: &str) -> String {
    let script = "return [...document.querySelectorAll('[data-testid^=tree-row-]')]
        .map(e => e.dataset.testid.slice('tree-row-'.length))
        .filter(k => k.startsWith(arguments[0]))
        .find(k => document.querySelector(`[data-testid='tree-row-${k}']`).textContent.includes(arguments[1])) ?? null";
    eventually(&format!("the tree row {name:?}"), WAIT, || async {
        let found = app
            .exec(script, vec![prefix.into(), name.into()])
            .await
            .ok()?;
        found.as_str().map(str::to_owned)
    })
    .await
}

/// The value of the input, or the text, of the element with `testid`.
async fn text(app: &Session, testid: &str) -> String {
    app.exec(
        "const e = document.querySelector(`[data-testid=${arguments[0]}]`); return e ? (e.value ?? e.textContent) : ''",
        vec![testid.into()],
    )
    .await
    .ok()
    .and_then(|v| v.as_str().map(str::to_owned))
    .unwrap_or_default()
}

/// Waits until the element with `testid` shows `part` (in its value or its text).
pub async fn wait_for_text(app: &Session, testid: &str, part: &str) {
    eventually(&format!("{testid} showing {part:?}"), WAIT, || async {
        text(app, testid).await.contains(part).then_some(())
    })
    .await;
}

/// Runs a collection from its tree menu; the new batch's id once the Runner page shows
/// it, and its summary once it has finished.
pub async fn run_from_tree(
    app: &Session,
    world: &crate::harness::World,
    collection_key: &str,
) -> (BatchId, BatchSummary) {
    let before: Vec<BatchId> = shown_batches(app).await.into_iter().map(|b| b.id).collect();
    app.click_when_ready("[data-testid=nav-collections]", WAIT)
        .await;
    app.click_when_ready(&format!("[data-testid='tree-menu-{collection_key}']"), WAIT)
        .await;
    app.click_when_ready("[data-testid=tree-action-run]", WAIT)
        .await;
    let id = eventually("the batch on the runner page", WAIT, || async {
        shown_batches(app)
            .await
            .into_iter()
            .find(|b| !before.contains(&b.id))
            .map(|b| b.id)
    })
    .await;
    let done = eventually("the batch to finish", Duration::from_secs(30), || async {
        let batch = world.batch(&id);
        (!batch.state.is_active()).then_some(batch)
    })
    .await;
    (id, done)
}
