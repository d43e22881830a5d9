//! The desktop shell: a thin Tauri layer over the engine. Runs belong to the engine in
//! this process, never to the window: reloads, closing to the tray and UI crashes leave
//! them alone; only Quit (or the process dying) stops them, as INTERRUPTED.
//!
//! Map: `setup` builds the state at start; `commands/` is what the webview invokes;
//! `live/` delivers results to it; `window`, `tray` and `quit` are the desktop
//! behaviours; `watcher` turns engine events into UI signals, the tray's progress and
//! notifications.

mod collections;
mod commands;
mod demo;
mod error;
mod import;
mod launch;
pub mod live;
mod quit;
mod sends;
mod settings;
mod setup;
pub mod state;
pub mod tray;
mod watcher;
mod window;

use tauri::{Builder, Runtime};

pub use error::{CommandError, ErrorCode};

/// Starts the app; returns when it quits.
pub fn run() {
    let builder = Builder::default()
        // First, so a second launch hands over to the running instance before anything
        // else starts (its store, its sandbox).
        .plugin(tauri_plugin_single_instance::init(window::on_second_launch));
    let app = configure(builder).build(tauri::generate_context!());
    match app {
        Ok(app) => app.run(|app, event| {
            if let tauri::RunEvent::Ready = event {
                window::without_compositing(app);
                if let Err(e) = tray::create(app) {
                    eprintln!("apiautotest-desktop: no tray icon: {e}");
                }
            }
        }),
        Err(e) => {
            eprintln!("apiautotest-desktop: cannot start: {e}");
            std::process::exit(1);
        }
    }
}

/// Everything but single-instance, generic over the runtime so tests can build the app
/// on Tauri's mock runtime with the real capabilities.
pub fn configure<R: Runtime>(builder: Builder<R>) -> Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .invoke_handler(tauri::generate_handler![
            commands::collections::startup_info,
            commands::collections::open_collection,
            commands::batches::start_batch,
            commands::batches::active_batches,
            commands::batches::list_batches,
            commands::batches::pause_batch,
            commands::batches::resume_batch,
            commands::batches::cancel_batch,
            commands::batches::rerun_failed,
            commands::batches::delete_batch,
            commands::results::batch_results,
            commands::results::result_detail,
            commands::results::attach_batch,
            commands::results::follow_batch,
            commands::reports::export_report,
            commands::settings::get_retention,
            commands::settings::get_network,
            commands::settings::set_network,
            commands::settings::set_retention,
            commands::workbench::send_case,
            commands::workbench::cancel_send,
            commands::session::session_captures,
            commands::session::clear_session_captures,
            commands::session::session_cookies,
            commands::session::clear_session_cookies,
            commands::workspace::workspace_trees,
            commands::workspace::create_collection,
            commands::workspace::rename_collection,
            commands::workspace::update_collection_settings,
            commands::workspace::delete_collection,
            commands::workspace::restore_collection,
            commands::workspace::import_collection,
            commands::workspace::export_collection,
            commands::workspace::save_collection,
            commands::workspace::create_folder,
            commands::workspace::rename_folder,
            commands::workspace::delete_folder,
            commands::cases::get_case,
            commands::cases::create_case,
            commands::cases::save_case,
            commands::cases::duplicate_case,
            commands::cases::delete_case,
            commands::cases::restore_case,
            commands::cases::move_case,
            commands::cases::search_cases,
            commands::cases::case_sends,
            commands::cases::send_outcome,
            commands::environments::list_environments,
            commands::environments::save_environment,
            commands::environments::delete_environment,
            commands::environments::set_active_environment,
            commands::drafts::list_drafts,
            commands::drafts::save_draft,
            commands::drafts::discard_draft,
        ])
        .setup(|app| setup::setup(app))
        .on_window_event(window::on_window_event)
        .on_page_load(window::on_page_load)
}
