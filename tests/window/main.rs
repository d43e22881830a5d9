//! End-to-end tests on the real app window: Xvfb, WebKitWebDriver, the real binary, a
//! real SQLite file, the sandbox API on 127.0.0.1. Each asserts what a user would see,
//! and checks it against the database.
//!
//! They run one at a time (each owns a display, a bus, a driver and the app: on two
//! cores, two at once only make both slow). Screenshots for the README are written to
//! docs/screenshots/ when APIAUTOTEST_SCREENSHOTS is set.

mod harness;
mod page;
mod webdriver;
mod x11;

mod auth;
mod authoring;
mod controls;
mod crash;
mod dialogs;
mod drafts;
mod find;
mod hidden;
mod highlighting;
mod outage;
mod postman;
mod quit;
mod reload;
mod tree;
mod workspace_page;

/// Held for a whole test: the scenarios run one after the other.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Where a test saves a screenshot for the README, when asked to.
fn screenshot_path(name: &str) -> Option<std::path::PathBuf> {
    std::env::var_os("APIAUTOTEST_SCREENSHOTS").map(|_| {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("docs/screenshots")
            .join(format!("{name}.png"))
    })
}
