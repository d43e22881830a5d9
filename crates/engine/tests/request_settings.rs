//! A request's own settings against the sandbox: a redirect not followed is the response;
//! a redirect limit is enforced; a request without cookies neither sends the batch's nor
//! keeps what it is given, while the requests around it share the jar. (Certificate
//! checks turned off for one request: crates/cli/tests/tls.rs.)

mod common;

use apiautotest_engine::model::{BatchOptions, BatchState, ErrorKind, Verdict};
use common::World;

#[tokio::test]
async fn redirects_followed_or_not_per_request() {
    let world = World::new().await;
    let yaml = r#"name: redirects
cases:
  - name: followed
    request: {method: GET, url: "{{base}}/status/302?location=/status/201"}
    assert: ['status == 201']
  - name: not followed
    request:
      method: GET
      url: "{{base}}/status/302?location=/status/201"
      settings: {follow_redirects: false}
    assert: ['status == 302', 'header location == "/status/201"']
  - name: over the limit
    request:
      method: GET
      url: "{{base}}/status/302?location=/status/302%3Flocation%3D/status/200"
      settings: {max_redirects: 1}
"#;
    let (state, results) = world.run(yaml, BatchOptions::default()).await;
    assert_eq!(state, BatchState::Failed, "{results:#?}");
    assert_eq!(results[0].verdict, Verdict::Passed, "{:?}", results[0]);
    assert_eq!(results[1].verdict, Verdict::Passed, "{:?}", results[1]);
    assert_eq!(results[2].verdict, Verdict::Errored);
    assert_eq!(
        results[2].error.as_ref().map(|e| e.kind),
        Some(ErrorKind::TooManyRedirects)
    );
    assert_eq!(
        world.sandbox.hits("/status/201"),
        1,
        "only the followed one"
    );
}

#[tokio::test]
async fn a_request_without_cookies_neither_sends_nor_keeps_them() {
    let world = World::new().await;
    let yaml = r#"name: cookies
cases:
  - name: log in
    request: {method: GET, url: "{{base}}/headers/set?Set-Cookie=session%3Dabc%3B%20Path%3D%2F"}
  - name: without cookies
    request:
      method: GET
      url: "{{base}}/echo"
      settings: {cookies: false}
    assert: ['jsonpath $.headers.cookie not exists']
  - name: ignored cookie
    request:
      method: GET
      url: "{{base}}/headers/set?Set-Cookie=other%3Dx%3B%20Path%3D%2F"
      settings: {cookies: false}
  - name: with the jar
    request: {method: GET, url: "{{base}}/echo"}
    assert: ['jsonpath $.headers.cookie == "session=abc"']
  - name: a redirect setting still shares the jar
    request:
      method: GET
      url: "{{base}}/echo"
      settings: {follow_redirects: false}
    assert: ['jsonpath $.headers.cookie == "session=abc"']
"#;
    let (state, results) = world.run(yaml, BatchOptions::default()).await;
    assert_eq!(state, BatchState::Passed, "{results:#?}");
}

/// `follow_original_method`: a 302 after a POST is followed with POST and its body (by
/// default it becomes a GET); the Authorization stays on the origin it was meant for.
#[tokio::test]
async fn redirects_may_keep_the_method_and_drop_credentials_off_origin() {
    let world = World::new().await;
    let other = apiautotest_sandbox::Sandbox::start(0)
        .await
        .expect("other origin");
    let to_other = format!("{}/echo", other.base_url())
        .replace(':', "%3A")
        .replace('/', "%2F");
    let yaml = format!(
        r#"name: keep the method
cases:
  - name: kept
    request:
      method: POST
      url: "{{{{base}}}}/status/302?location=/echo"
      headers: {{Authorization: Bearer same-origin}}
      json: {{n: 1}}
      settings: {{follow_original_method: true}}
    assert: ['jsonpath $.method == "POST"', 'jsonpath $.body == "{{\"n\":1}}"', 'jsonpath $.headers.authorization == "Bearer same-origin"']
  - name: default
    request:
      method: POST
      url: "{{{{base}}}}/status/302?location=/echo"
      json: {{n: 1}}
    assert: ['jsonpath $.method == "GET"']
  - name: off origin
    request:
      method: PUT
      url: "{{{{base}}}}/status/307?location={to_other}"
      headers: {{Authorization: Bearer not-for-them}}
      body: "kept"
      settings: {{follow_original_method: true}}
    assert: ['jsonpath $.method == "PUT"', 'jsonpath $.body == "kept"', 'jsonpath $.headers.authorization not exists']
  - name: too many
    request:
      method: POST
      url: "{{{{base}}}}/status/302?location=/status/302%3Flocation%3D/echo"
      settings: {{follow_original_method: true, max_redirects: 1}}
"#
    );
    let (state, results) = world.run(&yaml, BatchOptions::default()).await;
    assert_eq!(state, BatchState::Failed, "{results:#?}");
    for result in &results[..3] {
        assert_eq!(result.verdict, Verdict::Passed, "{result:#?}");
    }
    assert_eq!(
        results[3].error.as_ref().map(|e| e.kind),
        Some(ErrorKind::TooManyRedirects),
        "{:?}",
        results[3]
    );
    assert_eq!(other.hits("/echo"), 1);
    other.shutdown().await;
}
