//! Batches: one run of a frozen plan, with its options, state and counters.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A batch id: a UUIDv7 as text, so ids sort by creation time.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(transparent)]
pub struct BatchId(pub String);

impl BatchId {
    pub fn new() -> BatchId {
        BatchId(uuid::Uuid::now_v7().to_string())
    }
}

impl Default for BatchId {
    fn default() -> Self {
        BatchId::new()
    }
}

impl fmt::Display for BatchId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum BatchState {
    Queued,
    Running,
    Paused,
    Passed,
    Failed,
    Cancelled,
    /// Cut short by a crash or a quit; resumable.
    Interrupted,
}

impl BatchState {
    pub fn as_str(self) -> &'static str {
        match self {
            BatchState::Queued => "QUEUED",
            BatchState::Running => "RUNNING",
            BatchState::Paused => "PAUSED",
            BatchState::Passed => "PASSED",
            BatchState::Failed => "FAILED",
            BatchState::Cancelled => "CANCELLED",
            BatchState::Interrupted => "INTERRUPTED",
        }
    }

    /// Active batches are the ones a process is (or claims to be) running.
    pub fn is_active(self) -> bool {
        matches!(
            self,
            BatchState::Queued | BatchState::Running | BatchState::Paused
        )
    }

    pub fn is_final(self) -> bool {
        matches!(
            self,
            BatchState::Passed | BatchState::Failed | BatchState::Cancelled
        )
    }
}

impl fmt::Display for BatchState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for BatchState {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s {
            "QUEUED" => BatchState::Queued,
            "RUNNING" => BatchState::Running,
            "PAUSED" => BatchState::Paused,
            "PASSED" => BatchState::Passed,
            "FAILED" => BatchState::Failed,
            "CANCELLED" => BatchState::Cancelled,
            "INTERRUPTED" => BatchState::Interrupted,
            other => return Err(format!("unknown batch state {other:?}")),
        })
    }
}

/// Why a batch is paused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum PauseReason {
    /// Someone asked for it.
    User,
    /// The target keeps refusing connections; the batch resumes by itself when a probe
    /// gets through.
    WaitingForNetwork,
}

impl PauseReason {
    pub fn as_str(self) -> &'static str {
        match self {
            PauseReason::User => "user",
            PauseReason::WaitingForNetwork => "waiting_for_network",
        }
    }

    pub fn parse(s: &str) -> Option<PauseReason> {
        match s {
            "user" => Some(PauseReason::User),
            "waiting_for_network" => Some(PauseReason::WaitingForNetwork),
            _ => None,
        }
    }
}

/// How a batch runs. Frozen with the plan: a resumed batch runs with the same options.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(default)]
pub struct BatchOptions {
    /// Requests in flight at once. 1 runs the cases strictly in file order.
    pub concurrency: u32,
    /// At most this many requests per second, across all workers.
    pub rate_per_second: Option<f64>,
    /// Pause after each request, per worker.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub delay_ms: u64,
    /// Per-request timeout (a case's own `timeout_ms` wins).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub timeout_ms: u64,
    /// Extra attempts after a transport error, with exponential back-off. A request that may
    /// have reached the server is retried only when its method is idempotent.
    pub retries: u32,
    /// Stop at the first failed or errored case.
    pub bail: bool,
    /// Runs of the whole plan (each over every data row).
    pub iterations: u32,
    /// How long a batch whose target refuses connections may wait for it to come back
    /// (paused as "waiting for network") before recording errors. 0: errors at once.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub network_wait_secs: u64,
    /// Response bodies are stored up to this many bytes; the cut is recorded.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub max_stored_body_bytes: u64,
    /// Follow up to this many redirects (0: none).
    pub max_redirects: u32,
    /// Accept invalid TLS certificates (self-signed test servers).
    pub insecure: bool,
    /// On resume, send again cases whose outcome is unknown even when not idempotent.
    pub resend_unknown: bool,
    /// Time each phase of a case's scripts may take (its pre-request or its test scripts,
    /// with their timers and promises).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub script_timeout_ms: u64,
}

impl Default for BatchOptions {
    fn default() -> Self {
        BatchOptions {
            concurrency: 1,
            rate_per_second: None,
            delay_ms: 0,
            timeout_ms: 30_000,
            retries: 0,
            bail: false,
            iterations: 1,
            network_wait_secs: 0,
            max_stored_body_bytes: 64 * 1024,
            max_redirects: 10,
            insecure: false,
            resend_unknown: false,
            script_timeout_ms: 5_000,
        }
    }
}

/// Progress counters kept on the batch row, so a snapshot never scans results.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Counters {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub total: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub done: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub passed: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub failed: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub errored: u64,
}

/// A batch as listed: everything but its plan and results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct BatchSummary {
    pub id: BatchId,
    pub name: String,
    pub state: BatchState,
    pub pause_reason: Option<PauseReason>,
    pub created_at: DateTime<Utc>,
    pub started_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
    pub counters: Counters,
    /// The seq of the last committed result.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub last_seq: u64,
    pub options: BatchOptions,
    pub rerun_of: Option<BatchId>,
    /// Why it ended, when not simply passed or failed (e.g. a storage error).
    pub message: Option<String>,
    /// Cases marked in flight that have no result: they may or may not have been sent.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub unknown_outcomes: u64,
}
