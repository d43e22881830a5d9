//! Schema migrations: the files of `migrations/`, embedded, applied in order, each in its
//! own transaction and recorded in `schema_migrations`.

use rusqlite::{Connection, TransactionBehavior};

use super::StoreError;

/// (version, name, SQL). A test checks this list against the folder.
pub const MIGRATIONS: &[(i64, &str, &str)] = &[
    (
        1,
        "0001_init.sql",
        include_str!("../../../../migrations/0001_init.sql"),
    ),
    (
        2,
        "0002_workspace.sql",
        include_str!("../../../../migrations/0002_workspace.sql"),
    ),
    (
        3,
        "0003_scripts.sql",
        include_str!("../../../../migrations/0003_scripts.sql"),
    ),
];

/// Brings the schema up to date. Safe when several processes (the app, a CLI run with
/// `--db`) open one file at once: each step reads the version and applies the next
/// migration inside one IMMEDIATE transaction, so a second opener waits on the first and
/// then finds that migration recorded instead of applying it again.
pub fn apply(conn: &mut Connection) -> Result<(), StoreError> {
    let known = MIGRATIONS.last().map_or(0, |m| m.0);
    loop {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(
            "CREATE TABLE IF NOT EXISTS schema_migrations (
                 version    INTEGER PRIMARY KEY,
                 name       TEXT NOT NULL,
                 applied_at TEXT NOT NULL
             )",
        )?;
        let current: i64 = tx.query_row(
            "SELECT coalesce(max(version), 0) FROM schema_migrations",
            [],
            |r| r.get(0),
        )?;
        if current > known {
            return Err(StoreError::TooNew {
                path: tx.path().unwrap_or("database").to_owned(),
                found: current,
                known,
            });
        }
        let Some((version, name, sql)) = MIGRATIONS.iter().find(|m| m.0 > current) else {
            tx.commit()?;
            return Ok(());
        };
        tx.execute_batch(sql)?;
        tx.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)",
            (version, name, chrono::Utc::now().to_rfc3339()),
        )?;
        tx.commit()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_migration_file_is_embedded_in_order() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../migrations");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .expect("migrations folder")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".sql"))
            .collect();
        files.sort();
        let embedded: Vec<String> = MIGRATIONS.iter().map(|m| m.1.to_owned()).collect();
        assert_eq!(files, embedded);
        for (i, (version, name, _)) in MIGRATIONS.iter().enumerate() {
            assert_eq!(*version, i as i64 + 1);
            assert!(name.starts_with(&format!("{version:04}_")), "{name}");
        }
    }
}
