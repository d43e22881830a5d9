//! Store queries over real stored results: percentiles, pages after a seq, filters.

use std::sync::Arc;

use apiautotest_engine::model::{
    AssertionOutcome, BatchId, BatchOptions, BatchPlan, BatchState, CaseResult, PlannedCase,
    Verdict,
};
use apiautotest_engine::store::{ResultFilter, Store};

fn plan(cases: usize) -> BatchPlan {
    let case = serde_json::from_value(
        serde_json::json!({"name": "c", "request": {"method": "GET", "url": "http://x/"}}),
    )
    .expect("case");
    BatchPlan {
        id: BatchId::new(),
        name: "q".into(),
        options: BatchOptions::default(),
        globals: Default::default(),
        environment: Default::default(),
        overrides: Default::default(),
        secret_names: vec![],
        collections: vec![Default::default()],
        cases: vec![
            PlannedCase {
                collection_index: 0,
                case: Arc::new(case)
            };
            cases
        ],
        rows: vec![],
        rerun_of: None,
    }
}

fn result(plan: &BatchPlan, position: u64, duration_ms: f64, verdict: Verdict) -> CaseResult {
    CaseResult {
        batch_id: plan.id.clone(),
        seq: 0,
        position,
        case_index: position as u32,
        iteration: 0,
        data_row: None,
        case_name: format!("case {position}"),
        verdict,
        error: None,
        started_at: chrono::Utc::now(),
        duration_ms,
        attempts: 1,
        request: None,
        response: None,
        assertions: vec![AssertionOutcome {
            assertion: "status == 200".into(),
            passed: verdict == Verdict::Passed,
            expected: "200".into(),
            actual: "200".into(),
            message: String::new(),
        }],
        captures: Default::default(),
        script: None,
    }
}

#[tokio::test]
async fn percentiles_pages_and_filters_read_what_was_committed() {
    let dir = tempfile::tempdir().expect("dir");
    let store = Store::open(&dir.path().join("q.db")).expect("store");
    let plan = plan(100);
    store
        .create_batch(Arc::new(plan.clone()))
        .await
        .expect("create");
    store
        .set_state(&plan.id, BatchState::Running, None, None)
        .await
        .expect("running");
    // Durations 100, 99, ... 1 ms, committed in that order; every 10th fails.
    let mut pending = Vec::new();
    for i in 0..100u64 {
        let verdict = if i % 10 == 0 {
            Verdict::Failed
        } else {
            Verdict::Passed
        };
        pending.push(
            store
                .record_result(result(&plan, i, (100 - i) as f64, verdict))
                .expect("queue"),
        );
    }
    for p in pending {
        p.committed().await.expect("committed");
    }
    let reader = store.reader().expect("reader");
    let d = reader.durations(&plan.id).expect("durations");
    assert_eq!((d.p50, d.p95, d.p99, d.max), (50.0, 95.0, 99.0, 100.0));
    assert_eq!((d.assertions_passed, d.assertions_failed), (90, 10));

    let page = reader
        .results_after(&plan.id, 40, 5, ResultFilter::All)
        .expect("page");
    assert_eq!(
        page.iter().map(|r| r.seq).collect::<Vec<_>>(),
        [41, 42, 43, 44, 45]
    );
    let failed = reader
        .results_after(&plan.id, 0, 100, ResultFilter::NotPassed)
        .expect("failed");
    assert_eq!(failed.len(), 10);
    assert!(failed.iter().all(|r| r.verdict == Verdict::Failed));
    let batch = reader.batch(&plan.id).expect("batch");
    assert_eq!(
        (batch.counters.done, batch.counters.failed, batch.last_seq),
        (100, 10, 100)
    );
    let found = reader.find_batch(&plan.id.0[..12]).expect("by prefix");
    assert_eq!(found.id, plan.id);
}
