//! The workspace over IPC: collections, cases and environments edited, sent, saved as a
//! native file and run; JSON bodies kept digit for digit.

use serde_json::{Value, json};

use crate::mock_app::{MockApp, demo_options};

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

    let settings = json!({"variables": {"base": base}, "auth": {"bearer": {"token": "{{token}}"}},
        "folders": []});
    let (collection_id, case_id) =
        collection_with_case(&app, "Mine", settings, Some("echo"), "who am I");
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
    let trees = app.invoke("workspace_trees", json!({})).expect("trees");
    let base = trees[0]["collection"]["settings"]["variables"]["base"].clone();
    let settings = json!({"variables": {"base": base}, "auth": null, "folders": []});
    let (collection_id, case_id) = collection_with_case(&app, "Ids", settings, None, "big id");
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

/// Inline JSON Schemas cross the IPC as text too: a 64-bit `const` and an integer-like
/// property name placed after another come back, are sent and are saved as written.
#[test]
fn inline_schemas_cross_the_ipc_as_text_and_keep_what_was_written() {
    let app = MockApp::new();
    let trees = app.invoke("workspace_trees", json!({})).expect("trees");
    // A schema from a file stays a path: only inline schemas become text.
    let demo_case = trees[0]["cases"]
        .as_array()
        .and_then(|cases| cases.iter().find(|c| c["name"] == "read it back"))
        .expect("the demo's case with a schema file")["id"]
        .clone();
    let demo = app
        .invoke("get_case", json!({"id": demo_case}))
        .expect("demo case");
    let asserts = demo["case"]["assert"].as_array().expect("assertions");
    assert!(
        asserts.contains(&json!({"schema_file": "schemas/item.json"})),
        "{demo}"
    );

    let base = trees[0]["collection"]["settings"]["variables"]["base"].clone();
    let settings = json!({"variables": {"base": base}, "auth": null, "folders": []});
    let (collection_id, case_id) = collection_with_case(&app, "Schemas", settings, None, "echo");
    let schema = r#"{"required": ["method"], "properties": {"method": {"const": "GET"}, "10": {"const": 9007199254740993}}}"#;
    let case = json!({"name": "echo", "request": {"method": "GET", "url": "{{base}}/echo"},
        "assert": ["status == 200", {"schema": schema}]});
    app.invoke("save_case", json!({"id": case_id, "case": case}))
        .expect("save case");

    let stored = app
        .invoke("get_case", json!({"id": case_id}))
        .expect("case");
    let text = stored["case"]["assert"][1]["schema"]
        .as_str()
        .expect("the schema as text")
        .to_owned();
    assert!(text.contains("9007199254740993"), "{text}");
    assert!(
        comes_before(&text, "\"const\": \"GET\"", "\"10\""),
        "keys in written order: {text}"
    );
    // The text the page got back is what it sends and saves again.
    let again = json!({"name": "echo", "request": {"method": "GET", "url": "{{base}}/echo"},
        "assert": ["status == 200", {"schema": text}]});
    let outcome = app
        .invoke(
            "send_case",
            json!({"sendId": "schema", "case": again, "collectionId": collection_id,
                "caseId": case_id, "variables": {}}),
        )
        .expect("send");
    assert_eq!(outcome["verdict"], "passed", "{outcome}");

    let file = app.data_dir.join("schemas.yaml");
    app.invoke(
        "save_collection",
        json!({"id": collection_id, "path": file}),
    )
    .expect("save file");
    let saved = std::fs::read_to_string(&file).expect("saved file");
    assert!(saved.contains("9007199254740993"), "{saved}");
    assert!(comes_before(&saved, "const: GET", "\"10\":"), "{saved}");

    let broken = json!({"name": "echo", "request": {"method": "GET", "url": "{{base}}/echo"},
        "assert": ["status == 200", {"schema": "{\"type\": "}]});
    let refused = app
        .invoke("save_case", json!({"id": case_id, "case": broken}))
        .expect_err("invalid JSON");
    assert_eq!(refused["kind"], "invalid_input", "{refused}");
    assert!(
        refused["message"].as_str().is_some_and(
            |m| m.contains("assertion 2") && m.contains("inline JSON Schema is not valid JSON")
        ),
        "{refused}"
    );
}

/// Whether `text` holds `first`, and later `then`.
fn comes_before(text: &str, first: &str, then: &str) -> bool {
    matches!((text.find(first), text.find(then)), (Some(a), Some(b)) if a < b)
}

/// A new collection with `settings` and one new case in `folder`; their ids.
fn collection_with_case(
    app: &MockApp,
    name: &str,
    settings: Value,
    folder: Option<&str>,
    case_name: &str,
) -> (Value, Value) {
    let collection = app
        .invoke("create_collection", json!({"name": name}))
        .expect("create");
    let collection_id = collection["id"].clone();
    app.invoke(
        "update_collection_settings",
        json!({"id": collection_id, "settings": settings}),
    )
    .expect("settings");
    let summary = app
        .invoke(
            "create_case",
            json!({"collectionId": collection_id, "folder": folder, "name": case_name}),
        )
        .expect("create case");
    (collection_id, summary["id"].clone())
}
