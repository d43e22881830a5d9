//! The app on Tauri's mock runtime, and calls made as the page makes them.

use std::time::Duration;

use serde_json::{Value, json};
use tauri::Manager;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;

/// The app on the mock runtime, with its own data folder (a unique identifier puts it
/// under the platform's data folder; removed on drop).
pub struct MockApp {
    pub app: tauri::App<MockRuntime>,
    pub window: tauri::WebviewWindow<MockRuntime>,
    pub data_dir: std::path::PathBuf,
}

impl MockApp {
    pub fn new() -> MockApp {
        let mut context = tauri::generate_context!();
        context.config_mut().identifier = unique_identifier();
        let mut app = apiautotest_desktop::configure(mock_builder())
            .build(context)
            .expect("the app builds with its real capabilities");
        // The first turn of the event loop runs `setup` (state, store, demo) and makes
        // the configured windows.
        #[allow(deprecated)]
        app.run_iteration(|_, _| {});
        // The configured window (the capability names it), made by that first turn.
        let window = app.get_webview_window("main").expect("the main window");
        let data_dir = app.path().app_data_dir().expect("data dir");
        MockApp {
            app,
            window,
            data_dir,
        }
    }

    pub fn invoke(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        invoke_on(&self.window, cmd, args)
    }

    pub fn wait_for(&self, what: &str, mut ready: impl FnMut(&Self) -> bool) {
        for _ in 0..200 {
            if ready(self) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("timed out waiting for {what}");
    }
}

impl Drop for MockApp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.data_dir);
    }
}

/// Invokes `cmd` as the page in `window` would, and waits for its answer.
pub fn invoke_on(
    window: &tauri::WebviewWindow<MockRuntime>,
    cmd: &str,
    args: Value,
) -> Result<Value, Value> {
    let response = get_ipc_response(
        window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().expect("url"),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    );
    match response {
        Ok(body) => Ok(body.deserialize::<Value>().expect("json")),
        Err(e) => Err(e),
    }
}

/// Tests run on parallel threads of one process: the counter keeps their data folders
/// apart (the clock alone did not: two apps got one folder and migrated one database at
/// once), the process id keeps test processes apart, the time keeps this run away from a
/// folder a killed run left behind.
fn unique_identifier() -> String {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    format!(
        "dev.apiautotest.test-{}-{}-{nanos:x}",
        std::process::id(),
        NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    )
}

pub fn demo_options() -> Value {
    json!({"concurrency": 1, "rate_per_second": null, "delay_ms": 50, "timeout_ms": 5000,
        "retries": 0, "bail": false, "iterations": 20, "network_wait_secs": 0,
        "max_stored_body_bytes": 65536, "max_redirects": 10, "insecure": false,
        "resend_unknown": false})
}
