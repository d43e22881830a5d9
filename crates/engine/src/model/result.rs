//! Outcomes: what happened when a case ran.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::batch::BatchId;
use super::script::ScriptRecord;

/// The verdict of one executed case. A failed assertion and a runtime error are different
/// things everywhere: the API answered wrongly, versus we could not get an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Passed,
    /// At least one assertion or capture did not hold.
    Failed,
    /// No usable response: transport error, bad template, unknown outcome...
    Errored,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Passed => "passed",
            Verdict::Failed => "failed",
            Verdict::Errored => "errored",
        }
    }

    pub fn parse(s: &str) -> Option<Verdict> {
        match s {
            "passed" => Some(Verdict::Passed),
            "failed" => Some(Verdict::Failed),
            "errored" => Some(Verdict::Errored),
            _ => None,
        }
    }
}

/// Classes of runtime errors, so reports and the UI can say what went wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The host name did not resolve.
    Dns,
    /// The connection was refused or could not be made.
    Connect,
    Timeout,
    Tls,
    /// The connection dropped before the response was complete.
    Reset,
    TooManyRedirects,
    /// The request could not be built: invalid URL, header...
    InvalidRequest,
    /// A template referenced an unknown variable, or rendered something unusable.
    Template,
    /// The response body could not be read.
    Body,
    /// The case was in flight when the process died; it may or may not have been sent.
    UnknownOutcome,
    /// The user cancelled the request before its response arrived (workbench sends).
    Cancelled,
    /// A pre-request or test script threw, or went over its time or memory limit.
    Script,
    /// The authorization could not be obtained: the token URL refused the credentials,
    /// or a digest challenge could not be answered.
    Auth,
    Other,
}

impl ErrorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Dns => "dns",
            ErrorKind::Connect => "connect",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Tls => "tls",
            ErrorKind::Reset => "reset",
            ErrorKind::TooManyRedirects => "too_many_redirects",
            ErrorKind::InvalidRequest => "invalid_request",
            ErrorKind::Template => "template",
            ErrorKind::Body => "body",
            ErrorKind::UnknownOutcome => "unknown_outcome",
            ErrorKind::Cancelled => "cancelled",
            ErrorKind::Script => "script",
            ErrorKind::Auth => "auth",
            ErrorKind::Other => "other",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct RunError {
    pub kind: ErrorKind,
    pub message: String,
}

/// The request as sent (templates rendered, secrets masked).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct RequestRecord {
    pub method: String,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Option<String>,
}

/// The response as received, with the body cut at the batch's storage cap.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct ResponseRecord {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    /// Raw bytes: bodies may be binary or not UTF-8.
    #[serde(with = "body_bytes")]
    #[cfg_attr(feature = "ts", ts(type = "string | { base64: string }"))]
    pub body: Vec<u8>,
    /// The full size of the body as received.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub body_size: u64,
    /// True when `body` holds only the first bytes.
    pub body_truncated: bool,
}

/// The outcome of one assertion (or capture): what was expected, what was found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct AssertionOutcome {
    /// The assertion as written, e.g. `jsonpath $.name == "widget"`.
    pub assertion: String,
    pub passed: bool,
    pub expected: String,
    pub actual: String,
    /// Why it failed, in words; empty when it passed.
    pub message: String,
}

/// One executed case of a batch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct CaseResult {
    pub batch_id: BatchId,
    /// 1, 2, 3 ... in commit order within the batch. 0 until committed.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub seq: u64,
    /// Index in the batch's plan (iteration x data row x case).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub position: u64,
    pub case_index: u32,
    pub iteration: u32,
    pub data_row: Option<u32>,
    pub case_name: String,
    pub verdict: Verdict,
    pub error: Option<RunError>,
    pub started_at: DateTime<Utc>,
    pub duration_ms: f64,
    /// Attempts made (1 unless transport errors were retried).
    pub attempts: u32,
    pub request: Option<RequestRecord>,
    pub response: Option<ResponseRecord>,
    pub assertions: Vec<AssertionOutcome>,
    /// Values captured for later cases (secrets masked).
    pub captures: BTreeMap<String, Value>,
    /// What the case's scripts printed and changed; None when it ran none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub script: Option<ScriptRecord>,
}

/// What a live event carries about a result: enough for a progress line or a table row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct ResultSummary {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub seq: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub position: u64,
    pub case_index: u32,
    pub iteration: u32,
    pub data_row: Option<u32>,
    pub case_name: String,
    pub verdict: Verdict,
    pub error: Option<RunError>,
    pub status: Option<u16>,
    pub duration_ms: f64,
    pub failed_assertions: u32,
}

impl CaseResult {
    pub fn summary(&self) -> ResultSummary {
        ResultSummary {
            seq: self.seq,
            position: self.position,
            case_index: self.case_index,
            iteration: self.iteration,
            data_row: self.data_row,
            case_name: self.case_name.clone(),
            verdict: self.verdict,
            error: self.error.clone(),
            status: self.response.as_ref().map(|r| r.status),
            duration_ms: self.duration_ms,
            failed_assertions: self.assertions.iter().filter(|a| !a.passed).count() as u32,
        }
    }
}

/// Bodies serialize as text when they are UTF-8, else as `{"base64": "..."}`.
mod body_bytes {
    use base64::Engine as _;
    use base64::engine::general_purpose::STANDARD;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    #[serde(untagged)]
    enum Repr {
        Text(String),
        Binary { base64: String },
    }

    pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        match std::str::from_utf8(bytes) {
            Ok(text) => Repr::Text(text.to_owned()).serialize(s),
            Err(_) => Repr::Binary {
                base64: STANDARD.encode(bytes),
            }
            .serialize(s),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        match Repr::deserialize(d)? {
            Repr::Text(text) => Ok(text.into_bytes()),
            Repr::Binary { base64 } => STANDARD.decode(base64).map_err(serde::de::Error::custom),
        }
    }
}
