//! Quit from the tray while a batch runs: the app asks first; "Keep running" (Escape)
//! leaves the batch running, "Quit" (Enter) stops it as INTERRUPTED, resumable, and
//! exits. The tray menu is clicked as a desktop's panel does it, over D-Bus
//! (com.canonical.dbusmenu, which the tray exports), with `gdbus`.

use std::process::Command;
use std::time::Duration;

use apiautotest_engine::model::BatchState;

use crate::ONE_AT_A_TIME;
use crate::harness::{World, eventually};
use crate::page::{run_selected, wait_shown};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quit_from_the_tray_asks_then_leaves_the_batch_interrupted() {
    let _one = ONE_AT_A_TIME.lock().await;
    let world = World::new().await;
    let file = world.collection("quitting", 2000, "/delay/20");
    let app = world.launch(&[file.display().to_string()]).await;
    let id = run_selected(&app, "quitting").await.id;
    wait_shown(&app, "progress", &id, Duration::from_secs(20), |b| {
        b.done >= 10
    })
    .await;

    let tray = eventually(
        "the tray's menu on the bus",
        Duration::from_secs(10),
        || async { tray_menu(&world) },
    )
    .await;
    let layout = eventually(
        "the progress in the tray menu",
        Duration::from_secs(10),
        || async {
            let layout = tray.layout();
            layout.contains("1 batch").then_some(layout)
        },
    )
    .await;
    let quit = item_id(&layout, "Quit").expect("a Quit item");

    // Quit, then think better of it: the batch goes on.
    tray.click(quit);
    let dialog = dialog_window(world.display()).await;
    key_in(world.display(), &dialog, "Escape");
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert!(world.app_pid().is_some(), "Keep running keeps the app");
    let before = world.batch(&id);
    assert_eq!(before.state, BatchState::Running);
    eventually("more results", Duration::from_secs(10), || async {
        (world.batch(&id).counters.done > before.counters.done).then_some(())
    })
    .await;

    // Quit for real: the batch is stored as stopped before the app exits.
    tray.click(quit);
    let dialog = dialog_window(world.display()).await;
    key_in(world.display(), &dialog, "Return");
    eventually("the app to exit", Duration::from_secs(15), || async {
        world.app_pid().is_none().then_some(())
    })
    .await;
    let stopped = world.batch(&id);
    assert_eq!(stopped.state, BatchState::Interrupted);
    assert!(stopped.counters.done > before.counters.done);
    assert!(stopped.counters.done < 2000, "stopped before the end");
    assert_eq!(world.stored(&id).len() as u64, stopped.counters.done);
}

/// The tray's exported menu: who owns it on the bus, and where.
struct TrayMenu {
    bus: String,
    owner: String,
    path: String,
}

impl TrayMenu {
    fn layout(&self) -> String {
        self.call("com.canonical.dbusmenu.GetLayout", &["0", "-1", "@as []"])
    }

    fn click(&self, item: u32) {
        let id = item.to_string();
        self.call(
            "com.canonical.dbusmenu.Event",
            &[&id, "clicked", "<int32 0>", "0"],
        );
    }

    fn call(&self, method: &str, args: &[&str]) -> String {
        let mut all = vec!["call", "--address", &self.bus, "--dest", &self.owner];
        all.extend(["--object-path", &self.path, "--method", method, "--"]);
        all.extend(args);
        gdbus(&all).unwrap_or_else(|| panic!("gdbus {method} failed"))
    }
}

/// Finds the bus connection that exports a dbusmenu under the StatusNotifierItem path.
fn tray_menu(world: &World) -> Option<TrayMenu> {
    let bus = world.dbus_address().to_owned();
    let names = gdbus(&[
        "call",
        "--address",
        &bus,
        "--dest",
        "org.freedesktop.DBus",
        "--object-path",
        "/org/freedesktop/DBus",
        "--method",
        "org.freedesktop.DBus.ListNames",
    ])?;
    let unique = names
        .split('\'')
        .filter(|n| n.starts_with(':'))
        .map(str::to_owned);
    for owner in unique {
        let Some(tree) = gdbus(&[
            "introspect",
            "--address",
            &bus,
            "--dest",
            &owner,
            "--object-path",
            "/org/ayatana/NotificationItem",
            "--recurse",
        ]) else {
            continue;
        };
        let menu = tree.lines().find_map(|line| {
            let path = line.trim().strip_prefix("node ")?.trim_end_matches(" {");
            path.ends_with("/Menu").then(|| path.to_owned())
        });
        if let Some(path) = menu {
            return Some(TrayMenu { bus, owner, path });
        }
    }
    None
}

/// The id of the menu item labelled `label` in a GetLayout reply:
/// `... <(8, {'label': <'Quit'>}, @av [])> ...`.
fn item_id(layout: &str, label: &str) -> Option<u32> {
    let at = layout.find(&format!("'label': <'{label}'>"))?;
    let open = layout[..at].rfind("<(")?;
    layout[open + 2..at].split(',').next()?.trim().parse().ok()
}

fn gdbus(args: &[&str]) -> Option<String> {
    let out = Command::new("gdbus")
        .args(args)
        .output()
        .expect("gdbus (Debian package libglib2.0-bin; scripts/setup.sh installs it)");
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

async fn dialog_window(display: &str) -> String {
    eventually("the quit dialog", Duration::from_secs(10), || async {
        let out = Command::new("xdotool")
            .env("DISPLAY", display)
            .args(["search", "--onlyvisible", "--name", "^Quit apiautotest"])
            .output()
            .ok()?;
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .map(str::to_owned)
    })
    .await
}

fn key_in(display: &str, window: &str, key: &str) {
    // GTK builds the dialog after mapping it: a key sent at once may be lost.
    std::thread::sleep(Duration::from_millis(500));
    for args in [vec!["windowfocus", "--sync", window], vec!["key", key]] {
        let ok = Command::new("xdotool")
            .env("DISPLAY", display)
            .args(&args)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "xdotool {args:?}");
    }
}
