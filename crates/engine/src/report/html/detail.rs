//! The expanded part of a result row: what was sent, what came back, and each assertion's
//! expected against actual. A runtime error gets its own box, styled apart from failed
//! assertions, because it means there was no usable answer to judge.

use std::io::Write;

use super::preview::{PREVIEW_BYTES, cut, write_body};
use crate::model::{AssertionOutcome, CaseResult, RequestRecord, ResponseRecord, RunError};
use crate::report::ReportError;
use crate::report::escape::Text;

pub(super) fn write(r: &CaseResult, out: &mut dyn Write) -> Result<(), ReportError> {
    writeln!(out, "<div class=\"detail\">")?;
    if let Some(error) = &r.error {
        write_error(error, out)?;
    }
    if !r.assertions.is_empty() {
        write_assertions(&r.assertions, out)?;
    }
    match &r.request {
        Some(request) => write_request(request, out)?,
        None => writeln!(out, "<h3>Request</h3><p class=\"muted\">Not sent.</p>")?,
    }
    match &r.response {
        Some(response) => write_response(response, out)?,
        None => writeln!(out, "<h3>Response</h3><p class=\"muted\">No response.</p>")?,
    }
    if !r.captures.is_empty() {
        write_captures(r, out)?;
    }
    writeln!(
        out,
        "<p class=\"muted\">Started {} · {} attempt(s)</p></div>",
        r.started_at.format("%Y-%m-%d %H:%M:%S%.3f UTC"),
        r.attempts
    )?;
    Ok(())
}

fn write_error(error: &RunError, out: &mut dyn Write) -> Result<(), ReportError> {
    writeln!(
        out,
        "<div class=\"error-box\"><strong>Error: {}</strong><pre>{}</pre></div>",
        error.kind.as_str(),
        Text(&error.message)
    )?;
    Ok(())
}

fn write_assertions(
    assertions: &[AssertionOutcome],
    out: &mut dyn Write,
) -> Result<(), ReportError> {
    writeln!(
        out,
        "<h3>Assertions</h3>\n<table class=\"assertions\"><thead><tr><th></th><th>Assertion</th>\
         <th>Expected</th><th>Actual</th><th>Message</th></tr></thead><tbody>"
    )?;
    for a in assertions {
        let (class, mark) = if a.passed {
            ("pass", "✓")
        } else {
            ("fail", "✗")
        };
        writeln!(
            out,
            "<tr class=\"{class}\"><td>{mark}</td><td><code>{}</code></td><td><code>{}</code></td>\
             <td><code>{}</code></td><td>{}</td></tr>",
            Text(&a.assertion),
            Text(&a.expected),
            Text(&a.actual),
            Text(&a.message)
        )?;
    }
    writeln!(out, "</tbody></table>")?;
    Ok(())
}

fn write_headers(headers: &[(String, String)], out: &mut dyn Write) -> Result<(), ReportError> {
    if headers.is_empty() {
        return Ok(());
    }
    write!(out, "<table class=\"kv\"><tbody>")?;
    for (name, value) in headers {
        write!(
            out,
            "<tr><th>{}</th><td>{}</td></tr>",
            Text(name),
            Text(value)
        )?;
    }
    writeln!(out, "</tbody></table>")?;
    Ok(())
}

fn write_request(req: &RequestRecord, out: &mut dyn Write) -> Result<(), ReportError> {
    writeln!(
        out,
        "<h3>Request</h3>\n<p><code><b>{}</b> {}</code></p>",
        Text(&req.method),
        Text(&req.url)
    )?;
    write_headers(&req.headers, out)?;
    if let Some(body) = &req.body {
        write_body(body.as_bytes(), body.len() as u64, out)?;
    }
    Ok(())
}

fn write_response(res: &ResponseRecord, out: &mut dyn Write) -> Result<(), ReportError> {
    writeln!(
        out,
        "<h3>Response</h3>\n<p><code><b>{}</b></code></p>",
        res.status
    )?;
    write_headers(&res.headers, out)?;
    write_body(&res.body, res.body_size, out)
}

/// Captured values, as JSON cut like bodies (secrets were masked before they were stored).
fn write_captures(r: &CaseResult, out: &mut dyn Write) -> Result<(), ReportError> {
    write!(out, "<h3>Captures</h3>\n<table class=\"kv\"><tbody>")?;
    for (name, value) in &r.captures {
        let json = serde_json::to_string(value)?;
        let shown = cut(&json, PREVIEW_BYTES);
        let more = if shown.len() < json.len() { "…" } else { "" };
        write!(
            out,
            "<tr><th>{}</th><td><code>{}{more}</code></td></tr>",
            Text(name),
            Text(shown)
        )?;
    }
    writeln!(out, "</tbody></table>")?;
    Ok(())
}
