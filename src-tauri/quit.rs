//! Quit: the one way (besides the process dying) that running batches stop. It asks
//! first when batches run; they then stop as INTERRUPTED and can be resumed later.

use std::time::Duration;

use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_dialog::{DialogExt, MessageDialogButtons, MessageDialogKind};

use crate::state::AppState;

/// How long Quit waits for running batches to record that they stopped.
const STOP_GRACE: Duration = Duration::from_secs(10);

pub fn request<R: Runtime>(app: &AppHandle<R>) {
    let running = active_count(app);
    if running == 0 {
        return now(app);
    }
    let app = app.clone();
    app.clone()
        .dialog()
        .message(format!(
            "{running} batch(es) still running. Quit anyway? They stop now and can be resumed on the next start."
        ))
        .title("Quit apiautotest")
        .kind(MessageDialogKind::Warning)
        .buttons(MessageDialogButtons::OkCancelCustom(
            "Quit".into(),
            "Keep running".into(),
        ))
        .show(move |quit| {
            if quit {
                now(&app);
            }
        });
}

/// Stops every batch (INTERRUPTED, resumable), waits until that is stored, then exits.
pub fn now<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<AppState>();
    state.shutdown.cancel();
    state.running.close();
    let running = state.running.clone();
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let _ = tokio::time::timeout(STOP_GRACE, running.wait()).await;
        app.exit(0);
    });
}

fn active_count<R: Runtime>(app: &AppHandle<R>) -> usize {
    let state = app.state::<AppState>();
    state
        .engine
        .store()
        .reader()
        .and_then(|r| r.active_batches())
        .map(|b| b.len())
        .unwrap_or(0)
}
