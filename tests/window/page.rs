//! What the page shows, read the way a user sees it (progress bars, badges, buttons),
//! plus the UI's read-only test hook for the seqs it holds.

use std::time::Duration;

use apiautotest_engine::model::BatchId;
use serde_json::Value;

use crate::harness::eventually;
use crate::webdriver::Session;

/// What the page shows of one batch.
#[derive(Debug, Clone)]
pub struct Shown {
    pub id: BatchId,
    pub done: u64,
    pub total: u64,
    pub state: String,
}

/// The progress bars on the page, newest batch first.
pub async fn shown_batches(session: &Session) -> Vec<Shown> {
    let script = "return [...document.querySelectorAll('[data-testid=batch-progress]')]
        .map(e => ({id: e.dataset.batchId, done: +e.dataset.done, total: +e.dataset.total, state: e.dataset.state}))";
    let Ok(Value::Array(list)) = session.exec(script, vec![]).await else {
        return Vec::new();
    };
    list.iter()
        .map(|v| Shown {
            id: BatchId(v["id"].as_str().unwrap_or_default().to_owned()),
            done: v["done"].as_u64().unwrap_or(0),
            total: v["total"].as_u64().unwrap_or(0),
            state: v["state"].as_str().unwrap_or_default().to_owned(),
        })
        .collect()
}

/// The seqs the page holds for a batch (the UI's read-only test hook), in its order.
pub async fn page_seqs(session: &Session, id: &BatchId) -> Option<Vec<u64>> {
    let value = session
        .exec(
            "return window.__apiautotest ? window.__apiautotest.seqs(arguments[0]) : null",
            vec![Value::String(id.0.clone())],
        )
        .await
        .ok()?;
    value
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_u64).collect())
}

/// Waits until the page holds exactly seqs 1..=n of batch `id` (and says so if never).
pub async fn page_holds_all(session: &Session, id: &BatchId, n: u64) {
    let page = eventually(
        "every result on the page",
        Duration::from_secs(20),
        || async { page_seqs(session, id).await.filter(|s| s.len() as u64 == n) },
    )
    .await;
    assert_eq!(page, (1..=n).collect::<Vec<_>>());
}

pub async fn visible(session: &Session, testid: &str) -> bool {
    session
        .exec(
            "const e = document.querySelector(`[data-testid=\"${arguments[0]}\"]`); return !!e && e.offsetParent !== null",
            vec![Value::String(testid.into())],
        )
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// The text of a batch panel's state badge ("waiting for network" while auto-paused).
pub async fn badge(session: &Session, id: &BatchId) -> String {
    session
        .exec(
            "const e = document.querySelector(`[data-testid=batch-panel][data-batch-id=\"${arguments[0]}\"] [data-testid=state-badge]`); return e ? e.textContent : ''",
            vec![Value::String(id.0.clone())],
        )
        .await
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Clicks a button of one batch's panel.
pub async fn click_in_panel(session: &Session, id: &BatchId, testid: &str) {
    let css = format!(
        "[data-testid=batch-panel][data-batch-id=\"{}\"] [data-testid={testid}]",
        id.0
    );
    session
        .click_when_ready(&css, Duration::from_secs(20))
        .await;
}

/// The page's progress bar of batch `id` once `ready` holds for it.
pub async fn wait_shown(
    session: &Session,
    what: &str,
    id: &BatchId,
    within: Duration,
    ready: impl Fn(&Shown) -> bool,
) -> Shown {
    eventually(what, within, || async {
        shown_batches(session)
            .await
            .into_iter()
            .find(|b| &b.id == id && ready(b))
    })
    .await
}

/// Starts collection `name` (already selected: opened from the command line) with the
/// Run button; the new batch as shown.
pub async fn run_selected(session: &Session, name: &str) -> Shown {
    let ready = "const b = document.querySelector('[data-testid=run-button]');
        const chosen = document.querySelector('input[type=radio]:checked');
        return !!b && !b.disabled && !!chosen
            && chosen.closest('label').textContent.includes(arguments[0])";
    eventually(
        "the Run button, with the collection chosen",
        Duration::from_secs(20),
        || async {
            let ok = session.exec(ready, vec![Value::String(name.into())]).await;
            (ok == Ok(Value::Bool(true))).then_some(())
        },
    )
    .await;
    let before: Vec<BatchId> = shown_batches(session)
        .await
        .into_iter()
        .map(|b| b.id)
        .collect();
    session
        .click_when_ready("[data-testid=run-button]", Duration::from_secs(20))
        .await;
    eventually(
        "the new batch on the page",
        Duration::from_secs(20),
        || async {
            shown_batches(session)
                .await
                .into_iter()
                .find(|b| !before.contains(&b.id))
        },
    )
    .await
}
