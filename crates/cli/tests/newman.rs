//! The differential test against newman itself: each real collection of
//! crates/import/tests/fixtures/postman (with its environment) runs through newman 6 and
//! through `apiautotest run`, against one local httpbin, and both must send the same
//! requests and give the same test names with the same outcome (passed, failed,
//! skipped) and the same script errors.
//!
//! newman and httpbin come from the npm registry and PyPI (scripts/oracles.sh, which
//! test.sh runs); this test starts httpbin under gunicorn on a free port and stops it.
//! Both runners get the same file, its postman-echo.com URLs pointed at that httpbin.

mod common;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{apiautotest, stderr};
use serde_json::Value;

const FIXTURES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../import/tests/fixtures/postman"
);

/// Differences newman has and we chose not to copy, each with its reason. Keep it short.
const KNOWN_DIFFERENCES: &[(&str, &str, &str)] = &[(
    "newman-echo-v2",
    "Delete Cookies",
    // httpbin's /cookies/delete answers 302 with expired cookies. newman keeps sending
    // the Cookie header it computed before the redirect to the redirected request; we
    // apply the deletion first, as browsers and curl do, so the cookie is gone.
    "Body does not contain cookie foo2",
)];

fn oracles() -> PathBuf {
    let dir = std::env::var_os("APIAUTOTEST_ORACLES")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache/apiautotest/oracles"))
        })
        .expect("HOME or APIAUTOTEST_ORACLES");
    for tool in ["node_modules/.bin/newman", "venv/bin/gunicorn"] {
        assert!(
            dir.join(tool).exists(),
            "{} is missing: run `bash scripts/oracles.sh` (test.sh does) to install newman and httpbin",
            dir.join(tool).display()
        );
    }
    dir
}

/// httpbin under gunicorn on a free port, stopped when dropped.
struct Httpbin {
    child: Child,
    port: u16,
}

impl Httpbin {
    fn start(oracles: &Path) -> Httpbin {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("free port");
        let child = Command::new(oracles.join("venv/bin/gunicorn"))
            .args([
                "--bind",
                &format!("127.0.0.1:{port}"),
                "--workers",
                "2",
                "httpbin:app",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start gunicorn");
        let mut httpbin = Httpbin { child, port };
        let started = Instant::now();
        loop {
            let up = std::net::TcpStream::connect(("127.0.0.1", port)).is_ok();
            if up {
                return httpbin;
            }
            if let Ok(Some(status)) = httpbin.child.try_wait() {
                panic!("httpbin exited at start: {status}");
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "httpbin did not start in 30 s"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Httpbin {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The same rewrite for both runners: postman-echo.com (strings and URL objects) to the
/// local httpbin.
fn localize(value: &mut Value, port: u16) {
    match value {
        Value::Object(map) => {
            let echo_host = map.get("host") == Some(&serde_json::json!(["postman-echo", "com"]));
            if echo_host {
                map.insert("protocol".into(), "http".into());
                map.insert("host".into(), serde_json::json!(["127", "0", "0", "1"]));
                map.insert("port".into(), port.to_string().into());
            }
            for v in map.values_mut() {
                localize(v, port);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| localize(v, port)),
        Value::String(s) if s.contains("https://postman-echo.com") => {
            *s = s.replace(
                "https://postman-echo.com",
                &format!("http://127.0.0.1:{port}"),
            );
        }
        _ => {}
    }
}

/// One request as a runner reports it: its item, method, URL, each test's outcome and
/// whether a script threw.
#[derive(Debug, PartialEq)]
struct Execution {
    item: String,
    method: String,
    url: String,
    tests: Vec<(String, &'static str)>,
    script_error: bool,
}

fn normal_url(text: &str) -> String {
    match url::Url::parse(text) {
        Ok(url) => url.to_string(),
        Err(_) => text.to_owned(),
    }
}

fn newman_url(url: &Value) -> String {
    let text = |v: &Value| {
        v.as_str()
            .map(str::to_owned)
            .unwrap_or_else(|| v.to_string())
    };
    let join = |v: &Value, sep: &str| {
        v.as_array()
            .map(|a| a.iter().map(text).collect::<Vec<_>>().join(sep))
            .unwrap_or_default()
    };
    let mut out = format!("{}://{}", text(&url["protocol"]), join(&url["host"], "."));
    if let Some(port) = url.get("port").filter(|p| !p.is_null()) {
        out.push(':');
        out.push_str(&text(port));
    }
    out.push('/');
    out.push_str(&join(&url["path"], "/"));
    let query: Vec<String> = url["query"]
        .as_array()
        .map(|q| {
            q.iter()
                .filter(|p| p["disabled"] != Value::Bool(true))
                .map(|p| match p.get("value").filter(|v| !v.is_null()) {
                    Some(v) => format!("{}={}", text(&p["key"]), text(v)),
                    None => text(&p["key"]),
                })
                .collect()
        })
        .unwrap_or_default();
    if !query.is_empty() {
        out.push('?');
        out.push_str(&query.join("&"));
    }
    normal_url(&out)
}

fn run_newman(
    oracles: &Path,
    dir: &Path,
    collection: &str,
    environment: Option<&str>,
) -> Vec<Execution> {
    let mut command = Command::new(oracles.join("node_modules/.bin/newman"));
    command.current_dir(dir).args([
        "run",
        collection,
        "--reporters",
        "json",
        "--reporter-json-export",
        "newman.json",
    ]);
    if let Some(env) = environment {
        command.args(["-e", env]);
    }
    let out = command.output().expect("run newman");
    let text = std::fs::read_to_string(dir.join("newman.json")).unwrap_or_else(|e| {
        panic!(
            "newman wrote no report ({e}): {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let report: Value = serde_json::from_str(&text).expect("newman JSON");
    let executions = report["run"]["executions"].as_array().expect("executions");
    // A digest handshake's replay is reported as a second execution with the same id:
    // keep the last of each.
    let last_of_each = executions.iter().enumerate().filter(|(i, e)| {
        executions
            .get(i + 1)
            .is_none_or(|next| next["id"].is_null() || next["id"] != e["id"])
    });
    last_of_each
        .map(|(_, e)| {
            let scripts = [&e["testScript"], &e["prerequestScript"]];
            Execution {
                item: e["item"]["name"].as_str().unwrap_or_default().to_owned(),
                method: e["request"]["method"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
                url: newman_url(&e["request"]["url"]),
                tests: e["assertions"]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .map(|t| {
                                let outcome = if t["skipped"] == Value::Bool(true) {
                                    "skipped"
                                } else if t.get("error").is_some() {
                                    "failed"
                                } else {
                                    "passed"
                                };
                                (
                                    t["assertion"].as_str().unwrap_or_default().to_owned(),
                                    outcome,
                                )
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
                script_error: scripts.iter().any(|s| {
                    s.as_array()
                        .is_some_and(|list| list.iter().any(|x| x.get("error").is_some()))
                }),
            }
        })
        .collect()
}

fn run_ours(dir: &Path, collection: &str, environment: Option<&str>) -> Vec<Execution> {
    let mut args = vec!["run", collection, "--report", "json=ours.json"];
    if let Some(env) = environment {
        args.extend(["-e", env]);
    }
    let out = apiautotest(dir, &args);
    let text = std::fs::read_to_string(dir.join("ours.json"))
        .unwrap_or_else(|e| panic!("no report ({e}): {}", stderr(&out)));
    let report: Value = serde_json::from_str(&text).expect("our JSON");
    report["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| Execution {
            item: r["case_name"].as_str().unwrap_or_default().to_owned(),
            method: r["request"]["method"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
            url: normal_url(r["request"]["url"].as_str().unwrap_or_default()),
            tests: r["assertions"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|t| {
                            let outcome = if t["expected"] == "(skipped)" {
                                "skipped"
                            } else if t["passed"] == Value::Bool(true) {
                                "passed"
                            } else {
                                "failed"
                            };
                            (
                                t["assertion"].as_str().unwrap_or_default().to_owned(),
                                outcome,
                            )
                        })
                        .collect()
                })
                .unwrap_or_default(),
            script_error: r["error"]["kind"] == "script",
        })
        .collect()
}

#[test]
fn real_collections_give_newmans_requests_tests_and_outcomes() {
    let oracles = oracles();
    let httpbin = Httpbin::start(&oracles);
    let runs = [
        ("newman-echo-v2", None),
        ("newman-sandbox-libraries", None),
        (
            "newman-disabled-and-duplicates",
            Some("newman-disabled-and-duplicates.postman_environment.json"),
        ),
        ("htmlextra-simple-post-request-with-formdata", None),
        ("htmlextra-simple-post-request-with-urlencoded", None),
        // Digest answers httpbin's challenge; OAuth 1.0a signatures equal newman's.
        ("auth-handshakes", None),
        // xml2Json's results, as JSON text in the test names, equal newman's.
        ("scripts-xml2json", None),
    ];
    let mut compared_tests = 0;
    for (name, environment) in runs {
        let dir = tempfile::tempdir().expect("dir");
        let source = std::fs::read_to_string(
            Path::new(FIXTURES).join(format!("{name}.postman_collection.json")),
        )
        .expect("fixture");
        let mut collection: Value = serde_json::from_str(&source).expect("JSON");
        localize(&mut collection, httpbin.port);
        let file = format!("{name}.postman_collection.json");
        std::fs::write(dir.path().join(&file), collection.to_string()).expect("write");
        if let Some(env) = environment {
            std::fs::copy(Path::new(FIXTURES).join(env), dir.path().join(env))
                .expect("environment");
        }
        // The form upload of the htmlextra collection names a file in the working folder.
        std::fs::write(
            dir.path().join("demoFile.jpg"),
            b"\xff\xd8\xff\xe0 not quite a JPEG",
        )
        .expect("file");

        let newman = run_newman(&oracles, dir.path(), &file, environment);
        let ours = run_ours(dir.path(), &file, environment);
        assert!(!newman.is_empty(), "{name}: newman ran nothing");
        let items = |runs: &[Execution]| {
            runs.iter()
                .map(|e| (e.item.clone(), e.method.clone(), e.url.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(items(&ours), items(&newman), "{name}: the requests differ");
        for (theirs, mine) in newman.iter().zip(&ours) {
            assert_eq!(
                mine.script_error, theirs.script_error,
                "{name} / {}: script error",
                theirs.item
            );
            let names = |e: &Execution| e.tests.iter().map(|t| t.0.clone()).collect::<Vec<_>>();
            assert_eq!(
                names(mine),
                names(theirs),
                "{name} / {}: test names",
                theirs.item
            );
            for (t, m) in theirs.tests.iter().zip(&mine.tests) {
                let known = KNOWN_DIFFERENCES
                    .iter()
                    .any(|k| (k.0, k.1, k.2) == (name, theirs.item.as_str(), t.0.as_str()));
                if !known {
                    assert_eq!(m.1, t.1, "{name} / {} / {}: outcome", theirs.item, t.0);
                }
                compared_tests += 1;
            }
        }
    }
    // The fixtures hold 87 tests between them; all must have been compared.
    assert!(compared_tests >= 87, "only {compared_tests} tests compared");
}
