//! Postman's `pm` API and legacy globals, run in the sandbox with the vendored libraries:
//! what tests pass and fail, with the messages newman shows.

mod common;

use apiautotest_script::{Limits, Sandbox};
use common::{pre_job, response, test_job};
use serde_json::json;

fn verdicts(outcome: &apiautotest_script::Outcome) -> Vec<(String, bool)> {
    outcome
        .tests
        .iter()
        .map(|t| (t.name.clone(), t.passed))
        .collect()
}

#[test]
fn pm_tests_pass_and_fail_with_chai_messages() {
    let mut sandbox = Sandbox::new(Limits::default());
    let script = r#"
pm.test("status is 200", function () { pm.response.to.have.status(200); });
pm.test("name", function () { pm.expect(pm.response.json().name).to.eql("widget"); });
pm.test("wrong id", function () { pm.expect(pm.response.json().id).to.equal(2); });
pm.test("status code 404", function () { pm.response.to.have.status(404); });
pm.test.skip("later", function () {});
"#;
    let outcome = sandbox.run(&test_job(
        script,
        response(200, r#"{"id": 1, "name": "widget"}"#),
    ));
    assert_eq!(outcome.error, None);
    assert_eq!(
        verdicts(&outcome),
        [
            ("status is 200".to_owned(), true),
            ("name".to_owned(), true),
            ("wrong id".to_owned(), false),
            ("status code 404".to_owned(), false),
            ("later".to_owned(), false)
        ]
    );
    let wrong_id = outcome.tests[2].error.as_ref().expect("error");
    assert_eq!(wrong_id.name, "AssertionError");
    assert_eq!(wrong_id.message, "expected 1 to equal 2");
    let status = outcome.tests[3].error.as_ref().expect("error");
    assert_eq!(
        status.message,
        "expected response to have status code 404 but got 200"
    );
    assert!(outcome.tests[4].skipped);
}

#[test]
fn legacy_tests_and_globals() {
    let mut sandbox = Sandbox::new(Limits::default());
    let script = r#"
tests["code is 200"] = responseCode.code === 200;
tests["body has widget"] = responseBody.indexOf("widget") >= 0;
tests["has header"] = !!postman.getResponseHeader("content-type");
tests["fails"] = responseTime > 1000;
postman.setEnvironmentVariable("token", "abc");
postman.setGlobalVariable("n", 5);
"#;
    let outcome = sandbox.run(&test_job(script, response(200, r#"{"name": "widget"}"#)));
    assert_eq!(outcome.error, None);
    assert_eq!(
        verdicts(&outcome),
        [
            ("code is 200".to_owned(), true),
            ("body has widget".to_owned(), true),
            ("has header".to_owned(), true),
            ("fails".to_owned(), false)
        ]
    );
    let changes: Vec<(String, String, Option<serde_json::Value>)> = outcome
        .changes
        .iter()
        .map(|c| (c.scope.clone(), c.name.clone(), c.value.clone()))
        .collect();
    assert_eq!(
        changes,
        [
            (
                "environment".to_owned(),
                "token".to_owned(),
                Some(json!("abc"))
            ),
            ("globals".to_owned(), "n".to_owned(), Some(json!(5)))
        ]
    );
}

#[test]
fn variables_resolve_through_the_scopes() {
    let mut sandbox = Sandbox::new(Limits::default());
    let mut job = test_job(
        r#"
pm.test("local beats data beats env beats collection beats globals", function () {
    pm.expect(pm.variables.get("a")).to.equal("globals");
    pm.expect(pm.variables.get("b")).to.equal("collection");
    pm.expect(pm.variables.get("c")).to.equal("env");
    pm.expect(pm.variables.get("d")).to.equal("data");
    pm.variables.set("d", "local");
    pm.expect(pm.variables.get("d")).to.equal("local");
    pm.expect(pm.variables.replaceIn("{{a}}-{{c}}-{{missing}}")).to.equal("globals-env-{{missing}}");
    pm.expect(pm.variables.replaceIn("{{$randomEmail}}")).to.match(/^[a-z0-9._]+@[a-z0-9.-]+\.[a-z]+$/);
    pm.expect(pm.variables.replaceIn("{{$guid}}")).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    pm.expect(pm.environment.replaceIn("{{$randomInt}}")).to.match(/^[0-9]+$/);
    pm.expect(pm.variables.replaceIn("{{$notAThing}}")).to.equal("{{$notAThing}}");
    pm.expect(pm.environment.has("c")).to.be.true;
    pm.expect(pm.iterationData.get("d")).to.equal("data");
});
"#,
        response(200, "{}"),
    );
    job.scopes.globals.insert("a".into(), json!("globals"));
    for scope in [
        &mut job.scopes.globals,
        &mut job.scopes.collection_variables,
    ] {
        scope.insert("b".into(), json!("x"));
    }
    job.scopes
        .collection_variables
        .insert("b".into(), json!("collection"));
    job.scopes
        .collection_variables
        .insert("c".into(), json!("x"));
    job.scopes.environment.insert("c".into(), json!("env"));
    job.scopes.environment.insert("d".into(), json!("x"));
    job.scopes.iteration_data.insert("d".into(), json!("data"));
    let outcome = sandbox.run(&job);
    assert_eq!(outcome.error, None);
    assert!(outcome.tests[0].passed, "{:?}", outcome.tests[0].error);
}

#[test]
fn a_script_that_throws_is_an_error_with_its_line_and_keeps_earlier_tests() {
    let mut sandbox = Sandbox::new(Limits::default());
    let script = "pm.test('first', function () {});\nvar body = pm.response.json();\nbody.missing.deeper = 1;\npm.test('never', function () {});\n";
    let outcome = sandbox.run(&test_job(script, response(200, "{}")));
    let error = outcome.error.as_ref().expect("script error");
    assert_eq!(error.line, Some(3), "{error}");
    assert!(error.message.starts_with("TypeError"), "{error}");
    assert_eq!(error.origin, "case \"get item\" test");
    assert_eq!(verdicts(&outcome), [("first".to_owned(), true)]);

    let syntax = sandbox.run(&test_job("var a = 1;\n\nvar b = );\n", response(200, "{}")));
    let error = syntax.error.as_ref().expect("syntax error");
    assert!(error.message.starts_with("SyntaxError"), "{error}");
    assert_eq!(error.line, Some(3), "{error}");
}

#[test]
fn pre_request_scripts_change_the_request() {
    let mut sandbox = Sandbox::new(Limits::default());
    let script = r#"
pm.request.headers.add({key: "X-Stamp", value: "1"});
pm.request.headers.remove("Accept");
pm.request.url = "http://127.0.0.1:8080/items/2";
pm.request.method = "post";
pm.variables.set("stamp", 42);
"#;
    let outcome = sandbox.run(&pre_job(script));
    assert_eq!(outcome.error, None);
    let request = outcome.request.expect("request");
    assert_eq!(request.method, "POST");
    assert_eq!(request.url, "http://127.0.0.1:8080/items/2");
    assert_eq!(
        request.headers,
        [
            ("Host".to_owned(), "127.0.0.1:8080".to_owned()),
            ("X-Stamp".to_owned(), "1".to_owned())
        ]
    );
    assert_eq!(outcome.changes[0].value, Some(json!(42)));
}

#[test]
fn async_tests_timers_and_console() {
    let mut sandbox = Sandbox::new(Limits::default());
    let script = r#"
console.log("hello", {a: 1});
pm.test("promise", function () {
    return new Promise(function (resolve) { setTimeout(resolve, 10); });
});
pm.test("done callback fails", function (done) {
    setTimeout(function () { done(new Error("late")); }, 5);
});
setTimeout(function () { pm.environment.set("later", true); }, 1);
pm.execution.setNextRequest(null);
"#;
    let outcome = sandbox.run(&test_job(script, response(200, "{}")));
    assert_eq!(outcome.error, None);
    assert_eq!(
        verdicts(&outcome),
        [
            ("promise".to_owned(), true),
            ("done callback fails".to_owned(), false)
        ]
    );
    assert_eq!(outcome.console[0].text, "hello {\"a\":1}");
    assert_eq!(outcome.changes[0].name, "later");
    assert_eq!(outcome.next_request, Some(None));
}

/// Where nothing can be sent (`Sandbox::run`, no host), `pm.sendRequest` answers with an
/// error through its callback or its promise, and the script goes on.
#[test]
fn send_request_without_a_host_answers_with_an_error() {
    let mut sandbox = Sandbox::new(Limits::default());
    let script = r#"
pm.sendRequest("http://example.invalid/x", function (err, res) {
    pm.test("callback got an error", function () {
        pm.expect(err.message).to.include("cannot send");
        pm.expect(res).to.equal(undefined);
    });
});
pm.sendRequest({url: "http://example.invalid/y", method: "post"}).catch(function (err) {
    pm.environment.set("rejected", err.message);
});
"#;
    let outcome = sandbox.run(&test_job(script, response(200, "{}")));
    assert_eq!(outcome.error, None);
    assert_eq!(
        verdicts(&outcome),
        [("callback got an error".to_owned(), true)]
    );
    assert_eq!(outcome.changes[0].name, "rejected");
}
