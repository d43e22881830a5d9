//! Live progress from engine events: a bar on a terminal, plain lines otherwise, JSON
//! lines with `--json`. Events arrive only after their results are committed.

use std::io::{IsTerminal, Write};

use apiautotest_engine::model::{BatchEvent, BatchId, ResultSummary, Verdict};
use indicatif::{ProgressBar, ProgressStyle};
use tokio::sync::broadcast;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Bar,
    Lines,
    Json,
}

impl Mode {
    pub fn pick(json: bool) -> Mode {
        if json {
            Mode::Json
        } else if std::io::stderr().is_terminal() {
            Mode::Bar
        } else {
            Mode::Lines
        }
    }
}

/// Follows one batch's events until it reaches a final or interrupted state, or the
/// channel closes. Missed events (a slow terminal) only thin the progress out.
pub async fn follow(
    mut events: broadcast::Receiver<BatchEvent>,
    batch: BatchId,
    total: u64,
    mode: Mode,
) {
    let bar = (mode == Mode::Bar).then(|| {
        let bar = ProgressBar::new(total);
        let style = ProgressStyle::with_template(
            "{bar:30} {pos}/{len} {msg} [{elapsed_precise}, ETA {eta}]",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        bar
    });
    // One write per event, not per line: a batch can commit thousands of results a second.
    let mut out = std::io::BufWriter::new(std::io::stdout());
    loop {
        let event = match events.recv().await {
            Ok(event) => event,
            Err(broadcast::error::RecvError::Lagged(_)) => continue,
            Err(broadcast::error::RecvError::Closed) => break,
        };
        if event.batch_id() != &batch {
            continue;
        }
        match &event {
            BatchEvent::Results {
                results, counters, ..
            } => match (&bar, mode) {
                (Some(bar), _) => {
                    bar.set_position(counters.done);
                    bar.set_message(format!(
                        "{} passed, {} failed, {} errored",
                        counters.passed, counters.failed, counters.errored
                    ));
                }
                (None, Mode::Json) => {
                    for r in results {
                        let line =
                            serde_json::json!({"type": "result", "batch_id": batch, "result": r});
                        let _ = writeln!(out, "{line}");
                    }
                }
                (None, _) => {
                    for r in results {
                        let _ = writeln!(out, "{}", line(r, total));
                    }
                }
            },
            BatchEvent::State {
                state,
                pause_reason,
                message,
                ..
            } => {
                let text = match (pause_reason, message) {
                    (Some(reason), _) => format!("{state} ({})", reason.as_str().replace('_', " ")),
                    (None, Some(message)) => format!("{state}: {message}"),
                    (None, None) => state.to_string(),
                };
                match (&bar, mode) {
                    (Some(bar), _) => bar.println(format!("batch {text}")),
                    (None, Mode::Json) => {
                        // The event is already tagged `"type": "state"`.
                        let _ =
                            writeln!(out, "{}", serde_json::to_string(&event).unwrap_or_default());
                    }
                    (None, _) => {
                        let _ = writeln!(out, "batch {text}");
                    }
                }
                if state.is_final() || *state == apiautotest_engine::model::BatchState::Interrupted
                {
                    break;
                }
            }
        }
        let _ = out.flush();
    }
    let _ = out.flush();
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
}

fn line(r: &ResultSummary, total: u64) -> String {
    let what = match r.verdict {
        Verdict::Passed => "PASS ",
        Verdict::Failed => "FAIL ",
        Verdict::Errored => "ERROR",
    };
    let detail = match (&r.error, r.status) {
        (Some(e), _) => format!("{}: {}", e.kind.as_str(), e.message),
        (None, Some(status)) if r.failed_assertions > 0 => {
            format!(
                "{status}, {:.1} ms, {} assertion(s) failed",
                r.duration_ms, r.failed_assertions
            )
        }
        (None, Some(status)) => format!("{status}, {:.2} ms", r.duration_ms),
        (None, None) => String::new(),
    };
    let width = total.to_string().len();
    format!(
        "{:>width$}/{total} {what} {} ({detail})",
        r.seq, r.case_name
    )
}
