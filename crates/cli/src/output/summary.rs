//! The summary printed when a batch ends, read back from the store (so it shows what was
//! committed, not what the process believes).

use std::io::Write;

use apiautotest_engine::model::{BatchSummary, CaseResult, ErrorKind, Verdict};
use apiautotest_engine::store::{Reader, ResultFilter, StoreError};

/// Failed cases listed in detail at the end; the reports have them all.
const MAX_LISTED: u32 = 20;

pub fn print(
    reader: &Reader,
    batch: &BatchSummary,
    json: bool,
    db_hint: Option<&str>,
) -> Result<(), StoreError> {
    let durations = reader.durations(&batch.id)?;
    let elapsed = match (batch.started_at, batch.finished_at) {
        (Some(start), Some(end)) => (end - start).num_milliseconds() as f64 / 1000.0,
        _ => 0.0,
    };
    let mut out = std::io::stdout().lock();
    if json {
        let line = serde_json::json!({
            "type": "summary",
            "batch": batch,
            "durations": durations,
            "elapsed_seconds": elapsed,
        });
        let _ = writeln!(out, "{line}");
        return Ok(());
    }
    let c = &batch.counters;
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "Batch       {} {:?}: {}",
        batch.id, batch.name, batch.state
    );
    if let Some(message) = &batch.message {
        let _ = writeln!(out, "            {message}");
    }
    let script_errors = reader.errors_of_kind(&batch.id, ErrorKind::Script)?;
    let by_scripts = if script_errors > 0 {
        format!(" ({script_errors} by a script)")
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "Cases       {} run of {}: {} passed, {} failed, {} errored{by_scripts}",
        c.done, c.total, c.passed, c.failed, c.errored
    );
    let _ = writeln!(
        out,
        "Assertions  {} passed, {} failed",
        durations.assertions_passed, durations.assertions_failed
    );
    let _ = writeln!(
        out,
        "Duration    {elapsed:.2} s; response time p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        durations.p50, durations.p95, durations.p99, durations.max
    );
    if c.failed + c.errored > 0 {
        let _ = writeln!(out, "Not passed");
        let failed = reader.results_after(&batch.id, 0, MAX_LISTED, ResultFilter::NotPassed)?;
        for r in &failed {
            let _ = writeln!(out, "{}", describe(r));
        }
        if c.failed + c.errored > failed.len() as u64 {
            let _ = writeln!(
                out,
                "  ... and {} more (see the reports)",
                c.failed + c.errored - failed.len() as u64
            );
        }
    }
    if let Some(db) = db_hint {
        let _ = writeln!(out, "Recorded in {db}");
    }
    Ok(())
}

fn describe(r: &CaseResult) -> String {
    let mut where_ = format!("  #{} {}", r.seq, r.case_name);
    if r.iteration > 0 {
        where_.push_str(&format!(" [iteration {}]", r.iteration + 1));
    }
    if let Some(row) = r.data_row {
        where_.push_str(&format!(" [row {}]", row + 1));
    }
    match (&r.error, r.verdict) {
        (Some(e), _) => format!("{where_}: ERROR {}: {}", e.kind.as_str(), e.message),
        (None, Verdict::Failed) => {
            let reasons: Vec<String> = r
                .assertions
                .iter()
                .filter(|a| !a.passed)
                .map(|a| {
                    format!(
                        "\n      {}: expected {}, actual {}",
                        a.assertion, a.expected, a.actual
                    )
                })
                .collect();
            format!("{where_}: FAILED{}", reasons.concat())
        }
        _ => where_,
    }
}
