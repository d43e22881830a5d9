//! Queries over a batch's results: pages (full, summaries, columns), one result, and the
//! streaming walk the reports use.

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::{Reader, ResultFilter};
use crate::model::{BatchId, CaseResult, ResultSummary, Verdict};
use crate::store::StoreError;
use crate::store::codec::{
    RESULT_COLUMNS, RESULT_SUMMARY_COLUMNS, result_from_row, result_summary_from_row,
};

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

impl Reader {
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
}
