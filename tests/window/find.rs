//! Find in a response body on WebKitGTK, which has no find in page of its own: Ctrl+F (a
//! real key press) reaches the body's find field, every match is marked, and Enter scrolls
//! the next one into view.

use std::time::Duration;

use serde_json::{Value, json};

use crate::ONE_AT_A_TIME;
use crate::dialogs::press_in_window;
use crate::harness::{World, eventually};
use crate::webdriver::Session;
use crate::workspace_page::{open_case, wait_for_text};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ctrl_f_finds_in_the_response_body_and_scrolls_to_each_match() {
    let _one = ONE_AT_A_TIME.lock().await;
    let world = World::new().await;
    let app = world.launch(&[]).await;
    let wait = Duration::from_secs(20);

    // The sandbox echoes the query back: 60 keys make a tree taller than its pane, with
    // one match near the top (k3) and one near the bottom (k58).
    open_case(&app, "create item").await;
    let query: Vec<String> = (0..60)
        .map(|i| match i {
            3 => "k3=needle".to_owned(),
            58 => "k58=Needle".to_owned(),
            _ => format!("k{i}=hay"),
        })
        .collect();
    app.set_value(
        "[data-testid=editor-url]",
        &format!("{{{{base}}}}/echo?{}", query.join("&")),
    )
    .await;
    app.click_when_ready("[data-testid=editor-send]", wait)
        .await;
    wait_for_text(&app, "json-tree", "\"k58\"").await;

    press_in_window(world.display(), "apiautotest", "ctrl+f").await;
    eventually("Ctrl+F to focus the find field", wait, || async {
        let focused = app
            .exec(
                "return document.activeElement?.dataset.testid ?? null",
                vec![],
            )
            .await
            .ok()?;
        (focused == json!("viewer-find")).then_some(())
    })
    .await;
    app.set_value("[data-testid=viewer-find]", "NEEDLE").await;
    wait_for_text(&app, "viewer-find-count", "1 of 2").await;

    let first = marks(&app).await;
    assert_eq!(first["texts"], json!(["needle", "Needle"]), "{first}");
    assert_eq!(first["current"], json!("needle"), "{first}");
    assert_eq!(
        first["shown"],
        json!([true, false]),
        "k58 starts out of view: {first}"
    );
    let [current, other] = [&first["backgrounds"][0], &first["backgrounds"][1]];
    assert_ne!(current, other, "the current match stands out: {first}");
    assert_ne!(
        other,
        &json!("rgba(0, 0, 0, 0)"),
        "every match is marked: {first}"
    );

    app.press("[data-testid=viewer-find]", "\u{E007}").await;
    wait_for_text(&app, "viewer-find-count", "2 of 2").await;
    let second = eventually("the second match scrolled into view", wait, || async {
        let seen = marks(&app).await;
        (seen["shown"][1] == json!(true)).then_some(seen)
    })
    .await;
    assert_eq!(second["current"], json!("Needle"), "{second}");
    assert_eq!(
        second["barShown"],
        json!(true),
        "scrolling to a match keeps the find bar and the view switch in sight: {second}"
    );
    app.end().await;
}

/// The marked matches: their texts, which is current, whether each lies inside the tree's
/// visible area and the window, their backgrounds (current first); and whether the body's
/// toolbar (find field, view switch) is in sight.
async fn marks(app: &Session) -> Value {
    let script = "
        const tree = document.querySelector('[data-testid=json-tree]').getBoundingClientRect();
        const marks = [...document.querySelectorAll('[data-testid=json-tree] mark')];
        const shown = (m) => {
            const r = m.getBoundingClientRect();
            return r.top >= tree.top && r.bottom <= tree.bottom && r.bottom <= window.innerHeight;
        };
        const current = document.querySelector('[data-testid=find-current]');
        const onTop = (e) => {
            const r = e.getBoundingClientRect();
            return e.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
        };
        const other = marks.find((m) => m !== current);
        return {
            texts: marks.map((m) => m.textContent),
            current: current ? current.textContent : null,
            shown: marks.map(shown),
            backgrounds: [current, other].map((m) => m ? getComputedStyle(m).backgroundColor : null),
            barShown: onTop(document.querySelector('[data-testid=viewer-find]'))
                && onTop(document.querySelector('.rv-body [role=group]')),
        }";
    app.exec(script, vec![]).await.expect("the marks")
}
