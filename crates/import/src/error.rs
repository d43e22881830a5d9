//! Why a file could not be imported at all (as opposed to parts of it, see `Unmapped`).

use std::fmt;

/// A file that is not what its importer reads: not JSON, or not a collection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// 1-based line and column of the problem, when it is at a known place in the text.
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl ImportError {
    pub fn new(message: impl Into<String>) -> ImportError {
        ImportError {
            line: None,
            column: None,
            message: message.into(),
        }
    }

    /// A JSON syntax error, with its place in the text.
    pub(crate) fn json(error: &serde_json::Error) -> ImportError {
        let message = error.to_string();
        // serde_json appends " at line L column C"; we print our own location.
        let message = match message.rfind(" at line ") {
            Some(i) => message[..i].to_owned(),
            None => message,
        };
        ImportError {
            line: Some(error.line()),
            column: Some(error.column()),
            message: format!("not valid JSON: {message}"),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(f, "{line}:{column}: {}", self.message),
            (Some(line), None) => write!(f, "{line}: {}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ImportError {}
