//! The tree as a user handles it: a case dragged below another, then onto a folder, moves
//! there (in the page and in the database); search from the keyboard; rename; delete, then Undo.

use std::time::Duration;

use serde_json::Value;

use crate::ONE_AT_A_TIME;
use crate::harness::{World, eventually};
use crate::webdriver::Session;
use crate::workspace_page::row_key;

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

    let wait = Duration::from_secs(20);
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
    assert_eq!(stored_names(&world), shown, "the order is stored");

    // Dropped on a new folder: the case moves into it.
    let collection = row_key(&app, "c:", "Items API").await;
    app.click_when_ready(&format!("[data-testid='tree-menu-{collection}']"), wait)
        .await;
    app.click_when_ready("[data-testid=tree-action-new-folder]", wait)
        .await;
    app.set_value("[data-testid=tree-inline-input]", "admin\u{E007}")
        .await;
    let folder = row_key(&app, "f:", "admin").await;
    app.drag(
        &format!("[data-testid='tree-row-{first}']"),
        &format!("[data-testid='tree-row-{folder}']"),
        0,
    )
    .await
    .expect("the drag onto the folder");
    let moved = eventually("the case in the folder", wait, || async {
        let trees = world.store().workspace().ok()?.trees().ok()?;
        trees
            .into_iter()
            .flat_map(|tree| tree.cases)
            .find(|c| c.name == "create item" && c.folder.as_deref() == Some("admin"))
    })
    .await;
    assert_eq!(moved.folder.as_deref(), Some("admin"));
    // The page shows it there once it has read the trees again.
    eventually("the case shown inside the folder", wait, || async {
        let depth = app
            .exec(
                "return document.querySelector(`[data-testid='tree-row-${arguments[0]}']`)?.dataset.depth ?? null",
                vec![Value::String(first.clone())],
            )
            .await;
        (depth == Ok(Value::String("2".into()))).then_some(())
    })
    .await;
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_rename_and_an_undone_delete() {
    let _one = ONE_AT_A_TIME.lock().await;
    let world = World::new().await;
    let app = world.launch(&[]).await;
    let wait = Duration::from_secs(20);
    app.click_when_ready("[data-testid=nav-collections]", wait)
        .await;
    let all = eventually("the demo cases", wait, || async {
        let shown = shown_cases(&app).await;
        (shown.len() > 3).then_some(shown)
    })
    .await;

    // Ctrl+K goes to the search field; typing narrows the tree.
    app.press("[data-testid=tree]", "\u{E009}k\u{E000}").await;
    let focused = app
        .exec(
            "return document.activeElement?.dataset?.testid ?? null",
            vec![],
        )
        .await;
    assert_eq!(focused, Ok(Value::String("tree-search".into())));
    app.press("[data-testid=tree-search]", "gone").await;
    eventually("only the matching case", wait, || async {
        (shown_cases(&app).await == ["it is gone"]).then_some(())
    })
    .await;
    // Ctrl+A, Backspace: emptied as a user would.
    app.press("[data-testid=tree-search]", "\u{E009}a\u{E000}\u{E003}")
        .await;
    eventually("every case again", wait, || async {
        (shown_cases(&app).await == all).then_some(())
    })
    .await;

    // Renamed from its menu, in the page and in the store.
    let case = row_key(&app, "k:", "log in").await;
    app.click_when_ready(&format!("[data-testid='tree-menu-{case}']"), wait)
        .await;
    app.click_when_ready("[data-testid=tree-action-rename]", wait)
        .await;
    // The old name erased key by key (WebDriver's clear would blur the field, which
    // cancels), the new one typed, Enter.
    let keys = format!("{}sign in\u{E007}", "\u{E003}".repeat("log in".len()));
    app.press("[data-testid=tree-inline-input]", &keys).await;
    eventually("the new name", wait, || async {
        shown_cases(&app)
            .await
            .contains(&"sign in".to_owned())
            .then_some(())
    })
    .await;
    assert!(stored_names(&world).contains(&"sign in".to_owned()));

    // Deleted, then brought back with the notice's Undo.
    app.click_when_ready(&format!("[data-testid='tree-menu-{case}']"), wait)
        .await;
    app.click_when_ready("[data-testid=tree-action-delete]", wait)
        .await;
    eventually("the case gone", wait, || async {
        (!shown_cases(&app).await.contains(&"sign in".to_owned())).then_some(())
    })
    .await;
    assert!(!stored_names(&world).contains(&"sign in".to_owned()));
    app.click_when_ready("[data-testid=notice-action]", wait)
        .await;
    eventually("the case back in its place", wait, || async {
        let shown = shown_cases(&app).await;
        let expected: Vec<String> = all
            .iter()
            .map(|n| {
                if n == "log in" {
                    "sign in".to_owned()
                } else {
                    n.clone()
                }
            })
            .collect();
        (shown == expected).then_some(())
    })
    .await;
    assert!(stored_names(&world).contains(&"sign in".to_owned()));
    app.end().await;
}

/// The names of the cases in the database, in tree order.
fn stored_names(world: &World) -> Vec<String> {
    world
        .store()
        .workspace()
        .expect("workspace")
        .trees()
        .expect("trees")
        .into_iter()
        .flat_map(|tree| tree.cases.into_iter().map(|c| c.name))
        .collect()
}
