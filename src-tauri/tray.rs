//! The tray icon: live progress in its tooltip and menu; Show, Pause all, Resume all, Quit.
//! The handlers are plain functions of the app, so tests call them without a tray host.

use apiautotest_engine::model::{BatchState, BatchSummary, PauseReason};
use tauri::image::Image;
use tauri::menu::{Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Manager, Runtime};

use crate::state::AppState;
use crate::{quit, window};

const TRAY: &str = "main";

/// The menu's first line, updated with the progress.
struct ProgressItem<R: Runtime>(MenuItem<R>);

pub fn create<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    let progress = MenuItem::with_id(app, "progress", progress_text(&[]), false, None::<&str>)?;
    let menu = Menu::with_items(
        app,
        &[
            &progress,
            &PredefinedMenuItem::separator(app)?,
            &MenuItem::with_id(app, "show", "Show", true, None::<&str>)?,
            &MenuItem::with_id(app, "pause_all", "Pause all", true, None::<&str>)?,
            &MenuItem::with_id(app, "resume_all", "Resume all", true, None::<&str>)?,
            &PredefinedMenuItem::separator(app)?,
            &MenuItem::with_id(app, "quit", "Quit", true, None::<&str>)?,
        ],
    )?;
    TrayIconBuilder::with_id(TRAY)
        .icon(Image::from_bytes(include_bytes!("../icons/tray.png"))?)
        .tooltip("apiautotest")
        .menu(&menu)
        .on_menu_event(|app, event| on_menu(app, event.id().as_ref()))
        .build(app)?;
    app.manage(ProgressItem(progress));
    Ok(())
}

pub fn on_menu<R: Runtime>(app: &AppHandle<R>, id: &str) {
    match id {
        "show" => window::show(app),
        "pause_all" => {
            pause_all(&app.state::<AppState>());
        }
        "resume_all" => {
            resume_all(&app.state::<AppState>());
        }
        "quit" => quit::request(app),
        _ => {}
    }
}

/// Pauses every batch this process runs; how many it asked.
pub fn pause_all(state: &AppState) -> usize {
    steer(state, |b| b.state == BatchState::Running, |c| c.pause())
}

/// Resumes every batch this process holds paused (also those waiting for the network,
/// which then try again at once); how many it asked.
pub fn resume_all(state: &AppState) -> usize {
    steer(state, |b| b.state == BatchState::Paused, |c| c.resume())
}

fn steer(
    state: &AppState,
    which: impl Fn(&BatchSummary) -> bool,
    what: impl Fn(&apiautotest_engine::runner::BatchControl),
) -> usize {
    let Ok(active) = state
        .engine
        .store()
        .reader()
        .and_then(|r| r.active_batches())
    else {
        return 0;
    };
    active
        .iter()
        .filter(|b| which(b))
        .filter_map(|b| state.engine.control(&b.id))
        .map(|c| what(&c))
        .count()
}

/// Shows the active batches' progress in the tooltip and the menu.
pub fn refresh<R: Runtime>(app: &AppHandle<R>) {
    let Some(state) = app.try_state::<AppState>() else {
        return;
    };
    let active = state
        .engine
        .store()
        .reader()
        .and_then(|r| r.active_batches())
        .unwrap_or_default();
    let text = progress_text(&active);
    if let Some(tray) = app.tray_by_id(TRAY) {
        let _ = tray.set_tooltip(Some(format!("apiautotest: {text}")));
    }
    if let Some(item) = app.try_state::<ProgressItem<R>>() {
        let _ = item.0.set_text(text);
    }
}

/// "No batch running", or e.g. "2 batches: 1200/5000 done (24%), 1 waiting for network".
pub fn progress_text(active: &[BatchSummary]) -> String {
    if active.is_empty() {
        return "No batch running".into();
    }
    let done: u64 = active.iter().map(|b| b.counters.done).sum();
    let total: u64 = active.iter().map(|b| b.counters.total).sum();
    let percent = (done * 100).checked_div(total).unwrap_or(0);
    let batches = if active.len() == 1 {
        "1 batch".to_string()
    } else {
        format!("{} batches", active.len())
    };
    let mut text = format!("{batches}: {done}/{total} done ({percent}%)");
    let waiting = active
        .iter()
        .filter(|b| b.pause_reason == Some(PauseReason::WaitingForNetwork))
        .count();
    let paused = active
        .iter()
        .filter(|b| b.state == BatchState::Paused)
        .count()
        - waiting;
    if paused > 0 {
        text.push_str(&format!(", {paused} paused"));
    }
    if waiting > 0 {
        text.push_str(&format!(", {waiting} waiting for network"));
    }
    text
}
