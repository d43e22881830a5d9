//! Jobs for the tests: a request, a JSON response, scopes.

#![allow(dead_code)]

use apiautotest_script::{Info, Job, Phase, Scopes, ScriptRequest, ScriptResponse, ScriptSource};

pub fn request() -> ScriptRequest {
    ScriptRequest {
        id: "case-1".into(),
        name: "get item".into(),
        method: "GET".into(),
        url: "http://127.0.0.1:8080/items/1?verbose=1".into(),
        headers: vec![
            ("Accept".into(), "application/json".into()),
            ("Host".into(), "127.0.0.1:8080".into()),
        ],
        body: None,
    }
}

pub fn response(code: u16, body: &str) -> ScriptResponse {
    ScriptResponse {
        code,
        reason: String::new(),
        headers: vec![("Content-Type".into(), "application/json".into())],
        body: body.to_owned(),
        body_size: body.len() as u64,
        response_time: 12.5,
        cookies: Vec::new(),
    }
}

pub fn test_job<'a>(code: &'a str, response: ScriptResponse) -> Job<'a> {
    Job {
        phase: Phase::Test,
        scripts: vec![ScriptSource {
            origin: "case \"get item\" test",
            code,
        }],
        request: request(),
        response: Some(response),
        scopes: Scopes::default(),
        info: Info {
            iteration: 0,
            iteration_count: 1,
            request_name: "get item".into(),
            request_id: "case-1".into(),
        },
    }
}

pub fn pre_job(code: &str) -> Job<'_> {
    Job {
        phase: Phase::PreRequest,
        response: None,
        ..test_job(code, response(200, "{}"))
    }
}
