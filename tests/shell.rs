//! The shell on Tauri's mock runtime, with the app's real configuration and capabilities:
//! commands answer through IPC as the webview calls them, an ungranted permission is
//! refused, errors arrive as {kind, message}, and the tray's actions steer batches.

use std::time::Duration;

use apiautotest_desktop::state::AppState;
use apiautotest_desktop::tray;
use serde_json::{Value, json};
use tauri::Manager;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;

/// The app on the mock runtime, with its own data folder (a unique identifier puts it
/// under the platform's data folder; removed on drop).
struct MockApp {
    app: tauri::App<MockRuntime>,
    window: tauri::WebviewWindow<MockRuntime>,
    data_dir: std::path::PathBuf,
}

impl MockApp {
    fn new() -> MockApp {
        let mut context = tauri::generate_context!();
        context.config_mut().identifier = format!("dev.apiautotest.test-{}", std::process::id());
        context
            .config_mut()
            .identifier
            .push_str(&format!("-{}", uuid_like()));
        let mut app = apiautotest_desktop::configure(mock_builder())
            .build(context)
            .expect("the app builds with its real capabilities");
        // The first turn of the event loop runs `setup` (state, store, demo) and makes
        // the configured windows.
        #[allow(deprecated)]
        app.run_iteration(|_, _| {});
        // The configured window (the capability names it), made by that first turn.
        let window = app.get_webview_window("main").expect("the main window");
        let data_dir = app.path().app_data_dir().expect("data dir");
        MockApp {
            app,
            window,
            data_dir,
        }
    }

    fn invoke(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        invoke_on(&self.window, cmd, args)
    }

    fn wait_for(&self, what: &str, mut ready: impl FnMut(&Self) -> bool) {
        for _ in 0..200 {
            if ready(self) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("timed out waiting for {what}");
    }
}

impl Drop for MockApp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.data_dir);
    }
}

/// Invokes `cmd` as the page in `window` would, and waits for its answer.
fn invoke_on(
    window: &tauri::WebviewWindow<MockRuntime>,
    cmd: &str,
    args: Value,
) -> Result<Value, Value> {
    let response = get_ipc_response(
        window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().expect("url"),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    );
    match response {
        Ok(body) => Ok(body.deserialize::<Value>().expect("json")),
        Err(e) => Err(e),
    }
}

fn uuid_like() -> String {
    format!(
        "{:x}",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0)
    )
}

fn demo_options() -> Value {
    json!({"concurrency": 1, "rate_per_second": null, "delay_ms": 50, "timeout_ms": 5000,
        "retries": 0, "bail": false, "iterations": 20, "network_wait_secs": 0,
        "max_stored_body_bytes": 65536, "max_redirects": 10, "insecure": false,
        "resend_unknown": false})
}

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

#[test]
fn a_demo_batch_runs_pages_come_in_order_and_the_tray_steers_it() {
    let app = MockApp::new();
    let demo = app.invoke("startup_info", json!({})).expect("info")["demo"]["path"].clone();
    let started = app
        .invoke(
            "start_batch",
            json!({"collectionPath": demo, "options": demo_options(), "variables": {}}),
        )
        .expect("start_batch");
    let id = started["id"].as_str().expect("id").to_owned();
    let active = app.invoke("active_batches", json!({})).expect("active");
    assert_eq!(active[0]["id"], id.as_str());

    app.wait_for("some results", |a| {
        a.invoke(
            "batch_results",
            json!({"batchId": id, "afterSeq": 0, "limit": 50}),
        )
        .is_ok_and(|r| r.as_array().is_some_and(|l| l.len() >= 5))
    });
    let state = app.app.state::<AppState>();
    assert_eq!(tray::pause_all(&state), 1);
    app.wait_for("the batch to pause", |a| {
        a.invoke("active_batches", json!({}))
            .is_ok_and(|l| l[0]["state"] == "PAUSED")
    });
    assert_eq!(tray::resume_all(&state), 1);
    app.invoke("cancel_batch", json!({"batchId": id}))
        .expect("cancel");
    app.wait_for("the batch to end", |a| {
        a.invoke("active_batches", json!({}))
            .is_ok_and(|l| l == json!([]))
    });

    let page = app
        .invoke(
            "batch_results",
            json!({"batchId": id, "afterSeq": 2, "limit": 3}),
        )
        .expect("page");
    let seqs: Vec<u64> = page
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|r| r["seq"].as_u64())
        .collect();
    assert_eq!(seqs, [3, 4, 5]);
    let found = app
        .invoke(
            "batch_results",
            json!({"batchId": id, "afterSeq": 0, "limit": 100, "search": "CREATE"}),
        )
        .expect("search");
    let names: Vec<&str> = found
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|r| r["case_name"].as_str())
        .collect();
    assert!(!names.is_empty());
    assert!(
        names.iter().all(|n| n.to_lowercase().contains("create")),
        "{names:?}"
    );
    let detail = app
        .invoke("result_detail", json!({"batchId": id, "seq": 3}))
        .expect("detail");
    assert_eq!(detail["seq"], 3);
    assert!(
        detail["assertions"]
            .as_array()
            .is_some_and(|a| !a.is_empty())
    );
    assert!(
        tray::progress_text(&[]).contains("No batch"),
        "the tray says when nothing runs"
    );
}

#[test]
fn the_workbench_sends_a_case_and_cancels_a_slow_one() {
    let app = MockApp::new();
    // The demo collection targets the in-process sandbox: its `base` variable says where.
    let info = app.invoke("startup_info", json!({})).expect("startup_info");
    let path = info["demo"]["path"].as_str().expect("demo path").to_owned();
    let text = std::fs::read_to_string(&path).expect("demo file");
    let demo = apiautotest_engine::collection_file::parse(&text, std::path::Path::new(&path))
        .expect("demo collection");
    let variables = json!({"base": demo.variables["base"]});

    let case = json!({"name": "created", "request": {"method": "GET", "url": "{{base}}/status/201"},
        "assert": ["status == 201", "duration < 60000"]});
    let outcome = app
        .invoke(
            "send_case",
            json!({"sendId": "s1", "case": case, "variables": variables}),
        )
        .expect("send_case");
    assert_eq!(outcome["verdict"], "passed", "{outcome}");
    assert_eq!(outcome["response"]["status"], 201);
    assert_eq!(outcome["assertions"].as_array().map(Vec::len), Some(2));

    // A bad case is refused with a clear error before anything is sent.
    let bad =
        json!({"name": "bad", "request": {"method": "GET", "url": "x"}, "assert": ["status =="]});
    let refused = app
        .invoke(
            "send_case",
            json!({"sendId": "s2", "case": bad, "variables": {}}),
        )
        .expect_err("a malformed assertion");
    assert_eq!(refused["kind"], "invalid_input");
    let why = refused["message"].as_str().unwrap_or_default();
    assert!(why.contains("needs a value"), "{why}");

    // A slow one, cancelled from another call while it waits.
    let window = app.window.clone();
    let slow = json!({"name": "slow", "request": {"method": "GET", "url": "{{base}}/delay/20000"}});
    let sending = std::thread::spawn(move || {
        invoke_on(
            &window,
            "send_case",
            json!({"sendId": "s3", "case": slow, "variables": variables}),
        )
    });
    app.wait_for("the slow send to be in flight", |app| {
        app.invoke("cancel_send", json!({"sendId": "s3"})) == Ok(json!(true))
    });
    let outcome = sending.join().expect("join").expect("send_case");
    assert_eq!(outcome["verdict"], "errored");
    assert_eq!(outcome["error"]["kind"], "cancelled");
    assert_eq!(
        app.invoke("cancel_send", json!({"sendId": "s3"})),
        Ok(json!(false))
    );
}

#[test]
fn the_workspace_is_edited_sent_saved_and_run_over_ipc() {
    let app = MockApp::new();
    // The demo collection is in the workspace from the first start, pointed at the sandbox.
    let trees = app.invoke("workspace_trees", json!({})).expect("trees");
    assert_eq!(trees[0]["collection"]["name"], "Items API");
    let base = trees[0]["collection"]["settings"]["variables"]["base"].clone();
    assert!(
        base.as_str()
            .is_some_and(|b| b.starts_with("http://127.0.0.1:")),
        "{base}"
    );

    let collection = app
        .invoke("create_collection", json!({"name": "Mine"}))
        .expect("create");
    let collection_id = collection["id"].clone();
    let settings = json!({"variables": {"base": base}, "auth": {"bearer": {"token": "{{token}}"}},
        "folders": []});
    app.invoke(
        "update_collection_settings",
        json!({"id": collection_id, "settings": settings}),
    )
    .expect("settings");
    let summary = app
        .invoke(
            "create_case",
            json!({"collectionId": collection_id, "folder": "echo", "name": "who am I"}),
        )
        .expect("create case");
    let case_id = summary["id"].clone();
    let case = json!({"name": "who am I", "folder": "echo",
        "request": {"method": "GET", "url": "{{base}}/echo"},
        "assert": ["status == 200", "jsonpath $.headers.authorization == \"Bearer {{token}}\""]});
    app.invoke("save_case", json!({"id": case_id, "case": case}))
        .expect("save case");

    // The active environment provides the secret token; it is masked in what comes back.
    let environment = app
        .invoke(
            "save_environment",
            json!({"environment": {"id": "", "name": "dev", "variables": [
                {"name": "token", "value": "s3cret-t0ken", "secret": true, "enabled": true}]}}),
        )
        .expect("environment");
    app.invoke("set_active_environment", json!({"id": environment["id"]}))
        .expect("activate");
    let outcome = app
        .invoke(
            "send_case",
            json!({"sendId": "w1", "case": case, "collectionId": collection_id,
                "caseId": case_id, "variables": {}}),
        )
        .expect("send");
    assert_eq!(outcome["verdict"], "passed", "{outcome}");
    assert!(!outcome.to_string().contains("s3cret-t0ken"), "{outcome}");
    let sends = app
        .invoke("case_sends", json!({"caseId": case_id}))
        .expect("history");
    assert_eq!(sends.as_array().map(Vec::len), Some(1));
    assert!(
        sends[0]["summary"]
            .as_str()
            .is_some_and(|s| s.starts_with("200"))
    );

    // Saved as a native file, it runs as a batch with the same verdict.
    let file = app.data_dir.join("mine.yaml");
    app.invoke(
        "save_collection",
        json!({"id": collection_id, "path": file}),
    )
    .expect("save file");
    let text = std::fs::read_to_string(&file).expect("saved file");
    assert!(
        text.contains("folder: echo") && text.contains("bearer:"),
        "{text}"
    );
    let batch = app
        .invoke(
            "start_batch",
            json!({"collectionId": collection_id, "options": demo_options(), "variables": {}}),
        )
        .expect("start");
    let id = batch["id"].clone();
    let state_of = |app: &MockApp| {
        let all = app
            .invoke("list_batches", json!({"limit": 10}))
            .unwrap_or_default();
        let found = all.as_array().into_iter().flatten().find(|b| b["id"] == id);
        found.map(|b| b["state"].clone()).unwrap_or_default()
    };
    app.wait_for("the batch to end", |app| {
        !matches!(state_of(app).as_str(), Some("QUEUED" | "RUNNING"))
    });
    let results = app
        .invoke(
            "batch_results",
            json!({"batchId": id, "afterSeq": 0, "limit": 1}),
        )
        .expect("results");
    assert_eq!(state_of(&app), "PASSED", "{results}");

    // A malformed case is refused, naming the problem; the stored one stays.
    let refused = app
        .invoke(
            "save_case",
            json!({"id": case_id, "case": {"name": "x", "request": {"method": "GET", "url": "{{base}}/", "body": "a", "json": {}}}}),
        )
        .expect_err("two bodies");
    assert_eq!(refused["kind"], "invalid_collection");
    let stored = app
        .invoke("get_case", json!({"id": case_id}))
        .expect("case");
    assert_eq!(stored["case"]["request"]["url"], "{{base}}/echo");
}

/// The page hands JSON bodies over as text: a 64-bit integer (which a JavaScript number
/// would round) is stored, sent and saved to the file exactly as typed.
#[test]
fn json_bodies_cross_the_ipc_as_text_and_keep_every_digit() {
    let app = MockApp::new();
    let collection = app
        .invoke("create_collection", json!({"name": "Ids"}))
        .expect("create");
    let collection_id = collection["id"].clone();
    let trees = app.invoke("workspace_trees", json!({})).expect("trees");
    let base = trees[0]["collection"]["settings"]["variables"]["base"].clone();
    let settings = json!({"variables": {"base": base}, "auth": null, "folders": []});
    app.invoke(
        "update_collection_settings",
        json!({"id": collection_id, "settings": settings}),
    )
    .expect("settings");
    let summary = app
        .invoke(
            "create_case",
            json!({"collectionId": collection_id, "folder": null, "name": "big id"}),
        )
        .expect("create case");
    let case_id = summary["id"].clone();
    let case = json!({"name": "big id", "request": {"method": "POST", "url": "{{base}}/echo"}});
    let body = "{\"id\": 9007199254740993}";
    app.invoke(
        "save_case",
        json!({"id": case_id, "case": case, "jsonBody": body}),
    )
    .expect("save case");

    let stored = app
        .invoke("get_case", json!({"id": case_id}))
        .expect("case");
    assert_eq!(
        stored["json_body"], "{\n  \"id\": 9007199254740993\n}",
        "{stored}"
    );
    let outcome = app
        .invoke(
            "send_case",
            json!({"sendId": "big", "case": case, "jsonBody": body,
                "collectionId": collection_id, "caseId": case_id, "variables": {}}),
        )
        .expect("send");
    let sent = outcome["request"]["body"].as_str().unwrap_or_default();
    assert!(sent.contains("9007199254740993"), "{outcome}");

    let file = app.data_dir.join("ids.yaml");
    app.invoke(
        "save_collection",
        json!({"id": collection_id, "path": file}),
    )
    .expect("save file");
    let text = std::fs::read_to_string(&file).expect("saved file");
    assert!(text.contains("id: 9007199254740993"), "{text}");

    let refused = app
        .invoke(
            "save_case",
            json!({"id": case_id, "case": case, "jsonBody": "{\"id\": }"}),
        )
        .expect_err("invalid JSON");
    assert_eq!(refused["kind"], "invalid_input", "{refused}");
    assert!(
        refused["message"]
            .as_str()
            .is_some_and(|m| m.contains("JSON body")),
        "{refused}"
    );
}
