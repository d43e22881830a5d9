//! Turns engine events into what the desktop shows outside the page's attaches: a
//! `batches-changed` signal (the page re-queries), the tray's progress, and a notification
//! when a batch finishes while the window is hidden.

use std::time::{Duration, Instant};

use apiautotest_engine::model::{BatchEvent, BatchId, BatchState};
use tauri::{AppHandle, Emitter, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;
use tokio::sync::broadcast::error::RecvError;

use crate::state::AppState;
use crate::{tray, window};

pub const BATCHES_CHANGED: &str = "batches-changed";
/// The tray's progress is redrawn at most this often from result events.
const TRAY_PACE: Duration = Duration::from_secs(1);

pub fn spawn<R: Runtime>(app: AppHandle<R>) {
    let mut events = app.state::<AppState>().engine.store().subscribe();
    tauri::async_runtime::spawn(async move {
        let mut drawn = Instant::now();
        loop {
            match events.recv().await {
                Ok(BatchEvent::State {
                    batch_id, state, ..
                }) => {
                    let _ = app.emit(BATCHES_CHANGED, ());
                    if state.is_final() && !window::is_visible(&app) {
                        notify_finished(&app, &batch_id, state);
                    }
                    tray::refresh(&app);
                    drawn = Instant::now();
                }
                Ok(BatchEvent::Results { .. }) | Err(RecvError::Lagged(_)) => {
                    if drawn.elapsed() >= TRAY_PACE {
                        tray::refresh(&app);
                        drawn = Instant::now();
                    }
                }
                Err(RecvError::Closed) => break,
            }
        }
    });
}

fn notify_finished<R: Runtime>(app: &AppHandle<R>, id: &BatchId, state: BatchState) {
    let Some(app_state) = app.try_state::<AppState>() else {
        return;
    };
    let Ok(batch) = app_state.engine.store().reader().and_then(|r| r.batch(id)) else {
        return;
    };
    let c = batch.counters;
    let body = format!(
        "{state}: {} passed, {} failed, {} errored of {}",
        c.passed, c.failed, c.errored, c.total
    );
    // No notification daemon (a bare X session) is not worth more than a line on stderr.
    if let Err(e) = app
        .notification()
        .builder()
        .title(format!("{} finished", batch.name))
        .body(body)
        .show()
    {
        eprintln!("apiautotest-desktop: notification not shown: {e}");
    }
}
