use crate::collection_file::FileError;
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    File(#[from] FileError),
    /// Something the caller named does not exist (or is in the trash).
    #[error("{0}")]
    NotFound(String),
    /// A value the caller gave cannot be stored as it is.
    #[error("{0}")]
    Invalid(String),
}

impl From<rusqlite::Error> for WorkspaceError {
    fn from(e: rusqlite::Error) -> Self {
        WorkspaceError::Store(e.into())
    }
}

impl From<serde_json::Error> for WorkspaceError {
    fn from(e: serde_json::Error) -> Self {
        WorkspaceError::Store(e.into())
    }
}
