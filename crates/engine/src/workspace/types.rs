//! What the workspace hands out: plain serde types, with TypeScript twins generated for
//! the UI.

use serde::{Deserialize, Serialize};

#[cfg(feature = "ts")]
use crate::model::Case;
use crate::model::{Auth, Folder, Scripts, Variables, Verdict};

/// A collection in the sidebar.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct WorkspaceCollection {
    pub id: String,
    pub name: String,
    pub settings: CollectionSettings,
    /// The native collection file it opens from and saves to, once it has one.
    pub file_path: Option<String>,
}

/// Everything of a collection but its cases.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct CollectionSettings {
    #[cfg_attr(feature = "ts", ts(as = "Variables"))]
    pub variables: Variables,
    pub auth: Option<Auth>,
    /// The collection's own pre-request and test scripts (absent in rows stored before
    /// scripts existed).
    #[serde(default, skip_serializing_if = "Scripts::is_empty")]
    #[cfg_attr(feature = "ts", ts(as = "Option<Scripts>", optional))]
    pub scripts: Scripts,
    /// Folders with settings or without cases, in tree order.
    pub folders: Vec<Folder>,
}

/// A case as the tree shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct CaseSummary {
    pub id: String,
    pub collection_id: String,
    pub name: String,
    pub folder: Option<String>,
    pub method: String,
    pub url: String,
    /// The variables it captures (known to the cases after it).
    pub captures: Vec<String>,
}

/// A collection with its cases in order: one sidebar tree.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct CollectionTree {
    pub collection: WorkspaceCollection,
    pub cases: Vec<CaseSummary>,
}

/// A case with its whole definition, for the editor.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct StoredCase {
    pub id: String,
    pub collection_id: String,
    /// The definition as a collection file writes it (a schema file stays a path).
    #[cfg_attr(feature = "ts", ts(as = "Case"))]
    pub case: serde_json::Value,
    /// The JSON body as text (pretty-printed), when the case has one. The page edits this
    /// rather than `case.request.json`: a JavaScript number cannot hold every JSON number
    /// (9007199254740993 would come back one less), and the file must keep what was written.
    pub json_body: Option<String>,
    pub updated_at: String,
}

/// A named set of variables; the active one is used by Send and by new batches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Environment {
    pub id: String,
    pub name: String,
    pub variables: Vec<EnvironmentVariable>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct EnvironmentVariable {
    pub name: String,
    pub value: String,
    /// Masked everywhere it is shown: the UI, stored results, reports, logs.
    pub secret: bool,
    /// A disabled variable is kept but not defined.
    pub enabled: bool,
}

/// One recent send of a case, for its history list.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct SendRecord {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    pub case_id: String,
    pub sent_at: String,
    pub verdict: Verdict,
    /// "200, 12 ms" or the error's kind.
    pub summary: String,
}
