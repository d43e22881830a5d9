//! A demo batch over IPC: pages come in order, and the tray's actions steer it.

use apiautotest_desktop::state::AppState;
use apiautotest_desktop::tray;
use serde_json::json;
use tauri::Manager;

use crate::mock_app::{MockApp, demo_options};

#[test]
fn a_demo_batch_runs_pages_come_in_order_and_the_tray_steers_it() {
    let app = MockApp::new();
    let demo = app.invoke("startup_info", json!({})).expect("info")["demo"]["path"].clone();
    let started = app
        .invoke(
            "start_batch",
            json!({"collectionPath": demo, "options": demo_options(), "variables": {}}),
        )
        .expect("start_batch");
    let id = started["id"].as_str().expect("id").to_owned();
    let active = app.invoke("active_batches", json!({})).expect("active");
    assert_eq!(active[0]["id"], id.as_str());

    app.wait_for("some results", |a| {
        a.invoke(
            "batch_results",
            json!({"batchId": id, "afterSeq": 0, "limit": 50}),
        )
        .is_ok_and(|r| r.as_array().is_some_and(|l| l.len() >= 5))
    });
    let state = app.app.state::<AppState>();
    assert_eq!(tray::pause_all(&state), 1);
    app.wait_for("the batch to pause", |a| {
        a.invoke("active_batches", json!({}))
            .is_ok_and(|l| l[0]["state"] == "PAUSED")
    });
    assert_eq!(tray::resume_all(&state), 1);
    app.invoke("cancel_batch", json!({"batchId": id}))
        .expect("cancel");
    app.wait_for("the batch to end", |a| {
        a.invoke("active_batches", json!({}))
            .is_ok_and(|l| l == json!([]))
    });

    let page = app
        .invoke(
            "batch_results",
            json!({"batchId": id, "afterSeq": 2, "limit": 3}),
        )
        .expect("page");
    let seqs: Vec<u64> = page
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|r| r["seq"].as_u64())
        .collect();
    assert_eq!(seqs, [3, 4, 5]);
    let found = app
        .invoke(
            "batch_results",
            json!({"batchId": id, "afterSeq": 0, "limit": 100, "search": "CREATE"}),
        )
        .expect("search");
    let names: Vec<&str> = found
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|r| r["case_name"].as_str())
        .collect();
    assert!(!names.is_empty());
    assert!(
        names.iter().all(|n| n.to_lowercase().contains("create")),
        "{names:?}"
    );
    let detail = app
        .invoke("result_detail", json!({"batchId": id, "seq": 3}))
        .expect("detail");
    assert_eq!(detail["result"]["seq"], 3);
    assert!(
        detail["result"]["assertions"]
            .as_array()
            .is_some_and(|a| !a.is_empty())
    );
    // Captured values come also as exact JSON text (the page would round a 64-bit id).
    let with_captures = (1..=5)
        .filter_map(|seq| {
            app.invoke("result_detail", json!({"batchId": id, "seq": seq}))
                .ok()
        })
        .find(|d| {
            d["result"]["captures"]
                .as_object()
                .is_some_and(|c| !c.is_empty())
        })
        .expect("the demo's first cases capture the new item's id");
    let captures = with_captures["result"]["captures"]
        .as_object()
        .expect("map");
    for (name, value) in captures {
        assert_eq!(
            with_captures["captures_json"][name],
            json!(value.to_string()),
            "{name}"
        );
    }
    assert!(
        tray::progress_text(&[]).contains("No batch"),
        "the tray says when nothing runs"
    );
}
