//! A collection file named on the command line, of this launch or of a second one.

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::collections;
use crate::state::AppState;

/// The event the page hears when a file was opened from outside it.
pub const COLLECTION_OPENED: &str = "collection-opened";

/// The first argument after the program that is not an option, made absolute against
/// the launching process's working directory.
pub fn file_argument(args: &[String], cwd: &Path) -> Option<PathBuf> {
    let arg = args.iter().skip(1).find(|a| !a.starts_with('-'))?;
    let path = PathBuf::from(arg);
    Some(if path.is_absolute() {
        path
    } else {
        cwd.join(path)
    })
}

/// Opens `path` as the runner's collection and tells the page. A bad file is reported on
/// stderr and in the page's notice, and changes nothing.
pub fn open_file<R: Runtime>(app: &AppHandle<R>, path: &Path) {
    let state = app.state::<AppState>();
    match collections::open(path, false) {
        Ok((_, info)) => {
            if let Ok(mut opened) = state.opened.lock() {
                *opened = Some(info.clone());
            }
            let _ = app.emit(COLLECTION_OPENED, info);
        }
        Err(e) => eprintln!("apiautotest-desktop: {}", e.message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_first_plain_argument_is_the_file_made_absolute() {
        let cwd = Path::new("/home/me/api");
        assert_eq!(
            file_argument(&args(&["app", "--flag", "tests.yaml"]), cwd),
            Some(PathBuf::from("/home/me/api/tests.yaml"))
        );
        assert_eq!(
            file_argument(&args(&["app", "/abs/c.yaml"]), cwd),
            Some(PathBuf::from("/abs/c.yaml"))
        );
        assert_eq!(file_argument(&args(&["app"]), cwd), None);
        assert_eq!(file_argument(&args(&["app", "-v"]), cwd), None);
    }
}
