//! Batches whose cases have Postman scripts, against the sandbox: Postman's order of the
//! collection's, folders' and case's scripts, variables set by one case and used by the
//! next, tests as assertion outcomes, a throwing script as its own error kind, and
//! resume replaying what scripts set before the interruption.

mod common;

use apiautotest_engine::model::{BatchOptions, BatchState, ErrorKind, Verdict};
use apiautotest_engine::runner::BatchRequest;
use common::World;

const CHAINED: &str = r#"name: scripted
scripts:
  pre: console.log("collection pre");
  test: console.log("collection test");
folders:
  - path: items
    scripts:
      pre: console.log("folder pre");
      test: console.log("folder test");
cases:
  - name: create
    folder: items
    request:
      method: POST
      url: "{{base}}/items"
      json: {name: "{{label}}"}
    scripts:
      pre: |
        console.log("case pre");
        pm.variables.set("label", "widget-" + pm.info.iteration);
      test: |
        console.log("case test");
        pm.test("created", function () { pm.response.to.have.status(201); });
        pm.environment.set("item_id", pm.response.json().id);
  - name: read
    request:
      method: GET
      url: "{{base}}/items/{{item_id}}"
      headers:
        X-Unset: "{{never_set}}"
    assert:
      - status == 200
    scripts:
      test: |
        pm.test("same label", function () {
            pm.expect(pm.response.json().name).to.equal(pm.variables.get("label"));
        });
        pm.test("fails", function () { pm.expect(pm.response.code).to.equal(404); });
  - name: broken
    request:
      method: GET
      url: "{{base}}/status/200"
    scripts:
      test: |
        pm.test("ran first", function () {});
        var body = pm.response.json();
        body.nothing.here = 1;
"#;

#[tokio::test]
async fn scripts_run_in_postmans_order_and_chain_variables() {
    let world = World::new().await;
    let (state, results) = world.run(CHAINED, BatchOptions::default()).await;
    assert_eq!(state, BatchState::Failed);

    let create = &results[0];
    assert_eq!(create.verdict, Verdict::Passed, "{create:?}");
    let console: Vec<&str> = create
        .script
        .as_ref()
        .expect("script record")
        .console
        .iter()
        .map(|l| l.text.as_str())
        .collect();
    assert_eq!(
        console,
        [
            "collection pre",
            "folder pre",
            "case pre",
            "collection test",
            "folder test",
            "case test"
        ]
    );
    assert_eq!(
        create.request.as_ref().and_then(|r| r.body.as_deref()),
        Some(r#"{"name":"widget-0"}"#)
    );

    // The id the first case's test script set is in the second case's URL; a variable
    // no one set is sent as written (Postman's rule with scripts).
    let read = &results[1];
    let request = read.request.as_ref().expect("request");
    assert!(request.url.ends_with("/items/1"), "{}", request.url);
    assert!(
        request
            .headers
            .contains(&("X-Unset".to_owned(), "{{never_set}}".to_owned()))
    );
    let outcomes: Vec<(&str, bool)> = read
        .assertions
        .iter()
        .map(|a| (a.assertion.as_str(), a.passed))
        .collect();
    assert_eq!(
        outcomes,
        [
            ("status == 200", true),
            ("same label", true),
            ("fails", false)
        ]
    );
    assert_eq!(read.verdict, Verdict::Failed);
    assert_eq!(
        read.assertions[2].message,
        "AssertionError: expected 200 to equal 404"
    );

    let broken = &results[2];
    assert_eq!(broken.verdict, Verdict::Errored);
    let error = broken.error.as_ref().expect("script error");
    assert_eq!(error.kind, ErrorKind::Script);
    assert!(error.message.contains("line 3"), "{}", error.message);
    assert!(error.message.contains("TypeError"), "{}", error.message);
    assert_eq!(broken.assertions[0].assertion, "ran first");
    assert!(
        broken.response.is_some(),
        "the response is kept beside the script error"
    );
}

#[tokio::test]
async fn secrets_are_masked_in_what_scripts_print_and_set() {
    let world = World::new().await;
    let yaml = r#"name: secret
cases:
  - name: leak
    request: {method: GET, url: "{{base}}/status/200"}
    scripts:
      test: |
        console.log("token is " + pm.variables.get("token"));
        pm.environment.set("copy", pm.variables.get("token"));
"#;
    let request = BatchRequest {
        secrets: [("token".to_owned(), "hunter2".to_owned())]
            .into_iter()
            .collect(),
        ..world.request(yaml, BatchOptions::default())
    };
    let handle = world.start(request).await;
    let id = handle.id.clone();
    handle.finished().await.expect("finished");
    let results = world.results(&id);
    let record = results[0].script.as_ref().expect("script");
    assert_eq!(record.console[0].text, "token is *****");
    assert_eq!(record.changes[0].value, Some(serde_json::json!("*****")));
}

#[tokio::test]
async fn a_script_over_its_time_limit_is_a_script_error_and_the_batch_goes_on() {
    let world = World::new().await;
    let yaml = r#"name: slow
cases:
  - name: loops
    request: {method: GET, url: "{{base}}/status/200"}
    scripts:
      pre: "try { while (true) {} } catch (e) {}"
  - name: after
    request: {method: GET, url: "{{base}}/status/200"}
    scripts:
      test: pm.test("ok", function () { pm.response.to.be.ok; });
"#;
    let options = BatchOptions {
        script_timeout_ms: 200,
        ..BatchOptions::default()
    };
    let (_, results) = world.run(yaml, options).await;
    let error = results[0].error.as_ref().expect("error");
    assert_eq!(error.kind, ErrorKind::Script);
    assert!(error.message.contains("time limit"), "{}", error.message);
    assert_eq!(results[1].verdict, Verdict::Passed, "{:?}", results[1]);
}

/// What the scripts of cases stored before an interruption set is still set after a
/// resume: the changes are kept with their results and replayed.
#[tokio::test]
async fn resume_replays_what_earlier_scripts_set() {
    let world = World::new().await;
    let yaml = r#"name: resumable
cases:
  - name: login
    request: {method: POST, url: "{{base}}/items", json: {name: token}}
    scripts:
      test: |
        pm.environment.set("item", pm.response.json().id);
        pm.globals.set("g", "global-" + pm.response.json().id);
  - name: slow
    request: {method: GET, url: "{{base}}/delay/300"}
  - name: uses it
    request: {method: GET, url: "{{base}}/items/{{item}}?g={{g}}"}
    assert:
      - status == 200
"#;
    let shutdown = tokio_util::sync::CancellationToken::new();
    let handle = world
        .engine
        .start(
            world.request(yaml, BatchOptions::default()),
            shutdown.clone(),
        )
        .await
        .expect("start");
    let id = handle.id.clone();
    for _ in 0..500 {
        let done = world
            .engine
            .store()
            .reader()
            .expect("reader")
            .batch(&id)
            .expect("batch")
            .counters
            .done;
        if done >= 1 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    shutdown.cancel();
    assert_eq!(
        handle.finished().await.expect("finished"),
        BatchState::Interrupted
    );
    assert_eq!(
        world.results(&id).len(),
        1,
        "only the first case had finished"
    );

    let resumed = world
        .engine
        .resume(
            &id,
            Default::default(),
            Default::default(),
            tokio_util::sync::CancellationToken::new(),
        )
        .await
        .expect("resume");
    assert_eq!(
        resumed.finished().await.expect("finished"),
        BatchState::Passed
    );
    let results = world.results(&id);
    let url = &results[2].request.as_ref().expect("request").url;
    assert!(url.ends_with("/items/1?g=global-1"), "{url}");
}

/// A pre-request script logs in with `pm.sendRequest` (callback and promise styles) and
/// the request then carries the token it got, as real collections fetch their tokens.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pre_request_scripts_send_requests_of_their_own() {
    let world = World::new().await;
    let yaml = r#"name: login first
variables: {user: ada}
cases:
  - name: with a callback
    request:
      method: GET
      url: "{{base}}/protected"
      headers: {Authorization: "Bearer {{token}}"}
    assert: ['status == 200', 'jsonpath $.user == "ada"']
    scripts:
      pre: |
        pm.sendRequest({
            url: pm.variables.get("base") + "/login",
            method: "POST",
            header: {"Content-Type": "application/json"},
            body: {mode: "raw", raw: JSON.stringify({username: "{{user}}", password: "secret"})}
        }, function (err, res) {
            if (err) { throw err; }
            pm.environment.set("token", res.json().token);
            console.log("login", res.code);
        });
  - name: with a promise
    request: {method: GET, url: "{{base}}/status/200"}
    scripts:
      pre: |
        pm.sendRequest(pm.variables.get("base") + "/json/nested").then(function (res) {
            pm.variables.set("open", res.json().store.open);
        });
      test: |
        pm.test("the promise's value arrived", function () { pm.expect(pm.variables.get("open")).to.equal(true); });
  - name: to nowhere
    request: {method: GET, url: "{{base}}/status/200"}
    scripts:
      pre: |
        pm.sendRequest("http://127.0.0.1:1/refused", function (err) { pm.variables.set("failed", String(err)); });
      test: |
        pm.test("the error reached the callback", function () { pm.expect(pm.variables.get("failed")).to.match(/^Error: /); });
"#;
    let (state, results) = world.run(yaml, BatchOptions::default()).await;
    assert_eq!(state, BatchState::Passed, "{results:#?}");
    let console = &results[0].script.as_ref().expect("script").console;
    assert_eq!(console[0].text, "login 200");
}

/// `pm.sendRequest` goes out on the batch's own client: a cookie its response sets is
/// sent by the batch's next requests, as in newman (one cookie jar per run). (`Path=/`: a
/// cookie without one is only for the folder of the path that set it, `/headers`.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn script_requests_share_the_batch_cookie_jar() {
    let world = World::new().await;
    let yaml = r#"name: cookie from a script
cases:
  - name: the script logs in
    request: {method: GET, url: "{{base}}/echo"}
    assert: ['jsonpath $.headers.cookie == "session=from-script"']
    scripts:
      pre: |
        pm.sendRequest(pm.variables.get("base") + "/headers/set?Set-Cookie=session%3Dfrom-script%3B%20Path%3D%2F", function (err, res) {
            if (err) { throw err; }
        });
  - name: later requests keep it
    request: {method: GET, url: "{{base}}/echo"}
    assert: ['jsonpath $.headers.cookie == "session=from-script"']
"#;
    let (state, results) = world.run(yaml, BatchOptions::default()).await;
    assert_eq!(state, BatchState::Passed, "{results:#?}");
    // A second batch starts with an empty jar.
    let (state, results) = world
        .run(
            "name: fresh\ncases:\n  - name: no cookie\n    request: {method: GET, url: \"{{base}}/echo\"}\n    assert: ['jsonpath $.headers.cookie not exists']\n",
            BatchOptions::default(),
        )
        .await;
    assert_eq!(state, BatchState::Passed, "{results:#?}");
}
