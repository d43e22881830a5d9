//! Collections: the sidebar's top level, their settings, trash and restore, and the
//! native files they open from and save to.

use std::path::Path;
use std::sync::Arc;

use rusqlite::{OptionalExtension, Transaction, params};

use crate::collection_file;
use crate::collection_save;
use crate::model::{Case, Collection, as_written};

use super::cases::{case_summary, insert_case};
use super::{
    CaseSummary, CollectionSettings, CollectionTree, Workspace, WorkspaceCollection,
    WorkspaceError, new_id, now,
};

impl Workspace {
    /// Every collection not in the trash, with its cases in order.
    pub fn trees(&self) -> Result<Vec<CollectionTree>, WorkspaceError> {
        let conn = self.conn()?;
        let mut collections = conn.prepare(
            "SELECT id, name, settings, file_path FROM workspace_collections
             WHERE deleted_at IS NULL ORDER BY position, id",
        )?;
        let collections = collections
            .query_map([], read_collection)?
            .collect::<Result<Vec<_>, _>>()?;

        let mut cases = conn.prepare(
            "SELECT id, collection_id, name, folder, method, url,
                    (SELECT json_group_array(key) FROM json_each(definition, '$.capture'))
             FROM workspace_cases
             WHERE collection_id = ?1 AND deleted_at IS NULL ORDER BY position",
        )?;
        let mut trees = Vec::with_capacity(collections.len());
        for collection in collections {
            let cases = cases
                .query_map([&collection.id], case_summary)?
                .collect::<Result<Vec<CaseSummary>, _>>()?;
            trees.push(CollectionTree { collection, cases });
        }
        Ok(trees)
    }

    pub fn collection_info(&self, id: &str) -> Result<WorkspaceCollection, WorkspaceError> {
        self.conn()?
            .query_row(
                "SELECT id, name, settings, file_path FROM workspace_collections
                 WHERE id = ?1 AND deleted_at IS NULL",
                [id],
                read_collection,
            )
            .optional()?
            .ok_or_else(|| not_found(id))
    }

    /// A new, empty collection at the end of the sidebar.
    pub fn create_collection(&self, name: &str) -> Result<WorkspaceCollection, WorkspaceError> {
        let collection = Collection {
            name: checked_name(name)?,
            variables: Default::default(),
            auth: None,
            scripts: Default::default(),
            folders: Vec::new(),
            cases: Vec::new(),
        };
        let id = self.insert_collection(&collection, None)?;
        self.collection_info(&id)
    }

    /// Adds a collection made elsewhere (an import from another tool's file) at the end
    /// of the sidebar. It has no native file until it is saved.
    pub fn add_collection(
        &self,
        collection: Collection,
    ) -> Result<WorkspaceCollection, WorkspaceError> {
        let anchor = format!("{}.yaml", collection.name);
        let collection = collection_file::checked(collection, Path::new(&anchor))?;
        let id = self.insert_collection(&collection, None)?;
        self.collection_info(&id)
    }

    /// Reads a native collection file into the workspace (a copy; the file is where
    /// `save_collection_file` writes it back).
    pub fn import_collection_file(
        &self,
        path: &Path,
    ) -> Result<WorkspaceCollection, WorkspaceError> {
        let collection = collection_file::load(path)?;
        let id = self.insert_collection(&collection, Some(path))?;
        self.collection_info(&id)
    }

    fn insert_collection(
        &self,
        collection: &Collection,
        file: Option<&Path>,
    ) -> Result<String, WorkspaceError> {
        let id = new_id();
        let settings = serde_json::to_string(&CollectionSettings {
            variables: collection.variables.clone(),
            auth: collection.auth.clone(),
            scripts: collection.scripts.clone(),
            folders: collection.folders.clone(),
        })?;
        let mut conn = self.conn()?;
        let tx = conn.transaction()?;
        let position: i64 = tx.query_row(
            "SELECT coalesce(max(position), 0) + 1 FROM workspace_collections",
            [],
            |r| r.get(0),
        )?;
        tx.execute(
            "INSERT INTO workspace_collections (id, position, name, settings, file_path, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                id,
                position,
                collection.name,
                settings,
                file.map(|f| f.display().to_string()),
                now()
            ],
        )?;
        for (index, case) in collection.cases.iter().enumerate() {
            insert_case(&tx, &id, index as i64 + 1, case)?;
        }
        tx.commit()?;
        Ok(id)
    }

    pub fn rename_collection(&self, id: &str, name: &str) -> Result<(), WorkspaceError> {
        let name = checked_name(name)?;
        self.update_collection(id, |tx| {
            tx.execute(
                "UPDATE workspace_collections SET name = ?2, updated_at = ?3 WHERE id = ?1",
                params![id, name, now()],
            )
        })
    }

    pub fn update_collection_settings(
        &self,
        id: &str,
        settings: &CollectionSettings,
    ) -> Result<(), WorkspaceError> {
        let text = serde_json::to_string(settings)?;
        self.update_collection(id, |tx| {
            tx.execute(
                "UPDATE workspace_collections SET settings = ?2, updated_at = ?3 WHERE id = ?1",
                params![id, text, now()],
            )
        })
    }

    /// Moves a collection (and its cases) to the trash; `restore_collection` undoes it.
    pub fn delete_collection(&self, id: &str) -> Result<(), WorkspaceError> {
        self.update_collection(id, |tx| {
            tx.execute(
                "UPDATE workspace_collections SET deleted_at = ?2 WHERE id = ?1",
                params![id, now()],
            )
        })
    }

    pub fn restore_collection(&self, id: &str) -> Result<(), WorkspaceError> {
        let changed = self.conn()?.execute(
            "UPDATE workspace_collections SET deleted_at = NULL WHERE id = ?1",
            [id],
        )?;
        if changed == 0 {
            return Err(not_found(id));
        }
        Ok(())
    }

    /// Runs `update` on a collection that exists and is not in the trash.
    fn update_collection(
        &self,
        id: &str,
        update: impl FnOnce(&Transaction<'_>) -> rusqlite::Result<usize>,
    ) -> Result<(), WorkspaceError> {
        let mut conn = self.conn()?;
        let tx = conn.transaction()?;
        let exists: Option<i64> = tx
            .query_row(
                "SELECT 1 FROM workspace_collections WHERE id = ?1 AND deleted_at IS NULL",
                [id],
                |r| r.get(0),
            )
            .optional()?;
        if exists.is_none() {
            return Err(not_found(id));
        }
        update(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// The collection as a batch or a file sees it: settings and cases in order, checked
    /// like a file (schema files read relative to its file's folder).
    pub fn collection(&self, id: &str) -> Result<Collection, WorkspaceError> {
        let info = self.collection_info(id)?;
        let conn = self.conn()?;
        let mut statement = conn.prepare(
            "SELECT definition FROM workspace_cases
             WHERE collection_id = ?1 AND deleted_at IS NULL ORDER BY position",
        )?;
        let cases = statement
            .query_map([id], |r| r.get::<_, String>(0))?
            .map(|text| {
                let case: Case = serde_json::from_str(&text?)?;
                Ok(Arc::new(case))
            })
            .collect::<Result<Vec<_>, WorkspaceError>>()?;
        let collection = Collection {
            name: info.name.clone(),
            variables: info.settings.variables,
            auth: info.settings.auth,
            scripts: info.settings.scripts,
            folders: info.settings.folders,
            cases,
        };
        let anchor = info
            .file_path
            .unwrap_or_else(|| format!("{}.yaml", info.name));
        Ok(collection_file::checked(collection, Path::new(&anchor))?)
    }

    /// Writes the collection as a native file to `path` (or to its own file), and makes
    /// that file its own.
    pub fn save_collection_file(
        &self,
        id: &str,
        path: Option<&Path>,
    ) -> Result<String, WorkspaceError> {
        let info = self.collection_info(id)?;
        let target = match (path, &info.file_path) {
            (Some(path), _) => path.to_path_buf(),
            (None, Some(own)) => own.into(),
            (None, None) => {
                return Err(WorkspaceError::Invalid(format!(
                    "collection {:?} has no file yet: choose where to save it",
                    info.name
                )));
            }
        };
        let collection = self.collection(id)?;
        collection_save::save(&target, &collection)?;
        let target = target.display().to_string();
        self.update_collection(id, |tx| {
            tx.execute(
                "UPDATE workspace_collections SET file_path = ?2 WHERE id = ?1",
                params![id, target],
            )
        })?;
        Ok(target)
    }
}

fn read_collection(row: &rusqlite::Row<'_>) -> rusqlite::Result<WorkspaceCollection> {
    Ok(WorkspaceCollection {
        id: row.get(0)?,
        name: row.get(1)?,
        settings: json_column(row, 2)?,
        file_path: row.get(3)?,
    })
}

/// A JSON column decoded, its error reported as SQLite reports a bad column.
pub(super) fn json_column<T: serde::de::DeserializeOwned>(
    row: &rusqlite::Row<'_>,
    index: usize,
) -> rusqlite::Result<T> {
    let text: String = row.get(index)?;
    serde_json::from_str(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn not_found(id: &str) -> WorkspaceError {
    WorkspaceError::NotFound(format!("no collection {id}"))
}

/// Names are shown in a tree and written to files: not blank, trimmed.
pub(super) fn checked_name(name: &str) -> Result<String, WorkspaceError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(WorkspaceError::Invalid("a name cannot be empty".into()));
    }
    Ok(name.to_owned())
}

/// The definition column: what the file would hold for this case.
pub(super) fn definition_json(case: &Case) -> Result<String, serde_json::Error> {
    as_written(|| serde_json::to_string(case))
}
