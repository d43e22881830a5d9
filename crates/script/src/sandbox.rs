//! The runtime a thread keeps: a realm, made anew when a script spoiled it.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::job::{Job, ScriptRequest};
use crate::outcome::{ConsoleLine, Outcome, ScriptError, TestOutcome, VariableChange};
use crate::realm::{Realm, RunResult, Spoiled, line_in_stack};

/// What one run may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// For all the scripts of one phase of one case, their timers and promises included.
    pub time: Duration,
    /// The realm's whole heap (the libraries take a few MB of it).
    pub memory_bytes: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            time: Duration::from_secs(5),
            memory_bytes: 64 * 1024 * 1024,
        }
    }
}

/// Native stack the scripts may use; deeper recursion is a RangeError in the script.
const STACK_BYTES: usize = 512 * 1024;

pub struct Sandbox {
    limits: Limits,
    realm: Option<Realm>,
}

/// The job as the bootstrap reads it.
#[derive(Serialize)]
struct Input<'a> {
    phase: crate::job::Phase,
    /// Filled with compiled script ids by the realm.
    scripts: [u8; 0],
    request: &'a ScriptRequest,
    response: Option<&'a crate::job::ScriptResponse>,
    scopes: &'a crate::job::Scopes,
    info: &'a crate::job::Info,
}

/// The outcome as the bootstrap writes it.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Output {
    tests: Vec<TestOutcome>,
    changes: Vec<VariableChange>,
    console: Vec<ConsoleLine>,
    #[serde(default)]
    skip_request: bool,
    /// Absent: not called; null: stop; a name: go there.
    #[serde(default, deserialize_with = "present")]
    next_request: Option<Option<String>>,
    #[serde(default)]
    error: Option<ThrownError>,
    #[serde(default)]
    request: Option<ScriptRequest>,
}

#[derive(Deserialize)]
struct ThrownError {
    script: usize,
    name: String,
    message: String,
    stack: String,
}

fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

impl Sandbox {
    pub fn new(limits: Limits) -> Sandbox {
        Sandbox {
            limits,
            realm: None,
        }
    }

    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// Runs a job's scripts, without a way to send requests (`pm.sendRequest` fails).
    pub fn run(&mut self, job: &Job<'_>) -> Outcome {
        self.run_with(job, None)
    }

    /// Runs a job's scripts; their `pm.sendRequest` calls go to `host`. Never panics on
    /// what a script does: every problem is the outcome's `error`.
    pub fn run_with(&mut self, job: &Job<'_>, host: Option<&dyn crate::job::Host>) -> Outcome {
        if job.scripts.iter().all(|s| s.code.trim().is_empty()) {
            return Outcome::default();
        }
        let origin = |index: Option<usize>| {
            index
                .and_then(|i| job.scripts.get(i))
                .map_or_else(|| "a".to_owned(), |s| s.origin.to_owned())
        };
        let failed = |message: String, script: Option<usize>, line: Option<u32>| Outcome {
            error: Some(ScriptError {
                origin: origin(script),
                message,
                line,
            }),
            ..Outcome::default()
        };
        let input = Input {
            phase: job.phase,
            scripts: [],
            request: &job.request,
            response: job.response.as_ref(),
            scopes: &job.scopes,
            info: &job.info,
        };
        let input = match serde_json::to_string(&input) {
            Ok(json) => json,
            Err(e) => {
                return failed(
                    format!("cannot pass the request to the script: {e}"),
                    None,
                    None,
                );
            }
        };
        let realm = match self.realm.take() {
            Some(realm) => realm,
            None => match Realm::new(self.limits.memory_bytes, STACK_BYTES) {
                Ok(realm) => realm,
                Err(message) => return failed(message, None, None),
            },
        };
        let mut realm = realm;
        let codes: Vec<&str> = job.scripts.iter().map(|s| s.code).collect();
        let (result, spoiled) = realm.run(&codes, &input, self.limits.time, host);
        if spoiled == Spoiled::No {
            self.realm = Some(realm);
        }
        match result {
            RunResult::Failed {
                message,
                script,
                line,
            } => {
                let message = if spoiled == Spoiled::Yes && message.contains("out of memory") {
                    format!(
                        "{message} (the script went over its memory limit of {} MiB)",
                        self.limits.memory_bytes >> 20
                    )
                } else {
                    message
                };
                failed(message, script, line)
            }
            RunResult::Json(json) => match serde_json::from_str::<Output>(&json) {
                Ok(output) => Outcome {
                    tests: output.tests,
                    changes: output.changes,
                    console: output.console,
                    error: output.error.map(|e| ScriptError {
                        origin: origin(Some(e.script)),
                        message: if e.message.is_empty() {
                            e.name
                        } else {
                            format!("{}: {}", e.name, e.message)
                        },
                        line: line_in_stack(&e.stack),
                    }),
                    request: output.request,
                    next_request: output.next_request,
                    skip_request: output.skip_request,
                },
                Err(e) => failed(
                    format!("the script runtime gave an unreadable outcome: {e}"),
                    None,
                    None,
                ),
            },
        }
    }
}
