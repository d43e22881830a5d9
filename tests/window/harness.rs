//! The world an end-to-end test runs in: its own X display (Xvfb), D-Bus session (single
//! instance and notifications use it), WebKitWebDriver, data folder and sandbox API.
//! Nothing is shared with the developer's desktop or with another test.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use apiautotest_engine::model::{BatchId, BatchSummary, ResultSummary};
use apiautotest_engine::store::{ResultFilter, Store};
use apiautotest_sandbox::Sandbox;
use serde_json::Value;
use x11rb::connection::Connection as _;
use x11rb::protocol::xproto::{ClientMessageEvent, ConnectionExt as _, EventMask};

use crate::webdriver::Session;

/// The app's folder under XDG_DATA_HOME (tauri.conf.json's identifier).
const APP_DIR: &str = "dev.apiautotest.desktop";

pub struct World {
    pub sandbox: Sandbox,
    pub dir: tempfile::TempDir,
    display: String,
    dbus_address: String,
    driver_url: String,
    children: Vec<Child>,
}

impl World {
    pub async fn new() -> World {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("data")).expect("data dir");
        let mut children = Vec::new();
        let (display, xvfb) = start_display();
        children.push(xvfb);
        let (dbus_address, dbus) = start_dbus(dir.path());
        children.push(dbus);
        let port = free_port();
        let driver = Command::new("WebKitWebDriver")
            .arg(format!("--port={port}"))
            .arg("--host=127.0.0.1")
            .envs(app_env(&display, &dbus_address, dir.path()))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect(
                "WebKitWebDriver (Debian package webkit2gtk-driver; scripts/setup.sh installs it)",
            );
        children.push(driver);
        let driver_url = format!("http://127.0.0.1:{port}");
        wait_for_driver(&driver_url).await;
        World {
            sandbox: Sandbox::start(0).await.expect("sandbox"),
            dir,
            display,
            dbus_address,
            driver_url,
            children,
        }
    }

    /// Launches the app (its window, a new WebDriver session) with `args`.
    pub async fn launch(&self, args: &[String]) -> Session {
        Session::launch(&self.driver_url, &app_binary(), args).await
    }

    /// Starts the app a second time directly, as a user would; returns its exit status.
    pub fn launch_again(&self, args: &[String]) -> std::process::ExitStatus {
        Command::new(app_binary())
            .args(args)
            .envs(app_env(&self.display, &self.dbus_address, self.dir.path()))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("second launch")
    }

    /// A collection of `n` cases GET `{{base}}PATH` (`{i}` in `path`: the case's index),
    /// each asserting `status == 200`, written to a file.
    pub fn collection(&self, file: &str, n: usize, path: &str) -> PathBuf {
        let mut yaml = format!(
            "name: {file}\nvariables:\n  base: {}\ncases:\n",
            self.sandbox.base_url()
        );
        for i in 0..n {
            yaml.push_str(&format!(
                "  - name: case {i}\n    request:\n      method: GET\n      url: \"{{{{base}}}}{}\"\n    assert:\n      - status == 200\n",
                path.replace("{i}", &i.to_string())
            ));
        }
        let file = self.dir.path().join(format!("{file}.yaml"));
        std::fs::write(&file, yaml).expect("collection written");
        file
    }

    /// Writes a collection file from its text (`{{base}}` is the sandbox).
    pub fn collection_text(&self, file: &str, cases: &str) -> PathBuf {
        let yaml = format!(
            "name: {file}\nvariables:\n  base: {}\ncases:\n{cases}",
            self.sandbox.base_url()
        );
        let path = self.dir.path().join(format!("{file}.yaml"));
        std::fs::write(&path, yaml).expect("collection written");
        path
    }

    pub fn display(&self) -> &str {
        &self.display
    }

    pub fn database(&self) -> PathBuf {
        self.dir
            .path()
            .join("data")
            .join(APP_DIR)
            .join("apiautotest.db")
    }

    /// The store the app writes, opened as a second process would (the CLI, say).
    pub fn store(&self) -> Store {
        Store::open(&self.database()).expect("the app's database opens")
    }

    pub fn batch(&self, id: &BatchId) -> BatchSummary {
        self.store()
            .reader()
            .expect("reader")
            .batch(id)
            .expect("batch")
    }

    /// Every stored result summary of a batch, in seq order.
    pub fn stored(&self, id: &BatchId) -> Vec<ResultSummary> {
        self.store()
            .reader()
            .expect("reader")
            .summaries_after(id, 0, u32::MAX, ResultFilter::All)
            .expect("results")
    }

    /// The pid of the app the driver launched (a child of WebKitWebDriver), if running.
    pub fn app_pid(&self) -> Option<u32> {
        let driver = self.children.get(2)?.id();
        std::fs::read_dir("/proc")
            .ok()?
            .flatten()
            .find_map(|entry| {
                let pid: u32 = entry.file_name().to_str()?.parse().ok()?;
                let stat = std::fs::read_to_string(entry.path().join("stat")).ok()?;
                // "pid (comm) state ppid ...": comm is cut to 15 bytes by the kernel.
                let (comm, rest) = stat.split_once(") ")?;
                let ppid: u32 = rest.split(' ').nth(1)?.parse().ok()?;
                (ppid == driver && comm.ends_with("apiautotest-des")).then_some(pid)
            })
    }
}

impl Drop for World {
    fn drop(&mut self) {
        // The app first (or WebKitWebDriver's death would orphan it), then the rest.
        if let Some(pid) = self.app_pid() {
            let _ = Command::new("kill").arg("-9").arg(pid.to_string()).status();
        }
        for child in self.children.iter_mut().rev() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn app_binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_apiautotest-desktop"))
}

fn app_env(display: &str, dbus: &str, dir: &Path) -> Vec<(String, String)> {
    vec![
        ("DISPLAY".into(), display.into()),
        ("DBUS_SESSION_BUS_ADDRESS".into(), dbus.into()),
        (
            "XDG_DATA_HOME".into(),
            dir.join("data").display().to_string(),
        ),
        ("TAURI_WEBVIEW_AUTOMATION".into(), "true".into()),
    ]
}

fn start_display() -> (String, Child) {
    for n in 90..190 {
        if Path::new(&format!("/tmp/.X{n}-lock")).exists() {
            continue;
        }
        let mut xvfb = Command::new("Xvfb")
            .arg(format!(":{n}"))
            .args(["-screen", "0", "1280x800x24", "-nolisten", "tcp"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb (Debian package xvfb; scripts/setup.sh installs it)");
        let socket = PathBuf::from(format!("/tmp/.X11-unix/X{n}"));
        for _ in 0..100 {
            if socket.exists() {
                return (format!(":{n}"), xvfb);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = xvfb.kill();
        let _ = xvfb.wait();
    }
    panic!("no free X display");
}

fn start_dbus(dir: &Path) -> (String, Child) {
    let address = format!("unix:path={}", dir.join("bus").display());
    let mut dbus = Command::new("dbus-daemon")
        .args(["--session", "--nofork", "--nopidfile"])
        .arg(format!("--address={address}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("dbus-daemon (Debian package dbus)");
    for _ in 0..100 {
        if dir.join("bus").exists() {
            return (address, dbus);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = dbus.kill();
    let _ = dbus.wait();
    panic!("dbus-daemon did not start");
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

async fn wait_for_driver(url: &str) {
    for _ in 0..100 {
        if reqwest::get(format!("{url}/status")).await.is_ok() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("WebKitWebDriver did not start");
}

/// Polls `probe` until it returns `Some`, or fails the test after `within`.
pub async fn eventually<T, F, Fut>(what: &str, within: Duration, mut probe: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let deadline = tokio::time::Instant::now() + within;
    loop {
        if let Some(value) = probe().await {
            return value;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "timed out waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// What the page shows of one batch.
#[derive(Debug, Clone)]
pub struct Shown {
    pub id: BatchId,
    pub done: u64,
    pub total: u64,
    pub state: String,
}

/// The progress bars on the page, newest batch first.
pub async fn shown_batches(session: &Session) -> Vec<Shown> {
    let script = "return [...document.querySelectorAll('[data-testid=batch-progress]')]
        .map(e => ({id: e.dataset.batchId, done: +e.dataset.done, total: +e.dataset.total, state: e.dataset.state}))";
    let Ok(Value::Array(list)) = session.exec(script, vec![]).await else {
        return Vec::new();
    };
    list.iter()
        .map(|v| Shown {
            id: BatchId(v["id"].as_str().unwrap_or_default().to_owned()),
            done: v["done"].as_u64().unwrap_or(0),
            total: v["total"].as_u64().unwrap_or(0),
            state: v["state"].as_str().unwrap_or_default().to_owned(),
        })
        .collect()
}

/// The seqs the page holds for a batch (the UI's read-only test hook), in its order.
pub async fn page_seqs(session: &Session, id: &BatchId) -> Option<Vec<u64>> {
    let value = session
        .exec(
            "return window.__apiautotest ? window.__apiautotest.seqs(arguments[0]) : null",
            vec![Value::String(id.0.clone())],
        )
        .await
        .ok()?;
    value
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_u64).collect())
}

pub async fn visible(session: &Session, testid: &str) -> bool {
    session
        .exec(
            "const e = document.querySelector(`[data-testid=${arguments[0]}]`); return !!e && e.offsetParent !== null",
            vec![Value::String(testid.into())],
        )
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// The text of a batch panel's state badge ("waiting for network" while auto-paused).
pub async fn badge(session: &Session, id: &BatchId) -> String {
    session
        .exec(
            "const e = document.querySelector(`[data-testid=batch-panel][data-batch-id=\"${arguments[0]}\"] [data-testid=state-badge]`); return e ? e.textContent : ''",
            vec![Value::String(id.0.clone())],
        )
        .await
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Clicks a button of one batch's panel.
pub async fn click_in_panel(session: &Session, id: &BatchId, testid: &str) {
    let css = format!(
        "[data-testid=batch-panel][data-batch-id=\"{}\"] [data-testid={testid}]",
        id.0
    );
    session
        .click_when_ready(&css, Duration::from_secs(20))
        .await;
}

/// The page's progress bar of batch `id` once `ready` holds for it.
pub async fn wait_shown(
    session: &Session,
    what: &str,
    id: &BatchId,
    within: Duration,
    ready: impl Fn(&Shown) -> bool,
) -> Shown {
    eventually(what, within, || async {
        shown_batches(session)
            .await
            .into_iter()
            .find(|b| &b.id == id && ready(b))
    })
    .await
}

/// Starts collection `name` (already selected: opened from the command line) with the
/// Run button; the new batch as shown.
pub async fn run_selected(session: &Session, name: &str) -> Shown {
    let ready = "const b = document.querySelector('[data-testid=run-button]');
        const chosen = document.querySelector('input[type=radio]:checked');
        return !!b && !b.disabled && !!chosen
            && chosen.closest('label').textContent.includes(arguments[0])";
    eventually(
        "the Run button, with the collection chosen",
        Duration::from_secs(20),
        || async {
            let ok = session.exec(ready, vec![Value::String(name.into())]).await;
            (ok == Ok(Value::Bool(true))).then_some(())
        },
    )
    .await;
    let before: Vec<BatchId> = shown_batches(session)
        .await
        .into_iter()
        .map(|b| b.id)
        .collect();
    session
        .click_when_ready("[data-testid=run-button]", Duration::from_secs(20))
        .await;
    eventually(
        "the new batch on the page",
        Duration::from_secs(20),
        || async {
            shown_batches(session)
                .await
                .into_iter()
                .find(|b| !before.contains(&b.id))
        },
    )
    .await
}

/// What a window manager does when the user clicks the close button: a WM_DELETE_WINDOW
/// message to the app's top-level windows named "apiautotest".
pub fn close_window(display: &str) {
    let (conn, screen) = x11rb::connect(Some(display)).expect("X connection");
    let root = conn.setup().roots[screen].root;
    let atom = |name: &[u8]| {
        conn.intern_atom(false, name)
            .expect("intern")
            .reply()
            .expect("atom")
            .atom
    };
    let (protocols, delete) = (atom(b"WM_PROTOCOLS"), atom(b"WM_DELETE_WINDOW"));
    let children = conn
        .query_tree(root)
        .expect("tree")
        .reply()
        .expect("tree reply")
        .children;
    let mut sent = 0;
    for window in children {
        let name = conn
            .get_property(
                false,
                window,
                x11rb::protocol::xproto::AtomEnum::WM_NAME,
                x11rb::protocol::xproto::AtomEnum::STRING,
                0,
                64,
            )
            .ok()
            .and_then(|c| c.reply().ok())
            .map(|r| r.value)
            .unwrap_or_default();
        if name == b"apiautotest" {
            let event = ClientMessageEvent::new(32, window, protocols, [delete, 0, 0, 0, 0]);
            conn.send_event(false, window, EventMask::NO_EVENT, event)
                .expect("send");
            sent += 1;
        }
    }
    conn.flush().expect("flush");
    assert!(sent > 0, "no apiautotest window found on {display}");
}
