//! Reports of real stored batches, in every format.

// Helpers outside `#[test]` functions are not covered by clippy's allow-unwrap-in-tests.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use apiautotest_engine::model::{
    AssertionOutcome, BatchId, BatchOptions, BatchPlan, BatchState, Case, CaseResult, ErrorKind,
    PlannedCase, RequestRecord, ResponseRecord, RunError, Variables, Verdict,
};
use apiautotest_engine::report::{self, ReportError, ReportFormat};
use apiautotest_engine::store::{Reader, Store, StoreError};

const SCRIPT_NAME: &str = "<script>alert(1)</script>";

fn case(name: &str) -> Case {
    serde_json::from_value(serde_json::json!({
        "name": name, "request": {"method": "GET", "url": "http://x/"}
    }))
    .unwrap()
}

fn plan(names: &[&str], iterations: u32, rows: usize) -> BatchPlan {
    BatchPlan {
        id: BatchId::new(),
        name: "nightly & <smoke>".into(),
        options: BatchOptions {
            iterations,
            ..BatchOptions::default()
        },
        globals: Variables::new(),
        environment: Variables::new(),
        overrides: Variables::new(),
        secret_names: vec![],
        collections: vec![],
        cases: names
            .iter()
            .map(|n| PlannedCase {
                collection_index: 0,
                case: case(n).into(),
            })
            .collect(),
        rows: vec![Variables::new(); rows],
        rerun_of: None,
    }
}

fn result(batch: &BatchId, position: u64, name: &str, verdict: Verdict) -> CaseResult {
    CaseResult {
        batch_id: batch.clone(),
        seq: 0,
        position,
        case_index: position as u32,
        iteration: 0,
        data_row: None,
        case_name: name.into(),
        verdict,
        error: None,
        started_at: chrono::Utc::now(),
        duration_ms: 12.3456 * (position + 1) as f64,
        attempts: 1,
        request: Some(RequestRecord {
            method: "GET".into(),
            url: "http://x/items?a=1&b=2".into(),
            headers: vec![("accept".into(), "application/json".into())],
            body: None,
        }),
        response: Some(ResponseRecord {
            status: 200,
            headers: vec![("content-type".into(), "application/json".into())],
            body: br#"{"name":"widget"}"#.to_vec(),
            body_size: 17,
            body_truncated: false,
        }),
        assertions: vec![AssertionOutcome {
            assertion: "status == 200".into(),
            passed: true,
            expected: "200".into(),
            actual: "200".into(),
            message: String::new(),
        }],
        captures: BTreeMap::new(),
        script: None,
    }
}

/// A FAILED batch with a passed, a failed and an errored result, in that seq order.
async fn stored_batch(store: &Store) -> BatchId {
    let plan = plan(&["list items", SCRIPT_NAME, "down\u{0}host"], 1, 0);
    let id = plan.id.clone();
    store.create_batch(std::sync::Arc::new(plan)).await.unwrap();
    store
        .set_state(&id, BatchState::Running, None, None)
        .await
        .unwrap();

    let passed = result(&id, 0, "list items", Verdict::Passed);
    let mut failed = result(&id, 1, SCRIPT_NAME, Verdict::Failed);
    failed.assertions.push(AssertionOutcome {
        assertion: "jsonpath $.name == \"gadget\"".into(),
        passed: false,
        expected: "\"gadget\"".into(),
        actual: "\"widget\"".into(),
        message: "values differ <b>".into(),
    });
    // A large text body and a binary one, for the HTML previews.
    failed.response = Some(ResponseRecord {
        status: 200,
        headers: vec![],
        body: "x".repeat(10_000).into_bytes(),
        body_size: 20_000,
        body_truncated: true,
    });
    let mut errored = result(&id, 2, "down\u{0}host", Verdict::Errored);
    errored.error = Some(RunError {
        kind: ErrorKind::Connect,
        message: "connection refused \u{1b}[0m".into(),
    });
    errored.response = None;
    errored.assertions.clear();
    errored.attempts = 3;
    for r in [passed, failed, errored] {
        store.record_result(r).unwrap().committed().await.unwrap();
    }
    store
        .set_state(&id, BatchState::Failed, None, None)
        .await
        .unwrap();
    id
}

fn render(format: ReportFormat, reader: &Reader, id: &BatchId) -> String {
    let mut out = Vec::new();
    report::write(format, reader, id, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// Checks well-formedness with Python's XML parser when python3 is installed.
fn assert_well_formed_xml(path: &Path) {
    let script = "import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])";
    match Command::new("python3")
        .args(["-c", script])
        .arg(path)
        .output()
    {
        Ok(out) => assert!(
            out.status.success(),
            "not well-formed XML: {}",
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(e) => eprintln!("python3 not available ({e}); XML well-formedness not checked"),
    }
}

#[tokio::test]
async fn junit_has_one_testcase_per_result_and_keeps_errors_apart_from_failures() {
    let store = Store::in_memory().unwrap();
    let id = stored_batch(&store).await;
    let xml = render(ReportFormat::Junit, &store.reader().unwrap(), &id);

    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites "));
    assert!(xml.contains(
        r#"<testsuites name="nightly &amp; &lt;smoke&gt;" tests="3" failures="1" errors="1""#
    ));
    assert_eq!(xml.matches("<testsuite ").count(), 1);
    assert!(xml.contains(&format!(r#"id="{}""#, id.0)));
    assert!(xml.contains(r#"<property name="batch.state" value="FAILED"/>"#));
    assert_eq!(xml.matches("<testcase ").count(), 3);
    assert_eq!(xml.matches("<failure ").count(), 1);
    assert_eq!(xml.matches("<error ").count(), 1);
    assert!(xml.contains(r#"<failure message="1 assertion(s) failed" type="assertion">"#));
    assert!(xml.contains(
        "jsonpath $.name == &quot;gadget&quot;: expected &quot;gadget&quot;, actual &quot;widget&quot; (values differ &lt;b&gt;)"
    ));
    assert!(xml.contains(r#"<error message="connection refused [0m" type="connect">"#));
    assert!(xml.contains(r#"name="&lt;script&gt;alert(1)&lt;/script&gt;" classname="nightly &amp; &lt;smoke&gt;" time="0.025""#));
    assert!(
        xml.contains(r#"<testcase name="downhost""#),
        "NUL is stripped"
    );
    assert!(xml.contains("GET http://x/items?a=1&amp;b=2\nstatus 200 in 12.3 ms"));
    assert!(xml.contains("no response after 37.0 ms\n3 attempts"));
    assert!(!xml.contains('\u{0}') && !xml.contains('\u{1b}'));

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("junit.xml");
    std::fs::write(&path, &xml).unwrap();
    assert_well_formed_xml(&path);
}

#[tokio::test]
async fn junit_names_tell_iterations_and_data_rows_apart() {
    let store = Store::in_memory().unwrap();
    let plan = plan(&["get"], 2, 2);
    let id = plan.id.clone();
    store.create_batch(std::sync::Arc::new(plan)).await.unwrap();
    for (position, (iteration, row)) in [(0, 0), (0, 1), (1, 0), (1, 1)].into_iter().enumerate() {
        let mut r = result(&id, position as u64, "get", Verdict::Passed);
        (r.iteration, r.data_row, r.case_index) = (iteration, Some(row), 0);
        store.record_result(r).unwrap().committed().await.unwrap();
    }
    let xml = render(ReportFormat::Junit, &store.reader().unwrap(), &id);
    for name in [
        "get [iteration 1] [row 1]",
        "get [iteration 1] [row 2]",
        "get [iteration 2] [row 2]",
    ] {
        assert!(
            xml.contains(&format!("name=\"{name}\"")),
            "{name} missing in {xml}"
        );
    }
}

#[tokio::test]
async fn json_is_one_valid_document_with_every_result() {
    let store = Store::in_memory().unwrap();
    let id = stored_batch(&store).await;
    let text = render(ReportFormat::Json, &store.reader().unwrap(), &id);
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();

    assert_eq!(doc["batch"]["id"], id.0.as_str());
    assert_eq!(doc["batch"]["state"], "FAILED");
    assert_eq!(doc["batch"]["counters"]["done"], 3);
    assert_eq!(doc["durations"]["assertions_failed"], 1);
    let results = doc["results"].as_array().unwrap();
    let seqs: Vec<u64> = results.iter().map(|r| r["seq"].as_u64().unwrap()).collect();
    assert_eq!(seqs, [1, 2, 3]);
    assert_eq!(results[1]["case_name"], SCRIPT_NAME);
    assert_eq!(results[2]["verdict"], "errored");
    assert_eq!(results[2]["error"]["kind"], "connect");
    let back: CaseResult = serde_json::from_value(results[1].clone()).unwrap();
    assert_eq!(back.verdict, Verdict::Failed);
}

#[tokio::test]
async fn json_of_a_batch_without_results_is_still_valid() {
    let store = Store::in_memory().unwrap();
    let plan = plan(&["get"], 1, 0);
    let id = plan.id.clone();
    store.create_batch(std::sync::Arc::new(plan)).await.unwrap();
    let text = render(ReportFormat::Json, &store.reader().unwrap(), &id);
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["results"], serde_json::json!([]));
}

#[tokio::test]
async fn html_is_self_contained_escaped_and_filterable() {
    let store = Store::in_memory().unwrap();
    let id = stored_batch(&store).await;
    let html = render(ReportFormat::Html, &store.reader().unwrap(), &id);

    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.trim_end().ends_with("</html>"));
    // Nothing is loaded from anywhere.
    for forbidden in [
        "src=", "href=", "url(", "@import", "<link", "<img", "<iframe",
    ] {
        assert!(!html.contains(forbidden), "found {forbidden}");
    }
    assert!(html.contains("Content-Security-Policy"));
    // User data is escaped.
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains(SCRIPT_NAME));
    assert_eq!(html.matches("<script>").count(), 1, "only our own script");
    assert!(html.contains("<h1>nightly &amp; &lt;smoke&gt;</h1>"));
    // Rows, filters, verdicts.
    assert_eq!(html.matches("<details ").count(), 3);
    for verdict in ["passed", "failed", "errored"] {
        assert_eq!(
            html.matches(&format!("data-verdict=\"{verdict}\"")).count(),
            1
        );
    }
    for filter in ["all", "failed", "errored"] {
        assert!(html.contains(&format!("data-filter=\"{filter}\"")));
    }
    assert!(html.contains("<span class=\"badge passed\">1 passed</span>"));
    assert!(html.contains("<div class=\"error-box\"><strong>Error: connect</strong>"));
    assert!(html.contains("<tr class=\"fail\">"));
    assert!(html.contains("First 4096 bytes of 20000."));
    assert!(html.contains("GET</b> http://x/items?a=1&amp;b=2"));
    assert!(html.contains("prefers-color-scheme: dark"));
}

#[tokio::test]
async fn html_shows_binary_bodies_as_a_size() {
    let store = Store::in_memory().unwrap();
    let plan = plan(&["image"], 1, 0);
    let id = plan.id.clone();
    store.create_batch(std::sync::Arc::new(plan)).await.unwrap();
    let mut r = result(&id, 0, "image", Verdict::Passed);
    if let Some(res) = r.response.as_mut() {
        (res.body, res.body_size) = (vec![0x89, b'P', b'N', b'G', 0, 0xff], 5000);
    }
    store.record_result(r).unwrap().committed().await.unwrap();
    let html = render(ReportFormat::Html, &store.reader().unwrap(), &id);
    assert!(html.contains("5000 bytes of binary data."));
}

#[tokio::test]
async fn write_file_creates_directories_and_leaves_no_temporary_file() {
    let store = Store::in_memory().unwrap();
    let id = stored_batch(&store).await;
    let reader = store.reader().unwrap();
    let dir = tempfile::tempdir().unwrap();
    for format in ReportFormat::ALL {
        let path = dir
            .path()
            .join("nested/reports")
            .join(format!("report.{}", format.extension()));
        report::write_file(format, &reader, &id, &path).unwrap();
        // A second write replaces the first.
        report::write_file(format, &reader, &id, &path).unwrap();
        let written = std::fs::read_to_string(&path).unwrap();
        assert_eq!(written, render(format, &reader, &id));
        assert!(
            !path
                .with_extension(format!("{}.tmp", format.extension()))
                .exists()
        );
    }
    assert_well_formed_xml(&dir.path().join("nested/reports/report.xml"));
    let names: Vec<_> = std::fs::read_dir(dir.path().join("nested/reports"))
        .unwrap()
        .collect();
    assert_eq!(names.len(), 3);
}

#[tokio::test]
async fn an_unknown_batch_is_a_store_error() {
    let store = Store::in_memory().unwrap();
    let reader = store.reader().unwrap();
    let mut out = Vec::new();
    let err = report::write(ReportFormat::Json, &reader, &BatchId::new(), &mut out).unwrap_err();
    assert!(
        matches!(err, ReportError::Store(StoreError::NoSuchBatch(_))),
        "{err}"
    );
}

#[tokio::test]
async fn formats_parse_from_their_names() {
    assert_eq!("junit".parse::<ReportFormat>(), Ok(ReportFormat::Junit));
    assert_eq!("json".parse::<ReportFormat>(), Ok(ReportFormat::Json));
    assert_eq!("html".parse::<ReportFormat>(), Ok(ReportFormat::Html));
    assert_eq!(ReportFormat::Html.to_string(), "html");
    assert!("yaml".parse::<ReportFormat>().is_err());
}
