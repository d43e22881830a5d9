//! The demo workspace: the sandbox API in-process on a loopback port, and a collection
//! that targets it, so a new user can press Run with no network.
//!
//! The port is kept in the data folder and reused, so the demo file (and the frozen plans
//! of demo batches, which a resume replays) keep pointing at a live sandbox.

use std::path::Path;

use apiautotest_engine::workspace::{Workspace, WorkspaceError};
use apiautotest_sandbox::Sandbox;

use crate::collections::{self, CollectionInfo};

const COLLECTION: &str = include_str!("../demo/items.yaml");
const SCHEMA: &str = include_str!("../demo/schemas/item.json");
/// The base URL the demo file is written with, replaced by the sandbox's.
const WRITTEN_BASE: &str = "http://127.0.0.1:8080";

pub struct Demo {
    pub sandbox: Sandbox,
    pub collection: CollectionInfo,
}

/// Starts the sandbox and seeds (or updates) the demo collection under `data_dir/demo`.
pub async fn start(data_dir: &Path) -> Result<Demo, String> {
    let dir = data_dir.join("demo");
    std::fs::create_dir_all(dir.join("schemas"))
        .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let port_file = dir.join("sandbox-port");
    let saved: Option<u16> = std::fs::read_to_string(&port_file)
        .ok()
        .and_then(|s| s.trim().parse().ok());
    let sandbox = match saved {
        Some(port) => match Sandbox::start(port).await {
            Ok(sandbox) => sandbox,
            Err(_) => Sandbox::start(0).await.map_err(|e| e.to_string())?,
        },
        None => Sandbox::start(0).await.map_err(|e| e.to_string())?,
    };
    let port = sandbox.addr().port();
    let _ = std::fs::write(&port_file, port.to_string());

    let file = dir.join("items.yaml");
    let base = sandbox.base_url();
    let text = match std::fs::read_to_string(&file) {
        // The user's own edits stay; only the sandbox's address follows the port.
        Ok(existing) => match saved {
            Some(old) if old != port => existing.replace(&format!("http://127.0.0.1:{old}"), &base),
            _ => existing,
        },
        Err(_) => COLLECTION.replace(WRITTEN_BASE, &base),
    };
    std::fs::write(&file, text).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
    let schema = dir.join("schemas/item.json");
    if !schema.exists() {
        std::fs::write(&schema, SCHEMA)
            .map_err(|e| format!("cannot write {}: {e}", schema.display()))?;
    }
    let (_, collection) = collections::open(&file, true).map_err(|e| e.message)?;
    Ok(Demo {
        sandbox,
        collection,
    })
}

/// The workspace setting naming the demo collection's copy in the workspace.
const DEMO_COLLECTION: &str = "demo_collection";

/// Puts the demo collection into the workspace on the first start, so a new user finds a
/// collection to open, edit and send; on later starts, points its `base` at the sandbox's
/// port of this run. A failure only costs the demo, never the app's start.
pub fn seed_workspace(workspace: &Workspace, demo: &Demo) {
    if let Err(e) = try_seed_workspace(workspace, demo) {
        eprintln!("apiautotest-desktop: cannot add the demo collection to the workspace: {e}");
    }
}

fn try_seed_workspace(workspace: &Workspace, demo: &Demo) -> Result<(), WorkspaceError> {
    let seeded = workspace.setting(DEMO_COLLECTION)?;
    let Some(id) = seeded.as_ref().and_then(|v| v.as_str()) else {
        let collection = workspace.import_collection_file(Path::new(&demo.collection.path))?;
        let id = serde_json::Value::String(collection.id);
        return workspace.set_setting(DEMO_COLLECTION, Some(&id));
    };
    match workspace.collection_info(id) {
        Ok(mut info) => {
            info.settings
                .variables
                .insert("base".into(), demo.sandbox.base_url());
            workspace.update_collection_settings(id, &info.settings)
        }
        // The user deleted it: theirs to decide.
        Err(WorkspaceError::NotFound(_)) => Ok(()),
        Err(e) => Err(e),
    }
}
