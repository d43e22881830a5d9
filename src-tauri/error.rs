//! How a failed command crosses IPC: `{kind, message}`, so the UI can tell a bad input
//! from a missing batch from a storage problem without parsing words.

use apiautotest_engine::EngineError;
use apiautotest_engine::collection_file::FileError;
use apiautotest_engine::runner::PrepareError;
use apiautotest_engine::store::StoreError;
use apiautotest_engine::workspace::WorkspaceError;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    NotFound,
    InvalidInput,
    InvalidCollection,
    WrongState,
    Storage,
    Internal,
}

/// What a failed command rejects with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct CommandError {
    pub kind: ErrorCode,
    pub message: String,
}

pub type CommandResult<T> = Result<T, CommandError>;

impl CommandError {
    pub fn new(kind: ErrorCode, message: impl Into<String>) -> CommandError {
        CommandError {
            kind,
            message: message.into(),
        }
    }

    pub fn invalid_input(message: impl Into<String>) -> CommandError {
        CommandError::new(ErrorCode::InvalidInput, message)
    }
}

impl std::fmt::Display for CommandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<StoreError> for CommandError {
    fn from(e: StoreError) -> CommandError {
        let kind = match e {
            StoreError::NoSuchBatch(_) | StoreError::NoSuchResult { .. } => ErrorCode::NotFound,
            StoreError::WrongState { .. } => ErrorCode::WrongState,
            _ => ErrorCode::Storage,
        };
        CommandError::new(kind, e.to_string())
    }
}

impl From<FileError> for CommandError {
    fn from(e: FileError) -> CommandError {
        CommandError::new(ErrorCode::InvalidCollection, e.to_string())
    }
}

impl From<EngineError> for CommandError {
    fn from(e: EngineError) -> CommandError {
        match e {
            EngineError::Store(e) => e.into(),
            EngineError::Prepare(PrepareError::UnknownVariable { .. }) => {
                CommandError::new(ErrorCode::InvalidCollection, e.to_string())
            }
            EngineError::Prepare(_) | EngineError::MissingSecrets { .. } => {
                CommandError::invalid_input(e.to_string())
            }
            EngineError::NotResumable { .. } | EngineError::NothingToRerun(_) => {
                CommandError::new(ErrorCode::WrongState, e.to_string())
            }
            EngineError::Http(_) | EngineError::Task(_) => {
                CommandError::new(ErrorCode::Internal, e.to_string())
            }
        }
    }
}

impl From<WorkspaceError> for CommandError {
    fn from(e: WorkspaceError) -> CommandError {
        match e {
            WorkspaceError::Store(e) => e.into(),
            WorkspaceError::File(e) => e.into(),
            WorkspaceError::NotFound(message) => CommandError::new(ErrorCode::NotFound, message),
            WorkspaceError::Invalid(message) => CommandError::invalid_input(message),
        }
    }
}
