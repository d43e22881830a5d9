//! The in-flight ledger: the durable "may be on the wire" mark of a non-idempotent request,
//! written by the runner itself.
//!
//! A POST must not be sent before its mark would survive a crash (resume must know it may
//! have been sent). Through the writer thread that mark costs two cross-thread wake-ups
//! and a one-row commit per request; here it is one `write(2)` of a line to a file of this
//! store instance, `DB-inflight-PID-START-N`. Its durability is the database's: a write that
//! returned survives the process dying (it is in the kernel), as does a WAL commit under
//! `synchronous = NORMAL`; neither is flushed to the disk at once.
//!
//! Invariants: an entry stays `open` until its case's result is committed (the writer says
//! so); a batch that ends with open entries copies them into the `in_flight` table with its
//! final state. When a store opens, the ledgers of dead processes are reconciled into the
//! table (entries whose case has no result) and removed; a clean close removes its own
//! ledger once nothing in it is open.

use std::collections::HashSet;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use rusqlite::{Connection, params};

use super::StoreError;
use super::owner::ProcessId;
use crate::model::BatchId;

/// Past this size the ledger is rewritten with only its open entries.
const ROTATE_AT: u64 = 1 << 20;

/// Tells the ledgers of two stores of one process apart.
static INSTANCE: AtomicU64 = AtomicU64::new(0);

pub struct Ledger {
    path: PathBuf,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    file: Option<File>,
    written: u64,
    open: HashSet<(BatchId, u64)>,
}

impl Ledger {
    /// The ledger of a new store instance on `db` (the file is made on the first mark).
    pub fn for_database(db: &Path) -> Ledger {
        let me = ProcessId::current().0.replace(':', "-");
        let n = INSTANCE.fetch_add(1, Ordering::Relaxed);
        Ledger {
            path: PathBuf::from(format!("{}{}{me}-{n}", db.display(), SUFFIX)),
            state: Mutex::default(),
        }
    }

    /// Records durably that the case at `position` may be sent from now on.
    pub fn mark(&self, batch: &BatchId, position: u64) -> Result<(), StoreError> {
        let mut state = self.lock()?;
        if state.file.is_none() {
            state.file = Some(open_append(&self.path)?);
        }
        let line = format!("{} {position}\n", batch.0);
        if let Some(file) = state.file.as_mut() {
            file.write_all(line.as_bytes())
                .map_err(|e| io_error(&self.path, e))?;
        }
        state.written += line.len() as u64;
        state.open.insert((batch.clone(), position));
        if state.written > ROTATE_AT {
            self.rotate(&mut state)?;
        }
        Ok(())
    }

    /// The case's result is committed: its entry is no longer needed.
    pub fn resolved(&self, batch: &BatchId, position: u64) {
        if let Ok(mut state) = self.state.lock() {
            state.open.remove(&(batch.clone(), position));
        }
    }

    /// Positions of `batch` marked and without a committed result.
    pub fn open_positions(&self, batch: &BatchId) -> Vec<u64> {
        self.state
            .lock()
            .map(|s| {
                s.open
                    .iter()
                    .filter(|(b, _)| b == batch)
                    .map(|(_, p)| *p)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// On a clean close: the file goes when nothing in it is open (otherwise the next
    /// open reconciles it, this process being gone by then).
    pub fn close(&self) {
        if let Ok(mut state) = self.state.lock()
            && state.open.is_empty()
        {
            state.file = None;
            let _ = std::fs::remove_file(&self.path);
        }
    }

    /// Rewrites the file with the open entries only (aside, then renamed over it).
    fn rotate(&self, state: &mut State) -> Result<(), StoreError> {
        let tmp = PathBuf::from(format!("{}.rotating", self.path.display()));
        let text: String = state
            .open
            .iter()
            .map(|(b, p)| format!("{} {p}\n", b.0))
            .collect();
        std::fs::write(&tmp, &text).map_err(|e| io_error(&tmp, e))?;
        std::fs::rename(&tmp, &self.path).map_err(|e| io_error(&self.path, e))?;
        state.file = Some(open_append(&self.path)?);
        state.written = text.len() as u64;
        Ok(())
    }

    fn lock(&self) -> Result<std::sync::MutexGuard<'_, State>, StoreError> {
        self.state
            .lock()
            .map_err(|_| StoreError::Sqlite("the in-flight ledger lock is poisoned".into()))
    }
}

const SUFFIX: &str = "-inflight-";

/// Copies the entries of dead processes' ledgers for `db` into `in_flight` (those whose
/// batch exists and whose case has no result), then removes those ledgers.
pub fn reconcile(conn: &mut Connection, db: &Path) -> Result<(), StoreError> {
    let (Some(dir), Some(name)) = (db.parent(), db.file_name().and_then(|n| n.to_str())) else {
        return Ok(());
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let prefix = format!("{name}{SUFFIX}");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(owner) = file_name
            .to_str()
            .and_then(|n| n.strip_prefix(&prefix))
            .and_then(owner_of)
        else {
            continue;
        };
        if owner.is_alive() {
            continue;
        }
        let path = entry.path();
        let text = std::fs::read_to_string(&path).map_err(|e| io_error(&path, e))?;
        let tx = conn.transaction()?;
        {
            let mut insert = tx.prepare(
                "INSERT OR IGNORE INTO in_flight (batch_id, position)
                 SELECT ?1, ?2 WHERE EXISTS (SELECT 1 FROM batches WHERE id = ?1)
                 AND NOT EXISTS (SELECT 1 FROM results WHERE batch_id = ?1 AND position = ?2)",
            )?;
            // Only whole lines count: one cut short by the crash (no newline yet) was
            // written before its request could be sent.
            let whole = text.rsplit_once('\n').map_or("", |(whole, _)| whole);
            for (batch, position) in whole.lines().filter_map(parse_line) {
                insert.execute(params![batch, position as i64])?;
            }
        }
        tx.commit()?;
        std::fs::remove_file(&path).map_err(|e| io_error(&path, e))?;
    }
    Ok(())
}

/// "PID-START-N" → the owner "PID:START".
fn owner_of(suffix: &str) -> Option<ProcessId> {
    let mut parts = suffix.split('-');
    let (pid, start) = (parts.next()?, parts.next()?);
    parts.next()?.parse::<u64>().ok()?;
    Some(ProcessId(format!("{pid}:{start}")))
}

fn parse_line(line: &str) -> Option<(&str, u64)> {
    let (batch, position) = line.split_once(' ')?;
    Some((batch, position.parse().ok()?))
}

fn open_append(path: &Path) -> Result<File, StoreError> {
    OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(|e| io_error(path, e))
}

fn io_error(path: &Path, e: std::io::Error) -> StoreError {
    if e.raw_os_error() == Some(28) {
        StoreError::DiskFull(format!("{}: {e}", path.display()))
    } else {
        StoreError::Sqlite(format!("{}: {e}", path.display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_lines_parse_and_bad_ones_do_not() {
        assert_eq!(owner_of("12-345-0"), Some(ProcessId("12:345".into())));
        assert_eq!(owner_of("12-345"), None);
        assert_eq!(owner_of("12-345-x.rotating"), None);
        assert_eq!(parse_line("abc 7"), Some(("abc", 7)));
        assert_eq!(parse_line("abc"), None);
        assert_eq!(parse_line("abc 1x"), None);
    }

    #[test]
    fn a_ledger_rotates_keeping_only_open_entries() {
        let dir = tempfile::tempdir().expect("dir");
        let ledger = Ledger::for_database(&dir.path().join("t.db"));
        let batch = BatchId("b".into());
        for position in 0..40_000 {
            ledger.mark(&batch, position).expect("mark");
            if position != 7 {
                ledger.resolved(&batch, position);
            }
        }
        let text = std::fs::read_to_string(&ledger.path).expect("ledger");
        assert!(
            text.len() < ROTATE_AT as usize,
            "rotated: {} bytes",
            text.len()
        );
        assert!(
            text.lines().any(|l| l == "b 7"),
            "the open entry survives rotation"
        );
        assert_eq!(ledger.open_positions(&batch), [7]);
        ledger.close();
        assert!(ledger.path.exists(), "kept while an entry is open");
    }
}
