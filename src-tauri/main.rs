//! `apiautotest-desktop [FILE]`: the desktop app. FILE, a native collection file, is
//! opened in the runner (in the already running instance, if there is one).
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    apiautotest_desktop::run();
}
