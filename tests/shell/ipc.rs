//! Commands answer through IPC as the webview calls them; an ungranted permission is
//! refused; errors arrive as {kind, message}.

use serde_json::json;

use crate::mock_app::MockApp;

#[test]
fn commands_answer_over_ipc_and_errors_have_a_kind() {
    let app = MockApp::new();
    let info = app.invoke("startup_info", json!({})).expect("startup_info");
    assert_eq!(info["demo"]["name"], "Items API");
    assert_eq!(info["demo"]["demo"], true);
    assert!(
        app.data_dir.join("apiautotest.db").exists(),
        "the database lives in the app data folder"
    );
    assert_eq!(app.invoke("active_batches", json!({})), Ok(json!([])));

    let missing = app
        .invoke("result_detail", json!({"batchId": "nope", "seq": 1}))
        .expect_err("unknown batch");
    assert_eq!(missing["kind"], "not_found");
    let bad = app
        .invoke(
            "open_collection",
            json!({"path": app.data_dir.join("settings.json")}),
        )
        .expect_err("not a collection");
    assert_eq!(bad["kind"], "invalid_collection");
    let page = app
        .invoke(
            "batch_results",
            json!({"batchId": "x", "afterSeq": 0, "limit": 0}),
        )
        .expect_err("limit 0");
    assert_eq!(page["kind"], "invalid_input");
}

#[test]
fn permissions_not_granted_are_refused() {
    let app = MockApp::new();
    // The capability grants the dialog's open and save only.
    let refused = app.invoke("plugin:dialog|message", json!({"message": "hi"}));
    let why = refused
        .expect_err("dialog message is not granted")
        .to_string();
    assert!(why.contains("not allowed"), "refused by the ACL: {why}");
    assert!(app.invoke("startup_info", json!({})).is_ok());
}
