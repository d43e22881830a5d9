//! OAuth 2.0 chosen in the case editor's Auth tab, as a user fills it in: Send fetches a
//! token from the demo sandbox's token URL and the protected route lets the case in;
//! saved, the case runs the same in a batch.

use std::time::Duration;

use apiautotest_engine::model::{BatchState, Verdict};

use crate::ONE_AT_A_TIME;
use crate::harness::{World, eventually};
use crate::screenshot_path;
use crate::webdriver::Session;
use crate::workspace_page::{open_case, row_key, run_from_tree, wait_for_text};

const WAIT: Duration = Duration::from_secs(20);

/// Picks `value` in the select `testid` as a user does (React listens to `change`).
async fn choose(app: &Session, testid: &str, value: &str) {
    let script = "const el = document.querySelector(`[data-testid='${arguments[0]}']`);
        if (!el) return false;
        const set = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set;
        set.call(el, arguments[1]);
        el.dispatchEvent(new Event('change', { bubbles: true }));
        return el.value === arguments[1]";
    eventually(&format!("{testid} set to {value}"), WAIT, || async {
        (app.exec(script, vec![testid.into(), value.into()]).await == Ok(true.into())).then_some(())
    })
    .await;
}

async fn open_tab(app: &Session, suffix: &str) {
    let script = "const tab = [...document.querySelectorAll('[role=tab]')]
        .find(b => b.id.endsWith(arguments[0])); if (tab) tab.click(); return !!tab";
    eventually(&format!("the tab {suffix}"), WAIT, || async {
        (app.exec(script, vec![suffix.into()]).await == Ok(true.into())).then_some(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_oauth2_case_fetches_its_token_on_send_and_in_a_batch() {
    let _one = ONE_AT_A_TIME.lock().await;
    let world = World::new().await;
    let app = world.launch(&[]).await;

    // The demo's "protected route without it" sends no token: it gets 401, by design.
    open_case(&app, "protected route without it").await;
    open_tab(&app, "-tab-auth").await;
    choose(&app, "editor-auth-kind", "oauth2").await;
    app.set_value(
        "[data-testid=editor-auth-token-url]",
        "{{base}}/oauth/token",
    )
    .await;
    app.set_value("[data-testid=editor-auth-client-id]", "sandbox-client")
        .await;
    app.set_value("[data-testid=editor-auth-client-secret]", "secret")
        .await;
    // Its assertion expects the 401; with a token it is a 200.
    app.click_when_ready("[data-testid=editor-send]", WAIT)
        .await;
    wait_for_text(&app, "status", "200").await;
    wait_for_text(&app, "response-viewer", "sandbox-client").await;
    if let Some(path) = screenshot_path("auth-oauth2") {
        app.screenshot(&path).await;
    }

    app.click_when_ready("[data-testid=collections-save]", WAIT)
        .await;
    let collection = row_key(&app, "c:", "Items API").await;
    let (id, done) = run_from_tree(&app, &world, &collection).await;
    assert_eq!(
        done.state,
        BatchState::Failed,
        "its 401 assertion now fails"
    );
    let summary = world
        .stored(&id)
        .into_iter()
        .find(|r| r.case_name == "protected route without it")
        .expect("the case ran");
    assert_eq!(summary.verdict, Verdict::Failed);
    assert_eq!(summary.status, Some(200));
    let case = world
        .store()
        .reader()
        .expect("reader")
        .result(&id, summary.seq)
        .expect("result");
    let sent = case.request.as_ref().expect("request");
    assert!(
        sent.headers
            .iter()
            .any(|(n, v)| n.eq_ignore_ascii_case("authorization") && v.starts_with("Bearer *****")),
        "{:?}",
        sent.headers
    );
    app.end().await;
}
