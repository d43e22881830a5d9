//! The workbench's single send against the sandbox on 127.0.0.1: variables resolved in
//! DESIGN.md's order, assertions and captures judged as in a batch, the whole response
//! back, secrets masked, bad input a clear error, a slow request cancellable.

use std::collections::HashMap;
use std::path::Path;
use std::time::Duration;

use apiautotest_engine::collection_file;
use apiautotest_engine::http::CookieJar;
use apiautotest_engine::model::{BatchOptions, Case, ErrorKind, Variables, Verdict};
use apiautotest_engine::workbench::{SendInput, send_case};
use apiautotest_sandbox::Sandbox;
use tokio_util::sync::CancellationToken;

/// The first case of a one-case collection written in the native format.
fn case(yaml_case: &str) -> Case {
    let text = format!("name: wb\ncases:\n{yaml_case}");
    let collection = collection_file::parse(&text, Path::new("wb.yaml")).expect("collection");
    (*collection.cases[0]).clone()
}

fn vars(pairs: &[(&str, &str)]) -> Variables {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

fn input(case: Case, environment: Variables) -> SendInput {
    SendInput {
        case,
        environment,
        collection: Variables::new(),
        overrides: Variables::new(),
        captures: HashMap::new(),
        secrets: Vec::new(),
        options: BatchOptions::default(),
        cookies: None,
        files_dir: None,
        scripts: Default::default(),
        transport: Default::default(),
    }
}

#[tokio::test]
async fn a_send_judges_the_response_and_returns_it_whole() {
    let sandbox = Sandbox::start(0).await.expect("sandbox");
    let case = case(
        r#"  - name: echo
    request:
      method: POST
      url: "{{base}}/echo?who={{who}}"
      json: { "n": 1 }
    capture:
      path: jsonpath $.path
    assert:
      - status == 200
      - jsonpath $.query.who == "env"
      - jsonpath $.method == "GET"
"#,
    );
    let mut send = input(case, vars(&[("base", &sandbox.base_url()), ("who", "env")]));
    // The environment's value wins over the collection's (Postman's and Bruno's order,
    // which issue 12 asks for: an environment overrides a collection's defaults).
    send.collection = vars(&[("who", "collection")]);
    let outcome = send_case(send, CancellationToken::new()).await;

    assert_eq!(outcome.verdict, Verdict::Failed, "{outcome:?}");
    assert_eq!(outcome.error, None);
    let checks: Vec<bool> = outcome.assertions.iter().map(|a| a.passed).collect();
    assert_eq!(checks, [true, true, false]);
    assert_eq!(outcome.assertions[2].actual, "\"POST\"");
    assert_eq!(outcome.captures["path"], serde_json::json!("/echo"));
    let request = outcome.request.expect("request");
    assert!(request.url.ends_with("/echo?who=env"), "{}", request.url);
    let response = outcome.response.expect("response");
    assert_eq!(response.status, 200);
    let body: serde_json::Value = serde_json::from_slice(&response.body).expect("JSON body");
    assert_eq!(body["method"], "POST");
    assert!(outcome.duration_ms > 0.0);
}

#[tokio::test]
async fn secrets_are_masked_in_everything_returned() {
    let sandbox = Sandbox::start(0).await.expect("sandbox");
    let case = case(
        r#"  - name: token
    request:
      method: GET
      url: "{{base}}/echo"
      headers:
        Authorization: "Bearer {{token}}"
    capture:
      seen: jsonpath $.headers.authorization
"#,
    );
    let mut send = input(
        case,
        vars(&[("base", &sandbox.base_url()), ("token", "s3cr3t-value")]),
    );
    send.secrets = vec!["s3cr3t-value".to_owned()];
    let outcome = send_case(send, CancellationToken::new()).await;

    assert_eq!(outcome.verdict, Verdict::Passed, "{outcome:?}");
    let shown = serde_json::to_string(&outcome).expect("serialize");
    assert!(!shown.contains("s3cr3t-value"), "{shown}");
    assert_eq!(outcome.captures["seen"], serde_json::json!("Bearer *****"));
    // Kept in clear for the next send only, never serialized.
    assert_eq!(
        outcome.captured_values["seen"],
        serde_json::json!("Bearer s3cr3t-value")
    );
}

#[tokio::test]
async fn bad_input_and_unreachable_targets_are_clear_errors() {
    let unknown =
        case("  - name: x\n    request:\n      method: GET\n      url: \"{{nowhere}}/a\"\n");
    let outcome = send_case(input(unknown, Variables::new()), CancellationToken::new()).await;
    assert_eq!(outcome.verdict, Verdict::Errored);
    let error = outcome.error.expect("error");
    assert_eq!(error.kind, ErrorKind::Template);
    assert!(error.message.contains("nowhere"), "{}", error.message);
    assert!(outcome.request.is_none());

    // A port nothing listens on: bind one, then free it.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("port")
        .port();
    let refused = case(&format!(
        "  - name: y\n    request:\n      method: GET\n      url: \"http://127.0.0.1:{port}/\"\n"
    ));
    let outcome = send_case(input(refused, Variables::new()), CancellationToken::new()).await;
    assert_eq!(outcome.verdict, Verdict::Errored);
    assert_eq!(outcome.error.expect("error").kind, ErrorKind::Connect);
}

#[tokio::test]
async fn a_slow_request_can_be_cancelled() {
    let sandbox = Sandbox::start(0).await.expect("sandbox");
    let slow = case(
        "  - name: slow\n    request:\n      method: GET\n      url: \"{{base}}/delay/10000\"\n",
    );
    let cancel = CancellationToken::new();
    let send = tokio::spawn(send_case(
        input(slow, vars(&[("base", &sandbox.base_url())])),
        cancel.clone(),
    ));
    tokio::time::sleep(Duration::from_millis(200)).await;
    cancel.cancel();
    let outcome = tokio::time::timeout(Duration::from_secs(5), send)
        .await
        .expect("the cancel ends the send at once")
        .expect("join");
    assert_eq!(outcome.verdict, Verdict::Errored);
    assert_eq!(outcome.error.expect("error").kind, ErrorKind::Cancelled);
    assert!(
        outcome.request.is_some(),
        "the request it was sending is shown"
    );
}

/// A captured 64-bit integer reaches the page as text, digit for digit: the page would
/// round it as a JSON number (JavaScript doubles).
#[tokio::test]
async fn captured_values_also_come_as_exact_json_text() {
    let sandbox = Sandbox::start(0).await.expect("sandbox");
    let case = case(
        r#"  - name: create
    request:
      method: POST
      url: "{{base}}/items"
      json: { "name": "w", "big": 9007199254740993 }
    capture:
      big: jsonpath $.big
      name: jsonpath $.name
"#,
    );
    let outcome = send_case(
        input(case, vars(&[("base", &sandbox.base_url())])),
        CancellationToken::new(),
    )
    .await;
    assert_eq!(outcome.error, None, "{outcome:?}");
    assert_eq!(outcome.captures_json["big"], "9007199254740993");
    assert_eq!(outcome.captures_json["name"], "\"w\"");
    assert_eq!(
        outcome.captures["big"],
        serde_json::json!(9_007_199_254_740_993_u64)
    );
}

/// Sends sharing a jar (a collection's session in the app) carry the cookies a response
/// set, as Postman does; the request as shown says so; a send without a jar has none.
#[tokio::test]
async fn cookies_set_by_one_send_go_with_the_next_ones_sharing_the_jar() {
    let sandbox = Sandbox::start(0).await.expect("sandbox");
    let base = sandbox.base_url();
    let set = case(
        r#"  - name: log in
    request:
      method: GET
      url: "{{base}}/headers/set?Set-Cookie=sid%3Dabc%3B%20Path%3D%2F%3B%20HttpOnly&Set-Cookie=theme%3Ddark%3B%20Max-Age%3D3600"
"#,
    );
    let echo = case(
        r#"  - name: who am i
    request:
      method: GET
      url: "{{base}}/echo"
    assert:
      - jsonpath $.headers.cookie contains "sid=abc"
"#,
    );
    let jar = CookieJar::new();
    let with_jar = |case: &Case| {
        let mut send = input(case.clone(), vars(&[("base", &base)]));
        send.cookies = Some(jar.clone());
        send
    };
    let outcome = send_case(with_jar(&set), CancellationToken::new()).await;
    assert_eq!(outcome.error, None, "{outcome:?}");

    let cookies = jar.cookies();
    let names: Vec<_> = cookies
        .iter()
        .map(|c| (c.name.as_str(), c.value.as_str()))
        .collect();
    assert_eq!(names, [("sid", "abc"), ("theme", "dark")], "{cookies:?}");
    assert!(
        cookies[0].http_only && cookies[0].expires.is_none(),
        "{cookies:?}"
    );
    assert!(
        cookies[1].expires.is_some(),
        "Max-Age makes it expire: {cookies:?}"
    );
    assert_eq!(cookies[0].domain, "127.0.0.1");

    let outcome = send_case(with_jar(&echo), CancellationToken::new()).await;
    assert_eq!(outcome.verdict, Verdict::Passed, "{outcome:?}");
    let request = outcome.request.expect("the request as sent");
    assert!(
        request
            .headers
            .iter()
            .any(|(name, value)| name == "cookie" && value.contains("sid=abc")),
        "{request:?}"
    );

    // Without the jar: no cookie goes, the assertion fails.
    let alone = send_case(
        input(echo.clone(), vars(&[("base", &base)])),
        CancellationToken::new(),
    )
    .await;
    assert_eq!(alone.verdict, Verdict::Failed, "{alone:?}");
    jar.clear();
    assert!(jar.cookies().is_empty());
    let cleared = send_case(with_jar(&echo), CancellationToken::new()).await;
    assert_eq!(cleared.verdict, Verdict::Failed, "{cleared:?}");
}
