//! The app's settings file (`settings.json` in the data folder): retention, and the
//! network (client certificate, CAs, proxy) of batches and sends.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use apiautotest_engine::http::Transport;
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
    /// The client key's passphrase is kept here in clear, beside the key it opens (the
    /// data folder is the user's own, as the key file is).
    network: Transport,
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
        self.change(|s| s.retention = retention)
    }

    pub fn network(&self) -> Transport {
        self.current
            .lock()
            .map(|s| s.network.clone())
            .unwrap_or_default()
    }

    pub fn set_network(&self, network: Transport) -> std::io::Result<()> {
        self.change(|s| s.network = network)
    }

    fn change(&self, edit: impl FnOnce(&mut SettingsFile)) -> std::io::Result<()> {
        let mut current = self
            .current
            .lock()
            .map_err(|_| std::io::Error::other("settings lock poisoned"))?;
        edit(&mut current);
        let text = serde_json::to_vec_pretty(&*current).map_err(std::io::Error::other)?;
        // Written aside then renamed: a crash mid-write never leaves half a file.
        let tmp = self.path.with_extension("json.tmp");
        std::fs::write(&tmp, text)?;
        std::fs::rename(&tmp, &self.path)
    }
}
