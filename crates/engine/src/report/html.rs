//! One self-contained HTML page: a header with the batch's figures, then one expandable
//! row per result.
//!
//! The file must open anywhere, offline, years later: CSS and the few lines of JS are
//! inline, and a Content-Security-Policy forbids every external load, so even a URL that
//! slipped into the markup could not be fetched. Rows expand with `<details>`, which needs
//! no script; the script only filters rows by their `data-verdict`. Everything that comes
//! from a user or a server is escaped with [`Text`].

mod detail;
mod preview;

use std::io::Write;

use chrono::{DateTime, Utc};

use super::ReportError;
use super::escape::Text;
use crate::model::{BatchId, BatchState, BatchSummary, CaseResult, Verdict};
use crate::store::{Durations, Reader};

const STYLE: &str = include_str!("html/style.css");
const SCRIPT: &str = include_str!("html/filter.js");

/// Only inline style and script; nothing may be fetched, from anywhere.
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'";

pub(super) fn write(reader: &Reader, id: &BatchId, out: &mut dyn Write) -> Result<(), ReportError> {
    let batch = reader.batch(id)?;
    let durations = reader.durations(id)?;
    write_head(&batch, out)?;
    write_summary(&batch, &durations, out)?;
    write_filters(&batch, out)?;
    writeln!(out, "<main>")?;
    writeln!(
        out,
        "<div class=\"cells head\"><span>#</span><span>Case</span><span>Iter / row</span>\
         <span>Verdict</span><span>Status</span><span>ms</span><span>Error</span></div>"
    )?;
    reader.for_each_result(id, |result: CaseResult| -> Result<(), ReportError> {
        write_row(&result, out)?;
        detail::write(&result, out)?;
        writeln!(out, "</details>")?;
        Ok(())
    })?;
    if batch.counters.done == 0 {
        writeln!(out, "<p class=\"muted\">No results yet.</p>")?;
    }
    writeln!(
        out,
        "</main>\n<script>\n{SCRIPT}</script>\n</body>\n</html>"
    )?;
    Ok(())
}

fn write_head(batch: &BatchSummary, out: &mut dyn Write) -> Result<(), ReportError> {
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <title>{}: apiautotest report</title>\n<style>\n{STYLE}</style>\n</head>\n<body>",
        Text(&batch.name)
    )?;
    Ok(())
}

/// `2024-05-01 12:00:00 UTC`, or a dash for a time that has not happened.
fn when(t: Option<DateTime<Utc>>) -> String {
    t.map_or_else(
        || "–".to_owned(),
        |t| t.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
    )
}

/// The CSS class of a batch state: green when it passed, red when it failed, neutral else.
fn state_class(state: BatchState) -> &'static str {
    match state {
        BatchState::Passed => "passed",
        BatchState::Failed => "failed",
        BatchState::Interrupted | BatchState::Cancelled => "errored",
        BatchState::Queued | BatchState::Running | BatchState::Paused => "neutral",
    }
}

fn write_summary(
    batch: &BatchSummary,
    d: &Durations,
    out: &mut dyn Write,
) -> Result<(), ReportError> {
    let c = &batch.counters;
    writeln!(out, "<header>\n<h1>{}</h1>", Text(&batch.name))?;
    writeln!(
        out,
        "<p class=\"meta\"><span class=\"badge {}\">{}</span> started {} · finished {} · \
         {} of {} planned runs done · batch <code>{}</code></p>",
        state_class(batch.state),
        batch.state,
        when(batch.started_at),
        when(batch.finished_at),
        c.done,
        c.total,
        Text(&batch.id.0)
    )?;
    writeln!(
        out,
        "<p class=\"badges\"><span class=\"badge passed\">{} passed</span> \
         <span class=\"badge failed\">{} failed</span> <span class=\"badge errored\">{} errored</span></p>",
        c.passed, c.failed, c.errored
    )?;
    writeln!(
        out,
        "<dl class=\"figures\"><div><dt>p50</dt><dd>{:.1} ms</dd></div><div><dt>p95</dt><dd>{:.1} ms</dd></div>\
         <div><dt>p99</dt><dd>{:.1} ms</dd></div><div><dt>max</dt><dd>{:.1} ms</dd></div>\
         <div><dt>assertions</dt><dd>{} passed, {} failed</dd></div></dl>",
        d.p50, d.p95, d.p99, d.max, d.assertions_passed, d.assertions_failed
    )?;
    if let Some(message) = &batch.message {
        writeln!(out, "<p class=\"notice\">{}</p>", Text(message))?;
    }
    if batch.unknown_outcomes > 0 {
        writeln!(
            out,
            "<p class=\"notice\">{} case(s) were in flight when the process stopped: \
             they may or may not have been sent.</p>",
            batch.unknown_outcomes
        )?;
    }
    writeln!(out, "</header>")?;
    Ok(())
}

fn write_filters(batch: &BatchSummary, out: &mut dyn Write) -> Result<(), ReportError> {
    let c = &batch.counters;
    writeln!(
        out,
        "<nav class=\"filters\" aria-label=\"Filter results\">\
         <button type=\"button\" data-filter=\"all\" aria-pressed=\"true\">All <b>{}</b></button>\
         <button type=\"button\" data-filter=\"failed\" aria-pressed=\"false\">Failed <b>{}</b></button>\
         <button type=\"button\" data-filter=\"errored\" aria-pressed=\"false\">Errored <b>{}</b></button></nav>",
        c.done, c.failed, c.errored
    )?;
    Ok(())
}

/// A symbol with the word, so verdicts stay distinct without colour.
fn verdict_label(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Passed => "✓ passed",
        Verdict::Failed => "✗ failed",
        Verdict::Errored => "⚠ errored",
    }
}

/// Opens the row's `<details>` and writes its always-visible line.
fn write_row(r: &CaseResult, out: &mut dyn Write) -> Result<(), ReportError> {
    let verdict = r.verdict.as_str();
    write!(
        out,
        "<details class=\"result {verdict}\" data-verdict=\"{verdict}\"><summary><span class=\"cells\">\
         <span>{}</span><span class=\"name\">{}</span><span>{}",
        r.seq,
        Text(&r.case_name),
        u64::from(r.iteration) + 1
    )?;
    if let Some(row) = r.data_row {
        write!(out, " / {}", u64::from(row) + 1)?;
    }
    write!(
        out,
        "</span><span class=\"verdict\">{}</span><span>",
        verdict_label(r.verdict)
    )?;
    match &r.response {
        Some(res) => write!(out, "{}", res.status)?,
        None => write!(out, "–")?,
    }
    write!(
        out,
        "</span><span class=\"num\">{:.1}</span><span>",
        r.duration_ms
    )?;
    if let Some(e) = &r.error {
        write!(out, "{}", e.kind.as_str())?;
    }
    writeln!(out, "</span></span></summary>")?;
    Ok(())
}
