//! Authorization that takes a round trip of its own, against the sandbox's OAuth 2.0
//! token endpoint: a token fetched once per batch and shared by its cases, both grants
//! and both ways of authenticating the client, a refused client as a clear error, and a
//! request's own `Authorization` header winning over the handshake. (Digest and OAuth
//! 1.0a are compared with newman against httpbin: crates/cli/tests/newman.rs.)

mod common;

use apiautotest_engine::model::{BatchOptions, BatchState, ErrorKind, Verdict};
use common::World;

const CLIENT_CREDENTIALS: &str = r#"name: oauth2
auth:
  oauth2:
    grant: client_credentials
    token_url: "{{base}}/oauth/token"
    client_id: sandbox-client
    client_secret: "{{client_secret}}"
variables:
  client_secret: secret
cases:
  - name: first
    request: {method: GET, url: "{{base}}/protected"}
    assert: ['status == 200', 'jsonpath $.user == "sandbox-client"']
  - name: second
    request: {method: GET, url: "{{base}}/protected"}
    assert: ['status == 200']
  - name: third
    request: {method: GET, url: "{{base}}/protected"}
    assert: ['status == 200']
"#;

#[tokio::test]
async fn one_token_per_batch_is_fetched_and_sent_by_every_case() {
    let world = World::new().await;
    let (state, results) = world.run(CLIENT_CREDENTIALS, BatchOptions::default()).await;
    assert_eq!(state, BatchState::Passed, "{results:#?}");
    assert_eq!(world.sandbox.hits("/oauth/token"), 1, "fetched once, kept");
    assert_eq!(world.sandbox.hits("/protected"), 3);
    // The stored request says a token was sent, never the token itself.
    let sent = results[0].request.as_ref().expect("request");
    let authorization: Vec<&str> = sent
        .headers
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case("authorization"))
        .map(|(_, v)| v.as_str())
        .collect();
    assert_eq!(authorization, ["Bearer ***** (from the token URL)"]);

    // A second batch fetches its own.
    let (state, _) = world.run(CLIENT_CREDENTIALS, BatchOptions::default()).await;
    assert_eq!(state, BatchState::Passed);
    assert_eq!(world.sandbox.hits("/oauth/token"), 2);
}

#[tokio::test]
async fn concurrent_cases_wait_for_the_one_token_being_fetched() {
    let world = World::new().await;
    let options = BatchOptions {
        concurrency: 3,
        ..BatchOptions::default()
    };
    let (state, results) = world.run(CLIENT_CREDENTIALS, options).await;
    assert_eq!(state, BatchState::Passed, "{results:#?}");
    assert_eq!(world.sandbox.hits("/oauth/token"), 1);
}

#[tokio::test]
async fn the_password_grant_with_the_client_in_the_body() {
    let world = World::new().await;
    let yaml = r#"name: password
cases:
  - name: as ann
    request:
      method: GET
      url: "{{base}}/protected"
      auth:
        oauth2:
          grant: password
          token_url: "{{base}}/oauth/token"
          client_id: sandbox-client
          client_secret: secret
          username: ann
          password: secret
          scope: read write
          client_auth: body
    assert: ['status == 200', 'jsonpath $.user == "ann"']
"#;
    let (state, results) = world.run(yaml, BatchOptions::default()).await;
    assert_eq!(state, BatchState::Passed, "{results:#?}");
}

#[tokio::test]
async fn a_refused_client_is_an_auth_error_and_nothing_is_sent() {
    let world = World::new().await;
    let yaml = CLIENT_CREDENTIALS.replace("client_secret: secret", "client_secret: wrong");
    let (state, results) = world.run(&yaml, BatchOptions::default()).await;
    assert_eq!(state, BatchState::Failed, "{results:#?}");
    for result in &results {
        assert_eq!(result.verdict, Verdict::Errored);
        let error = result.error.as_ref().expect("error");
        assert_eq!(error.kind, ErrorKind::Auth);
        assert!(
            error.message.contains("answered 401") && error.message.contains("invalid_client"),
            "{}",
            error.message
        );
    }
    assert_eq!(world.sandbox.hits("/protected"), 0);
}

#[tokio::test]
async fn a_case_with_its_own_authorization_header_fetches_no_token() {
    let world = World::new().await;
    let yaml = r#"name: own header
auth:
  oauth2: {grant: client_credentials, token_url: "{{base}}/oauth/token", client_id: sandbox-client, client_secret: secret}
cases:
  - name: own
    request:
      method: GET
      url: "{{base}}/protected"
      headers: {Authorization: Bearer nope}
    assert: ['status == 401']
"#;
    let (state, results) = world.run(yaml, BatchOptions::default()).await;
    assert_eq!(state, BatchState::Passed, "{results:#?}");
    assert_eq!(world.sandbox.hits("/oauth/token"), 0);
}
