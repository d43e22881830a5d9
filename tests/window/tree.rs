//! The tree, handled with the mouse: a case dragged below another moves there, in the
//! page and in the database.

use std::time::Duration;

use serde_json::Value;

use crate::ONE_AT_A_TIME;
use crate::authoring::row_key;
use crate::harness::{World, eventually};
use crate::webdriver::Session;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_case_dragged_in_the_tree_moves_there() {
    let _one = ONE_AT_A_TIME.lock().await;
    let world = World::new().await;
    let app = world.launch(&[]).await;
    app.click_when_ready("[data-testid=nav-collections]", Duration::from_secs(20))
        .await;
    let first = row_key(&app, "k:", "create item").await;
    let last = row_key(&app, "k:", "it is gone").await;
    let before = shown_cases(&app).await;
    assert_eq!(before.first().map(String::as_str), Some("create item"));

    // Released on the lower part of the last row: after it.
    app.drag(
        &format!("[data-testid='tree-row-{first}']"),
        &format!("[data-testid='tree-row-{last}']"),
        7,
    )
    .await
    .expect("the drag");

    let mut expected = before[1..].to_vec();
    expected.push("create item".to_owned());
    let shown = eventually(
        "the new order on the page",
        Duration::from_secs(10),
        || async {
            let shown = shown_cases(&app).await;
            (shown == expected).then_some(shown)
        },
    )
    .await;
    let stored: Vec<String> = world
        .store()
        .workspace()
        .expect("workspace")
        .trees()
        .expect("trees")
        .into_iter()
        .flat_map(|tree| tree.cases.into_iter().map(|c| c.name))
        .collect();
    assert_eq!(stored, shown, "the order is stored");
    app.end().await;
}

/// The names of the case rows, top to bottom.
async fn shown_cases(app: &Session) -> Vec<String> {
    let script = "return [...document.querySelectorAll('[data-testid^=\"tree-row-k:\"] .tree-name')].map(e => e.textContent)";
    match app.exec(script, vec![]).await {
        Ok(Value::Array(names)) => names
            .iter()
            .filter_map(|n| n.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}
