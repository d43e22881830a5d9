//! Start-up: the data folder, the store, the demo workspace, the watcher. (The tray is
//! made in `run`, on the real runtime only: the mock runtime of the tests has no GTK.)

use std::error::Error;

use apiautotest_engine::Engine;
use apiautotest_engine::store::Store;
use tauri::{App, Manager, Runtime};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::settings::Settings;
use crate::state::AppState;
use crate::{demo, launch, watcher};

/// The database file in the data folder.
const DATABASE: &str = "apiautotest.db";

pub fn setup<R: Runtime>(app: &mut App<R>) -> Result<(), Box<dyn Error>> {
    // The platform's app data folder; on Linux $XDG_DATA_HOME/<identifier>, so tests and
    // users can keep separate ones.
    let data_dir = app.path().app_data_dir()?;
    std::fs::create_dir_all(&data_dir)?;
    // Opening turns batches a dead process left RUNNING or PAUSED into INTERRUPTED, and
    // refuses (without touching it) a file that is not ours or is damaged.
    let store = Store::open(&data_dir.join(DATABASE))?;
    let demo = match tauri::async_runtime::block_on(demo::start(&data_dir)) {
        Ok(demo) => Some(demo),
        Err(e) => {
            eprintln!("apiautotest-desktop: the demo workspace is unavailable: {e}");
            None
        }
    };
    let workspace = store.workspace()?;
    if let Some(demo) = &demo {
        demo::seed_workspace(&workspace, demo);
    }
    let settings = Settings::load(&data_dir);
    let engine = Engine::new(store);
    engine.set_transport(settings.network());
    let (visible, _) = tokio::sync::watch::channel(true);
    let state = AppState {
        engine,
        workspace,
        shutdown: CancellationToken::new(),
        running: TaskTracker::new(),
        data_dir,
        demo: demo.as_ref().map(|d| d.collection.clone()),
        demo_sandbox: demo.map(|d| d.sandbox),
        opened: Default::default(),
        subscribers: Default::default(),
        visible,
        settings,
        sends: Default::default(),
        captured: Default::default(),
    };
    app.manage(state);
    let handle = app.handle().clone();
    let args: Vec<String> = std::env::args().collect();
    let cwd = std::env::current_dir().unwrap_or_default();
    if let Some(path) = launch::file_argument(&args, &cwd) {
        launch::open_file(&handle, &path);
    }
    apply_retention(&handle);
    watcher::spawn(handle);
    Ok(())
}

/// Applies the saved retention once at start, in the background.
fn apply_retention<R: Runtime>(app: &tauri::AppHandle<R>) {
    let state = app.state::<AppState>();
    let retention = state.settings.retention();
    if retention.older_than_days.is_none() && retention.keep_newest.is_none() {
        return;
    }
    let store = state.engine.store().clone();
    tauri::async_runtime::spawn(async move {
        if let Err(e) = store
            .prune(retention.older_than_days, retention.keep_newest)
            .await
        {
            eprintln!("apiautotest-desktop: retention not applied: {e}");
        }
    });
}
