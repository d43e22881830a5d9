//! What one case's test script costs in the sandbox, without HTTP: prints microseconds
//! per run for scripts from empty to the benchmark's own (../shared/bench, gen.py), so a
//! change to the runtime can be measured. `cargo bench -p apiautotest-script`.

use std::time::Instant;

use apiautotest_script::{
    Info, Job, Limits, Phase, Sandbox, Scopes, ScriptRequest, ScriptResponse, ScriptSource,
};

const SCRIPTS: &[(&str, &str)] = &[
    ("empty test", "pm.test('t', function () {});"),
    (
        "status",
        "pm.test('status 200', function () { pm.response.to.have.status(200); });",
    ),
    (
        "expect eql",
        "const j = pm.response.json(); pm.test('ok', function () { pm.expect(j.ok).to.eql(true); });",
    ),
    (
        "legacy tests[]",
        "tests['status'] = responseCode.code === 200; tests['ok'] = JSON.parse(responseBody).ok === true;",
    ),
    (
        "bench case (4 tests)",
        "pm.test(\"status 200\", function () { pm.response.to.have.status(200); });\nconst j = pm.response.json();\npm.test(\"ok\", function () { pm.expect(j.ok).to.eql(true); });\npm.test(\"name\", function () { pm.expect(j.name).to.eql(\"widget\"); });\npm.test(\"time\", function () { pm.expect(pm.response.responseTime).to.be.below(1000); });",
    ),
];

fn job(code: &str) -> Job<'_> {
    let body = r#"{"id":1,"name":"widget","ok":true,"tags":["a","b"]}"#;
    Job {
        phase: Phase::Test,
        scripts: vec![ScriptSource {
            origin: "bench",
            code,
        }],
        request: ScriptRequest {
            id: "1".into(),
            name: "case 1".into(),
            method: "GET".into(),
            url: "http://127.0.0.1:18080/items/1".into(),
            headers: vec![("Host".into(), "127.0.0.1:18080".into())],
            body: None,
        },
        response: Some(ScriptResponse {
            code: 200,
            reason: String::new(),
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: body.into(),
            body_size: body.len() as u64,
            response_time: 1.0,
            cookies: Vec::new(),
        }),
        scopes: Scopes::default(),
        info: Info::default(),
    }
}

fn main() {
    let runs = 2000;
    for (name, code) in SCRIPTS {
        let mut sandbox = Sandbox::new(Limits::default());
        let job = job(code);
        let started = Instant::now();
        let first = sandbox.run(&job);
        let first_ms = started.elapsed().as_secs_f64() * 1000.0;
        assert!(
            first.error.is_none() && first.tests.iter().all(|t| t.passed),
            "{name}: {first:?}"
        );
        let started = Instant::now();
        for _ in 0..runs {
            sandbox.run(&job);
        }
        let per_run = started.elapsed().as_secs_f64() * 1e6 / f64::from(runs);
        println!(
            "{name:<24} first run {first_ms:>7.1} ms (libraries loaded), then {per_run:>7.1} µs per run"
        );
    }
}
