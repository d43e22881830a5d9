//! JSON: `{"batch": ..., "durations": ..., "results": [...]}`, for scripts and dashboards.
//!
//! The document is assembled by hand around serde's output for each part, so results are
//! encoded one at a time as they come from the store and never all held at once. Each part
//! uses the model's own serde form, the same one the desktop UI receives.

use std::io::Write;

use super::ReportError;
use crate::model::{BatchId, CaseResult};
use crate::store::Reader;

pub(super) fn write(reader: &Reader, id: &BatchId, out: &mut dyn Write) -> Result<(), ReportError> {
    let batch = reader.batch(id)?;
    let durations = reader.durations(id)?;
    out.write_all(b"{\"batch\":")?;
    serde_json::to_writer(&mut *out, &batch)?;
    out.write_all(b",\"durations\":")?;
    serde_json::to_writer(&mut *out, &durations)?;
    out.write_all(b",\"results\":[")?;
    let mut first = true;
    reader.for_each_result(id, |result: CaseResult| -> Result<(), ReportError> {
        // One result per line keeps the file greppable and diffable.
        out.write_all(if first { "\n" } else { ",\n" }.as_bytes())?;
        first = false;
        serde_json::to_writer(&mut *out, &result)?;
        Ok(())
    })?;
    out.write_all(b"\n]}\n")?;
    Ok(())
}
