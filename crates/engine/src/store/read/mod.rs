//! Queries, each on the reader's own connection: batches and plans here, results in
//! `results`.

mod results;

pub use results::ResultColumns;

use std::collections::BTreeMap;
use std::sync::Arc;

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::StoreError;
use super::codec::{SUMMARY_COLUMNS, summary_from_row};
use crate::model::{
    BatchId, BatchPlan, BatchSummary, Case, PlannedCase, PlannedCollection, Variables,
};

/// A read connection. Not shared between threads: open one per thread or task.
pub struct Reader {
    conn: Connection,
}

/// Which results to list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum ResultFilter {
    #[default]
    All,
    /// Failed and errored.
    NotPassed,
}

/// Response-time figures of a batch, in milliseconds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Durations {
    pub p50: f64,
    pub p95: f64,
    pub p99: f64,
    pub max: f64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub assertions_passed: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub assertions_failed: u64,
}

impl Reader {
    pub(super) fn new(conn: Connection) -> Reader {
        Reader { conn }
    }

    pub fn batch(&self, id: &BatchId) -> Result<BatchSummary, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {SUMMARY_COLUMNS} FROM batches WHERE id = ?1"),
                [&id.0],
                summary_from_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NoSuchBatch(id.0.clone()))
    }

    /// Finds a batch by its full id or a unique prefix of it (as git does with commits).
    pub fn find_batch(&self, id_or_prefix: &str) -> Result<BatchSummary, StoreError> {
        let pattern = format!("{}%", id_or_prefix.replace(['%', '_'], ""));
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM batches WHERE id LIKE ?1 LIMIT 2"
        ))?;
        let found: Vec<BatchSummary> = stmt
            .query_map([pattern], summary_from_row)?
            .collect::<Result<_, _>>()?;
        match found.as_slice() {
            [one] => Ok(one.clone()),
            [] => Err(StoreError::NoSuchBatch(id_or_prefix.to_owned())),
            _ => Err(StoreError::NoSuchBatch(format!(
                "{id_or_prefix} (ambiguous: give more of the id)"
            ))),
        }
    }

    /// Batches, newest first.
    pub fn batches(&self, limit: u32) -> Result<Vec<BatchSummary>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM batches ORDER BY id DESC LIMIT ?1"
        ))?;
        Ok(stmt
            .query_map([limit], summary_from_row)?
            .collect::<Result<_, _>>()?)
    }

    /// Running and paused batches, newest first.
    pub fn active_batches(&self) -> Result<Vec<BatchSummary>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM batches WHERE state IN ('QUEUED', 'RUNNING', 'PAUSED') ORDER BY id DESC"
        ))?;
        Ok(stmt
            .query_map([], summary_from_row)?
            .collect::<Result<_, _>>()?)
    }

    /// The frozen plan of a batch.
    pub fn plan(&self, id: &BatchId) -> Result<BatchPlan, StoreError> {
        let (name, options, variables, secret_names, rerun_of): (String, String, String, String, Option<String>) = self
            .conn
            .query_row(
                "SELECT name, options, variables, secret_names, rerun_of FROM batches WHERE id = ?1",
                [&id.0],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?
            .ok_or_else(|| StoreError::NoSuchBatch(id.0.clone()))?;
        #[derive(Deserialize)]
        struct Vars {
            #[serde(default)]
            globals: Variables,
            environment: Variables,
            overrides: Variables,
        }
        let vars: Vars = serde_json::from_str(&variables)?;
        let mut stmt = self.conn.prepare(
            "SELECT name, source, variables, scripts FROM batch_collections WHERE batch_id = ?1 ORDER BY collection_index",
        )?;
        let collections = stmt
            .query_map([&id.0], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                ))
            })?
            .map(|row| {
                let (name, source, variables, scripts) = row?;
                Ok(PlannedCollection {
                    name,
                    source,
                    variables: serde_json::from_str(&variables)?,
                    scripts: scripts
                        .map(|text| serde_json::from_str(&text))
                        .transpose()?
                        .unwrap_or_default(),
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        let mut stmt = self
            .conn
            .prepare("SELECT collection_index, snapshot FROM batch_cases WHERE batch_id = ?1 ORDER BY case_index")?;
        let cases = stmt
            .query_map([&id.0], |r| {
                Ok((r.get::<_, u32>(0)?, r.get::<_, String>(1)?))
            })?
            .map(|row| {
                let (collection_index, snapshot) = row?;
                Ok(PlannedCase {
                    collection_index,
                    case: Arc::new(serde_json::from_str::<Case>(&snapshot)?),
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        let mut stmt = self
            .conn
            .prepare("SELECT variables FROM batch_rows WHERE batch_id = ?1 ORDER BY row_index")?;
        let rows = stmt
            .query_map([&id.0], |r| r.get::<_, String>(0))?
            .map(|row| Ok(serde_json::from_str(&row?)?))
            .collect::<Result<Vec<Variables>, StoreError>>()?;
        Ok(BatchPlan {
            id: id.clone(),
            name,
            options: serde_json::from_str(&options)?,
            globals: vars.globals,
            environment: vars.environment,
            overrides: vars.overrides,
            secret_names: serde_json::from_str(&secret_names)?,
            collections,
            cases,
            rows,
            rerun_of: rerun_of.map(BatchId),
        })
    }

    /// Positions that have a result, with the values each captured (for resume).
    pub fn done_positions(
        &self,
        id: &BatchId,
    ) -> Result<BTreeMap<u64, BTreeMap<String, serde_json::Value>>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT position, captures FROM results WHERE batch_id = ?1")?;
        let rows = stmt.query_map([&id.0], |r| {
            Ok((r.get::<_, i64>(0)? as u64, r.get::<_, String>(1)?))
        })?;
        rows.map(|row| {
            let (position, captures) = row?;
            Ok((position, serde_json::from_str(&captures)?))
        })
        .collect()
    }

    /// The variable changes the scripts of a batch's results made, in commit order (resume
    /// replays them).
    pub fn script_changes(
        &self,
        id: &BatchId,
    ) -> Result<Vec<crate::model::VariableChange>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT script FROM results WHERE batch_id = ?1 AND script IS NOT NULL ORDER BY seq",
        )?;
        let rows = stmt.query_map([&id.0], |r| r.get::<_, String>(0))?;
        let mut changes = Vec::new();
        for row in rows {
            let record: crate::model::ScriptRecord = serde_json::from_str(&row?)?;
            changes.extend(record.changes);
        }
        Ok(changes)
    }

    /// Positions marked in flight that have no result: their outcome is unknown.
    pub fn unknown_positions(&self, id: &BatchId) -> Result<Vec<u64>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT position FROM in_flight WHERE batch_id = ?1 ORDER BY position")?;
        let rows = stmt.query_map([&id.0], |r| r.get::<_, i64>(0))?;
        Ok(rows
            .map(|r| r.map(|p| p as u64))
            .collect::<Result<_, _>>()?)
    }

    /// Case indexes with at least one failed or errored result.
    pub fn failed_case_indexes(&self, id: &BatchId) -> Result<Vec<u32>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT DISTINCT case_index FROM results WHERE batch_id = ?1 AND verdict != 'passed' ORDER BY case_index",
        )?;
        Ok(stmt
            .query_map([&id.0], |r| r.get(0))?
            .collect::<Result<_, _>>()?)
    }

    /// How many results of the batch ended with an error of `kind` (script errors are
    /// counted apart from the other errored cases in summaries and exit codes).
    pub fn errors_of_kind(
        &self,
        id: &BatchId,
        kind: crate::model::ErrorKind,
    ) -> Result<u64, StoreError> {
        let count: i64 = self.conn.query_row(
            "SELECT count(*) FROM results WHERE batch_id = ?1 AND error_kind = ?2",
            rusqlite::params![id.0, kind.as_str()],
            |r| r.get(0),
        )?;
        Ok(u64::try_from(count).unwrap_or(0))
    }

    /// Percentiles of response times (nearest rank) and assertion totals.
    pub fn durations(&self, id: &BatchId) -> Result<Durations, StoreError> {
        let (count, passed, failed, max): (i64, i64, i64, f64) = self.conn.query_row(
            "SELECT count(*), coalesce(sum(assertions_passed), 0), coalesce(sum(assertions_failed), 0),
                    coalesce(max(duration_ms), 0) FROM results WHERE batch_id = ?1",
            [&id.0],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?;
        // Nearest-rank percentiles from one sorted pass (SQLite sorts once; we keep three
        // numbers, not the list).
        let ranks = [0.50, 0.95, 0.99]
            .map(|p: f64| ((p * count as f64).ceil() as i64).clamp(1, count.max(1)) - 1);
        let mut found = [0.0f64; 3];
        if count > 0 {
            let mut stmt = self.conn.prepare(
                "SELECT duration_ms FROM results WHERE batch_id = ?1 ORDER BY duration_ms LIMIT ?2",
            )?;
            let mut rows = stmt.query(params![id.0, ranks[2] + 1])?;
            let mut index = 0i64;
            while let Some(row) = rows.next()? {
                let value: f64 = row.get(0)?;
                for (slot, rank) in found.iter_mut().zip(ranks) {
                    if index == rank {
                        *slot = value;
                    }
                }
                index += 1;
            }
        }
        let [p50, p95, p99] = found;
        Ok(Durations {
            p50,
            p95,
            p99,
            max,
            assertions_passed: passed as u64,
            assertions_failed: failed as u64,
        })
    }
}
