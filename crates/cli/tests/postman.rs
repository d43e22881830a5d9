//! `apiautotest run` on Postman files, as a newman user types it: the request each item
//! becomes reaches a real sandbox as Postman would send it, and newman's options work.

mod common;

use apiautotest_sandbox::Sandbox;
use common::{apiautotest, shop_postman_collection as collection, stderr, stdout, write};
use serde_json::{Value, json};

fn environment(base: &str) -> Value {
    json!({
        "name": "local",
        "values": [
            {"key": "base", "value": base, "enabled": true},
            {"key": "item", "value": "wrong", "enabled": true},
            {"key": "item", "value": "widget", "enabled": true},
            {"key": "root_pw", "value": "hunter2", "type": "secret", "enabled": true},
            {"key": "page", "value": "unused", "enabled": false}
        ],
        "_postman_variable_scope": "environment"
    })
}

fn results(report: &std::path::Path) -> Vec<Value> {
    let text = std::fs::read_to_string(report).expect("json report");
    let json: Value = serde_json::from_str(&text).expect("valid JSON");
    json["results"].as_array().expect("results").clone()
}

/// What the sandbox's echo saw for the result named `name`.
fn echoed(results: &[Value], name: &str) -> Value {
    let result = results
        .iter()
        .find(|r| r["case_name"] == name)
        .unwrap_or_else(|| panic!("no result {name}"));
    let body = result["response"]["body"].as_str().expect("text body");
    serde_json::from_str(body).expect("echo JSON")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_postman_collection_runs_as_postman_would_send_it() {
    let sandbox = Sandbox::start(0).await.expect("sandbox");
    let dir = tempfile::tempdir().expect("dir");
    write(
        dir.path(),
        "shop.postman_collection.json",
        &collection().to_string(),
    );
    write(
        dir.path(),
        "local.postman_environment.json",
        &environment(&sandbox.base_url()).to_string(),
    );
    write(
        dir.path(),
        "globals.json",
        &json!({"values": [{"key": "token", "value": "t0k"}], "_postman_variable_scope": "globals"}).to_string(),
    );
    let out = apiautotest(
        dir.path(),
        &[
            "run",
            "shop.postman_collection.json",
            "-e",
            "local.postman_environment.json",
            "-g",
            "globals.json",
            "--report",
            "json=r.json",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let results = results(&dir.path().join("r.json"));
    assert_eq!(results.len(), 4);

    // The environment overrides the collection's `base`; path variable, enabled query row.
    let read = echoed(&results, "read user");
    assert_eq!(read["path"], "/echo/users/42");
    assert_eq!(read["query"], json!({"page": "7"}));
    assert_eq!(read["headers"]["accept"], "application/json");
    assert_eq!(read["headers"].get("x-off"), None);
    assert_eq!(read["headers"]["authorization"], "Bearer t0k");

    // The folder's basic auth; headers written as one string; a raw JSON body with the
    // Content-Type its language implies; the last of a repeated environment value.
    let create = echoed(&results, "create item");
    assert_eq!(create["headers"]["authorization"], "Basic cm9vdDpodW50ZXIy");
    assert_eq!(create["headers"]["x-trace"], "abc");
    assert_eq!(create["headers"].get("x-skip"), None);
    assert_eq!(create["headers"]["content-type"], "application/json");
    assert_eq!(create["body"], "{\"name\": \"widget\"}");

    let form = echoed(&results, "public form");
    assert_eq!(
        form["headers"].get("authorization"),
        None,
        "noauth stops inheritance"
    );
    assert_eq!(form["body"], "q=a+b");
    assert_eq!(
        form["headers"]["content-type"],
        "application/x-www-form-urlencoded"
    );

    let graph = echoed(&results, "graph");
    assert_eq!(
        graph["body"],
        "{\"query\":\"{ item(id: 1) { name } }\",\"variables\":{}}"
    );

    // A `secret` environment value is masked in what is stored and reported.
    let report = std::fs::read_to_string(dir.path().join("r.json")).expect("report");
    assert!(
        !report.contains("hunter2"),
        "a secret value reached the report"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn newman_options_select_folders_iterate_and_set_variables() {
    let sandbox = Sandbox::start(0).await.expect("sandbox");
    let dir = tempfile::tempdir().expect("dir");
    // Postman's API wraps an export in {"collection": ...}.
    write(
        dir.path(),
        "shop.json",
        &json!({"collection": collection()}).to_string(),
    );
    let base = format!("base={}", sandbox.base_url());
    let out = apiautotest(
        dir.path(),
        &[
            "run",
            "shop.json",
            "--env-var",
            &base,
            "--env-var",
            "item=gadget",
            "--env-var",
            "root_pw=pw",
            "--global-var",
            "token=g",
            "--folder",
            "admin",
            "-n",
            "2",
            "--timeout-request",
            "5000",
            "--delay-request",
            "1",
            "-k",
            "--report",
            "json=r.json",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let results = results(&dir.path().join("r.json"));
    let names: Vec<&str> = results
        .iter()
        .filter_map(|r| r["case_name"].as_str())
        .collect();
    assert_eq!(
        names,
        [
            "create item",
            "public form",
            "graph",
            "create item",
            "public form",
            "graph"
        ]
    );
    assert_eq!(
        echoed(&results, "create item")["body"],
        "{\"name\": \"gadget\"}"
    );

    let missing = apiautotest(
        dir.path(),
        &["run", "shop.json", "--env-var", &base, "--folder", "nope"],
    );
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("--folder \"nope\""),
        "{}",
        stderr(&missing)
    );
}
