//! Store errors, in words a user can act on.

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: not an apiautotest database ({why}); refusing to open it")]
    Foreign { path: String, why: String },
    #[error(
        "{path}: the database is damaged ({why}); refusing to open it. Move it aside to start afresh"
    )]
    Corrupt { path: String, why: String },
    #[error(
        "{path}: written by a newer apiautotest (schema {found}, this one knows {known}); refusing to open it"
    )]
    TooNew {
        path: String,
        found: i64,
        known: i64,
    },
    #[error("the disk is full: {0}")]
    DiskFull(String),
    #[error("the database is read-only: {0}")]
    ReadOnly(String),
    #[error("the database is busy (locked by another process): {0}")]
    Busy(String),
    #[error("no batch {0}")]
    NoSuchBatch(String),
    #[error("batch {batch} has no result {seq}")]
    NoSuchResult { batch: String, seq: u64 },
    #[error("batch {id} is {state}: {why}")]
    WrongState {
        id: String,
        state: String,
        why: String,
    },
    #[error("stored data is unreadable: {0}")]
    Decode(String),
    #[error("database error: {0}")]
    Sqlite(String),
    #[error("the store is closed")]
    Closed,
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        let text = e.to_string();
        match e.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => StoreError::DiskFull(text),
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly(text),
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy(text),
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => StoreError::Corrupt {
                path: String::from("database"),
                why: text,
            },
            _ => StoreError::Sqlite(text),
        }
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> Self {
        StoreError::Decode(e.to_string())
    }
}
