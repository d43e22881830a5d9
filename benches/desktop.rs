//! Desktop benchmarks: figures, not pass/fail (the machines are shared and noisy).
//!
//! - throughput: a 5000-case batch run in the app (persistence and live events to the
//!   page) against the same batch run by the CLI with `--db`, interleaved rounds;
//! - re-attach: time for a reloaded page to hold every result of a paused batch of 1k
//!   and of 100k results;
//! - memory: PSS of the whole process tree (app, WebKit web and network processes) idle,
//!   with a 100k-result batch open, and (`--soak-minutes M`) during a long run at about
//!   1000 results per second, hidden for its second half.
//!
//! Run with `bash scripts/bench-desktop.sh [--soak-minutes 30] [--only memory]`.

#[allow(dead_code)]
#[path = "../tests/window/harness.rs"]
mod harness;
#[allow(dead_code)]
#[path = "../tests/window/page.rs"]
mod page;
#[allow(dead_code)]
#[path = "../tests/window/webdriver.rs"]
mod webdriver;
#[path = "../tests/window/x11.rs"]
mod x11;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use apiautotest_engine::model::{BatchId, BatchSummary};
use apiautotest_engine::store::Store;
use harness::{World, eventually};
use page::{page_seqs, run_selected, wait_shown};

fn main() {
    let arg = |name: &str| std::env::args().skip_while(|a| a != name).nth(1);
    let soak_minutes: u64 = arg("--soak-minutes")
        .and_then(|m| m.parse().ok())
        .unwrap_or(0);
    // `--only throughput|memory|soak` runs one part.
    let only = arg("--only");
    let wanted = |part: &str| only.as_deref().is_none_or(|o| o == part);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        if wanted("throughput") {
            throughput().await;
        }
        if wanted("memory") {
            reattach_and_memory().await;
        }
        if soak_minutes > 0 && wanted("soak") {
            soak(soak_minutes).await;
        }
    });
}

/// The shared bench's shape: GETs with a JSON body and every fifth a POST of JSON, each
/// case with four assertions.
fn bench_cases(n: usize) -> String {
    let mut yaml = String::new();
    for i in 1..=n {
        if i % 5 == 0 {
            yaml.push_str(&format!(
                "  - name: case {i}\n    request:\n      method: POST\n      url: \"{{{{base}}}}/items\"\n      json: {{name: widget, n: {i}}}\n    assert:\n      - status == 201\n      - jsonpath $.name == \"widget\"\n      - header Content-Type contains \"json\"\n      - duration < 1000\n"
            ));
        } else {
            yaml.push_str(&format!(
                "  - name: case {i}\n    request:\n      method: GET\n      url: \"{{{{base}}}}/json/nested\"\n    assert:\n      - status == 200\n      - jsonpath $ exists\n      - header Content-Type contains \"json\"\n      - duration < 1000\n"
            ));
        }
    }
    yaml
}

async fn throughput() {
    const CASES: usize = 5000;
    let world = World::new().await;
    let file = world.collection_text("bench", &bench_cases(CASES));
    let cli = cli_binary();
    let app = world.launch(&[file.display().to_string()]).await;
    println!("\n## Throughput, {CASES} cases against the sandbox (seconds from start to end)\n");
    println!("| round | app (persistence + live events) | CLI --db | app / CLI throughput |");
    println!("|---|---|---|---|");
    let mut ratios = Vec::new();
    for round in 1..=3 {
        let id = run_selected(&app, "bench").await.id;
        let app_secs = wait_finished(&world.database(), &id).await;
        let db = world.dir.path().join(format!("cli-{round}.db"));
        let status = std::process::Command::new(&cli)
            .arg("run")
            .arg(&file)
            .arg("--db")
            .arg(&db)
            .stdout(std::process::Stdio::null())
            .status()
            .expect("the CLI runs");
        assert!(status.success(), "the CLI batch passed");
        let cli_batch = only_batch(&db);
        let cli_secs = span(&cli_batch);
        let ratio = cli_secs / app_secs;
        ratios.push(ratio);
        println!("| {round} | {app_secs:.3} | {cli_secs:.3} | {ratio:.2}x |");
    }
    ratios.sort_by(f64::total_cmp);
    println!("\nmedian app/CLI throughput: {:.2}x", ratios[1]);
    app.end().await;
}

async fn reattach_and_memory() {
    let world = World::new().await;
    // Ten cases run many times over: the results grow, the plan stays small, so what is
    // measured is what results cost. Paused once they number n (a paused batch is one
    // the page re-attaches to).
    let small = world.collection_text("small", &plain_cases(10, "/delay/1"));
    let big = world.collection_text("big", &plain_cases(10, "/status/200"));
    let app = world.launch(&[small.display().to_string()]).await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    let fresh = tree_pss(&world);
    // WebKit keeps some of a reloaded page's memory for a while: the baseline is the idle
    // app after a reload, like every figure below.
    let _ = app.exec("location.reload()", vec![]).await;
    tokio::time::sleep(Duration::from_secs(5)).await;
    let idle = tree_pss(&world);
    println!("\n## Re-attach and memory (PSS of app + WebKit processes)\n");
    println!("fresh app: {:.1} MB ({})", mb(fresh.0), fresh.1);
    println!("idle app after a reload: {:.1} MB ({})", mb(idle.0), idle.1);
    println!(
        "\n| batch | results held | re-attach (reload to all shown) | PSS with it open | over idle | per process |"
    );
    println!("|---|---|---|---|---|---|");
    for (file, name, n, iterations) in [
        (&small, "small", 1_000u64, "300"),
        (&big, "big", 100_000, "30000"),
    ] {
        if name == "big" {
            assert!(world.launch_again(&[file.display().to_string()]).success());
        }
        app.set_value("input[name=iterations]", iterations).await;
        let id = run_selected(&app, name).await.id;
        wait_shown(&app, "results", &id, Duration::from_secs(600), |b| {
            b.done >= n
        })
        .await;
        page::click_in_panel(&app, &id, "pause-button").await;
        let paused = wait_shown(&app, "paused", &id, Duration::from_secs(30), |b| {
            b.state == "PAUSED"
        })
        .await;
        let held = batch(&world.database(), &id).counters.done.max(paused.done);
        let _ = app.exec("location.reload()", vec![]).await;
        let started = Instant::now();
        eventually("all results back", Duration::from_secs(600), || async {
            page_seqs(&app, &id)
                .await
                .filter(|s| s.len() as u64 >= held)
        })
        .await;
        let reattach = started.elapsed();
        tokio::time::sleep(Duration::from_secs(3)).await;
        let pss = tree_pss(&world);
        println!(
            "| {name} | {held} | {:.2} s | {:.1} MB | {:+.1} MB | {} |",
            reattach.as_secs_f64(),
            mb(pss.0),
            mb(pss.0 - idle.0),
            pss.1
        );
        page::click_in_panel(&app, &id, "cancel-button").await;
        wait_shown(&app, "cancelled", &id, Duration::from_secs(30), |b| {
            b.state == "CANCELLED"
        })
        .await;
    }
    app.end().await;
}

/// A long run at about 1000 results per second, window shown for the first
/// half and hidden for the second; PSS of the tree every minute.
async fn soak(minutes: u64) {
    let world = World::new().await;
    let file = world.collection_text("soak", &plain_cases(1_000, "/status/200"));
    let app = world.launch(&[file.display().to_string()]).await;
    // Four workers pausing 2 ms after each request: just over 1000 results per second here.
    app.set_value("input[name=concurrency]", "4").await;
    app.set_value("input[name=delay_ms]", "2").await;
    app.set_value("input[name=iterations]", "100000").await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let (start_pss, start_parts) = tree_pss(&world);
    let id = run_selected(&app, "soak").await.id;
    println!("\n## Soak: {minutes} min at ~1000 results/s, hidden for the second half\n");
    println!(
        "Idle before the run: {:.1} MB ({start_parts})\n",
        mb(start_pss)
    );
    println!("| time | window | results | rate /s | PSS MB | growth MB | per process MB |");
    println!("|---|---|---|---|---|---|---|");
    // A sample every half minute: the web process's memory moves with its garbage
    // collector, so one sample a minute hides how far it swings.
    let half_minutes = minutes * 2;
    let mut last = 0;
    let mut largest = i64::MIN;
    let mut growth = 0;
    for half in 1..=half_minutes {
        let shown = half <= half_minutes / 2;
        if half == half_minutes / 2 + 1 {
            x11::close_window(world.display());
        }
        tokio::time::sleep(Duration::from_secs(30)).await;
        let done = batch(&world.database(), &id).counters.done;
        let (pss, parts) = tree_pss(&world);
        println!(
            "| {}:{} | {} | {done} | {} | {:.1} | {:+.1} | {parts} |",
            half / 2,
            if half % 2 == 0 { "00" } else { "30" },
            if shown { "shown" } else { "hidden" },
            (done - last) / 30,
            mb(pss),
            mb(pss - start_pss)
        );
        last = done;
        growth = pss - start_pss;
        largest = largest.max(growth);
    }
    println!(
        "\nGrowth at the end {:+.1} MB; the largest sample {:+.1} MB.",
        mb(growth),
        mb(largest)
    );
    page::click_in_panel(&app, &id, "cancel-button").await;
    app.end().await;
}

fn plain_cases(n: usize, path: &str) -> String {
    (0..n)
        .map(|i| format!("  - name: case {i}\n    request:\n      method: GET\n      url: \"{{{{base}}}}{path}\"\n    assert:\n      - status == 200\n"))
        .collect()
}

async fn wait_finished(db: &Path, id: &BatchId) -> f64 {
    let done = eventually("the batch to finish", Duration::from_secs(600), || async {
        let b = batch(db, id);
        (!b.state.is_active()).then_some(b)
    })
    .await;
    span(&done)
}

fn batch(db: &Path, id: &BatchId) -> BatchSummary {
    Store::open(db)
        .and_then(|s| s.reader())
        .and_then(|r| r.batch(id))
        .expect("batch")
}

fn only_batch(db: &Path) -> BatchSummary {
    Store::open(db)
        .and_then(|s| s.reader())
        .and_then(|r| r.batches(1))
        .ok()
        .and_then(|mut b| b.pop())
        .expect("the CLI's batch")
}

fn span(batch: &BatchSummary) -> f64 {
    match (batch.started_at, batch.finished_at) {
        (Some(start), Some(end)) => (end - start).as_seconds_f64(),
        _ => f64::NAN,
    }
}

/// The CLI built beside the app (`cargo build --release -p apiautotest-cli`).
fn cli_binary() -> PathBuf {
    let app = PathBuf::from(env!("CARGO_BIN_EXE_apiautotest-desktop"));
    let cli = app.with_file_name("apiautotest");
    assert!(cli.exists(), "build the CLI first: {}", cli.display());
    cli
}

/// PSS in KB of the app and every process below it, and per process ("name MB, ...").
fn tree_pss(world: &World) -> (i64, String) {
    let Some(root) = world.app_pid() else {
        return (0, String::new());
    };
    let mut parents: Vec<(u32, u32)> = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        if let Ok(stat) = std::fs::read_to_string(entry.path().join("stat"))
            && let Some((_, rest)) = stat.rsplit_once(") ")
            && let Some(ppid) = rest.split(' ').nth(1).and_then(|p| p.parse().ok())
        {
            parents.push((pid, ppid));
        }
    }
    let mut tree = vec![root];
    let mut i = 0;
    while i < tree.len() {
        let parent = tree[i];
        tree.extend(
            parents
                .iter()
                .filter(|(_, p)| *p == parent)
                .map(|(c, _)| *c),
        );
        i += 1;
    }
    let each: Vec<(String, i64)> = tree
        .iter()
        .filter_map(|pid| {
            let text = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok()?;
            let kb = text
                .lines()
                .find(|l| l.starts_with("Pss:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<i64>().ok())?;
            let name = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
            Some((name.trim().to_owned(), kb))
        })
        .collect();
    let total = each.iter().map(|(_, kb)| kb).sum();
    let parts = each
        .iter()
        .map(|(name, kb)| format!("{name} {:.0}", mb(*kb)))
        .collect::<Vec<_>>()
        .join(", ");
    (total, parts)
}

fn mb(kb: i64) -> f64 {
    kb as f64 / 1024.0
}
