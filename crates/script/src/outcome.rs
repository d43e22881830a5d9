//! What a script run gives back: its tests, its variable changes, its console, its error.

use serde::Deserialize;
use serde_json::Value;

use crate::job::ScriptRequest;

/// One `pm.test` (or legacy `tests[...]` entry), named as in the script.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct TestOutcome {
    pub name: String,
    pub passed: bool,
    /// `pm.test.skip`, or a test without a function.
    #[serde(default)]
    pub skipped: bool,
    #[serde(default)]
    pub error: Option<TestError>,
}

/// Why a test failed: the assertion library's error (chai's messages, as newman shows).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct TestError {
    pub name: String,
    pub message: String,
    #[serde(default)]
    pub expected: Option<String>,
    #[serde(default)]
    pub actual: Option<String>,
}

/// A `set` or `unset` a script made, in order: the runner applies them to its scopes.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct VariableChange {
    /// `globals`, `collectionVariables`, `environment` or `variables`.
    pub scope: String,
    pub name: String,
    /// The value set (None with `unset`).
    #[serde(default)]
    pub value: Option<Value>,
    #[serde(default)]
    pub unset: bool,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ConsoleLine {
    pub level: String,
    pub text: String,
}

/// A script that threw, or could not run: compile errors, time and memory limits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScriptError {
    /// Where the script comes from (`ScriptSource::origin`).
    pub origin: String,
    /// `TypeError: cannot read property 'x' of undefined`.
    pub message: String,
    /// The script's line, when known.
    pub line: Option<u32>,
}

impl std::fmt::Display for ScriptError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{} script, line {line}: {}", self.origin, self.message),
            None => write!(f, "{} script: {}", self.origin, self.message),
        }
    }
}

/// Everything a run produced. Tests that ran before an error are kept.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outcome {
    pub tests: Vec<TestOutcome>,
    pub changes: Vec<VariableChange>,
    pub console: Vec<ConsoleLine>,
    pub error: Option<ScriptError>,
    /// The request after a pre-request script (method, URL, headers, body may change).
    pub request: Option<ScriptRequest>,
    /// `pm.execution.setNextRequest`: Some(None) stops the run, Some(Some(name)) jumps.
    pub next_request: Option<Option<String>>,
    /// `pm.execution.skipRequest()` in a pre-request script.
    pub skip_request: bool,
}
