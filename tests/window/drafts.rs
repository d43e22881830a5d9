//! Nothing typed is lost: an edit not yet saved (of a case, a collection's settings, an
//! environment) comes back, marked unsaved, after the page reloads and after the app is
//! killed and started again.

use std::time::Duration;

use crate::ONE_AT_A_TIME;
use crate::harness::{World, eventually, gone};
use crate::page::visible;
use crate::webdriver::Session;
use crate::workspace_page::{open_case, row_key, wait_for_text};

const WAIT: Duration = Duration::from_secs(20);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unsaved_edits_survive_a_reload_and_a_kill() {
    let _one = ONE_AT_A_TIME.lock().await;
    let world = World::new().await;
    let app = world.launch(&[]).await;

    // An edit to a case of the demo collection, not saved.
    let case = open_case(&app, "read it back").await;
    let typed = "{{base}}/items/{{item_id}}?typed=before-reload";
    app.set_value("[data-testid=editor-url]", typed).await;
    wait_for_stored_draft(&world, typed).await;

    // A collection variable added and a new environment named, neither saved.
    let collection = row_key(&app, "c:", "Items API").await;
    open_settings(&app, &collection).await;
    app.set_value("[data-testid=checks-var-1-name]", "added")
        .await;
    wait_for_stored_draft(&world, "added").await;
    app.click_when_ready("[data-testid=nav-environments]", WAIT)
        .await;
    app.click_when_ready("[data-testid=checks-env-new]", WAIT)
        .await;
    app.set_value("[data-testid=checks-env-name]", "Not saved yet")
        .await;
    wait_for_stored_draft(&world, "Not saved yet").await;

    app.exec("location.reload()", vec![]).await.ok();
    assert_eq!(open_case(&app, "read it back").await, case);
    wait_for_text(&app, "editor-url", typed).await;
    assert!(visible(&app, "collections-unsaved").await, "marked unsaved");
    assert!(
        visible(&app, &format!("tree-dirty-{case}")).await,
        "marked unsaved in the tree"
    );
    open_settings(&app, &collection).await;
    wait_for_text(&app, "checks-var-1-name", "added").await;
    app.click_when_ready("[data-testid=nav-environments]", WAIT)
        .await;
    app.click_when_ready("[data-testid=checks-env-item-new]", WAIT)
        .await;
    wait_for_text(&app, "checks-env-name", "Not saved yet").await;
    assert!(visible(&app, "checks-env-unsaved").await, "marked unsaved");

    // Typed on, then the app dies without a chance to say goodbye.
    let typed = "{{base}}/items/{{item_id}}?typed=before-kill";
    open_case(&app, "read it back").await;
    app.set_value("[data-testid=editor-url]", typed).await;
    wait_for_stored_draft(&world, typed).await;
    let pid = world.kill_app();
    app.end().await;
    gone(pid).await;

    let app = world.launch(&[]).await;
    assert_eq!(open_case(&app, "read it back").await, case);
    wait_for_text(&app, "editor-url", typed).await;
    assert!(visible(&app, "collections-unsaved").await, "marked unsaved");

    // Revert drops it: the stored case is back and nothing is pending.
    app.click_when_ready("[data-testid=collections-revert]", Duration::from_secs(10))
        .await;
    app.click_when_ready(
        "[data-testid=collections-confirm-revert]",
        Duration::from_secs(10),
    )
    .await;
    wait_for_text(&app, "editor-url", "{{base}}/items/{{item_id}}").await;
    eventually(
        "the case's draft gone from the store",
        Duration::from_secs(10),
        || async {
            let drafts = world.store().workspace().ok()?.drafts().ok()?;
            let draft_key = format!("case:{}", case.trim_start_matches("k:"));
            let left: Vec<String> = drafts.into_iter().map(|(key, _)| key).collect();
            // The other two drafts stay: only this case was reverted.
            (!left.contains(&draft_key) && left.len() == 2).then_some(())
        },
    )
    .await;
    app.end().await;
}

/// Opens the settings of the collection whose tree row is `key`.
async fn open_settings(app: &Session, key: &str) {
    app.click_when_ready("[data-testid=nav-collections]", WAIT)
        .await;
    app.click_when_ready(&format!("[data-testid='tree-menu-{key}']"), WAIT)
        .await;
    app.click_when_ready("[data-testid=tree-action-settings]", WAIT)
        .await;
}

/// Waits until the app has written a draft holding `text` to its database.
async fn wait_for_stored_draft(world: &World, text: &str) {
    eventually(
        "the draft in the database",
        Duration::from_secs(10),
        || async {
            let drafts = world.store().workspace().ok()?.drafts().ok()?;
            drafts
                .iter()
                .any(|(_, content)| content.contains(text))
                .then_some(())
        },
    )
    .await;
}
