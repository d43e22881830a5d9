//! What each operation does inside a group's transaction. Nothing here commits: the
//! writer loop (`mod.rs`) commits the group, then answers and publishes.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::{Group, StateChange, Tracked};
use crate::model::{BatchEvent, BatchId, BatchState, CaseResult, Counters, PauseReason, Verdict};
use crate::store::StoreError;
use crate::store::codec;
use crate::store::owner::ProcessId;

pub(super) fn tracked<'g>(
    tx: &Transaction<'_>,
    id: &BatchId,
    cache: &HashMap<BatchId, Tracked>,
    group: &'g mut Group,
) -> Result<&'g mut Tracked, StoreError> {
    if !group.tracked.contains_key(id) {
        let t = match cache.get(id) {
            Some(t) => *t,
            None => load_tracked(tx, id)?,
        };
        group.tracked.insert(id.clone(), t);
    }
    group
        .tracked
        .get_mut(id)
        .ok_or_else(|| StoreError::NoSuchBatch(id.0.clone()))
}

pub(super) fn load_tracked(tx: &Transaction<'_>, id: &BatchId) -> Result<Tracked, StoreError> {
    let row = tx
        .query_row(
            "SELECT last_seq, total, done, passed, failed, errored, state FROM batches WHERE id = ?1",
            [&id.0],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    Counters {
                        total: r.get::<_, i64>(1)? as u64,
                        done: r.get::<_, i64>(2)? as u64,
                        passed: r.get::<_, i64>(3)? as u64,
                        failed: r.get::<_, i64>(4)? as u64,
                        errored: r.get::<_, i64>(5)? as u64,
                    },
                    r.get::<_, String>(6)?,
                ))
            },
        )
        .optional()?
        .ok_or_else(|| StoreError::NoSuchBatch(id.0.clone()))?;
    let state = row.2.parse().map_err(StoreError::Decode)?;
    Ok(Tracked {
        last_seq: row.0 as u64,
        counters: row.1,
        state,
    })
}

pub(super) fn save_counters(
    tx: &Transaction<'_>,
    id: &BatchId,
    t: &Tracked,
) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "UPDATE batches SET last_seq = ?2, done = ?3, passed = ?4, failed = ?5, errored = ?6 WHERE id = ?1",
    )?
    .execute(params![
        id.0,
        t.last_seq as i64,
        t.counters.done as i64,
        t.counters.passed as i64,
        t.counters.failed as i64,
        t.counters.errored as i64
    ])?;
    Ok(())
}

pub(super) fn record_result(
    tx: &Transaction<'_>,
    result: &mut CaseResult,
    cache: &HashMap<BatchId, Tracked>,
    group: &mut Group,
) -> Result<(), StoreError> {
    // A mark still deferred in this group is answered and never written; an older one is
    // removed with the result.
    let key = (result.batch_id.clone(), result.position);
    let marked = match group.deferred_marks.remove(&key) {
        Some(reply) => {
            group.replies.push((reply, Ok(())));
            false
        }
        None => true,
    };
    let t = tracked(tx, &result.batch_id, cache, group)?;
    result.seq = t.last_seq + 1;
    codec::insert_result(tx, result)?;
    if marked {
        codec::clear_in_flight(tx, result)?;
    }
    t.last_seq = result.seq;
    t.counters.done += 1;
    match result.verdict {
        Verdict::Passed => t.counters.passed += 1,
        Verdict::Failed => t.counters.failed += 1,
        Verdict::Errored => t.counters.errored += 1,
    }
    let counters = t.counters;
    group
        .recorded
        .push((result.batch_id.clone(), result.position));
    let summary = result.summary();
    match group.open_results.get(&result.batch_id) {
        Some(&i) => {
            if let Some(BatchEvent::Results {
                results,
                counters: c,
                ..
            }) = group.events.get_mut(i)
            {
                results.push(summary);
                *c = counters;
            }
        }
        None => {
            group
                .open_results
                .insert(result.batch_id.clone(), group.events.len());
            group.events.push(BatchEvent::Results {
                batch_id: result.batch_id.clone(),
                results: vec![summary],
                counters,
            });
        }
    }
    Ok(())
}

pub(super) fn change_state(
    tx: &Transaction<'_>,
    change: &StateChange,
    cache: &HashMap<BatchId, Tracked>,
    group: &mut Group,
    me: &ProcessId,
) -> Result<(), StoreError> {
    let t = tracked(tx, &change.batch_id, cache, group)?;
    if t.state.is_final() && t.state != change.state {
        return Err(StoreError::WrongState {
            id: change.batch_id.0.clone(),
            state: t.state.to_string(),
            why: format!("a finished batch cannot become {}", change.state),
        });
    }
    let now = chrono::Utc::now().to_rfc3339();
    let ends = change.state.is_final() || change.state == BatchState::Interrupted;
    let owner = change.state.is_active().then(|| me.0.clone());
    tx.prepare_cached(
        "UPDATE batches SET state = ?2, pause_reason = ?3, message = coalesce(?4, message), owner = ?5,
             started_at = CASE WHEN ?6 AND started_at IS NULL THEN ?7 ELSE started_at END,
             finished_at = CASE WHEN ?8 THEN ?7 ELSE NULL END
         WHERE id = ?1",
    )?
    .execute(params![
        change.batch_id.0,
        change.state.as_str(),
        change.pause_reason.map(PauseReason::as_str),
        change.message,
        owner,
        change.state == BatchState::Running,
        now,
        ends,
    ])?;
    t.state = change.state;
    let counters = t.counters;
    group.open_results.remove(&change.batch_id);
    group.events.push(BatchEvent::State {
        batch_id: change.batch_id.clone(),
        state: change.state,
        pause_reason: change.pause_reason,
        counters,
        message: change.message.clone(),
    });
    Ok(())
}

pub(super) fn delete(tx: &Transaction<'_>, id: &BatchId) -> Result<(), StoreError> {
    let state: Option<String> = tx
        .query_row("SELECT state FROM batches WHERE id = ?1", [&id.0], |r| {
            r.get(0)
        })
        .optional()?;
    let state: BatchState = state
        .ok_or_else(|| StoreError::NoSuchBatch(id.0.clone()))?
        .parse()
        .map_err(StoreError::Decode)?;
    if state.is_active() {
        return Err(StoreError::WrongState {
            id: id.0.clone(),
            state: state.to_string(),
            why: "cancel it before deleting it".into(),
        });
    }
    tx.execute("DELETE FROM batches WHERE id = ?1", [&id.0])?;
    Ok(())
}

pub(super) fn prune(
    tx: &Transaction<'_>,
    older_than_days: Option<u32>,
    keep_newest: Option<u32>,
) -> Result<u64, StoreError> {
    let mut deleted = 0;
    if let Some(days) = older_than_days {
        let cutoff = (chrono::Utc::now() - chrono::Duration::days(i64::from(days))).to_rfc3339();
        deleted += tx.execute(
            "DELETE FROM batches WHERE state NOT IN ('QUEUED', 'RUNNING', 'PAUSED') AND created_at < ?1",
            [cutoff],
        )? as u64;
    }
    if let Some(keep) = keep_newest {
        deleted += tx.execute(
            "DELETE FROM batches WHERE state NOT IN ('QUEUED', 'RUNNING', 'PAUSED')
               AND id NOT IN (SELECT id FROM batches ORDER BY id DESC LIMIT ?1)",
            [i64::from(keep)],
        )? as u64;
    }
    Ok(deleted)
}

/// Run once when the store opens, before the writer thread starts (nobody is subscribed
/// yet, so no events are lost): batches left active by a process that is gone become
/// INTERRUPTED (resumable). Their in-flight marks stay: those cases have an unknown outcome.
pub fn interrupt_orphans_now(conn: &mut Connection) -> Result<(), StoreError> {
    let tx = conn.transaction()?;
    let mut group = Group::default();
    interrupt_orphans(&tx, &HashMap::new(), &mut group, &ProcessId::current())?;
    tx.commit()?;
    Ok(())
}

fn interrupt_orphans(
    tx: &Transaction<'_>,
    cache: &HashMap<BatchId, Tracked>,
    group: &mut Group,
    me: &ProcessId,
) -> Result<(), StoreError> {
    let orphans: Vec<(String, Option<String>)> = {
        let mut stmt = tx.prepare(
            "SELECT id, owner FROM batches WHERE state IN ('QUEUED', 'RUNNING', 'PAUSED')",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<Result<_, _>>()?
    };
    for (id, owner) in orphans {
        let alive = owner
            .as_ref()
            .is_some_and(|o| ProcessId(o.clone()).is_alive());
        if alive {
            continue;
        }
        let who = owner
            .as_deref()
            .and_then(|o| o.split(':').next())
            .unwrap_or("?");
        let change = StateChange {
            batch_id: BatchId(id),
            state: BatchState::Interrupted,
            pause_reason: None,
            message: Some(format!(
                "the process running it (pid {who}) stopped before it finished"
            )),
        };
        change_state(tx, &change, cache, group, me)?;
    }
    Ok(())
}
