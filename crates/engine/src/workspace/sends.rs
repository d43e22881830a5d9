//! Each case's recent sends from the workbench, bounded, each reopenable.

use rusqlite::{OptionalExtension, params};

use crate::workbench::SendOutcome;

use super::collections::json_column;
use super::{SENDS_KEPT_PER_CASE, SendRecord, Workspace, WorkspaceError, now};

impl Workspace {
    /// Keeps a send (already masked) and drops the case's oldest beyond the bound.
    pub fn record_send(
        &self,
        case_id: &str,
        outcome: &SendOutcome,
    ) -> Result<SendRecord, WorkspaceError> {
        let summary = match (&outcome.response, &outcome.error) {
            (Some(response), _) => format!("{}, {:.0} ms", response.status, outcome.duration_ms),
            (None, Some(error)) => serde_name(&error.kind)?,
            (None, None) => String::new(),
        };
        let verdict = serde_name(&outcome.verdict)?;
        let mut conn = self.conn()?;
        let tx = conn.transaction()?;
        tx.execute(
            "INSERT INTO workspace_sends (case_id, sent_at, verdict, summary, outcome)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                case_id,
                now(),
                verdict,
                summary,
                serde_json::to_string(outcome)?
            ],
        )?;
        let id = tx.last_insert_rowid();
        tx.execute(
            "DELETE FROM workspace_sends WHERE case_id = ?1 AND id NOT IN
                 (SELECT id FROM workspace_sends WHERE case_id = ?1 ORDER BY id DESC LIMIT ?2)",
            params![case_id, SENDS_KEPT_PER_CASE],
        )?;
        tx.commit()?;
        drop(conn);
        self.sends(case_id)?
            .into_iter()
            .find(|s| s.id == id)
            .ok_or_else(|| WorkspaceError::NotFound(format!("no send {id}")))
    }

    /// A case's sends, newest first.
    pub fn sends(&self, case_id: &str) -> Result<Vec<SendRecord>, WorkspaceError> {
        let conn = self.conn()?;
        let mut statement = conn.prepare(
            "SELECT id, case_id, sent_at, verdict, summary FROM workspace_sends
             WHERE case_id = ?1 ORDER BY id DESC",
        )?;
        let found = statement
            .query_map([case_id], |r| {
                let verdict: String = r.get(3)?;
                Ok(SendRecord {
                    id: r.get(0)?,
                    case_id: r.get(1)?,
                    sent_at: r.get(2)?,
                    verdict: serde_json::from_value(serde_json::Value::String(verdict)).map_err(
                        |e| {
                            rusqlite::Error::FromSqlConversionFailure(
                                3,
                                rusqlite::types::Type::Text,
                                Box::new(e),
                            )
                        },
                    )?,
                    summary: r.get(4)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(found)
    }

    /// One send's whole outcome, to reopen it in the response viewer.
    pub fn send_outcome(&self, id: i64) -> Result<serde_json::Value, WorkspaceError> {
        self.conn()?
            .query_row(
                "SELECT outcome FROM workspace_sends WHERE id = ?1",
                [id],
                |r| json_column(r, 0),
            )
            .optional()?
            .ok_or_else(|| WorkspaceError::NotFound(format!("no send {id}")))
    }
}

/// How a unit enum variant is spelled in JSON (`"errored"`, `"timeout"`).
fn serde_name<T: serde::Serialize>(value: &T) -> Result<String, WorkspaceError> {
    Ok(match serde_json::to_value(value)? {
        serde_json::Value::String(name) => name,
        other => other.to_string(),
    })
}
