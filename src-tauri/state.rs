//! What the shell keeps for the app's lifetime (Tauri managed state).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;

use apiautotest_engine::http::CookieJar;
use apiautotest_engine::workspace::Workspace;
use apiautotest_engine::{BatchHandle, Engine};
use tokio::sync::watch;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::collections::CollectionInfo;
use crate::live::Subscribers;
use crate::sends::Sends;
use crate::settings::Settings;

pub struct AppState {
    pub engine: Engine,
    /// The collections, cases and environments being edited.
    pub workspace: Workspace,
    /// Cancelled by Quit: the batches still running stop as INTERRUPTED (resumable).
    pub shutdown: CancellationToken,
    /// The batches this process runs, so Quit can wait until they are stored as stopped.
    pub running: TaskTracker,
    pub data_dir: PathBuf,
    pub demo: Option<CollectionInfo>,
    /// Kept alive for the app's lifetime: the demo collection targets it.
    pub demo_sandbox: Option<apiautotest_sandbox::Sandbox>,
    /// The collection opened last (command line, second launch, dialog, drop).
    pub opened: Mutex<Option<CollectionInfo>>,
    pub subscribers: Subscribers,
    /// Whether the main window is shown: hidden, attaches send progress only.
    pub visible: watch::Sender<bool>,
    pub settings: Settings,
    /// Workbench sends in flight (Cancel finds them here).
    pub sends: Sends,
    /// Values captured (and cookies received) by workbench sends, per collection id, for
    /// the sends after them (as a batch passes captures on). Kept for the app's lifetime only.
    pub captured: Mutex<HashMap<String, SessionCaptures>>,
}

/// What the sends of one collection captured so far, and the cookies they were given.
#[derive(Debug, Default, Clone)]
pub struct SessionCaptures {
    /// In clear: what later sends use.
    pub values: HashMap<String, serde_json::Value>,
    /// Secrets masked: what the page may show.
    pub shown: std::collections::BTreeMap<String, serde_json::Value>,
    /// Shared by the collection's sends, as a batch's cases share their client's jar.
    pub cookies: CookieJar,
}

impl AppState {
    /// Follows a batch this process started or resumed until it ends.
    pub fn track(&self, handle: BatchHandle) {
        self.running.spawn(async move {
            // How it ended is in the store (and its events); nothing to do with it here.
            let _ = handle.finished().await;
        });
    }
}
