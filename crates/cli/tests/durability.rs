//! The durability contract, black box: a `run --db` killed with SIGKILL mid-batch leaves
//! an INTERRUPTED batch with its committed results intact; `resume` completes it; no case
//! whose result was known was sent twice.

mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use apiautotest_sandbox::Sandbox;
use common::{BIN, apiautotest, stderr, stdout, write};

const CASES: usize = 40;

fn committed(db: &std::path::Path) -> i64 {
    let Ok(conn) =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
    else {
        return 0;
    };
    conn.query_row("SELECT count(*) FROM results", [], |r| r.get(0))
        .unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_mid_batch_then_resume_completes_without_resending_known_cases() {
    let sandbox = Sandbox::start(0).await.expect("sandbox");
    let dir = tempfile::tempdir().expect("dir");
    // Each case has its own path, so the sandbox's hit counters tell cases apart.
    let mut yaml = String::from("name: slow\ncases:\n");
    for i in 0..CASES {
        yaml.push_str(&format!(
            "  - name: case {i}\n    request: {{method: GET, url: '{{{{base}}}}/delay/{}'}}\n    assert: ['status == 200']\n",
            40 + i
        ));
    }
    write(dir.path(), "slow.yaml", &yaml);
    let db = dir.path().join("runs.db");
    let base = format!("base={}", sandbox.base_url());

    let mut child = Command::new(BIN)
        .current_dir(dir.path())
        .args(["run", "slow.yaml", "--var", &base, "--db", "runs.db"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start run");
    let deadline = Instant::now() + Duration::from_secs(30);
    while committed(&db) < 8 {
        assert!(
            Instant::now() < deadline,
            "the run never committed 8 results"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().expect("SIGKILL"); // std's kill is SIGKILL on Unix
    child.wait().expect("reaped");
    let survived = committed(&db);
    assert!(survived >= 8 && (survived as usize) < CASES, "{survived}");

    let out = apiautotest(dir.path(), &["batches", "--db", "runs.db", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let batches: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    let batch = &batches[0];
    assert_eq!(batch["state"], "INTERRUPTED");
    assert_eq!(
        batch["counters"]["done"], survived,
        "the counters match the committed results"
    );
    let id = batch["id"].as_str().expect("id").to_owned();

    let out = apiautotest(
        dir.path(),
        &[
            "report",
            &id,
            "--db",
            "runs.db",
            "--report",
            "json=before.json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let before: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("before.json")).expect("r"))
            .expect("json");
    let known: Vec<u64> = before["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| r["case_index"].as_u64().expect("index"))
        .collect();
    assert_eq!(
        known.len() as i64,
        survived,
        "every committed result is intact"
    );

    let out = apiautotest(
        dir.path(),
        &[
            "resume",
            &id,
            "--db",
            "runs.db",
            "--report",
            "json=after.json",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let after: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("after.json")).expect("r"))
            .expect("json");
    let results = after["results"].as_array().expect("results");
    assert_eq!(results.len(), CASES);
    let seqs: Vec<u64> = results
        .iter()
        .map(|r| r["seq"].as_u64().expect("seq"))
        .collect();
    assert_eq!(
        seqs,
        (1..=CASES as u64).collect::<Vec<_>>(),
        "seqs stay gapless across the crash"
    );
    assert_eq!(after["batch"]["state"], "PASSED");

    for i in 0..CASES {
        let hits = sandbox.hits(&format!("/delay/{}", 40 + i));
        if known.contains(&(i as u64)) {
            assert_eq!(
                hits, 1,
                "case {i} had a result before the crash and was sent again"
            );
        } else {
            // Sent once, or twice when it was on the wire at the kill (GET is idempotent).
            assert!((1..=2).contains(&hits), "case {i}: {hits} hits");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn batches_rerun_failed_report_and_prune_work_on_a_recorded_database() {
    let sandbox = Sandbox::start(0).await.expect("sandbox");
    let dir = tempfile::tempdir().expect("dir");
    write(
        dir.path(),
        "f.yaml",
        "name: mixed\ncases:\n  - name: ok\n    request: {method: GET, url: '{{base}}/echo/ok'}\n  - name: broken\n    request: {method: GET, url: '{{base}}/status/500'}\n    assert: ['status == 200']\n",
    );
    let base = format!("base={}", sandbox.base_url());
    let out = apiautotest(
        dir.path(),
        &["run", "f.yaml", "--var", &base, "--db", "h.db"],
    );
    assert_eq!(out.status.code(), Some(4));
    let listed = stdout(&apiautotest(dir.path(), &["batches", "--db", "h.db"]));
    assert!(
        listed.contains("FAILED") && listed.contains("mixed"),
        "{listed}"
    );
    let id = listed
        .lines()
        .nth(1)
        .and_then(|l| l.split_whitespace().next())
        .expect("id")
        .to_owned();

    let out = apiautotest(
        dir.path(),
        &["rerun-failed", &id[..13], "--db", "h.db", "--json"],
    );
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert_eq!(sandbox.hits("/status/500"), 2);
    assert_eq!(
        sandbox.hits("/echo/ok"),
        1,
        "only the failed case ran again"
    );

    let out = apiautotest(
        dir.path(),
        &["report", &id, "--db", "h.db", "--report", "html=r.html"],
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(
        std::fs::read_to_string(dir.path().join("r.html"))
            .expect("html")
            .contains("broken")
    );

    let out = apiautotest(dir.path(), &["prune", "--db", "h.db", "--keep", "1"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("deleted 1 batch"), "{}", stdout(&out));

    std::fs::write(dir.path().join("junk.db"), "not a database").expect("write");
    let out = apiautotest(dir.path(), &["batches", "--db", "junk.db"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("not an apiautotest database"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read(dir.path().join("junk.db")).expect("read"),
        b"not a database"
    );
}
