//! Cases: read, create, save, duplicate, trash and restore, reorder and move, search.

use std::path::Path;
use std::sync::Arc;

use rusqlite::{OptionalExtension, Transaction, params};

use crate::collection_file;
use crate::model::{Case, Collection, RequestTemplate};

use super::collections::{checked_name, definition_json};
use super::{CaseSummary, StoredCase, Workspace, WorkspaceError, new_id, now};

/// Where a moved case goes.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct CasePlace {
    pub collection_id: String,
    pub folder: Option<String>,
    /// Placed just before this case; at the end when `None`.
    pub before: Option<String>,
}

impl Workspace {
    pub fn case(&self, id: &str) -> Result<StoredCase, WorkspaceError> {
        let conn = self.conn()?;
        let found = conn
            .query_row(
                "SELECT id, collection_id, definition, updated_at FROM workspace_cases
                 WHERE id = ?1 AND deleted_at IS NULL",
                [id],
                |r| {
                    let case: serde_json::Value = super::collections::json_column(r, 2)?;
                    let json_body = case
                        .pointer("/request/json")
                        .filter(|body| !body.is_null())
                        .and_then(|body| serde_json::to_string_pretty(body).ok());
                    Ok(StoredCase {
                        id: r.get(0)?,
                        collection_id: r.get(1)?,
                        case,
                        json_body,
                        updated_at: r.get(3)?,
                    })
                },
            )
            .optional()?;
        found.ok_or_else(|| not_found(id))
    }

    /// A new case at the end of `folder`, sending `GET {{base}}/` until edited.
    pub fn create_case(
        &self,
        collection_id: &str,
        folder: Option<&str>,
        name: &str,
    ) -> Result<CaseSummary, WorkspaceError> {
        let case = Case {
            name: checked_name(name)?,
            folder: folder.map(str::to_owned),
            request: RequestTemplate {
                method: "GET".into(),
                url: "{{base}}/".into(),
                auth: None,
                headers: Default::default(),
                body: None,
                json: None,
                form: None,
                multipart: None,
                file: None,
                timeout_ms: None,
                settings: Default::default(),
            },
            assertions: Vec::new(),
            capture: Default::default(),
            scripts: Default::default(),
        };
        self.check_case(collection_id, &case)?;
        let mut conn = self.conn()?;
        let tx = conn.transaction()?;
        let position = end_position(&tx, collection_id)?;
        let id = insert_case(&tx, collection_id, position, &case)?;
        tx.commit()?;
        drop(conn);
        self.summary(&id)
    }

    /// Stores an edited case. The case is checked as a collection file would check it
    /// (one body, a URL, valid folder, schema files that exist), so what is saved always
    /// saves to a file and runs.
    pub fn save_case(&self, id: &str, case: &Case) -> Result<CaseSummary, WorkspaceError> {
        let stored = self.case(id)?;
        self.check_case(&stored.collection_id, case)?;
        self.conn()?.execute(
            "UPDATE workspace_cases SET name = ?2, folder = ?3, method = ?4, url = ?5,
                 definition = ?6, updated_at = ?7
             WHERE id = ?1",
            params![
                id,
                case.name,
                case.folder,
                case.request.method,
                case.request.url,
                definition_json(case)?,
                now()
            ],
        )?;
        self.summary(id)
    }

    /// A copy placed right after the original, named "<name> copy".
    pub fn duplicate_case(&self, id: &str) -> Result<CaseSummary, WorkspaceError> {
        let stored = self.case(id)?;
        let mut case: Case = serde_json::from_value(stored.case)?;
        case.name = format!("{} copy", case.name);
        let mut conn = self.conn()?;
        let tx = conn.transaction()?;
        let position = position_of(&tx, id)? + 1;
        make_room(&tx, &stored.collection_id, position)?;
        let copy = insert_case(&tx, &stored.collection_id, position, &case)?;
        tx.commit()?;
        drop(conn);
        self.summary(&copy)
    }

    /// Moves a case to the trash; `restore_case` undoes it.
    pub fn delete_case(&self, id: &str) -> Result<(), WorkspaceError> {
        let changed = self.conn()?.execute(
            "UPDATE workspace_cases SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
            params![id, now()],
        )?;
        if changed == 0 {
            return Err(not_found(id));
        }
        Ok(())
    }

    pub fn restore_case(&self, id: &str) -> Result<(), WorkspaceError> {
        let changed = self.conn()?.execute(
            "UPDATE workspace_cases SET deleted_at = NULL WHERE id = ?1",
            [id],
        )?;
        if changed == 0 {
            return Err(not_found(id));
        }
        Ok(())
    }

    /// Reorders a case, moves it to another folder, or to another collection.
    pub fn move_case(&self, id: &str, place: &CasePlace) -> Result<CaseSummary, WorkspaceError> {
        let stored = self.case(id)?;
        let mut case: Case = serde_json::from_value(stored.case)?;
        case.folder = place.folder.clone();
        self.check_case(&place.collection_id, &case)?;
        let mut conn = self.conn()?;
        let tx = conn.transaction()?;
        let position = match &place.before {
            Some(before) if before != id => {
                let position = position_of(&tx, before)?;
                make_room(&tx, &place.collection_id, position)?;
                position
            }
            Some(_) => position_of(&tx, id)?,
            None => end_position(&tx, &place.collection_id)?,
        };
        tx.execute(
            "UPDATE workspace_cases SET collection_id = ?2, position = ?3, folder = ?4,
                 definition = ?5, updated_at = ?6
             WHERE id = ?1",
            params![
                id,
                place.collection_id,
                position,
                case.folder,
                definition_json(&case)?,
                now()
            ],
        )?;
        tx.commit()?;
        drop(conn);
        self.summary(id)
    }

    /// Cases whose name, URL or folder contains `text` (case-insensitive), in tree order.
    pub fn search_cases(&self, text: &str, limit: u32) -> Result<Vec<CaseSummary>, WorkspaceError> {
        let pattern = format!(
            "%{}%",
            text.trim()
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        let conn = self.conn()?;
        let mut statement = conn.prepare(
            "SELECT c.id, c.collection_id, c.name, c.folder, c.method, c.url,
                    (SELECT json_group_array(key) FROM json_each(c.definition, '$.capture'))
             FROM workspace_cases c JOIN workspace_collections k ON k.id = c.collection_id
             WHERE c.deleted_at IS NULL AND k.deleted_at IS NULL
               AND (c.name LIKE ?1 ESCAPE '\\' OR c.url LIKE ?1 ESCAPE '\\'
                    OR c.folder LIKE ?1 ESCAPE '\\')
             ORDER BY k.position, c.position LIMIT ?2",
        )?;
        let found = statement
            .query_map(params![pattern, limit], case_summary)?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(found)
    }

    fn summary(&self, id: &str) -> Result<CaseSummary, WorkspaceError> {
        self.conn()?
            .query_row(
                "SELECT id, collection_id, name, folder, method, url,
                        (SELECT json_group_array(key) FROM json_each(definition, '$.capture'))
                 FROM workspace_cases
                 WHERE id = ?1",
                [id],
                case_summary,
            )
            .optional()?
            .ok_or_else(|| not_found(id))
    }

    /// Checks a case the way its collection's file would be checked.
    fn check_case(&self, collection_id: &str, case: &Case) -> Result<(), WorkspaceError> {
        let info = self.collection_info(collection_id)?;
        let anchor = info
            .file_path
            .unwrap_or_else(|| format!("{}.yaml", info.name));
        let single = Collection {
            name: info.name,
            variables: Default::default(),
            auth: None,
            scripts: Default::default(),
            folders: Vec::new(),
            cases: vec![Arc::new(case.clone())],
        };
        collection_file::checked(single, Path::new(&anchor))?;
        Ok(())
    }
}

pub(super) fn case_summary(row: &rusqlite::Row<'_>) -> rusqlite::Result<CaseSummary> {
    Ok(CaseSummary {
        id: row.get(0)?,
        collection_id: row.get(1)?,
        name: row.get(2)?,
        folder: row.get(3)?,
        method: row.get(4)?,
        url: row.get(5)?,
        captures: super::collections::json_column(row, 6)?,
    })
}

pub(super) fn insert_case(
    tx: &Transaction<'_>,
    collection_id: &str,
    position: i64,
    case: &Case,
) -> Result<String, WorkspaceError> {
    let id = new_id();
    tx.execute(
        "INSERT INTO workspace_cases
             (id, collection_id, position, name, folder, method, url, definition, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            id,
            collection_id,
            position,
            case.name,
            case.folder,
            case.request.method,
            case.request.url,
            definition_json(case)?,
            now()
        ],
    )?;
    Ok(id)
}

fn position_of(tx: &Transaction<'_>, id: &str) -> Result<i64, WorkspaceError> {
    tx.query_row(
        "SELECT position FROM workspace_cases WHERE id = ?1 AND deleted_at IS NULL",
        [id],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| not_found(id))
}

fn end_position(tx: &Transaction<'_>, collection_id: &str) -> Result<i64, WorkspaceError> {
    Ok(tx.query_row(
        "SELECT coalesce(max(position), 0) + 1 FROM workspace_cases WHERE collection_id = ?1",
        [collection_id],
        |r| r.get(0),
    )?)
}

/// Shifts the cases at `position` and after one place down, freeing `position`.
fn make_room(
    tx: &Transaction<'_>,
    collection_id: &str,
    position: i64,
) -> Result<(), WorkspaceError> {
    tx.execute(
        "UPDATE workspace_cases SET position = position + 1
         WHERE collection_id = ?1 AND position >= ?2",
        params![collection_id, position],
    )?;
    Ok(())
}

fn not_found(id: &str) -> WorkspaceError {
    WorkspaceError::NotFound(format!("no case {id}"))
}
