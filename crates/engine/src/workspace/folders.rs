//! Folders: a path shared by cases, listed in the collection's settings when it has
//! settings of its own (auth) or no cases yet.

use rusqlite::params;

use crate::model::Folder;

use super::{Workspace, WorkspaceError, now};

impl Workspace {
    /// Adds an empty folder (`parent/name`) to the collection's tree.
    pub fn create_folder(&self, collection_id: &str, path: &str) -> Result<(), WorkspaceError> {
        let path = checked_path(path)?;
        let mut settings = self.collection_info(collection_id)?.settings;
        if settings.folders.iter().any(|f| f.path == path) {
            return Err(WorkspaceError::Invalid(format!(
                "folder {path:?} exists already"
            )));
        }
        settings.folders.push(Folder {
            path,
            auth: None,
            scripts: Default::default(),
        });
        self.update_collection_settings(collection_id, &settings)
    }

    /// Renames a folder and everything under it, cases included, in one transaction.
    pub fn rename_folder(
        &self,
        collection_id: &str,
        from: &str,
        to: &str,
    ) -> Result<(), WorkspaceError> {
        let to = checked_path(to)?;
        let mut settings = self.collection_info(collection_id)?.settings;
        let renamed = |path: &str| -> Option<String> {
            if path == from {
                Some(to.clone())
            } else {
                path.strip_prefix(from)
                    .and_then(|rest| rest.strip_prefix('/'))
                    .map(|rest| format!("{to}/{rest}"))
            }
        };
        for folder in &mut settings.folders {
            if let Some(new_path) = renamed(&folder.path) {
                folder.path = new_path;
            }
        }
        let mut conn = self.conn()?;
        let tx = conn.transaction()?;
        let cases: Vec<(String, String, String)> = {
            let mut statement = tx.prepare(
                "SELECT id, folder, definition FROM workspace_cases
                 WHERE collection_id = ?1 AND folder IS NOT NULL",
            )?;
            statement
                .query_map([collection_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<Result<_, _>>()?
        };
        for (id, folder, definition) in cases {
            let Some(new_folder) = renamed(&folder) else {
                continue;
            };
            let mut definition: serde_json::Value = serde_json::from_str(&definition)?;
            definition["folder"] = serde_json::Value::String(new_folder.clone());
            tx.execute(
                "UPDATE workspace_cases SET folder = ?2, definition = ?3, updated_at = ?4
                 WHERE id = ?1",
                params![id, new_folder, definition.to_string(), now()],
            )?;
        }
        tx.execute(
            "UPDATE workspace_collections SET settings = ?2, updated_at = ?3 WHERE id = ?1",
            params![collection_id, serde_json::to_string(&settings)?, now()],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Moves a folder's cases (and its subfolders') to the trash and drops the folder.
    pub fn delete_folder(&self, collection_id: &str, path: &str) -> Result<(), WorkspaceError> {
        let mut settings = self.collection_info(collection_id)?.settings;
        let inside = |candidate: &str| {
            candidate == path
                || candidate
                    .strip_prefix(path)
                    .is_some_and(|rest| rest.starts_with('/'))
        };
        settings.folders.retain(|f| !inside(&f.path));
        let mut conn = self.conn()?;
        let tx = conn.transaction()?;
        tx.execute(
            "UPDATE workspace_cases SET deleted_at = ?3
             WHERE collection_id = ?1 AND deleted_at IS NULL
               AND (folder = ?2 OR substr(folder, 1, length(?2) + 1) = ?2 || '/')",
            params![collection_id, path, now()],
        )?;
        tx.execute(
            "UPDATE workspace_collections SET settings = ?2, updated_at = ?3 WHERE id = ?1",
            params![collection_id, serde_json::to_string(&settings)?, now()],
        )?;
        tx.commit()?;
        Ok(())
    }
}

fn checked_path(path: &str) -> Result<String, WorkspaceError> {
    let path = path.trim().trim_matches('/');
    let valid = !path.is_empty() && path.split('/').all(|name| !name.trim().is_empty());
    if !valid {
        return Err(WorkspaceError::Invalid(format!(
            "invalid folder {path:?}: names joined by `/`, none empty"
        )));
    }
    Ok(path.split('/').map(str::trim).collect::<Vec<_>>().join("/"))
}
