//! The shell on Tauri's mock runtime, with the app's real configuration and capabilities:
//! commands answer through IPC as the webview calls them, an ungranted permission is
//! refused, errors arrive as {kind, message}, the tray's actions steer batches, and the
//! workspace and the workbench work as the page uses them.

mod mock_app;

mod batches;
mod ipc;
mod workbench;
mod workspace;
