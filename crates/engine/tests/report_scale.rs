//! Reports stream: writing one for a large batch must not grow memory with its size.
//! Slow in debug builds, so ignored by default: `cargo test --release --test report_scale -- --ignored`.

// Helpers outside `#[test]` functions are not covered by clippy's allow-unwrap-in-tests.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::io;

use apiautotest_engine::model::{
    AssertionOutcome, BatchId, BatchOptions, BatchPlan, Case, CaseResult, PlannedCase,
    RequestRecord, ResponseRecord, Variables, Verdict,
};
use apiautotest_engine::report::{self, ReportFormat};
use apiautotest_engine::store::Store;

const RESULTS: u64 = 100_000;

/// Peak resident memory of this process so far, in KiB (Linux only).
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn result(batch: &BatchId, position: u64) -> CaseResult {
    CaseResult {
        batch_id: batch.clone(),
        seq: 0,
        position,
        case_index: 0,
        iteration: position as u32,
        data_row: None,
        case_name: "get item".into(),
        verdict: if position.is_multiple_of(10) {
            Verdict::Failed
        } else {
            Verdict::Passed
        },
        error: None,
        started_at: chrono::Utc::now(),
        duration_ms: (position % 97) as f64,
        attempts: 1,
        request: Some(RequestRecord {
            method: "GET".into(),
            url: format!("http://x/items/{position}"),
            ..Default::default()
        }),
        response: Some(ResponseRecord {
            status: 200,
            headers: vec![("content-type".into(), "application/json".into())],
            body: br#"{"id":1,"name":"widget"}"#.to_vec(),
            body_size: 24,
            body_truncated: false,
        }),
        assertions: vec![AssertionOutcome {
            assertion: "status == 200".into(),
            passed: !position.is_multiple_of(10),
            expected: "200".into(),
            actual: "200".into(),
            message: String::new(),
        }],
        captures: BTreeMap::new(),
        script: None,
    }
}

#[tokio::test]
#[ignore = "slow: records 100k results"]
async fn a_large_batch_is_reported_in_flat_memory() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("db.sqlite")).unwrap();
    let case: Case = serde_json::from_value(
        serde_json::json!({"name": "get item", "request": {"method": "GET", "url": "http://x/"}}),
    )
    .unwrap();
    let plan = BatchPlan {
        id: BatchId::new(),
        name: "scale".into(),
        options: BatchOptions {
            iterations: RESULTS as u32,
            ..BatchOptions::default()
        },
        globals: Variables::new(),
        environment: Variables::new(),
        overrides: Variables::new(),
        secret_names: vec![],
        collections: vec![],
        cases: vec![PlannedCase {
            collection_index: 0,
            case: case.into(),
        }],
        rows: vec![],
        rerun_of: None,
    };
    let id = plan.id.clone();
    store.create_batch(std::sync::Arc::new(plan)).await.unwrap();
    let mut pending = Vec::new();
    for position in 0..RESULTS {
        pending.push(store.record_result(result(&id, position)).unwrap());
        if pending.len() == 1000 {
            for p in pending.drain(..) {
                p.committed().await.unwrap();
            }
        }
    }
    for p in pending {
        p.committed().await.unwrap();
    }
    let reader = store.reader().unwrap();
    for format in ReportFormat::ALL {
        let before = peak_rss_kib();
        report::write(format, &reader, &id, &mut io::sink()).unwrap();
        if let (Some(before), Some(after)) = (before, peak_rss_kib()) {
            eprintln!("{format}: peak memory grew by {} KiB", after - before);
            assert!(
                after - before < 16 * 1024,
                "{format} report grew memory by {} KiB",
                after - before
            );
        }
    }
}
