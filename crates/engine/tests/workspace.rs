//! The workspace in a real SQLite file: collections, folders and cases edited as the app
//! edits them, environments, drafts and send history; what is stored survives reopening,
//! and bad input is refused without touching what is stored.

use std::path::{Path, PathBuf};

use apiautotest_engine::collection_file;
use apiautotest_engine::collection_save;
use apiautotest_engine::model::Case;
use apiautotest_engine::store::Store;
use apiautotest_engine::workbench::SendOutcome;
use apiautotest_engine::workspace::{
    CasePlace, Environment, EnvironmentVariable, SENDS_KEPT_PER_CASE, Workspace, WorkspaceError,
};

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/items.yaml")
}

fn open(dir: &Path) -> (Store, Workspace) {
    let store = Store::open(&dir.join("app.db")).expect("store");
    let workspace = store.workspace().expect("workspace");
    (store, workspace)
}

fn names(workspace: &Workspace) -> Vec<(Option<String>, String)> {
    workspace
        .trees()
        .expect("trees")
        .into_iter()
        .flat_map(|t| t.cases)
        .map(|c| (c.folder, c.name))
        .collect()
}

fn edited(workspace: &Workspace, id: &str, edit: impl FnOnce(&mut Case)) -> Case {
    let stored = workspace.case(id).expect("case");
    let mut case: Case = serde_json::from_value(stored.case).expect("case json");
    edit(&mut case);
    case
}

#[test]
fn cases_are_created_edited_reordered_moved_and_restored() {
    let dir = tempfile::tempdir().expect("dir");
    let (_store, workspace) = open(dir.path());
    let collection = workspace.create_collection("Shop").expect("create");
    workspace
        .create_folder(&collection.id, "users")
        .expect("folder");
    let a = workspace.create_case(&collection.id, None, "a").expect("a");
    let b = workspace
        .create_case(&collection.id, Some("users"), "b")
        .expect("b");
    let c = workspace.create_case(&collection.id, None, "c").expect("c");

    let case = edited(&workspace, &a.id, |case| {
        case.request.method = "POST".into();
        case.request.url = "{{base}}/items".into();
    });
    let case = Case {
        capture: serde_json::from_value(serde_json::json!({"item_id": "jsonpath $.id"}))
            .expect("capture"),
        ..case
    };
    let summary = workspace.save_case(&a.id, &case).expect("save");
    assert_eq!(summary.captures, ["item_id"]);
    assert_eq!(
        (summary.method.as_str(), summary.url.as_str()),
        ("POST", "{{base}}/items")
    );

    let copy = workspace.duplicate_case(&a.id).expect("duplicate");
    assert_eq!(copy.name, "a copy");
    assert_eq!(
        names(&workspace),
        [
            (None, "a".into()),
            (None, "a copy".into()),
            (Some("users".into()), "b".into()),
            (None, "c".into())
        ]
    );

    // Drag c before a, then b out of its folder to the end.
    let place = |folder: Option<&str>, before: Option<&str>| CasePlace {
        collection_id: collection.id.clone(),
        folder: folder.map(str::to_owned),
        before: before.map(str::to_owned),
    };
    workspace
        .move_case(&c.id, &place(None, Some(&a.id)))
        .expect("move");
    workspace
        .move_case(&b.id, &place(None, None))
        .expect("move");
    workspace
        .move_case(&copy.id, &place(Some("users"), None))
        .expect("move");
    assert_eq!(
        names(&workspace),
        [
            (None, "c".into()),
            (None, "a".into()),
            (None, "b".into()),
            (Some("users".into()), "a copy".into())
        ]
    );
    // The folder travels in the definition too: a saved file says the same.
    let file_case = &workspace
        .collection(&collection.id)
        .expect("collection")
        .cases[3];
    assert_eq!(file_case.folder.as_deref(), Some("users"));

    workspace.delete_case(&a.id).expect("delete");
    assert_eq!(names(&workspace).len(), 3);
    workspace.restore_case(&a.id).expect("undo");
    assert_eq!(names(&workspace)[1], (None, "a".into()));

    let found = workspace.search_cases("ITEMS", 10).expect("search");
    assert_eq!(
        found.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(),
        ["a", "a copy"]
    );
    assert!(
        workspace
            .search_cases("100%", 10)
            .expect("search")
            .is_empty()
    );
}

#[test]
fn folders_rename_and_delete_with_their_cases() {
    let dir = tempfile::tempdir().expect("dir");
    let (_store, workspace) = open(dir.path());
    let collection = workspace.create_collection("Shop").expect("create");
    let id = collection.id.as_str();
    workspace
        .create_case(id, Some("users"), "list")
        .expect("case");
    workspace
        .create_case(id, Some("users/admin"), "ban")
        .expect("case");
    workspace
        .create_case(id, Some("usersx"), "other")
        .expect("case");
    workspace
        .rename_folder(id, "users", "people")
        .expect("rename");
    assert_eq!(
        names(&workspace),
        [
            (Some("people".into()), "list".into()),
            (Some("people/admin".into()), "ban".into()),
            (Some("usersx".into()), "other".into())
        ]
    );
    workspace.delete_folder(id, "people").expect("delete");
    assert_eq!(names(&workspace), [(Some("usersx".into()), "other".into())]);
}

#[test]
fn a_file_opened_and_saved_keeps_its_text_and_the_store_survives_reopening() {
    let dir = tempfile::tempdir().expect("dir");
    let saved = dir.path().join("items.yaml");
    let collection_id = {
        let (_store, workspace) = open(dir.path());
        let collection = workspace
            .import_collection_file(&example())
            .expect("import");
        assert_eq!(collection.name, "Items API");
        let written = workspace
            .save_collection_file(&collection.id, Some(&saved))
            .expect("save");
        assert_eq!(written, saved.display().to_string());
        collection.id
    };
    let original = collection_file::load(&example()).expect("load");
    assert_eq!(
        std::fs::read_to_string(&saved).expect("read"),
        collection_save::to_text(&original).expect("text")
    );
    // Reopened: the collection is there, now tied to the file it was saved to.
    let (_store, workspace) = open(dir.path());
    let info = workspace.collection_info(&collection_id).expect("info");
    assert_eq!(info.file_path, Some(saved.display().to_string()));
    assert_eq!(
        workspace.collection(&collection_id).expect("collection"),
        original
    );
    assert_eq!(
        workspace
            .save_collection_file(&collection_id, None)
            .expect("save to own file"),
        saved.display().to_string()
    );
}

#[test]
fn bad_input_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let (_store, workspace) = open(dir.path());
    let collection = workspace.create_collection("Shop").expect("create");
    let case = workspace.create_case(&collection.id, None, "a").expect("a");
    let before = workspace.case(&case.id).expect("case");

    assert!(matches!(
        workspace.create_collection("  "),
        Err(WorkspaceError::Invalid(_))
    ));
    let two_bodies = edited(&workspace, &case.id, |c| {
        c.request.body = Some("x".into());
        c.request.json = Some(serde_json::json!({"a": 1}));
    });
    let err = workspace
        .save_case(&case.id, &two_bodies)
        .expect_err("two bodies");
    assert!(err.to_string().contains("only one of"), "{err}");
    let missing_schema = edited(&workspace, &case.id, |c| {
        c.assertions = serde_json::from_value(serde_json::json!([{"schema_file": "nope.json"}]))
            .expect("assertions");
    });
    let err = workspace
        .save_case(&case.id, &missing_schema)
        .expect_err("missing schema file");
    assert!(err.to_string().contains("nope.json"), "{err}");
    assert_eq!(workspace.case(&case.id).expect("case"), before);

    assert!(matches!(
        workspace.case("no-such-case"),
        Err(WorkspaceError::NotFound(_))
    ));
    let err = workspace
        .create_folder(&collection.id, "a//b")
        .expect_err("empty folder name");
    assert!(err.to_string().contains("invalid folder"), "{err}");
    let err = workspace
        .import_collection_file(Path::new("/no/such/file.yaml"))
        .expect_err("missing file");
    assert!(err.to_string().contains("/no/such/file.yaml"), "{err}");
    assert_eq!(workspace.trees().expect("trees").len(), 1);
}

#[test]
fn environments_drafts_and_sends_are_kept() {
    let dir = tempfile::tempdir().expect("dir");
    let (_store, workspace) = open(dir.path());
    let variable = |name: &str, value: &str, secret: bool| EnvironmentVariable {
        name: name.into(),
        value: value.into(),
        secret,
        enabled: true,
    };
    let staging = workspace
        .save_environment(&Environment {
            id: String::new(),
            name: "staging".into(),
            variables: vec![
                variable("base", "http://s", false),
                variable("token", "t0k", true),
            ],
        })
        .expect("save");
    assert_eq!(staging.values()["base"], "http://s");
    assert_eq!(staging.secret_values(), ["t0k"]);
    let err = workspace
        .save_environment(&Environment {
            variables: vec![variable("a", "1", false), variable("a", "2", false)],
            ..staging.clone()
        })
        .expect_err("duplicate");
    assert!(err.to_string().contains("defined twice"), "{err}");
    workspace
        .set_active_environment(Some(&staging.id))
        .expect("activate");

    let collection = workspace.create_collection("Shop").expect("create");
    let case = workspace.create_case(&collection.id, None, "a").expect("a");
    workspace
        .save_draft(&format!("case:{}", case.id), "{\"typed\": true}")
        .expect("draft");
    let outcome: SendOutcome = serde_json::from_value(serde_json::json!({
        "verdict": "passed", "error": null, "duration_ms": 12.0, "request": null,
        "response": {"status": 200, "headers": [], "body": "ok", "body_size": 2, "body_truncated": false},
        "assertions": [], "captures": {}
    }))
    .expect("outcome");
    for _ in 0..SENDS_KEPT_PER_CASE + 3 {
        workspace.record_send(&case.id, &outcome).expect("record");
    }
    drop(workspace);

    let (_store, workspace) = open(dir.path());
    assert_eq!(
        workspace
            .active_environment()
            .expect("active")
            .map(|e| e.name),
        Some("staging".into())
    );
    assert_eq!(
        workspace.drafts().expect("drafts"),
        [(format!("case:{}", case.id), "{\"typed\": true}".into())]
    );
    let sends = workspace.sends(&case.id).expect("sends");
    assert_eq!(sends.len(), SENDS_KEPT_PER_CASE as usize);
    assert_eq!(sends[0].summary, "200, 12 ms");
    assert!(sends[0].id > sends[1].id, "newest first");
    let reopened = workspace.send_outcome(sends[0].id).expect("outcome");
    assert_eq!(reopened["response"]["status"], 200);

    workspace.delete_environment(&staging.id).expect("delete");
    assert_eq!(workspace.active_environment().expect("active"), None);
}
