//! `apiautotest run` on Postman files, as a newman user types it: the request each item
//! becomes reaches a real sandbox as Postman would send it, and newman's options work.

mod common;

use apiautotest_sandbox::Sandbox;
use common::{apiautotest, stderr, stdout, write};
use serde_json::{Value, json};

/// A v2.1 collection touching what real files use: a collection variable the environment
/// overrides, auth inherited from the collection and a folder and stopped by `noauth`,
/// path variables, disabled query and header rows, headers as one string, and bodies.
fn collection() -> Value {
    json!({
        "info": {
            "name": "shop",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
        },
        "variable": [
            {"key": "base", "value": "http://collection.invalid"},
            {"key": "page", "value": "7"},
            {"key": "off", "value": "x", "disabled": true}
        ],
        "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{token}}", "type": "string"}]},
        "item": [
            {
                "name": "read user",
                "request": {
                    "method": "GET",
                    "header": [
                        {"key": "Accept", "value": "application/json"},
                        {"key": "X-Off", "value": "1", "disabled": true}
                    ],
                    "url": {
                        "raw": "{{base}}/echo/users/:id?page={{page}}&debug=1",
                        "host": ["{{base}}"],
                        "path": ["echo", "users", ":id"],
                        "query": [
                            {"key": "page", "value": "{{page}}"},
                            {"key": "debug", "value": "1", "disabled": true}
                        ],
                        "variable": [{"key": "id", "value": "42"}]
                    }
                }
            },
            {
                "name": "admin",
                "auth": {"type": "basic", "basic": [
                    {"key": "username", "value": "root"}, {"key": "password", "value": "{{root_pw}}"}
                ]},
                "item": [
                    {
                        "name": "create item",
                        "request": {
                            "method": "POST",
                            "header": "X-Trace: abc\n// X-Skip: 1",
                            "body": {"mode": "raw", "raw": "{\"name\": \"{{item}}\"}", "options": {"raw": {"language": "json"}}},
                            "url": "{{base}}/echo/items"
                        }
                    },
                    {
                        "name": "public form",
                        "request": {
                            "method": "POST",
                            "auth": {"type": "noauth"},
                            "body": {"mode": "urlencoded", "urlencoded": [
                                {"key": "q", "value": "a b"},
                                {"key": "hidden", "value": "1", "disabled": true}
                            ]},
                            "url": "{{base}}/echo/form"
                        }
                    },
                    {
                        "name": "graph",
                        "request": {
                            "method": "POST",
                            "body": {"mode": "graphql", "graphql": {"query": "{ item(id: 1) { name } }", "variables": ""}},
                            "url": "{{base}}/echo/graphql"
                        }
                    }
                ]
            }
        ]
    })
}

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

#[test]
fn import_writes_a_native_file_that_runs_and_says_what_did_not_map() {
    let dir = tempfile::tempdir().expect("dir");
    let mut collection = collection();
    collection["item"][0]["request"]["auth"] = json!({"type": "hawk", "hawk": []});
    write(
        dir.path(),
        "shop.postman_collection.json",
        &collection.to_string(),
    );
    let out = apiautotest(
        dir.path(),
        &[
            "import",
            "postman",
            "shop.postman_collection.json",
            "-o",
            "shop.yaml",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("read user: request.auth.hawk: hawk auth is not supported"),
        "{}",
        stderr(&out)
    );
    let saved = std::fs::read_to_string(dir.path().join("shop.yaml")).expect("saved");
    assert!(
        saved.contains("url: \"{{base}}/echo/users/42?page={{page}}&~debug=1\""),
        "{saved}"
    );
    assert!(saved.contains("folder: admin"), "{saved}");

    let broken = apiautotest(dir.path(), &["import", "postman", "shop.yaml"]);
    assert_eq!(broken.status.code(), Some(2), "{}", stderr(&broken));
    assert!(
        stderr(&broken).contains("not valid JSON"),
        "{}",
        stderr(&broken)
    );
}

#[test]
fn export_writes_postman_v2_1_that_imports_back_the_same() {
    let dir = tempfile::tempdir().expect("dir");
    write(
        dir.path(),
        "shop.postman_collection.json",
        &collection().to_string(),
    );
    let import = apiautotest(
        dir.path(),
        &[
            "import",
            "postman",
            "shop.postman_collection.json",
            "-o",
            "shop.yaml",
        ],
    );
    assert_eq!(import.status.code(), Some(0), "{}", stderr(&import));
    let export = apiautotest(
        dir.path(),
        &["export", "--to", "postman", "shop.yaml", "-o", "back.json"],
    );
    assert_eq!(export.status.code(), Some(0), "{}", stderr(&export));
    let again = apiautotest(
        dir.path(),
        &["import", "postman", "back.json", "-o", "again.yaml"],
    );
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    let first = std::fs::read_to_string(dir.path().join("shop.yaml")).expect("first");
    let second = std::fs::read_to_string(dir.path().join("again.yaml")).expect("second");
    assert_eq!(
        first, second,
        "import, export, import must give the same file"
    );
    let back: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("back.json")).expect("json"))
            .expect("JSON");
    assert_eq!(
        back["info"]["schema"],
        "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
    );
}

/// A script that throws is counted apart: its own line in the summary, and exit code 5
/// when no assertion failed (4 still wins when one did).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn script_errors_have_their_own_count_and_exit_code() {
    let sandbox = Sandbox::start(0).await.expect("sandbox");
    let dir = tempfile::tempdir().expect("dir");
    let item = |name: &str, test: &str| {
        json!({"name": name, "request": {"method": "GET", "url": "{{base}}/status/200"},
               "event": [{"listen": "test", "script": {"exec": [test]}}]})
    };
    let collection = |items: Vec<Value>| {
        json!({"info": {"name": "s", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
               "item": items})
        .to_string()
    };
    write(
        dir.path(),
        "throws.json",
        &collection(vec![
            item("fine", "pm.test('ok', function () {});"),
            item("throws", "nope.nope();"),
        ]),
    );
    write(
        dir.path(),
        "fails.json",
        &collection(vec![
            item("throws", "nope.nope();"),
            item(
                "fails",
                "pm.test('no', function () { pm.expect(1).to.equal(2); });",
            ),
        ]),
    );
    let base = format!("base={}", sandbox.base_url());
    let out = apiautotest(dir.path(), &["run", "throws.json", "--env-var", &base]);
    assert_eq!(
        out.status.code(),
        Some(5),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(
        stdout(&out).contains("1 errored (1 by a script)"),
        "{}",
        stdout(&out)
    );
    let out = apiautotest(dir.path(), &["run", "fails.json", "--env-var", &base]);
    assert_eq!(
        out.status.code(),
        Some(4),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
}
