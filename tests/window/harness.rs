//! The world an end-to-end test runs in: its own X display (Xvfb), D-Bus session (single
//! instance and notifications use it), WebKitWebDriver, data folder and sandbox API.
//! Nothing is shared with the developer's desktop or with another test. What the page
//! shows is read in `page`; the window is closed as a window manager would in `x11`.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use apiautotest_engine::model::{BatchId, BatchSummary, ResultSummary};
use apiautotest_engine::store::{ResultFilter, Store};
use apiautotest_sandbox::Sandbox;

use crate::webdriver::Session;

/// The app's folder under XDG_DATA_HOME (tauri.conf.json's identifier).
const APP_DIR: &str = "dev.apiautotest.desktop";

pub struct World {
    pub sandbox: Sandbox,
    pub dir: tempfile::TempDir,
    display: String,
    dbus_address: String,
    /// WebKitWebDriver: started anew when it stops answering (see `launch`).
    driver: std::sync::Mutex<Driver>,
    children: Vec<Child>,
}

struct Driver {
    child: Child,
    url: String,
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
        let driver = start_driver(&display, &dbus_address, dir.path()).await;
        World {
            sandbox: Sandbox::start(0).await.expect("sandbox"),
            dir,
            display,
            dbus_address,
            driver: std::sync::Mutex::new(driver),
            children,
        }
    }

    /// Launches the app (its window, a new WebDriver session) with `args`. WebKitWebDriver
    /// now and then never hears from a browser it launched (seen in CI: the session
    /// request timed out after 60 s, twice in a row with the same driver, every other
    /// step fine): the app it started, if any, is killed, the driver replaced by a new
    /// one, and the app launched once more, with what happened printed.
    pub async fn launch(&self, args: &[String]) -> Session {
        let url = self.driver_url();
        let refusal = match Session::start(&url, &app_binary(), args).await {
            Ok(session) => return session,
            Err(refusal) => refusal,
        };
        let stray = self.app_pid();
        eprintln!(
            "no WebDriver session ({refusal}); app process: {stray:?}; new driver, launching again"
        );
        if let Some(pid) = stray {
            let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
            gone(pid).await;
        }
        let fresh = start_driver(&self.display, &self.dbus_address, self.dir.path()).await;
        let url = fresh.url.clone();
        if let Ok(mut driver) = self.driver.lock() {
            let mut old = std::mem::replace(&mut *driver, fresh);
            let _ = old.child.kill();
            let _ = old.child.wait();
        }
        Session::start(&url, &app_binary(), args)
            .await
            .unwrap_or_else(|e| {
                panic!("cannot start a WebDriver session (twice, two drivers): {e}")
            })
    }

    fn driver_url(&self) -> String {
        self.driver
            .lock()
            .map(|d| d.url.clone())
            .unwrap_or_default()
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

    /// The private D-Bus session the app is on (single instance, tray, notifications).
    pub fn dbus_address(&self) -> &str {
        &self.dbus_address
    }

    /// Records the messages to the desktop's notification service on this world's bus
    /// (there is no notification daemon under Xvfb: the calls fail, but they are seen).
    pub fn watch_notifications(&mut self) -> PathBuf {
        let log = self.dir.path().join("notifications.log");
        let out = std::fs::File::create(&log).expect("log file");
        let monitor = Command::new("dbus-monitor")
            .args(["--address", &self.dbus_address])
            .arg("interface='org.freedesktop.Notifications'")
            .stdout(out)
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-monitor (Debian package dbus-bin, with dbus)");
        self.children.push(monitor);
        log
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

    /// Kills the app with SIGKILL (no chance to save or say goodbye); its pid, for
    /// `gone`.
    pub fn kill_app(&self) -> u32 {
        let pid = self.app_pid().expect("the app's pid");
        let killed = Command::new("kill")
            .args(["-9", &pid.to_string()])
            .status()
            .expect("kill");
        assert!(killed.success());
        pid
    }

    /// The pid of the app the driver launched (a child of WebKitWebDriver), if running.
    pub fn app_pid(&self) -> Option<u32> {
        let driver = self.driver.lock().ok()?.child.id();
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
        if let Ok(driver) = self.driver.get_mut() {
            let _ = driver.child.kill();
            let _ = driver.child.wait();
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

/// Xvfb on a display it picks itself (`-displayfd`): it writes the display's number to
/// its standard output once it accepts connections. Picking a number here (from lock
/// files) and waiting for the socket file raced with the socket a killed Xvfb leaves
/// behind: the app could start before the new server listened, or the new server fail
/// on a display still in the old one's hands, and the test then waited 2 x 60 s for a
/// window that never came (seen in CI, with the Xvfb it had started already gone).
fn start_display() -> (String, Child) {
    for _ in 0..3 {
        let mut xvfb = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb (Debian package xvfb; scripts/setup.sh installs it)");
        let Some(stdout) = xvfb.stdout.take() else {
            let _ = xvfb.kill();
            let _ = xvfb.wait();
            continue;
        };
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = std::io::BufRead::read_line(&mut std::io::BufReader::new(stdout), &mut line);
            let _ = sender.send(line);
        });
        match receiver.recv_timeout(Duration::from_secs(20)) {
            Ok(line) if line.trim().parse::<u32>().is_ok() => {
                return (format!(":{}", line.trim()), xvfb);
            }
            _ => {
                let _ = xvfb.kill();
                let _ = xvfb.wait();
            }
        }
    }
    panic!("Xvfb did not start (three tries)");
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

/// WebKitWebDriver on a free port, answering.
async fn start_driver(display: &str, dbus_address: &str, dir: &Path) -> Driver {
    let port = free_port();
    let child = Command::new("WebKitWebDriver")
        .arg(format!("--port={port}"))
        .arg("--host=127.0.0.1")
        .envs(app_env(display, dbus_address, dir))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("WebKitWebDriver (Debian package webkit2gtk-driver; scripts/setup.sh installs it)");
    let url = format!("http://127.0.0.1:{port}");
    wait_for_driver(&url).await;
    Driver { child, url }
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

/// Waits until process `pid` has gone.
pub async fn gone(pid: u32) {
    eventually("the app to be gone", Duration::from_secs(10), || async {
        (!Path::new(&format!("/proc/{pid}")).exists()).then_some(())
    })
    .await;
}
