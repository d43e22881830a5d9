//! Postman files in and out of the native format (`import postman`, `export --to
//! postman`), and script errors counted apart by `run`.

mod common;

use apiautotest_sandbox::Sandbox;
use common::{apiautotest, shop_postman_collection as collection, stderr, stdout, write};
use serde_json::{Value, json};

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
