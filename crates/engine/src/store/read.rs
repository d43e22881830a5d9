//! Queries, each on the reader's own connection.

use std::collections::BTreeMap;
use std::sync::Arc;

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::StoreError;
use super::codec::{
    RESULT_COLUMNS, RESULT_SUMMARY_COLUMNS, SUMMARY_COLUMNS, result_from_row,
    result_summary_from_row, summary_from_row,
};
use crate::model::{
    BatchId, BatchPlan, BatchSummary, Case, CaseResult, PlannedCase, PlannedCollection,
    ResultSummary, Variables, Verdict,
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

/// Results as two columns, for seqs `first_seq`, `first_seq + 1`, ...
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct ResultColumns {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub first_seq: u64,
    /// One letter per result: `p` passed, `f` failed, `e` errored.
    pub verdicts: String,
    pub durations_ms: Vec<f32>,
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

    /// A page of results with seq > `after_seq`, in seq order.
    pub fn results_after(
        &self,
        id: &BatchId,
        after_seq: u64,
        limit: u32,
        filter: ResultFilter,
    ) -> Result<Vec<CaseResult>, StoreError> {
        let verdicts = match filter {
            ResultFilter::All => "",
            ResultFilter::NotPassed => "AND verdict != 'passed'",
        };
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {RESULT_COLUMNS} FROM results WHERE batch_id = ?1 AND seq > ?2 {verdicts} ORDER BY seq LIMIT ?3"
        ))?;
        Ok(stmt
            .query_map(params![id.0, after_seq as i64, limit], result_from_row)?
            .collect::<Result<_, _>>()?)
    }

    /// A page of result summaries (what a list row shows) with seq > `after_seq`, in seq
    /// order: what a re-attaching view replays.
    pub fn summaries_after(
        &self,
        id: &BatchId,
        after_seq: u64,
        limit: u32,
        filter: ResultFilter,
    ) -> Result<Vec<ResultSummary>, StoreError> {
        self.summaries_matching(id, after_seq, limit, filter, None)
    }

    /// Like `summaries_after`, keeping only cases whose name contains `search` (ASCII
    /// letters compared without case).
    pub fn summaries_matching(
        &self,
        id: &BatchId,
        after_seq: u64,
        limit: u32,
        filter: ResultFilter,
        search: Option<&str>,
    ) -> Result<Vec<ResultSummary>, StoreError> {
        let verdicts = match filter {
            ResultFilter::All => "",
            ResultFilter::NotPassed => "AND verdict != 'passed'",
        };
        // instr() on lower(): no LIKE, so `%` and `_` in what the user typed mean themselves.
        let name = if search.is_some() {
            "AND instr(lower(case_name), lower(?4)) > 0"
        } else {
            "AND ?4 IS NULL"
        };
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {RESULT_SUMMARY_COLUMNS} FROM results WHERE batch_id = ?1 AND seq > ?2 {verdicts} {name} ORDER BY seq LIMIT ?3"
        ))?;
        Ok(stmt
            .query_map(
                params![id.0, after_seq as i64, limit, search],
                result_summary_from_row,
            )?
            .collect::<Result<_, _>>()?)
    }

    /// Verdicts and durations of the results with seq > `after_seq`, at most `limit`: what
    /// a view that holds only those columns (a long batch's list, its chart) catches up on.
    pub fn columns_after(
        &self,
        id: &BatchId,
        after_seq: u64,
        limit: u32,
    ) -> Result<ResultColumns, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT seq, verdict, duration_ms FROM results WHERE batch_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3",
        )?;
        let mut rows = stmt.query(params![id.0, after_seq as i64, limit])?;
        let mut columns = ResultColumns {
            first_seq: after_seq + 1,
            ..ResultColumns::default()
        };
        while let Some(row) = rows.next()? {
            let seq = row.get::<_, i64>(0)? as u64;
            // Seqs of a batch are 1, 2, 3 ... without gaps (given at commit): a page is one
            // contiguous run, and anything else is a damaged store.
            if seq != columns.first_seq + columns.durations_ms.len() as u64 {
                return Err(StoreError::Decode(format!(
                    "batch {id}: result seq {seq} out of sequence"
                )));
            }
            let verdict: String = row.get(1)?;
            columns.verdicts.push(match Verdict::parse(&verdict) {
                Some(Verdict::Passed) => 'p',
                Some(Verdict::Failed) => 'f',
                _ => 'e',
            });
            columns.durations_ms.push(row.get::<_, f64>(2)? as f32);
        }
        Ok(columns)
    }

    /// One result in full (request, response, assertion outcomes), by its seq.
    pub fn result(&self, id: &BatchId, seq: u64) -> Result<CaseResult, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {RESULT_COLUMNS} FROM results WHERE batch_id = ?1 AND seq = ?2"),
                params![id.0, seq as i64],
                result_from_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NoSuchResult {
                batch: id.0.clone(),
                seq,
            })
    }

    /// Calls `f` on every result of a batch in seq order, one at a time: reports stream
    /// through this, so their memory does not grow with the batch.
    pub fn for_each_result<E: From<StoreError>>(
        &self,
        id: &BatchId,
        mut f: impl FnMut(CaseResult) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT {RESULT_COLUMNS} FROM results WHERE batch_id = ?1 ORDER BY seq"
            ))
            .map_err(StoreError::from)?;
        let rows = stmt
            .query_map([&id.0], result_from_row)
            .map_err(StoreError::from)?;
        for row in rows {
            f(row.map_err(StoreError::from)?)?;
        }
        Ok(())
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
            environment: Variables,
            overrides: Variables,
        }
        let vars: Vars = serde_json::from_str(&variables)?;
        let mut stmt = self.conn.prepare(
            "SELECT name, source, variables FROM batch_collections WHERE batch_id = ?1 ORDER BY collection_index",
        )?;
        let collections = stmt
            .query_map([&id.0], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })?
            .map(|row| {
                let (name, source, variables) = row?;
                Ok(PlannedCollection {
                    name,
                    source,
                    variables: serde_json::from_str(&variables)?,
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
