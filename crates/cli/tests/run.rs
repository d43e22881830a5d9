//! `apiautotest run` as a CI user runs it: exit codes, output modes, reports, inputs.

mod common;

use apiautotest_sandbox::Sandbox;
use common::{ISSUE_EXAMPLE, apiautotest, junit_counts, stderr, stdout, write};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_issue_example_runs_green_with_every_report() {
    let sandbox = Sandbox::start(0).await.expect("sandbox");
    let dir = tempfile::tempdir().expect("dir");
    write(dir.path(), "items.yaml", ISSUE_EXAMPLE);
    let base = format!("base={}", sandbox.base_url());
    let out = apiautotest(
        dir.path(),
        &[
            "run",
            "items.yaml",
            "--var",
            &base,
            "--report",
            "junit=out/junit.xml",
            "--report",
            "json=out/r.json",
            "--report",
            "html=out/r.html",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(
        stdout(&out).contains("2 passed, 0 failed, 0 errored"),
        "{}",
        stdout(&out)
    );
    assert_eq!(junit_counts(&dir.path().join("out/junit.xml")), (2, 0, 0));
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("out/r.json")).expect("json report"))
            .expect("valid JSON");
    assert_eq!(json["results"].as_array().map(Vec::len), Some(2));
    let html = std::fs::read_to_string(dir.path().join("out/r.html")).expect("html report");
    assert!(html.contains("read it back"));
    assert_eq!(sandbox.hits("/items"), 1);
    // Without --db nothing stays behind: the working folder holds only what we wrote.
    let mut left: Vec<String> = std::fs::read_dir(dir.path())
        .expect("ls")
        .map(|e| e.expect("e").file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["items.yaml", "out"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exit_codes_tell_failures_from_errors_from_bad_files_from_usage() {
    let sandbox = Sandbox::start(0).await.expect("sandbox");
    let dir = tempfile::tempdir().expect("dir");
    let base = format!("base={}", sandbox.base_url());
    write(
        dir.path(),
        "fail.yaml",
        "name: f\ncases:\n  - name: wrong\n    request: {method: GET, url: '{{base}}/status/404'}\n    assert: ['status == 200']\n",
    );
    let out = apiautotest(
        dir.path(),
        &[
            "run",
            "fail.yaml",
            "--var",
            &base,
            "--report",
            "junit=j.xml",
        ],
    );
    assert_eq!(out.status.code(), Some(4), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("status == 200: expected 200, actual 404"),
        "{}",
        stdout(&out)
    );
    assert_eq!(junit_counts(&dir.path().join("j.xml")), (1, 1, 0));

    let out = apiautotest(
        dir.path(),
        &[
            "run",
            "fail.yaml",
            "--var",
            "base=http://127.0.0.1:1",
            "--report",
            "junit=j.xml",
        ],
    );
    assert_eq!(out.status.code(), Some(3), "{}", stdout(&out));
    assert_eq!(junit_counts(&dir.path().join("j.xml")), (1, 0, 1));

    write(
        dir.path(),
        "bad.yaml",
        "name: b\ncases:\n  - name: x\n    request: {method: GET, url: 'http://h/'}\n    assert:\n      - status = 200\n",
    );
    let out = apiautotest(dir.path(), &["run", "bad.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("bad.yaml:6:"), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("unknown predicate \"=\""),
        "{}",
        stderr(&out)
    );

    let out = apiautotest(dir.path(), &["run", "missing.yaml"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a missing file is an invalid collection file"
    );
    for bad_usage in [
        vec!["run", "fail.yaml", "--var", "novalue"],
        vec!["run", "fail.yaml", "--report", "pdf=x.pdf"],
        vec!["run", "fail.yaml", "--concurrency", "0"],
        vec!["run", "fail.yaml", "--shard", "3/2"],
        vec!["run"],
        vec!["frobnicate"],
    ] {
        let out = apiautotest(dir.path(), &bad_usage);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{bad_usage:?}: {}",
            stderr(&out)
        );
    }
    assert_eq!(sandbox.hits("/status/404"), 1, "bad usage sent nothing");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn json_lines_secrets_data_and_env_files() {
    let sandbox = Sandbox::start(0).await.expect("sandbox");
    let dir = tempfile::tempdir().expect("dir");
    write(
        dir.path(),
        "env.yaml",
        &format!("base: {}\n", sandbox.base_url()),
    );
    write(
        dir.path(),
        "rows.csv",
        "name,qty\nwidget,1\ngadget,2\nthing,3\n",
    );
    write(
        dir.path(),
        "c.yaml",
        "name: rows\ncases:\n  - name: create {{name}}\n    request: {method: POST, url: '{{base}}/echo', headers: {X-Token: '{{token}}'}, json: {name: '{{name}}', qty: '{{qty}}'}}\n    assert: ['status == 200', 'jsonpath $.headers[\"x-token\"] == \"{{token}}\"', 'body contains \"{{name}}\"']\n",
    );
    let out = apiautotest(
        dir.path(),
        &[
            "run",
            "c.yaml",
            "--env",
            "env.yaml",
            "--data",
            "rows.csv",
            "--secret",
            "token=hunter2-xyz",
            "--json",
            "--report",
            "json=r.json",
            "--report",
            "junit=j.xml",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let text = stdout(&out);
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.iter().filter(|l| l["type"] == "result").count(), 3);
    assert_eq!(lines.last().expect("summary")["type"], "summary");
    let report = std::fs::read_to_string(dir.path().join("r.json")).expect("report");
    for output in [
        &text,
        &report,
        &std::fs::read_to_string(dir.path().join("j.xml")).expect("junit"),
    ] {
        assert!(!output.contains("hunter2-xyz"), "a secret leaked");
    }
    assert!(report.contains("*****"));
    assert_eq!(sandbox.hits("/echo"), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shards_split_a_collection_between_ci_jobs() {
    let sandbox = Sandbox::start(0).await.expect("sandbox");
    let dir = tempfile::tempdir().expect("dir");
    let mut yaml = String::from("name: many\ncases:\n");
    for i in 0..10 {
        yaml.push_str(&format!(
            "  - name: c{i}\n    request: {{method: GET, url: '{{{{base}}}}/echo/{i}'}}\n"
        ));
    }
    write(dir.path(), "many.yaml", &yaml);
    let base = format!("base={}", sandbox.base_url());
    for k in 1..=3 {
        let shard = format!("{k}/3");
        let out = apiautotest(
            dir.path(),
            &["run", "many.yaml", "--var", &base, "--shard", &shard],
        );
        assert_eq!(out.status.code(), Some(0));
    }
    for i in 0..10 {
        assert_eq!(
            sandbox.hits(&format!("/echo/{i}")),
            1,
            "case {i} ran in exactly one shard"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn network_wait_rides_out_an_outage_and_without_it_errors_come_at_once() {
    let sandbox = Sandbox::start(0).await.expect("sandbox");
    let dir = tempfile::tempdir().expect("dir");
    let mut yaml = String::from("name: steady\ncases:\n");
    for i in 0..40 {
        yaml.push_str(&format!(
            "  - name: c{i}\n    request: {{method: GET, url: '{{{{base}}}}/delay/{}'}}\n    assert: ['status == 200']\n",
            20 + i
        ));
    }
    write(dir.path(), "steady.yaml", &yaml);
    let base = format!("base={}", sandbox.base_url());
    let child = std::process::Command::new(common::BIN)
        .current_dir(dir.path())
        .args([
            "run",
            "steady.yaml",
            "--var",
            &base,
            "--network-wait",
            "30",
            "--json",
        ])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("start");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    sandbox.outage(std::time::Duration::from_millis(1500)).await;
    let out = tokio::task::spawn_blocking(move || child.wait_with_output())
        .await
        .expect("join")
        .expect("wait");
    let text = stdout(&out);
    assert_eq!(
        out.status.code(),
        Some(0),
        "no case failed because of the outage: {text}"
    );
    assert!(
        text.contains("waiting_for_network"),
        "the pause was reported: {text}"
    );

    sandbox.outage(std::time::Duration::from_millis(3000)).await;
    let out = apiautotest(dir.path(), &["run", "steady.yaml", "--var", &base]);
    assert_eq!(
        out.status.code(),
        Some(3),
        "a dead target in CI gives errors at once: {}",
        stdout(&out)
    );
}
