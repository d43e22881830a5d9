//! Opening connections, and refusing files we must not touch.

use std::io::Read;
use std::path::PathBuf;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use super::StoreError;

/// "APIT": marks our databases, so we never migrate someone else's SQLite file.
pub const APPLICATION_ID: i64 = 0x4150_4954;

#[derive(Debug, Clone)]
pub enum Location {
    File(PathBuf),
    /// A `memdb` VFS name: every connection that opens it shares one in-memory database.
    Memory(String),
}

impl Location {
    fn describe(&self) -> String {
        match self {
            Location::File(p) => p.display().to_string(),
            Location::Memory(name) => format!("memory:{name}"),
        }
    }

    fn connect(&self, flags: OpenFlags) -> rusqlite::Result<Connection> {
        match self {
            Location::File(path) => Connection::open_with_flags(path, flags),
            Location::Memory(name) => Connection::open_with_flags(
                format!("file:{name}?vfs=memdb"),
                flags | OpenFlags::SQLITE_OPEN_URI,
            ),
        }
    }
}

/// Switches a file to WAL and returns the journal mode it ended in. Leaving rollback mode
/// needs the file to itself, and SQLite answers BUSY at once instead of calling the busy
/// handler; another process opening the same new file holds it for milliseconds, so this
/// waits as the busy timeout would.
fn enter_wal_mode(conn: &Connection) -> rusqlite::Result<String> {
    let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
    loop {
        match conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)) {
            Err(e)
                if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)
                    && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(5));
            }
            answer => return answer,
        }
    }
}

/// How long a connection waits for another's lock before giving up with `Busy`.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "foreign_keys", true)?;
    Ok(())
}

/// Maps an error met while opening, naming the file.
fn opening_error(location: &Location, e: rusqlite::Error) -> StoreError {
    match StoreError::from(e) {
        StoreError::Corrupt { why, .. } => StoreError::Corrupt {
            path: location.describe(),
            why,
        },
        other => other,
    }
}

pub fn open_for_writing(location: &Location) -> Result<Connection, StoreError> {
    if let Location::File(path) = location {
        refuse_non_sqlite(path)?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| {
                StoreError::ReadOnly(format!("cannot create {}: {e}", dir.display()))
            })?;
        }
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn = location
        .connect(flags)
        .map_err(|e| opening_error(location, e))?;
    configure(&conn).map_err(|e| opening_error(location, e))?;
    claim_or_refuse(&mut conn, location)?;
    if matches!(location, Location::File(_)) {
        // WAL: readers never block the writer. synchronous=NORMAL: a commit survives the
        // process being killed (the durability the continuity contract needs) without an
        // fsync per commit; only an OS crash or power cut may lose the last commits.
        let mode = enter_wal_mode(&conn).map_err(|e| opening_error(location, e))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Sqlite(format!(
                "cannot use WAL mode (got {mode})"
            )));
        }
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(|e| opening_error(location, e))?;
        // Checkpoint every ~40 MB of WAL instead of SQLite's 4 MB: a page rewritten by many
        // commits is copied to the database once per checkpoint, so fewer checkpoints is
        // less I/O during a run. The WAL is reset after each checkpoint.
        conn.pragma_update(None, "wal_autocheckpoint", 10_000)
            .map_err(|e| opening_error(location, e))?;
    }
    Ok(conn)
}

pub fn open_for_reading(location: &Location) -> Result<Connection, StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = location
        .connect(flags)
        .map_err(|e| opening_error(location, e))?;
    configure(&conn).map_err(|e| opening_error(location, e))?;
    Ok(conn)
}

/// A file that exists and does not start with SQLite's magic bytes is left alone.
fn refuse_non_sqlite(path: &std::path::Path) -> Result<(), StoreError> {
    let Ok(mut file) = std::fs::File::open(path) else {
        return Ok(()); // missing: it will be created
    };
    let mut head = [0u8; 16];
    let n = file.read(&mut head).unwrap_or(0);
    if n == 0 || head.starts_with(b"SQLite format 3\0") {
        return Ok(());
    }
    Err(StoreError::Foreign {
        path: path.display().to_string(),
        why: "the file is not a SQLite database".into(),
    })
}

/// A database is ours if it carries our application id, or is brand new (no tables); a
/// new one is marked ours. Read and mark happen in one IMMEDIATE transaction: two
/// processes opening one new file at once would otherwise both see it empty, or one would
/// see the other's first table before its mark and call the file foreign.
fn claim_or_refuse(conn: &mut Connection, location: &Location) -> Result<(), StoreError> {
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(|e| opening_error(location, e))?;
    check_ownership(&tx, location)?;
    tx.commit().map_err(|e| opening_error(location, e))
}

/// See `claim_or_refuse`, which runs this inside its transaction.
fn check_ownership(conn: &Connection, location: &Location) -> Result<(), StoreError> {
    let foreign = |why: String| StoreError::Foreign {
        path: location.describe(),
        why,
    };
    let id: i64 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(|e| opening_error(location, e))?;
    if id == APPLICATION_ID {
        return Ok(());
    }
    if id != 0 {
        return Err(foreign(format!(
            "it belongs to another application (id {id:#x})"
        )));
    }
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
        .map_err(|e| opening_error(location, e))?;
    if tables > 0 {
        return Err(foreign("it holds tables of another application".into()));
    }
    conn.pragma_update(None, "application_id", APPLICATION_ID)
        .map_err(|e| opening_error(location, e))?;
    Ok(())
}
