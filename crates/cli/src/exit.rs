//! Exit codes, and the error type that carries one.

use std::fmt;
use std::process::ExitCode;

use apiautotest_engine::model::Counters;

pub const USAGE: u8 = 1;
pub const INVALID_COLLECTION: u8 = 2;
pub const RUNTIME_ERRORS: u8 = 3;
pub const ASSERTION_FAILURES: u8 = 4;
pub const SCRIPT_ERRORS: u8 = 5;
pub const INTERRUPTED: u8 = 130;

/// An error that ends the command: what to print, and the exit code.
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    pub fn usage(message: impl fmt::Display) -> Failure {
        Failure {
            code: USAGE,
            message: message.to_string(),
        }
    }

    pub fn invalid(message: impl fmt::Display) -> Failure {
        Failure {
            code: INVALID_COLLECTION,
            message: message.to_string(),
        }
    }
}

/// Assertion failures outrank script errors, which outrank runtime errors: a red test is
/// the news, then a test that could not run.
pub fn for_counters(c: &Counters, script_errors: u64) -> ExitCode {
    ExitCode::from(if c.failed > 0 {
        ASSERTION_FAILURES
    } else if script_errors > 0 {
        SCRIPT_ERRORS
    } else if c.errored > 0 {
        RUNTIME_ERRORS
    } else {
        0
    })
}
