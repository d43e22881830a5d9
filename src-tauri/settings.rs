//! The app's settings file (`settings.json` in the data folder). Only retention for now.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

/// How many finished batches History keeps. `None`: no limit of that kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Retention {
    pub older_than_days: Option<u32>,
    pub keep_newest: Option<u32>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
struct SettingsFile {
    retention: Retention,
}

pub struct Settings {
    path: PathBuf,
    current: Mutex<SettingsFile>,
}

impl Settings {
    /// Reads the file; a missing or unreadable one gives the defaults (and is replaced on
    /// the next save, after being kept aside if it was unreadable).
    pub fn load(data_dir: &Path) -> Settings {
        let path = data_dir.join("settings.json");
        let current = match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes).unwrap_or_else(|_| {
                let _ = std::fs::rename(&path, path.with_extension("json.unreadable"));
                SettingsFile::default()
            }),
            Err(_) => SettingsFile::default(),
        };
        Settings {
            path,
            current: Mutex::new(current),
        }
    }

    pub fn retention(&self) -> Retention {
        self.current.lock().map(|s| s.retention).unwrap_or_default()
    }

    pub fn set_retention(&self, retention: Retention) -> std::io::Result<()> {
        let mut current = self
            .current
            .lock()
            .map_err(|_| std::io::Error::other("settings lock poisoned"))?;
        current.retention = retention;
        let text = serde_json::to_vec_pretty(&*current).map_err(std::io::Error::other)?;
        // Written aside then renamed: a crash mid-write never leaves half a file.
        let tmp = self.path.with_extension("json.tmp");
        std::fs::write(&tmp, text)?;
        std::fs::rename(&tmp, &self.path)
    }
}
