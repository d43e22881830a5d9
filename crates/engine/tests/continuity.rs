//! The continuity contract at the engine level: a crashed process's batches become
//! INTERRUPTED, resume honours unknown outcomes and restores captures, re-run and
//! retention work, and a database we must not touch is left alone.

mod common;

use apiautotest_engine::model::{BatchOptions, BatchState, ErrorKind, Verdict};
use apiautotest_engine::store::{Store, StoreError};
use apiautotest_engine::{Engine, ResumeOptions};
use common::World;
use tokio_util::sync::CancellationToken;

const FLOW: &str = "name: flow
cases:
  - name: create
    request: {method: POST, url: '{{base}}/items', json: {name: widget}}
    assert: ['status == 201']
    capture: {id: jsonpath $.id}
  - name: read
    request: {method: GET, url: '{{base}}/items/{{id}}'}
    assert: ['jsonpath $.id == {{id}}']
  - name: create again
    request: {method: POST, url: '{{base}}/items', json: {name: second}}
    assert: ['status == 201']
  - name: read again
    request: {method: GET, url: '{{base}}/items/{{id}}'}
    assert: ['status == 200', 'jsonpath $.name == \"widget\"']
";

/// Makes the stored batch look like its process died mid-run, with `in_flight` positions
/// on the wire, by editing the database as that process would have left it.
fn fake_crash(db: &std::path::Path, id: &str, keep_results: u64, in_flight: &[u64]) {
    let conn = rusqlite::Connection::open(db).expect("open");
    conn.execute(
        "DELETE FROM results WHERE batch_id = ?1 AND position >= ?2",
        (id, keep_results as i64),
    )
    .expect("trim");
    conn.execute(
        "UPDATE batches SET state = 'RUNNING', owner = '999999999:1', finished_at = NULL,
             done = ?2, passed = ?2, failed = 0, errored = 0, last_seq = ?2 WHERE id = ?1",
        (id, keep_results as i64),
    )
    .expect("update");
    for p in in_flight {
        conn.execute(
            "INSERT INTO in_flight (batch_id, position) VALUES (?1, ?2)",
            (id, *p as i64),
        )
        .expect("mark");
    }
}

#[tokio::test]
async fn a_dead_process_leaves_an_interrupted_batch_that_resumes_honestly() {
    let world = World::new().await;
    let (state, results) = world.run(FLOW, BatchOptions::default()).await;
    assert_eq!(state, BatchState::Passed);
    let id = results[0].batch_id.clone();
    let db = world.dir.path().join("test.db");
    // Two results survived; "create again" (a POST) was on the wire when the process died.
    fake_crash(&db, &id.0, 2, &[2]);

    let store = Store::open(&db).expect("reopen");
    let batch = store.reader().expect("reader").batch(&id).expect("batch");
    assert_eq!(batch.state, BatchState::Interrupted);
    assert_eq!(batch.unknown_outcomes, 1);
    assert!(batch.message.unwrap_or_default().contains("999999999"));

    let engine = Engine::new(store);
    let hits_before = world.sandbox.hits("/items");
    let handle = engine
        .resume(
            &id,
            Default::default(),
            ResumeOptions::default(),
            CancellationToken::new(),
        )
        .await
        .expect("resume");
    assert_eq!(
        handle.finished().await.expect("finished"),
        BatchState::Failed
    );
    let results = engine
        .store()
        .reader()
        .expect("r")
        .results_after(&id, 0, 100, Default::default())
        .expect("results");
    assert_eq!(results.len(), 4);
    let unknown = &results[2];
    assert_eq!(unknown.case_name, "create again");
    assert_eq!(
        unknown.error.as_ref().map(|e| e.kind),
        Some(ErrorKind::UnknownOutcome)
    );
    assert_eq!(
        world.sandbox.hits("/items"),
        hits_before,
        "the POST with an unknown outcome was not sent again"
    );
    // "read again" used the id captured before the crash, restored from the store.
    assert_eq!(results[3].verdict, Verdict::Passed, "{:?}", results[3]);
    assert!(
        results[3]
            .request
            .as_ref()
            .expect("request")
            .url
            .ends_with("/items/1")
    );
}

#[tokio::test]
async fn a_dead_process_ledger_marks_its_post_unknown() {
    let world = World::new().await;
    let (_, results) = world.run(FLOW, BatchOptions::default()).await;
    let id = results[0].batch_id.clone();
    let db = world.dir.path().join("test.db");
    fake_crash(&db, &id.0, 2, &[]);
    // The dead process's ledger: the POST at position 2 was marked, position 0 has its
    // result already, and a line was cut short by the crash.
    let ledger = world.dir.path().join("test.db-inflight-999999999-1-0");
    std::fs::write(&ledger, format!("{id} 0\n{id} 2\n{id} 3")).expect("ledger");
    let store = Store::open(&db).expect("reopen");
    let batch = store.reader().expect("reader").batch(&id).expect("batch");
    assert_eq!(batch.state, BatchState::Interrupted);
    assert_eq!(batch.unknown_outcomes, 1, "only the POST without a result");
    assert!(!ledger.exists(), "a reconciled ledger is removed");

    let engine = Engine::new(store);
    let hits_before = world.sandbox.hits("/items");
    let handle = engine
        .resume(
            &id,
            Default::default(),
            ResumeOptions::default(),
            CancellationToken::new(),
        )
        .await
        .expect("resume");
    handle.finished().await.expect("finished");
    let results = engine
        .store()
        .reader()
        .expect("r")
        .results_after(&id, 0, 100, Default::default())
        .expect("results");
    assert_eq!(
        results[2].error.as_ref().map(|e| e.kind),
        Some(ErrorKind::UnknownOutcome)
    );
    assert_eq!(world.sandbox.hits("/items"), hits_before, "not sent again");
}

#[tokio::test]
async fn resend_unknown_sends_a_non_idempotent_case_again() {
    let world = World::new().await;
    let (_, results) = world.run(FLOW, BatchOptions::default()).await;
    let id = results[0].batch_id.clone();
    let db = world.dir.path().join("test.db");
    fake_crash(&db, &id.0, 2, &[2]);
    let engine = Engine::new(Store::open(&db).expect("reopen"));
    let hits_before = world.sandbox.hits("/items");
    let options = ResumeOptions {
        resend_unknown: true,
    };
    let handle = engine
        .resume(&id, Default::default(), options, CancellationToken::new())
        .await
        .expect("resume");
    assert_eq!(
        handle.finished().await.expect("finished"),
        BatchState::Passed
    );
    assert_eq!(world.sandbox.hits("/items"), hits_before + 1);
}

#[tokio::test]
async fn only_an_interrupted_batch_resumes_and_secrets_must_be_given_again() {
    let world = World::new().await;
    let (_, results) = world.run(FLOW, BatchOptions::default()).await;
    let id = results[0].batch_id.clone();
    let err = world
        .engine
        .resume(
            &id,
            Default::default(),
            Default::default(),
            CancellationToken::new(),
        )
        .await
        .err();
    assert!(
        matches!(
            err,
            Some(apiautotest_engine::EngineError::NotResumable { .. })
        ),
        "{err:?}"
    );

    let mut request = world.request(FLOW, BatchOptions::default());
    request.secrets = [("token".to_string(), "t0k3n".to_string())]
        .into_iter()
        .collect();
    let handle = world.start(request).await;
    let secret_id = handle.id.clone();
    handle.finished().await.expect("finished");
    fake_crash(&world.dir.path().join("test.db"), &secret_id.0, 1, &[]);
    let engine = Engine::new(Store::open(&world.dir.path().join("test.db")).expect("reopen"));
    let err = engine
        .resume(
            &secret_id,
            Default::default(),
            Default::default(),
            CancellationToken::new(),
        )
        .await
        .err();
    assert!(
        err.map(|e| e.to_string())
            .unwrap_or_default()
            .contains("--secret token=")
    );
}

#[tokio::test]
async fn rerun_failed_takes_the_cases_it_needs_captures_from() {
    let world = World::new().await;
    let yaml = FLOW.replace(
        "'jsonpath $.name == \"widget\"'",
        "'jsonpath $.name == \"nope\"'",
    );
    let (state, results) = world.run(&yaml, BatchOptions::default()).await;
    assert_eq!(state, BatchState::Failed);
    let id = results[0].batch_id.clone();
    let handle = world
        .engine
        .rerun_failed(&id, Default::default(), CancellationToken::new())
        .await
        .expect("rerun");
    let rerun_id = handle.id.clone();
    assert_eq!(
        handle.finished().await.expect("finished"),
        BatchState::Failed
    );
    let names: Vec<String> = world
        .results(&rerun_id)
        .into_iter()
        .map(|r| r.case_name)
        .collect();
    assert_eq!(
        names,
        ["create", "read again"],
        "the failed case and the case capturing its id"
    );
    let batch = world
        .engine
        .store()
        .reader()
        .expect("r")
        .batch(&rerun_id)
        .expect("batch");
    assert_eq!(batch.rerun_of, Some(id));
}

#[tokio::test]
async fn retention_keeps_the_newest_and_never_an_active_batch() {
    let world = World::new().await;
    for _ in 0..4 {
        world.run(FLOW, BatchOptions::default()).await;
    }
    let store = world.engine.store();
    assert_eq!(store.prune(None, Some(2)).await.expect("prune"), 2);
    assert_eq!(
        store.reader().expect("r").batches(10).expect("list").len(),
        2
    );
    assert_eq!(
        store.prune(Some(0), None).await.expect("prune"),
        2,
        "created before now"
    );
}

#[test]
fn files_that_are_not_ours_are_refused_and_left_untouched() {
    let dir = tempfile::tempdir().expect("dir");
    let text = dir.path().join("notes.db");
    std::fs::write(&text, b"just some text, not a database").expect("write");
    let err = Store::open(&text).err().expect("refused");
    assert!(matches!(err, StoreError::Foreign { .. }), "{err}");
    assert_eq!(
        std::fs::read(&text).expect("read"),
        b"just some text, not a database"
    );

    let other = dir.path().join("other.db");
    rusqlite::Connection::open(&other)
        .expect("open")
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .expect("make");
    let before = std::fs::read(&other).expect("read");
    assert!(matches!(
        Store::open(&other).err(),
        Some(StoreError::Foreign { .. })
    ));
    assert_eq!(std::fs::read(&other).expect("read"), before);

    let ours = dir.path().join("ours.db");
    drop(Store::open(&ours).expect("create"));
    let mut bytes = std::fs::read(&ours).expect("read");
    for b in bytes.iter_mut().skip(100).take(4000) {
        *b = 0xA5; // scribble over the schema page
    }
    std::fs::write(&ours, &bytes).expect("write");
    let err = Store::open(&ours).err().expect("refused");
    assert!(
        matches!(err, StoreError::Corrupt { .. } | StoreError::Foreign { .. }),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&ours).expect("read"),
        bytes,
        "never overwritten"
    );
}

/// The app and a CLI run with `--db` may open one new file at the same moment: neither
/// may apply a migration the other already applied, nor take the other's first table for
/// a foreign application's.
#[test]
fn openers_of_one_new_file_at_once_all_get_the_same_schema() {
    let dir = tempfile::tempdir().expect("dir");
    for round in 0..20 {
        let path = dir.path().join(format!("shared-{round}.db"));
        let start = std::sync::Arc::new(std::sync::Barrier::new(4));
        let openers: Vec<_> = (0..4)
            .map(|_| {
                let (path, start) = (path.clone(), start.clone());
                std::thread::spawn(move || {
                    start.wait();
                    Store::open(&path).map(drop).map_err(|e| e.to_string())
                })
            })
            .collect();
        for opener in openers {
            let opened = opener.join().expect("opener thread");
            assert_eq!(opened, Ok(()), "round {round}");
        }
        let versions: Vec<i64> = rusqlite::Connection::open(&path)
            .expect("open")
            .prepare("SELECT version FROM schema_migrations ORDER BY version")
            .expect("query")
            .query_map([], |r| r.get(0))
            .expect("rows")
            .collect::<Result<_, _>>()
            .expect("versions");
        assert_eq!(versions, vec![1, 2, 3], "each migration recorded once");
    }
}
