//! What the editor writes, the file keeps and the runner sends: folders, inherited auth,
//! disabled rows and multipart bodies, run as a batch against the sandbox on 127.0.0.1;
//! and saving a collection writes text that reads back to the same collection.

mod common;

use std::path::{Path, PathBuf};

use apiautotest_engine::model::{Auth, BatchState, Verdict};
use apiautotest_engine::runner::BatchRequest;
use apiautotest_engine::{collection_file, collection_save};
use common::World;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/authoring/collection.yaml")
}

#[tokio::test]
async fn folders_auth_disabled_rows_and_multipart_reach_the_server() {
    let world = World::new().await;
    let mut collection = collection_file::load(&fixture()).expect("fixture loads");
    collection
        .variables
        .insert("base".into(), world.sandbox.base_url());
    let request = BatchRequest {
        collections: vec![(collection, Some(fixture()))],
        secrets: [("password".to_string(), "s3cret".to_string())]
            .into_iter()
            .collect(),
        ..BatchRequest::default()
    };
    let handle = world.start(request).await;
    let id = handle.id.clone();
    let state = handle.finished().await.expect("finished");
    let results = world.results(&id);
    for result in &results {
        assert_eq!(
            result.verdict,
            Verdict::Passed,
            "{}: {:?} {:#?}",
            result.case_name,
            result.error,
            result.assertions
        );
    }
    assert_eq!((state, results.len()), (BatchState::Passed, 7));

    // Basic credentials holding a secret are masked whole in what is stored.
    let basic = &results[0].request.as_ref().expect("request").headers;
    assert!(
        basic.contains(&("Authorization".into(), "Basic *****".into())),
        "{basic:?}"
    );
    // Files are summarized in the stored request; disabled parts are not sent at all.
    let multipart = results[6].request.as_ref().expect("request");
    let body = multipart.body.as_deref().expect("body");
    assert!(body.contains("<file upload.txt, 18 bytes>"), "{body}");
    assert!(!body.contains("not sent"), "{body}");
}

#[test]
fn auth_is_inherited_from_the_nearest_folder_then_the_collection() {
    let collection = collection_file::load(&fixture()).expect("fixture loads");
    let auth_of = |name: &str| {
        let case = collection
            .cases
            .iter()
            .find(|c| c.name == name)
            .expect("case");
        collection.effective_auth(case).cloned()
    };
    assert!(matches!(
        auth_of("basic auth from the collection"),
        Some(Auth::Basic { .. })
    ));
    assert!(matches!(
        auth_of("bearer from the folder"),
        Some(Auth::Bearer { .. })
    ));
    assert!(matches!(
        auth_of("api key in the query from the subfolder"),
        Some(Auth::ApiKey { .. })
    ));
    assert_eq!(auth_of("no auth overrides the folder"), Some(Auth::None));
}

#[test]
fn saving_writes_text_that_reads_back_the_same_and_is_stable() {
    let examples = [
        fixture(),
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/items.yaml"),
    ];
    for original_path in examples {
        let original = collection_file::load(&original_path).expect("loads");
        let text = collection_save::to_text(&original).expect("writes");
        assert_eq!(
            collection_save::to_text(&original).expect("writes"),
            text,
            "the same collection always gives the same text"
        );
        assert!(
            !text.contains("schema:"),
            "a schema file stays a path: {text}"
        );
        // Saved next to copies of its schema and upload files, so relative paths resolve.
        let dir = copy_of_folder(original_path.parent().expect("folder"));
        let saved = dir.path().join("saved.yaml");
        collection_save::save(&saved, &original).expect("saves");
        assert_eq!(std::fs::read_to_string(&saved).expect("read"), text);
        let reread = collection_file::load(&saved).unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert_eq!(reread, original, "{text}");
    }
}

/// A temporary folder holding a copy of every file in `folder`.
fn copy_of_folder(folder: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("dir");
    for entry in std::fs::read_dir(folder).expect("read folder") {
        let path = entry.expect("entry").path();
        if path.is_file() {
            std::fs::copy(&path, dir.path().join(path.file_name().expect("name"))).expect("copy");
        }
    }
    dir
}

#[test]
fn an_edit_changes_only_its_own_lines() {
    let original = collection_file::load(&fixture()).expect("loads");
    let before = collection_save::to_text(&original).expect("writes");
    let mut edited = original.clone();
    std::sync::Arc::make_mut(&mut edited.cases[1])
        .request
        .url
        .push_str("?x=1");
    let after = collection_save::to_text(&edited).expect("writes");
    let changed: Vec<(&str, &str)> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(before.lines().count(), after.lines().count());
    assert_eq!(changed.len(), 1, "{changed:?}");
}

#[test]
fn long_lines_stay_whole_and_multi_line_text_stays_readable() {
    let long = format!("jsonpath $.note == \"{}\"", "word ".repeat(30).trim_end());
    let text = format!(
        "name: L\ncases:\n  - name: a\n    request:\n      method: POST\n      url: http://x\n      body: \"one\\ntwo\\n\"\n    assert:\n      - '{long}'\n"
    );
    let collection = collection_file::parse(&text, Path::new("l.yaml")).expect("parses");
    let written = collection_save::to_text(&collection).expect("writes");
    // A one-word edit to a long assertion changes one line, not a reflowed paragraph.
    assert!(
        written
            .lines()
            .any(|line| line.trim() == format!("- {long}")),
        "{written}"
    );
    assert!(
        written.contains("body: |\n        one\n        two\n"),
        "{written}"
    );
    let back = collection_file::parse(&written, Path::new("l.yaml")).expect("reads back");
    assert_eq!(back, collection);
}

#[test]
fn json_bodies_keep_the_order_their_keys_were_written_in() {
    let text = "name: O\ncases:\n  - name: a\n    request:\n      method: POST\n      url: http://x\n      json: {zeta: 1, alpha: {b: 2, a: 3}, \"10\": 4, \"9\": 5}\n";
    let collection = collection_file::parse(text, Path::new("o.yaml")).expect("parses");
    let written = collection_save::to_text(&collection).expect("writes");
    let keys: Vec<&str> = written
        .lines()
        .skip_while(|line| !line.trim_start().starts_with("json:"))
        .skip(1)
        .map(|line| line.trim().split(':').next().unwrap_or_default())
        .collect();
    assert_eq!(
        keys,
        ["zeta", "alpha", "b", "a", "\"10\"", "\"9\""],
        "{written}"
    );
}

#[test]
fn bad_folders_and_parts_are_named() {
    let cases = [
        (
            "name: x\nfolders: [{path: a}, {path: a}]\ncases: []\n",
            "listed twice",
        ),
        (
            "name: x\ncases:\n  - {name: c, folder: 'a//b', request: {method: GET, url: 'http://h/'}}\n",
            "invalid folder path",
        ),
        (
            "name: x\ncases:\n  - {name: c, request: {method: POST, url: 'http://h/', multipart: [{name: f, value: v, file: f.txt}]}}\n",
            "either `value` or `file`",
        ),
        (
            "name: x\ncases:\n  - {name: c, request: {method: POST, url: 'http://h/', body: a, multipart: []}}\n",
            "only one of",
        ),
        (
            "name: x\ncases:\n  - {name: c, request: {method: GET, url: 'http://h/', auth: {hawk: {}}}}\n",
            "hawk",
        ),
        (
            "name: x\ncases:\n  - {name: c, request: {method: GET, url: 'http://h/', auth: {digest: {}}}}\n",
            "missing field `username`",
        ),
    ];
    for (text, expected) in cases {
        let err = collection_file::parse(text, Path::new("c.yaml")).expect_err(text);
        assert!(err.to_string().contains(expected), "{err}");
    }
}
