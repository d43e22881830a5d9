//! Import in the app: a file of another tool (a Postman collection, environment or
//! globals export) or a native collection file, into the workspace. What did not map
//! comes back with it, to be shown: nothing is dropped silently.

use std::path::Path;

use apiautotest_engine::workspace::{
    Environment, EnvironmentVariable, Workspace, WorkspaceCollection,
};
use apiautotest_import::{Format, detect, postman};
use serde::Serialize;

use crate::error::{CommandError, ErrorCode};

/// What an import added, and what of the file it could not carry over.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ImportOutcome {
    /// From a collection file.
    pub collection: Option<WorkspaceCollection>,
    /// From an environment or globals file.
    pub environment: Option<Environment>,
    /// `Postman`, `native`.
    pub source: String,
    pub unmapped: Vec<ImportNote>,
}

/// One thing that did not map: where (item path) and which field, and what happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ImportNote {
    pub item: String,
    pub field: String,
    pub reason: String,
}

pub fn import_file(workspace: &Workspace, path: &Path) -> Result<ImportOutcome, CommandError> {
    let text = std::fs::read(path)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok());
    let format = text.as_deref().and_then(detect);
    let invalid = |e: apiautotest_import::ImportError| {
        CommandError::new(
            ErrorCode::InvalidCollection,
            format!("{}: {e}", path.display()),
        )
    };
    match (format, text) {
        (Some(Format::PostmanCollection), Some(text)) => {
            let imported = postman::collection(&text).map_err(invalid)?;
            let collection = workspace.add_collection(imported.collection)?;
            Ok(ImportOutcome {
                collection: Some(collection),
                environment: None,
                source: "Postman".into(),
                unmapped: notes(imported.unmapped),
            })
        }
        (Some(Format::PostmanEnvironment), Some(text)) => {
            let imported = postman::environment(&text).map_err(invalid)?;
            let environment = Environment {
                id: String::new(),
                name: imported.name.clone(),
                // Each name once, as newman resolves repeated names (the last enabled).
                variables: imported
                    .effective()
                    .map(|v| EnvironmentVariable {
                        name: v.name.clone(),
                        value: v.value.clone(),
                        secret: v.secret,
                        enabled: true,
                    })
                    .collect(),
            };
            let environment = workspace.save_environment(&environment)?;
            Ok(ImportOutcome {
                collection: None,
                environment: Some(environment),
                source: "Postman".into(),
                unmapped: notes(imported.unmapped),
            })
        }
        _ => Ok(ImportOutcome {
            collection: Some(workspace.import_collection_file(path)?),
            environment: None,
            source: "native".into(),
            unmapped: Vec::new(),
        }),
    }
}

/// Writes a workspace collection as a Postman v2.1 collection file.
pub fn export_postman(
    workspace: &Workspace,
    id: &str,
    path: &Path,
) -> Result<Vec<ImportNote>, CommandError> {
    let collection = workspace.collection(id)?;
    let (document, unmapped) = postman::export(&collection);
    let text = serde_json::to_string_pretty(&document)
        .map_err(|e| CommandError::new(ErrorCode::Internal, format!("cannot write JSON: {e}")))?;
    std::fs::write(path, text + "\n").map_err(|e| {
        CommandError::new(
            ErrorCode::InvalidInput,
            format!("cannot write {}: {e}", path.display()),
        )
    })?;
    Ok(notes(unmapped))
}

fn notes(unmapped: Vec<apiautotest_import::Unmapped>) -> Vec<ImportNote> {
    unmapped
        .into_iter()
        .map(|u| ImportNote {
            item: u.item,
            field: u.field,
            reason: u.reason,
        })
        .collect()
}
