//! JUnit XML, the format CI servers (GitLab, Jenkins, GitHub actions) read.
//!
//! One `<testsuite>` per batch, one `<testcase>` per stored result. A failed assertion is a
//! `<failure>` and a runtime error (DNS, refused, timeout...) an `<error>`: CI tools show
//! the two differently, and so must we, since "the API answered wrongly" and "we could not
//! get an answer" call for different people to act.

use std::io::Write;

use chrono::SecondsFormat;

use super::escape::{Attr, Text};
use super::{ReportError, seconds};
use crate::model::{BatchId, BatchSummary, CaseResult, Verdict};
use crate::store::Reader;

pub(super) fn write(reader: &Reader, id: &BatchId, out: &mut dyn Write) -> Result<(), ReportError> {
    let batch = reader.batch(id)?;
    write_header(&batch, out)?;
    let many_iterations = batch.options.iterations > 1;
    reader.for_each_result(id, |result: CaseResult| -> Result<(), ReportError> {
        write_case(&batch.name, many_iterations, &result, out)
    })?;
    writeln!(out, "  </testsuite>\n</testsuites>")?;
    Ok(())
}

/// The suite's time: the batch's wall-clock time, which is what a CI timeline shows. Not
/// the sum of case times, which concurrency inflates. Zero while the batch has not ended;
/// for a resumed batch it includes the time it spent interrupted.
fn wall_ms(batch: &BatchSummary) -> f64 {
    match (batch.started_at, batch.finished_at) {
        (Some(start), Some(end)) => (end - start)
            .num_microseconds()
            .map_or(0.0, |us| us as f64 / 1000.0),
        _ => 0.0,
    }
}

fn write_header(batch: &BatchSummary, out: &mut dyn Write) -> Result<(), ReportError> {
    let c = &batch.counters;
    let time = seconds(wall_ms(batch));
    let name = Attr(&batch.name);
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="{name}" tests="{}" failures="{}" errors="{}" time="{time}">"#,
        c.done, c.failed, c.errored
    )?;
    write!(
        out,
        r#"  <testsuite id="{}" name="{name}" tests="{}" failures="{}" errors="{}" skipped="0" time="{time}""#,
        Attr(&batch.id.0),
        c.done,
        c.failed,
        c.errored
    )?;
    // RFC 3339 with an explicit offset, as pytest writes it; Jenkins and GitLab read it.
    let started = batch.started_at.unwrap_or(batch.created_at);
    writeln!(
        out,
        r#" timestamp="{}">"#,
        started.to_rfc3339_opts(SecondsFormat::Secs, false)
    )?;
    // Properties say what the counts cannot: a cancelled or interrupted batch has fewer
    // test cases than planned, and a CI reader should be able to tell.
    writeln!(out, "    <properties>")?;
    write_property(out, "batch.id", &batch.id.0)?;
    write_property(out, "batch.state", batch.state.as_str())?;
    write_property(out, "batch.planned", &c.total.to_string())?;
    if let Some(message) = &batch.message {
        write_property(out, "batch.message", message)?;
    }
    writeln!(out, "    </properties>")?;
    Ok(())
}

fn write_property(out: &mut dyn Write, name: &str, value: &str) -> Result<(), ReportError> {
    writeln!(
        out,
        r#"      <property name="{}" value="{}"/>"#,
        Attr(name),
        Attr(value)
    )?;
    Ok(())
}

/// The test name: the case name, told apart from its other runs by iteration and data row.
fn case_name(result: &CaseResult, many_iterations: bool) -> String {
    let mut name = result.case_name.clone();
    if many_iterations {
        name.push_str(&format!(" [iteration {}]", u64::from(result.iteration) + 1));
    }
    if let Some(row) = result.data_row {
        name.push_str(&format!(" [row {}]", u64::from(row) + 1));
    }
    name
}

fn write_case(
    suite: &str,
    many_iterations: bool,
    result: &CaseResult,
    out: &mut dyn Write,
) -> Result<(), ReportError> {
    writeln!(
        out,
        r#"    <testcase name="{}" classname="{}" time="{}">"#,
        Attr(&case_name(result, many_iterations)),
        Attr(suite),
        seconds(result.duration_ms)
    )?;
    match result.verdict {
        Verdict::Passed => {}
        Verdict::Failed => write_failure(result, out)?,
        Verdict::Errored => write_error(result, out)?,
    }
    write_system_out(result, out)?;
    writeln!(out, "    </testcase>")?;
    Ok(())
}

fn write_failure(result: &CaseResult, out: &mut dyn Write) -> Result<(), ReportError> {
    let failed = result.assertions.iter().filter(|a| !a.passed);
    writeln!(
        out,
        r#"      <failure message="{} assertion(s) failed" type="assertion">"#,
        failed.clone().count()
    )?;
    for a in failed {
        write!(
            out,
            "{}: expected {}, actual {}",
            Text(&a.assertion),
            Text(&a.expected),
            Text(&a.actual)
        )?;
        if !a.message.is_empty() {
            write!(out, " ({})", Text(&a.message))?;
        }
        writeln!(out)?;
    }
    writeln!(out, "      </failure>")?;
    Ok(())
}

fn write_error(result: &CaseResult, out: &mut dyn Write) -> Result<(), ReportError> {
    let (kind, message) = match &result.error {
        Some(e) => (e.kind.as_str(), e.message.as_str()),
        // An errored verdict always carries its error; keep the element valid regardless.
        None => ("other", "unknown error"),
    };
    writeln!(
        out,
        r#"      <error message="{}" type="{}">{}</error>"#,
        Attr(message),
        Attr(kind),
        Text(message)
    )?;
    Ok(())
}

/// What CI shows under a test: the request sent and what came back, so a reader can start
/// debugging without opening the HTML report.
fn write_system_out(result: &CaseResult, out: &mut dyn Write) -> Result<(), ReportError> {
    write!(out, "      <system-out>")?;
    if let Some(req) = &result.request {
        writeln!(out, "{} {}", Text(&req.method), Text(&req.url))?;
    }
    match &result.response {
        Some(res) => writeln!(out, "status {} in {:.1} ms", res.status, result.duration_ms)?,
        None => writeln!(out, "no response after {:.1} ms", result.duration_ms)?,
    }
    if result.attempts > 1 {
        writeln!(out, "{} attempts", result.attempts)?;
    }
    writeln!(out, "</system-out>")?;
    Ok(())
}
