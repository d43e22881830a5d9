//! The user's workspace: the collections, cases and environments edited in the app, with
//! unsaved drafts and each case's recent sends. Stored in the same SQLite file as the
//! batches, in its own tables (migration 0002), through its own connection: edits are
//! rare and small, so they need no group commit, and they never wait for a running batch
//! longer than one of its group commits (SQLite's busy timeout covers that).
//!
//! Batches never read these tables. Starting a batch takes a `Collection` snapshot
//! (`Workspace::collection`), so editing a case never changes a run in progress.

mod cases;
mod collections;
mod drafts;
mod environments;
mod error;
mod folders;
mod sends;
mod settings;
mod types;

use std::sync::{Mutex, MutexGuard};

use rusqlite::Connection;

pub use cases::CasePlace;
pub use error::WorkspaceError;
pub use types::{
    CaseSummary, CollectionSettings, CollectionTree, Environment, EnvironmentVariable, SendRecord,
    StoredCase, WorkspaceCollection,
};

/// How many sends of one case are kept (older ones are dropped as new ones arrive).
pub const SENDS_KEPT_PER_CASE: u32 = 20;

/// The workspace tables, through one connection. Cheap operations; callers may hold it in
/// shared state (it locks internally).
pub struct Workspace {
    conn: Mutex<Connection>,
}

impl Workspace {
    pub(crate) fn new(conn: Connection) -> Workspace {
        Workspace {
            conn: Mutex::new(conn),
        }
    }

    fn conn(&self) -> Result<MutexGuard<'_, Connection>, WorkspaceError> {
        self.conn
            .lock()
            .map_err(|_| WorkspaceError::Invalid("the workspace connection was poisoned".into()))
    }
}

/// A new identifier: UUIDv7, so identifiers sort by creation time.
fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339()
}
