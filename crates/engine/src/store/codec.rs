//! Rows <-> model types. The only place that knows column orders.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, Row, params};

use super::StoreError;
use super::owner::ProcessId;
use crate::model::{
    BatchId, BatchPlan, BatchState, BatchSummary, CaseResult, Counters, ErrorKind, PauseReason,
    RequestRecord, ResponseRecord, ResultSummary, RunError, Verdict,
};

pub fn insert_plan(
    conn: &Connection,
    plan: &BatchPlan,
    owner: &ProcessId,
) -> Result<(), StoreError> {
    let variables = serde_json::json!({"globals": plan.globals, "environment": plan.environment, "overrides": plan.overrides});
    conn.execute(
        "INSERT INTO batches (id, name, state, created_at, options, variables, secret_names,
                              case_count, row_count, total, rerun_of, owner)
         VALUES (?1, ?2, 'QUEUED', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            plan.id.0,
            plan.name,
            Utc::now().to_rfc3339(),
            serde_json::to_string(&plan.options)?,
            variables.to_string(),
            serde_json::to_string(&plan.secret_names)?,
            plan.cases.len() as i64,
            plan.rows.len() as i64,
            plan.total() as i64,
            plan.rerun_of.as_ref().map(|b| b.0.clone()),
            owner.0,
        ],
    )?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO batch_collections (batch_id, collection_index, name, source, variables, scripts) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (i, c) in plan.collections.iter().enumerate() {
        insert.execute(params![
            plan.id.0,
            i as i64,
            c.name,
            c.source,
            serde_json::to_string(&c.variables)?,
            (!c.scripts.is_empty())
                .then(|| serde_json::to_string(&c.scripts))
                .transpose()?
        ])?;
    }
    let mut insert = conn.prepare_cached(
        "INSERT INTO batch_cases (batch_id, case_index, collection_index, snapshot) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (i, c) in plan.cases.iter().enumerate() {
        insert.execute(params![
            plan.id.0,
            i as i64,
            c.collection_index,
            serde_json::to_string(&c.case)?
        ])?;
    }
    let mut insert = conn.prepare_cached(
        "INSERT INTO batch_rows (batch_id, row_index, variables) VALUES (?1, ?2, ?3)",
    )?;
    for (i, row) in plan.rows.iter().enumerate() {
        insert.execute(params![plan.id.0, i as i64, serde_json::to_string(row)?])?;
    }
    Ok(())
}

pub fn insert_result(conn: &Connection, r: &CaseResult) -> Result<(), StoreError> {
    let passed = r.assertions.iter().filter(|a| a.passed).count() as i64;
    let failed = r.assertions.len() as i64 - passed;
    let response = r.response.as_ref();
    conn.prepare_cached(
        "INSERT INTO results (batch_id, seq, position, case_index, iteration, data_row, case_name, verdict,
             error_kind, error_message, started_at, duration_ms, attempts, status, request, response_headers,
             response_body, response_body_size, response_body_cut, assertions, assertions_passed,
             assertions_failed, captures, script)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,
                 ?21, ?22, ?23, ?24)",
    )?
    .execute(params![
        r.batch_id.0,
        r.seq as i64,
        r.position as i64,
        r.case_index,
        r.iteration,
        r.data_row,
        r.case_name,
        r.verdict.as_str(),
        r.error.as_ref().map(|e| e.kind.as_str()),
        r.error.as_ref().map(|e| e.message.as_str()),
        r.started_at.to_rfc3339(),
        r.duration_ms,
        r.attempts,
        response.map(|x| x.status),
        r.request.as_ref().map(serde_json::to_string).transpose()?,
        response.map(|x| serde_json::to_string(&x.headers)).transpose()?,
        response.map(|x| x.body.as_slice()),
        response.map(|x| x.body_size as i64),
        response.map(|x| x.body_truncated),
        serde_json::to_string(&r.assertions)?,
        passed,
        failed,
        serde_json::to_string(&r.captures)?,
        r.script.as_ref().map(serde_json::to_string).transpose()?,
    ])?;
    Ok(())
}

/// The result is stored: the case is no longer in flight.
pub fn clear_in_flight(conn: &Connection, r: &CaseResult) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM in_flight WHERE batch_id = ?1 AND position = ?2")?
        .execute(params![r.batch_id.0, r.position as i64])?;
    Ok(())
}

/// The columns `result_from_row` reads, in order.
pub const RESULT_COLUMNS: &str =
    "batch_id, seq, position, case_index, iteration, data_row, case_name, verdict,
    error_kind, error_message, started_at, duration_ms, attempts, status, request, response_headers,
    response_body, response_body_size, response_body_cut, assertions, captures, script";

fn json<T: serde::de::DeserializeOwned>(text: &str) -> rusqlite::Result<T> {
    serde_json::from_str(text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn time(text: &str) -> rusqlite::Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
        })
}

fn bad(what: &str, value: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        0,
        rusqlite::types::Type::Text,
        format!("unknown {what} {value:?}").into(),
    )
}

fn error_kind(s: &str) -> ErrorKind {
    serde_json::from_value(serde_json::Value::String(s.to_owned())).unwrap_or(ErrorKind::Other)
}

pub fn result_from_row(row: &Row<'_>) -> rusqlite::Result<CaseResult> {
    let verdict: String = row.get(7)?;
    let error_kind: Option<String> = row.get(8)?;
    let status: Option<u16> = row.get(13)?;
    let request: Option<String> = row.get(14)?;
    let response = match status {
        Some(status) => Some(ResponseRecord {
            status,
            headers: json(
                &row.get::<_, Option<String>>(15)?
                    .unwrap_or_else(|| "[]".into()),
            )?,
            body: row.get::<_, Option<Vec<u8>>>(16)?.unwrap_or_default(),
            body_size: row.get::<_, Option<i64>>(17)?.unwrap_or(0) as u64,
            body_truncated: row.get::<_, Option<bool>>(18)?.unwrap_or(false),
        }),
        None => None,
    };
    Ok(CaseResult {
        batch_id: BatchId(row.get(0)?),
        seq: row.get::<_, i64>(1)? as u64,
        position: row.get::<_, i64>(2)? as u64,
        case_index: row.get(3)?,
        iteration: row.get(4)?,
        data_row: row.get(5)?,
        case_name: row.get(6)?,
        verdict: Verdict::parse(&verdict).ok_or_else(|| bad("verdict", &verdict))?,
        error: error_kind
            .map(|k| -> rusqlite::Result<RunError> {
                Ok(RunError {
                    kind: self::error_kind(&k),
                    message: row.get::<_, Option<String>>(9)?.unwrap_or_default(),
                })
            })
            .transpose()?,
        started_at: time(&row.get::<_, String>(10)?)?,
        duration_ms: row.get(11)?,
        attempts: row.get(12)?,
        request: request.map(|r| json::<RequestRecord>(&r)).transpose()?,
        response,
        assertions: json(&row.get::<_, String>(19)?)?,
        captures: json(&row.get::<_, String>(20)?)?,
        script: row
            .get::<_, Option<String>>(21)?
            .map(|text| json(&text))
            .transpose()?,
    })
}

/// The columns `result_summary_from_row` reads, in order: no bodies, no records, so a
/// page of a long batch's list costs little to read and to send.
pub const RESULT_SUMMARY_COLUMNS: &str = "seq, position, case_index, iteration, data_row,
    case_name, verdict, error_kind, error_message, status, duration_ms, assertions_failed";

pub fn result_summary_from_row(row: &Row<'_>) -> rusqlite::Result<ResultSummary> {
    let verdict: String = row.get(6)?;
    let error_kind: Option<String> = row.get(7)?;
    Ok(ResultSummary {
        seq: row.get::<_, i64>(0)? as u64,
        position: row.get::<_, i64>(1)? as u64,
        case_index: row.get(2)?,
        iteration: row.get(3)?,
        data_row: row.get(4)?,
        case_name: row.get(5)?,
        verdict: Verdict::parse(&verdict).ok_or_else(|| bad("verdict", &verdict))?,
        error: error_kind
            .map(|k| -> rusqlite::Result<RunError> {
                Ok(RunError {
                    kind: self::error_kind(&k),
                    message: row.get::<_, Option<String>>(8)?.unwrap_or_default(),
                })
            })
            .transpose()?,
        status: row.get(9)?,
        duration_ms: row.get(10)?,
        failed_assertions: row.get(11)?,
    })
}

/// The columns `summary_from_row` reads, in order.
pub const SUMMARY_COLUMNS: &str =
    "id, name, state, pause_reason, created_at, started_at, finished_at,
    total, done, passed, failed, errored, last_seq, options, rerun_of, message,
    (SELECT count(*) FROM in_flight f WHERE f.batch_id = batches.id)";

pub fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<BatchSummary> {
    let state: String = row.get(2)?;
    let pause: Option<String> = row.get(3)?;
    let opt_time = |i: usize| -> rusqlite::Result<Option<DateTime<Utc>>> {
        row.get::<_, Option<String>>(i)?
            .map(|t| time(&t))
            .transpose()
    };
    Ok(BatchSummary {
        id: BatchId(row.get(0)?),
        name: row.get(1)?,
        state: state
            .parse::<BatchState>()
            .map_err(|_| bad("state", &state))?,
        pause_reason: pause.as_deref().and_then(PauseReason::parse),
        created_at: time(&row.get::<_, String>(4)?)?,
        started_at: opt_time(5)?,
        finished_at: opt_time(6)?,
        counters: Counters {
            total: row.get::<_, i64>(7)? as u64,
            done: row.get::<_, i64>(8)? as u64,
            passed: row.get::<_, i64>(9)? as u64,
            failed: row.get::<_, i64>(10)? as u64,
            errored: row.get::<_, i64>(11)? as u64,
        },
        last_seq: row.get::<_, i64>(12)? as u64,
        options: json(&row.get::<_, String>(13)?)?,
        rerun_of: row.get::<_, Option<String>>(14)?.map(BatchId),
        message: row.get(15)?,
        unknown_outcomes: row.get::<_, i64>(16)? as u64,
    })
}
