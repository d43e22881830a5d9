//! Running batches end to end against the sandbox, recorded in a real SQLite file.

mod common;

use apiautotest_engine::model::{BatchOptions, BatchState, ErrorKind, Verdict};
use apiautotest_engine::runner::BatchRequest;
use common::{World, cases};

const ISSUE_EXAMPLE: &str = include_str!("../../../docs/examples/items.yaml");

#[tokio::test]
async fn the_issue_example_runs_green_against_the_sandbox() {
    let world = World::new().await;
    let (state, results) = world.run(ISSUE_EXAMPLE, BatchOptions::default()).await;
    assert_eq!(state, BatchState::Passed, "{results:#?}");
    assert_eq!(results.len(), 2);
    assert_eq!(results.iter().map(|r| r.seq).collect::<Vec<_>>(), [1, 2]);
    assert!(results.iter().all(|r| r.verdict == Verdict::Passed));
    assert_eq!(results[0].assertions.len(), 4);
    assert_eq!(results[0].captures["item_id"], serde_json::json!(1));
    assert!(
        results[1]
            .request
            .as_ref()
            .expect("request")
            .url
            .ends_with("/items/1")
    );
    assert_eq!(world.sandbox.hits("/items"), 1);
    assert_eq!(world.sandbox.hits("/items/1"), 1);
}

#[tokio::test]
async fn an_assertion_failure_and_a_runtime_error_are_different_verdicts() {
    let world = World::new().await;
    let dead = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let dead_port = dead.local_addr().expect("addr").port();
    drop(dead); // nothing listens there now: connections are refused
    let yaml = format!(
        "name: verdicts
cases:
  - name: wrong status
    request: {{method: GET, url: '{{{{base}}}}/status/404'}}
    assert: ['status == 200', 'jsonpath $.status == 404']
  - name: refused
    request: {{method: GET, url: 'http://127.0.0.1:{dead_port}/'}}
    assert: ['status == 200']
  - name: bad json
    request: {{method: GET, url: '{{{{base}}}}/bytes/16'}}
    assert: ['jsonpath $.a exists']
"
    );
    let (state, results) = world.run(&yaml, BatchOptions::default()).await;
    assert_eq!(state, BatchState::Failed);
    assert_eq!(results[0].verdict, Verdict::Failed);
    let failed = &results[0].assertions[0];
    assert!(
        !failed.passed && failed.expected == "200" && failed.actual == "404",
        "{failed:?}"
    );
    assert!(results[0].assertions[1].passed);
    assert_eq!(results[1].verdict, Verdict::Errored);
    assert_eq!(
        results[1].error.as_ref().expect("error").kind,
        ErrorKind::Connect
    );
    assert_eq!(results[2].verdict, Verdict::Failed);
    assert!(
        results[2].assertions[0].message.contains("not JSON"),
        "{:?}",
        results[2].assertions
    );
    let counters = world
        .engine
        .store()
        .reader()
        .expect("reader")
        .batch(&results[0].batch_id)
        .expect("batch")
        .counters;
    assert_eq!(
        (
            counters.done,
            counters.passed,
            counters.failed,
            counters.errored
        ),
        (3, 0, 2, 1)
    );
}

#[tokio::test]
async fn concurrent_runs_commit_every_result_once_with_gapless_seqs() {
    let world = World::new().await;
    let options = BatchOptions {
        concurrency: 8,
        ..BatchOptions::default()
    };
    let (state, results) = world
        .run(&cases(200, "/echo/{i}", &["status == 200"]), options)
        .await;
    assert_eq!(state, BatchState::Passed);
    let seqs: Vec<u64> = results.iter().map(|r| r.seq).collect();
    assert_eq!(seqs, (1..=200).collect::<Vec<_>>());
    let mut positions: Vec<u64> = results.iter().map(|r| r.position).collect();
    positions.sort_unstable();
    assert_eq!(positions, (0..200).collect::<Vec<_>>());
    for i in 0..200 {
        assert_eq!(world.sandbox.hits(&format!("/echo/{i}")), 1);
    }
}

#[tokio::test]
async fn captures_flow_between_cases_even_with_concurrency() {
    let world = World::new().await;
    let yaml = "name: login flow
cases:
  - name: login
    request: {method: POST, url: '{{base}}/login', json: {username: ann, password: secret}}
    assert: ['status == 200']
    capture: {token: jsonpath $.token}
  - name: protected
    request: {method: GET, url: '{{base}}/protected', headers: {Authorization: 'Bearer {{token}}'}}
    assert: ['status == 200', 'jsonpath $.user == \"ann\"']
";
    let options = BatchOptions {
        concurrency: 4,
        iterations: 5,
        ..BatchOptions::default()
    };
    let (state, results) = world.run(yaml, options).await;
    assert_eq!(state, BatchState::Passed, "{results:#?}");
    assert_eq!(results.len(), 10);
    assert_eq!(world.sandbox.hits("/login"), 5);
}

#[tokio::test]
async fn data_rows_and_iterations_multiply_the_plan() {
    let world = World::new().await;
    let yaml = "name: rows
cases:
  - name: create
    request: {method: POST, url: '{{base}}/items', json: {name: '{{name}}', qty: '{{qty}}'}}
    assert: ['status == 201', 'jsonpath $.name == \"{{name}}\"']
";
    let mut request = world.request(
        yaml,
        BatchOptions {
            iterations: 2,
            ..BatchOptions::default()
        },
    );
    request.rows = vec![
        [("name", "widget"), ("qty", "1")]
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        [("name", "gadget"), ("qty", "2")]
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    ];
    let handle = world.start(request).await;
    let id = handle.id.clone();
    assert_eq!(handle.finished().await.expect("done"), BatchState::Passed);
    let results = world.results(&id);
    let seen: Vec<(u32, Option<u32>)> = results.iter().map(|r| (r.iteration, r.data_row)).collect();
    assert_eq!(
        seen,
        [(0, Some(0)), (0, Some(1)), (1, Some(0)), (1, Some(1))]
    );
    assert_eq!(world.sandbox.hits("/items"), 4);
}

#[tokio::test]
async fn secrets_are_masked_in_everything_stored() {
    let world = World::new().await;
    let yaml = "name: secret
cases:
  - name: echo
    request: {method: POST, url: '{{base}}/echo?key={{api_key}}', headers: {X-Api-Key: '{{api_key}}'}, body: 'key={{api_key}}'}
    assert: ['body contains \"{{api_key}}\"', 'status == 500']
";
    let mut request = world.request(yaml, BatchOptions::default());
    request.secrets = [("api_key".to_string(), "s3cr3t-value".to_string())]
        .into_iter()
        .collect();
    let handle = world.start(request).await;
    let id = handle.id.clone();
    handle.finished().await.expect("done");
    let results = world.results(&id);
    let stored = serde_json::to_string(&results).expect("json");
    assert!(!stored.contains("s3cr3t-value"), "{stored}");
    assert!(stored.contains("*****"));
    assert!(
        results[0].assertions[0].passed,
        "the real value was sent and found"
    );
    let db = std::fs::read(world.dir.path().join("test.db")).expect("db file");
    let wal = std::fs::read(world.dir.path().join("test.db-wal")).unwrap_or_default();
    let needle = b"s3cr3t-value";
    assert!(
        !db.windows(needle.len()).any(|w| w == needle)
            && !wal.windows(needle.len()).any(|w| w == needle)
    );
}

#[tokio::test]
async fn bail_stops_at_the_first_failure() {
    let world = World::new().await;
    let options = BatchOptions {
        bail: true,
        ..BatchOptions::default()
    };
    let (state, results) = world
        .run(&cases(10, "/status/{i}00", &["status == 200"]), options)
        .await;
    // /status/000 is a 400: the first case fails.
    assert_eq!(state, BatchState::Failed);
    assert_eq!(results.len(), 1);
    let batch = world
        .engine
        .store()
        .reader()
        .expect("reader")
        .batch(&results[0].batch_id)
        .expect("batch");
    assert!(batch.message.unwrap_or_default().contains("bailed out"));
}

#[tokio::test]
async fn transport_errors_are_retried_with_back_off_for_idempotent_requests() {
    let world = World::new().await;
    let options = BatchOptions {
        retries: 2,
        ..BatchOptions::default()
    };
    let (state, results) = world
        .run(&cases(1, "/reset", &["status == 200"]), options)
        .await;
    assert_eq!(state, BatchState::Failed);
    assert_eq!(results[0].verdict, Verdict::Errored);
    assert_eq!(results[0].attempts, 3);
    assert_eq!(world.sandbox.hits("/reset"), 3);
}

#[tokio::test]
async fn unknown_variables_are_refused_before_anything_is_sent() {
    let world = World::new().await;
    let request = world.request(&cases(2, "/echo/{{missing}}", &[]), BatchOptions::default());
    let err = world
        .engine
        .start(request, Default::default())
        .await
        .err()
        .expect("refused");
    assert!(
        err.to_string()
            .contains("unknown variable `missing` in url"),
        "{err}"
    );
    assert!(world.sandbox.hit_counts().is_empty());
    let _ = BatchRequest::default();
}

#[tokio::test]
async fn rate_limit_spaces_requests() {
    let world = World::new().await;
    let options = BatchOptions {
        rate_per_second: Some(20.0),
        concurrency: 4,
        ..BatchOptions::default()
    };
    let started = std::time::Instant::now();
    let (state, _) = world.run(&cases(6, "/echo/{i}", &[]), options).await;
    assert_eq!(state, BatchState::Passed);
    // 6 requests at 20/s: the last may start no sooner than 5 intervals after the first.
    assert!(
        started.elapsed() >= std::time::Duration::from_millis(250),
        "{:?}",
        started.elapsed()
    );
}
