//! The libraries Postman's sandbox ships, as newman's own test collection uses them
//! (tests/fixtures: newman's sandbox-libraries collection, whose tests all pass there).

mod common;

use apiautotest_script::{Limits, Sandbox};
use common::{response, test_job};

/// The test scripts of newman's `sandbox-libraries` collection, with a response as
/// postman-echo's `/get` gives it.
#[test]
fn newman_library_tests_pass_as_in_newman() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../import/tests/fixtures/postman/newman-sandbox-libraries.postman_collection.json"
    );
    let text = std::fs::read_to_string(path).expect("fixture");
    let collection: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let body =
        r#"{"args":{},"headers":{"host":"postman-echo.com"},"url":"https://postman-echo.com/get"}"#;
    let mut sandbox = Sandbox::new(Limits::default());
    let mut names = Vec::new();
    for item in collection["item"].as_array().expect("items") {
        let lines: Vec<&str> = item["event"][0]["script"]["exec"]
            .as_array()
            .expect("exec")
            .iter()
            .filter_map(|l| l.as_str())
            .collect();
        let code = lines.join("\n");
        let outcome = sandbox.run(&test_job(&code, response(200, body)));
        assert_eq!(outcome.error, None, "{}", item["name"]);
        for test in &outcome.tests {
            assert!(
                test.passed,
                "{} / {}: {:?}",
                item["name"], test.name, test.error
            );
            names.push(test.name.clone());
        }
    }
    assert_eq!(
        names,
        [
            "ajv.validate",
            "ajv.compile",
            "0: valid schema",
            "1: negated assertions",
            "2: incorrect assertions",
            "3: incorrect negated assertions",
            "4: pm.response.to",
            "5: pm.response.to.not",
            "pre-assert request",
            "pre-assert response"
        ]
    );
}

#[test]
fn legacy_library_globals() {
    let mut sandbox = Sandbox::new(Limits::default());
    let outcome = sandbox.run(&test_job(
        r#"
tests["lodash 3 as _"] = _.VERSION === '3.10.2';
tests["CryptoJS"] = CryptoJS.MD5("postman").toString() === "03d476861afd384510f2cb80ccfa8511";
tests["tv4"] = tv4.validate({a: 1}, {type: 'object'});
tests["moment"] = require('moment')("2020-01-02").format("YYYY/MM/DD") === "2020/01/02";
tests["lodash 4"] = require('lodash').VERSION === '4.18.1';
tests["btoa and atob"] = atob(btoa("hello")) === "hello" && btoa("postman") === "cG9zdG1hbg==";
tests["uuid"] = /^[0-9a-f-]{36}$/.test(require('uuid').v4());
"#,
        response(200, "{}"),
    ));
    assert_eq!(outcome.error, None);
    for test in &outcome.tests {
        assert!(test.passed, "{}", test.name);
    }
    assert_eq!(outcome.tests.len(), 7);
}
