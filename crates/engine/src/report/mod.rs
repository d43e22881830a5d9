//! Reports: pure functions of stored results, one module per format.
//!
//! Every format streams: the header comes from the batch row (its counters are kept up to
//! date by the store, so nothing needs counting first), then results go out one at a time
//! from [`Reader::for_each_result`]. Memory stays flat whatever the size of the batch.

mod escape;
mod html;
mod json;
mod junit;

use std::fmt;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::model::BatchId;
use crate::store::{Reader, StoreError};

/// The report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "lowercase")]
pub enum ReportFormat {
    /// JUnit XML, for CI servers (GitLab, Jenkins...).
    Junit,
    /// One JSON document: the batch, its duration figures and every result.
    Json,
    /// One self-contained HTML page that opens offline.
    Html,
}

impl ReportFormat {
    pub const ALL: [ReportFormat; 3] =
        [ReportFormat::Junit, ReportFormat::Json, ReportFormat::Html];

    pub fn as_str(self) -> &'static str {
        match self {
            ReportFormat::Junit => "junit",
            ReportFormat::Json => "json",
            ReportFormat::Html => "html",
        }
    }

    /// The usual file extension, for default file names.
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Junit => "xml",
            ReportFormat::Json => "json",
            ReportFormat::Html => "html",
        }
    }
}

impl fmt::Display for ReportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ReportFormat {
    type Err = String;

    /// Accepts the names in any case, since people type them on command lines.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ReportFormat::ALL
            .into_iter()
            .find(|f| f.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| format!("unknown report format {s:?} (expected junit, json or html)"))
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot write the report: {0}")]
    Io(#[from] io::Error),
    #[error("cannot encode the report as JSON: {0}")]
    Json(serde_json::Error),
}

impl From<serde_json::Error> for ReportError {
    /// serde_json wraps the errors of the writer it writes to; those are I/O errors (a full
    /// disk, a closed pipe) and are reported as such.
    fn from(e: serde_json::Error) -> Self {
        if e.is_io() {
            ReportError::Io(e.into())
        } else {
            ReportError::Json(e)
        }
    }
}

/// Writes the report of a batch to `out`.
///
/// Output is buffered here, so `out` may be an unbuffered stdout or file.
pub fn write(
    format: ReportFormat,
    reader: &Reader,
    batch: &BatchId,
    out: &mut dyn Write,
) -> Result<(), ReportError> {
    let mut out = BufWriter::new(out);
    match format {
        ReportFormat::Junit => junit::write(reader, batch, &mut out)?,
        ReportFormat::Json => json::write(reader, batch, &mut out)?,
        ReportFormat::Html => html::write(reader, batch, &mut out)?,
    }
    out.flush()?;
    Ok(())
}

/// Writes the report of a batch to the file at `path`, creating its parent directories.
///
/// The report goes to `PATH.tmp` beside it first, then is renamed over `path`: a reader
/// (a CI job, a browser) never sees half a report, and a failed write leaves the previous
/// report in place.
pub fn write_file(
    format: ReportFormat,
    reader: &Reader,
    batch: &BatchId,
    path: &Path,
) -> Result<(), ReportError> {
    let tmp = tmp_path(path)?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir)?;
    }
    let written =
        write_then_sync(format, reader, batch, &tmp).and_then(|()| Ok(fs::rename(&tmp, path)?));
    if written.is_err() {
        // Best effort: the error that matters is the one being returned.
        let _ = fs::remove_file(&tmp);
    }
    written
}

fn write_then_sync(
    format: ReportFormat,
    reader: &Reader,
    batch: &BatchId,
    tmp: &Path,
) -> Result<(), ReportError> {
    let mut file = File::create(tmp)?;
    write(format, reader, batch, &mut file)?;
    // On disk before the rename, so a crash cannot leave an empty file under the real name.
    file.sync_all()?;
    Ok(())
}

/// `PATH.tmp`, in the same directory so the rename stays on one file system.
fn tmp_path(path: &Path) -> Result<PathBuf, ReportError> {
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{}: not a file path", path.display()),
        )
    })?;
    let mut tmp = name.to_os_string();
    tmp.push(".tmp");
    Ok(path.with_file_name(tmp))
}

/// Seconds with three decimals, as JUnit readers expect.
fn seconds(ms: f64) -> String {
    format!("{:.3}", ms.max(0.0) / 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_parse_and_display() {
        for f in ReportFormat::ALL {
            assert_eq!(f.to_string().parse::<ReportFormat>(), Ok(f));
        }
        assert_eq!("JUnit".parse::<ReportFormat>(), Ok(ReportFormat::Junit));
        assert!("pdf".parse::<ReportFormat>().is_err());
    }

    #[test]
    fn tmp_file_sits_beside_the_target() {
        let tmp = tmp_path(Path::new("out/report.xml")).unwrap();
        assert_eq!(tmp, Path::new("out/report.xml.tmp"));
        assert!(tmp_path(Path::new("/")).is_err());
    }

    #[test]
    fn seconds_have_three_decimals() {
        assert_eq!(seconds(1234.5678), "1.235");
        assert_eq!(seconds(-1.0), "0.000");
    }
}
