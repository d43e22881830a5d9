//! Drafts: what an editor holds that is not saved yet, kept so nothing typed is lost on
//! a reload or a crash. The content is the editor's own (JSON text); the workspace only
//! keeps it.

use rusqlite::params;

use super::{Workspace, WorkspaceError, now};

/// Drafts larger than this are refused (an editor bug, not typing).
const MAX_DRAFT_BYTES: usize = 8 * 1024 * 1024;

impl Workspace {
    pub fn save_draft(&self, key: &str, content: &str) -> Result<(), WorkspaceError> {
        if content.len() > MAX_DRAFT_BYTES {
            return Err(WorkspaceError::Invalid(format!(
                "draft {key:?} is {} bytes; at most {MAX_DRAFT_BYTES} are kept",
                content.len()
            )));
        }
        self.conn()?.execute(
            "INSERT INTO workspace_drafts (key, content, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT(key) DO UPDATE SET content = excluded.content,
                                            updated_at = excluded.updated_at",
            params![key, content, now()],
        )?;
        Ok(())
    }

    /// Every draft, as (key, content).
    pub fn drafts(&self) -> Result<Vec<(String, String)>, WorkspaceError> {
        let conn = self.conn()?;
        let mut statement =
            conn.prepare("SELECT key, content FROM workspace_drafts ORDER BY key")?;
        let found = statement
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(found)
    }

    pub fn discard_draft(&self, key: &str) -> Result<(), WorkspaceError> {
        self.conn()?
            .execute("DELETE FROM workspace_drafts WHERE key = ?1", [key])?;
        Ok(())
    }
}
