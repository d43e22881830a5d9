//! Awkward responses and settings: huge, binary and slow bodies, timeouts, schemas, delays.

mod common;

use std::time::{Duration, Instant};

use apiautotest_engine::model::{BatchOptions, BatchState, ErrorKind, Verdict};
use common::World;

#[tokio::test]
async fn big_binary_bodies_are_cut_for_storage_but_judged_whole() {
    let world = World::new().await;
    let yaml = "name: big
cases:
  - name: two MiB of bytes
    request: {method: GET, url: '{{base}}/bytes/2097152'}
    assert: ['header Content-Length == \"2097152\"', 'status == 200', 'body exists']
";
    let options = BatchOptions {
        max_stored_body_bytes: 1024,
        ..BatchOptions::default()
    };
    let (state, results) = world.run(yaml, options).await;
    let r = &results[0];
    let response = r.response.as_ref().expect("response");
    assert_eq!(response.body.len(), 1024, "stored up to the cap");
    assert!(response.body_truncated);
    assert_eq!(response.body_size, 2_097_152, "the full size is recorded");
    assert!(
        std::str::from_utf8(&response.body).is_err(),
        "bytes kept as they are, not as text"
    );
    // The non-UTF-8 body is read as text with replacement characters, never a panic.
    assert_eq!(r.assertions.len(), 3);
    assert!(
        r.assertions[0].passed && r.assertions[1].passed,
        "{:?}",
        r.assertions
    );
    assert_eq!(
        state,
        if r.assertions[2].passed {
            BatchState::Passed
        } else {
            BatchState::Failed
        }
    );
}

#[tokio::test]
async fn a_slow_answer_is_a_timeout_error_not_a_failure() {
    let world = World::new().await;
    let yaml = "name: slow
cases:
  - name: too slow
    request: {method: GET, url: '{{base}}/delay/3000', timeout_ms: 200}
    assert: ['status == 200']
  - name: dripping body past the timeout
    request: {method: GET, url: '{{base}}/drip?bytes=10&duration_ms=3000'}
";
    let started = Instant::now();
    let options = BatchOptions {
        timeout_ms: 300,
        ..BatchOptions::default()
    };
    let (state, results) = world.run(yaml, options).await;
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "timeouts cut both requests short"
    );
    assert_eq!(state, BatchState::Failed);
    for r in &results {
        assert_eq!(r.verdict, Verdict::Errored, "{r:?}");
        assert_eq!(
            r.error.as_ref().map(|e| e.kind),
            Some(ErrorKind::Timeout),
            "{r:?}"
        );
    }
}

#[tokio::test]
async fn json_schema_outcomes_say_what_is_wrong() {
    let world = World::new().await;
    let yaml = "name: schema
cases:
  - name: item matches
    request: {method: POST, url: '{{base}}/items', json: {name: widget}}
    assert:
      - schema: {type: object, required: [id, name], properties: {id: {type: integer}}}
  - name: item does not
    request: {method: GET, url: '{{base}}/items/1'}
    assert:
      - schema: {type: object, required: [price]}
";
    let (state, results) = world.run(yaml, BatchOptions::default()).await;
    assert_eq!(state, BatchState::Failed);
    assert!(
        results[0].assertions[0].passed,
        "{:?}",
        results[0].assertions
    );
    let failed = &results[1].assertions[0];
    assert!(!failed.passed);
    assert!(failed.message.contains("price"), "{failed:?}");
}

#[tokio::test]
async fn delay_spaces_sequential_requests() {
    let world = World::new().await;
    let started = Instant::now();
    let options = BatchOptions {
        delay_ms: 100,
        ..BatchOptions::default()
    };
    let (state, _) = world
        .run(&common::cases(4, "/echo/{i}", &["status == 200"]), options)
        .await;
    assert_eq!(state, BatchState::Passed);
    assert!(
        started.elapsed() >= Duration::from_millis(300),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn invalid_urls_and_headers_are_errors_of_the_case_not_crashes() {
    let world = World::new().await;
    let yaml = "name: bad requests
variables: {path: 'not a url'}
cases:
  - name: not a URL
    request: {method: GET, url: '{{path}}'}
  - name: ftp
    request: {method: GET, url: 'ftp://127.0.0.1/x'}
  - name: bad header
    request: {method: GET, url: '{{base}}/echo', headers: {'X-Bad': \"line\\nbreak\"}}
  - name: still runs
    request: {method: GET, url: '{{base}}/echo'}
    assert: ['status == 200']
";
    let (_, results) = world.run(yaml, BatchOptions::default()).await;
    let kinds: Vec<_> = results
        .iter()
        .map(|r| r.error.as_ref().map(|e| e.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            Some(ErrorKind::InvalidRequest),
            Some(ErrorKind::InvalidRequest),
            Some(ErrorKind::InvalidRequest),
            None
        ]
    );
    assert!(
        results[0]
            .error
            .as_ref()
            .expect("e")
            .message
            .contains("invalid URL")
    );
    assert_eq!(results[3].verdict, Verdict::Passed);
}
