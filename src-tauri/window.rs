//! The main window: closing hides it (runs go on), a second launch shows it again, and a
//! page load drops what the previous page had attached.

use tauri::webview::{PageLoadEvent, PageLoadPayload};
use tauri::{AppHandle, Manager, Runtime, Webview, Window, WindowEvent};

use crate::launch;
use crate::state::AppState;

pub const MAIN: &str = "main";

pub fn on_window_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    if let WindowEvent::CloseRequested { api, .. } = event
        && window.label() == MAIN
    {
        api.prevent_close();
        hide(window.app_handle());
    }
}

pub fn on_page_load<R: Runtime>(webview: &Webview<R>, payload: &PageLoadPayload<'_>) {
    if payload.event() == PageLoadEvent::Started
        && let Some(state) = webview.try_state::<AppState>()
    {
        state.subscribers.page_loading(webview.label());
    }
}

pub fn show<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window(MAIN) {
        let _ = window.show();
        let _ = window.unminimize();
        let _ = window.set_focus();
    }
    set_visible(app, true);
}

pub fn hide<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window(MAIN) {
        let _ = window.hide();
    }
    set_visible(app, false);
}

pub fn is_visible<R: Runtime>(app: &AppHandle<R>) -> bool {
    app.try_state::<AppState>()
        .is_some_and(|s| *s.visible.borrow())
}

fn set_visible<R: Runtime>(app: &AppHandle<R>, visible: bool) {
    if let Some(state) = app.try_state::<AppState>() {
        state.visible.send_replace(visible);
    }
}

/// Someone started the app again: show this instance, and open the file they named.
pub fn on_second_launch<R: Runtime>(app: &AppHandle<R>, args: Vec<String>, cwd: String) {
    show(app);
    if let Some(path) = launch::file_argument(&args, std::path::Path::new(&cwd)) {
        launch::open_file(app, &path);
    }
}

/// Renders the page without accelerated compositing. A list-and-table UI gains nothing
/// from it, and it costs memory the web process keeps: measured under Xvfb (Mesa's
/// software GL), the idle app took 309 MB of PSS with it and 233 MB without, and a 100k
/// result batch added 123 MB with it and 80 MB without (docs/performance.md).
pub fn without_compositing<R: Runtime>(app: &AppHandle<R>) {
    #[cfg(target_os = "linux")]
    if let Some(window) = app.get_webview_window(MAIN) {
        let _ = window.with_webview(|webview| {
            use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
            if let Some(settings) = webview.inner().settings() {
                settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
            }
        });
    }
    #[cfg(not(target_os = "linux"))]
    let _ = app;
}
