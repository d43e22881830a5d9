//! Small named values of the workspace (the active environment, the demo's collection),
//! stored as JSON.

use rusqlite::{OptionalExtension, params};

use super::collections::json_column;
use super::{Workspace, WorkspaceError};

impl Workspace {
    pub fn setting(&self, key: &str) -> Result<Option<serde_json::Value>, WorkspaceError> {
        Ok(self
            .conn()?
            .query_row(
                "SELECT value FROM workspace_settings WHERE key = ?1",
                [key],
                |r| json_column(r, 0),
            )
            .optional()?)
    }

    /// Sets `key`; `None` removes it.
    pub fn set_setting(
        &self,
        key: &str,
        value: Option<&serde_json::Value>,
    ) -> Result<(), WorkspaceError> {
        let conn = self.conn()?;
        match value {
            Some(value) => conn.execute(
                "INSERT INTO workspace_settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                params![key, value.to_string()],
            )?,
            None => conn.execute("DELETE FROM workspace_settings WHERE key = ?1", [key])?,
        };
        Ok(())
    }
}
