//! Collection files the app opens: validated when opened, so a bad file is reported
//! before anyone presses Run.

use std::path::Path;

use apiautotest_engine::collection_file;
use apiautotest_engine::model::Collection;
use serde::Serialize;

use crate::error::CommandError;

/// A collection file the app can run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct CollectionInfo {
    pub path: String,
    pub name: String,
    pub case_count: u32,
    /// The demo workspace's collection (targets the built-in sandbox).
    pub demo: bool,
}

/// Reads and checks a native collection file.
pub fn open(path: &Path, demo: bool) -> Result<(Collection, CollectionInfo), CommandError> {
    let collection = collection_file::load(path)?;
    let info = CollectionInfo {
        path: path.display().to_string(),
        name: collection.name.clone(),
        case_count: u32::try_from(collection.cases.len()).unwrap_or(u32::MAX),
        demo,
    };
    Ok((collection, info))
}
