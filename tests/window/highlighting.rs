//! What the editors draw, checked on WebKitGTK itself: coloured JSON that stays aligned
//! with the text area under it while scrolled, wavy underlines under unknown variables and
//! broken JSON (this engine drops a `text-decoration` shorthand holding a var(), which
//! jsdom does not), Format leaving a 64-bit integer as typed, undone by Ctrl+Z (which
//! WebKitGTK binds to nothing: the page does, see ui/src/undoKeys.ts), and Enter and Tab
//! indenting as in a code editor.

use std::time::Duration;

use serde_json::{Value, json};

use crate::ONE_AT_A_TIME;
use crate::dialogs::press_in_window;
use crate::harness::{World, eventually};
use crate::webdriver::Session;
use crate::workspace_page::{open_case, wait_for_text};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn json_bodies_are_coloured_aligned_and_formatted_as_typed() {
    let _one = ONE_AT_A_TIME.lock().await;
    let world = World::new().await;
    let app = world.launch(&[]).await;
    let wait = Duration::from_secs(20);

    open_case(&app, "create item").await;
    app.set_value("[data-testid=editor-url]", "{{base}}/items/{{nobody}}")
        .await;
    app.click_when_ready("[data-testid=editor-tab-body]", wait)
        .await;
    app.click_when_ready("[data-testid=editor-body-kind-json]", wait)
        .await;
    app.set_value(
        "[data-testid=editor-body-json]",
        r#"{"id": 9007199254740993, "who": "{{nobody}}", "ok": oops}"#,
    )
    .await;

    // Drawn once React has rendered the typed text: every part is there.
    let drawn = eventually("the coloured parts drawn", wait, || async {
        let drawn = styles(&app).await;
        let all_there = [
            "urlUnknown",
            "bodyUnknown",
            "invalid",
            "key",
            "string",
            "number",
        ]
        .iter()
        .all(|part| !drawn[*part].is_null());
        all_there.then_some(drawn)
    })
    .await;
    assert_eq!(drawn["urlUnknown"], json!("underline wavy"), "{drawn}");
    assert_eq!(drawn["bodyUnknown"], json!("underline wavy"), "{drawn}");
    assert_eq!(drawn["invalid"], json!("underline wavy"), "{drawn}");
    assert_ne!(
        drawn["key"], drawn["string"],
        "keys and strings differ: {drawn}"
    );
    assert_ne!(drawn["number"], drawn["string"], "{drawn}");

    // Valid again, formatted: every digit kept; then a long body scrolled: the coloured
    // copy moves with the text area, line for line.
    let one_line =
        r#"{"id":9007199254740993,"rows":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20]}"#;
    app.set_value("[data-testid=editor-body-json]", one_line)
        .await;
    // Format is enabled once the page has checked the new text; pressed until it has.
    let formatted = eventually("the body formatted", wait, || async {
        let body = app
            .exec(
                "document.querySelector('[data-testid=editor-body-json-format]').click();
                 return document.querySelector('[data-testid=editor-body-json]').value",
                vec![],
            )
            .await
            .ok()?;
        let body = body.as_str()?.to_owned();
        body.contains('\n').then_some(body)
    })
    .await;
    assert!(
        formatted.starts_with("{\n  \"id\": 9007199254740993,\n  \"rows\": [\n    1,"),
        "{formatted}"
    );
    let offset = app
        .exec(
            "const area = document.querySelector('[data-testid=editor-body-json]');
             area.scrollTop = 90;
             area.dispatchEvent(new Event('scroll'));
             const code = area.parentElement.querySelector('.json-area-mirror > code');
             const mirror = code.parentElement;
             return [area.scrollTop, mirror.getBoundingClientRect().top - code.getBoundingClientRect().top
                 + parseFloat(getComputedStyle(mirror).paddingTop)
                 + parseFloat(getComputedStyle(mirror).borderTopWidth)]",
            vec![],
        )
        .await
        .expect("the offsets");
    assert_eq!(offset[0], json!(90), "the text area scrolled: {offset}");
    let moved = offset[1].as_f64().unwrap_or(f64::NAN);
    assert!(
        (moved - 90.0).abs() < 1.0,
        "the coloured copy moved as far: {offset}"
    );

    // Format is one step of the text area's own undo history, and Ctrl+Z (a real key
    // press: the app binds it, WebKitGTK does not) takes it back.
    app.exec(
        "document.querySelector('[data-testid=editor-body-json]').focus()",
        vec![],
    )
    .await
    .expect("focus");
    press_in_window(world.display(), "apiautotest", "ctrl+z").await;
    wait_for_text(&app, "editor-body-json", one_line).await;

    // Enter keeps the indentation, one level more after a bracket; Tab types two spaces.
    app.set_value("[data-testid=editor-body-json]", "{").await;
    app.press(
        "[data-testid=editor-body-json]",
        "\u{E007}\"a\": [\u{E007}1,\u{E007}\u{E004}2",
    )
    .await;
    wait_for_text(&app, "editor-body-json", "{\n  \"a\": [\n    1,\n      2").await;
    app.end().await;
}

/// Computed decoration of the unknown variables and the broken token, and the colours of
/// a key, a string and a number.
async fn styles(app: &Session) -> Value {
    let script = "
        const decoration = (selector) => {
            const element = document.querySelector(selector);
            if (!element) return null;
            const style = getComputedStyle(element);
            return style.textDecorationLine + ' ' + style.textDecorationStyle;
        };
        const colour = (selector) => {
            const element = document.querySelector(selector);
            return element ? getComputedStyle(element).color : null;
        };
        return {
            urlUnknown: decoration('.ed-template .var-unknown'),
            bodyUnknown: decoration('.json-area .var-unknown'),
            invalid: decoration('.json-invalid'),
            key: colour('.json-key'),
            string: colour('.json-string'),
            number: colour('.json-number'),
        }";
    app.exec(script, vec![]).await.expect("styles")
}
