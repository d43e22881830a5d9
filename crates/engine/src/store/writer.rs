//! The writer thread: the only owner of the write connection.
//!
//! Group commit: the thread blocks for one operation, then takes whatever else is already
//! queued (up to `MAX_GROUP`) and commits it all in one transaction. Under load groups grow
//! by themselves; when idle a lone write commits at once, so a sequential run never waits
//! for a timer. Only after the commit are the waiters answered and the events published:
//! nothing is announced that a crash could take back.
//!
//! Invariants: seqs of a batch are 1, 2, 3 ... in commit order with no gap (the cache
//! advances only after a successful commit); a result's in-flight mark is removed in the
//! same transaction that stores the result.

use std::collections::HashMap;
use std::sync::mpsc::Receiver;
use std::thread::JoinHandle;

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use tokio::sync::{broadcast, oneshot};

use super::StoreError;
use super::codec;
use super::owner::ProcessId;
use crate::model::{BatchEvent, BatchId, BatchPlan, BatchState, CaseResult, Counters, PauseReason, Verdict};

const MAX_GROUP: usize = 512;

type Reply = oneshot::Sender<Result<(), StoreError>>;

pub struct StateChange {
    pub batch_id: BatchId,
    pub state: BatchState,
    pub pause_reason: Option<PauseReason>,
    pub message: Option<String>,
}

pub enum Op {
    CreateBatch { batch: Box<BatchPlan>, reply: Reply },
    InFlight { batch_id: BatchId, position: u64, reply: Reply },
    Result { result: Box<CaseResult>, reply: Reply },
    State { change: StateChange, reply: Reply },
    Delete { batch_id: BatchId, reply: Reply },
    Prune { older_than_days: Option<u32>, keep_newest: Option<u32>, deleted: oneshot::Sender<u64>, reply: Reply },
    InterruptOrphans { reply: Reply },
}

/// What the writer knows of a batch's row, so it need not read it back for every result.
#[derive(Clone, Copy)]
struct Tracked {
    last_seq: u64,
    counters: Counters,
    state: BatchState,
}

pub fn spawn(
    conn: Connection,
    ops: Receiver<Op>,
    events: broadcast::Sender<BatchEvent>,
) -> Result<JoinHandle<()>, StoreError> {
    std::thread::Builder::new()
        .name("apiautotest-store-writer".into())
        .spawn(move || Writer { conn, events, tracked: HashMap::new(), me: ProcessId::current() }.run(ops))
        .map_err(|e| StoreError::Sqlite(format!("cannot start the writer thread: {e}")))
}

struct Writer {
    conn: Connection,
    events: broadcast::Sender<BatchEvent>,
    tracked: HashMap<BatchId, Tracked>,
    me: ProcessId,
}

/// One group's work before its commit.
#[derive(Default)]
struct Group {
    replies: Vec<(Reply, Result<(), StoreError>)>,
    tracked: HashMap<BatchId, Tracked>,
    events: Vec<BatchEvent>,
    /// Index in `events` of each batch's open `Results` event in this group.
    open_results: HashMap<BatchId, usize>,
    after_commit: Vec<Box<dyn FnOnce() + Send>>,
}

impl Writer {
    fn run(mut self, ops: Receiver<Op>) {
        while let Ok(first) = ops.recv() {
            let mut group = vec![first];
            while group.len() < MAX_GROUP {
                match ops.try_recv() {
                    Ok(op) => group.push(op),
                    Err(_) => break,
                }
            }
            self.commit_group(group);
        }
    }

    fn commit_group(&mut self, ops: Vec<Op>) {
        let mut group = Group::default();
        let tx = match self.conn.transaction() {
            Ok(tx) => tx,
            Err(e) => return fail_all(ops, &StoreError::from(e)),
        };
        for op in ops {
            apply(&tx, op, &self.tracked, &mut group, &self.me);
        }
        let counters_saved = group.tracked.iter().try_for_each(|(id, t)| save_counters(&tx, id, t));
        let committed = counters_saved.and_then(|()| tx.commit());
        match committed {
            Ok(()) => {
                self.tracked.extend(group.tracked);
                for (reply, result) in group.replies {
                    let _ = reply.send(result);
                }
                for event in group.events {
                    let _ = self.events.send(event);
                }
                for action in group.after_commit {
                    action();
                }
            }
            Err(e) => {
                let error = StoreError::from(e);
                for (reply, _) in group.replies {
                    let _ = reply.send(Err(error.clone()));
                }
            }
        }
    }
}

fn fail_all(ops: Vec<Op>, error: &StoreError) {
    for op in ops {
        let reply = match op {
            Op::CreateBatch { reply, .. }
            | Op::InFlight { reply, .. }
            | Op::Result { reply, .. }
            | Op::State { reply, .. }
            | Op::Delete { reply, .. }
            | Op::Prune { reply, .. }
            | Op::InterruptOrphans { reply } => reply,
        };
        let _ = reply.send(Err(error.clone()));
    }
}

fn apply(tx: &Transaction<'_>, op: Op, cache: &HashMap<BatchId, Tracked>, group: &mut Group, me: &ProcessId) {
    match op {
        Op::CreateBatch { batch, reply } => {
            let outcome = savepoint(tx, |sp| codec::insert_plan(sp, &batch, me));
            group.replies.push((reply, outcome));
        }
        Op::InFlight { batch_id, position, reply } => {
            let outcome = tx
                .prepare_cached("INSERT OR IGNORE INTO in_flight (batch_id, position) VALUES (?1, ?2)")
                .and_then(|mut s| s.execute(params![batch_id.0, position as i64]))
                .map(|_| ())
                .map_err(StoreError::from);
            group.replies.push((reply, outcome));
        }
        Op::Result { mut result, reply } => {
            let outcome = record_result(tx, &mut result, cache, group);
            group.replies.push((reply, outcome));
        }
        Op::State { change, reply } => {
            let outcome = change_state(tx, &change, cache, group, me);
            group.replies.push((reply, outcome));
        }
        Op::Delete { batch_id, reply } => {
            let outcome = delete(tx, &batch_id);
            group.replies.push((reply, outcome));
        }
        Op::Prune { older_than_days, keep_newest, deleted, reply } => {
            let outcome = prune(tx, older_than_days, keep_newest).map(|n| {
                group.after_commit.push(Box::new(move || {
                    let _ = deleted.send(n);
                }));
            });
            group.replies.push((reply, outcome));
        }
        Op::InterruptOrphans { reply } => {
            let outcome = interrupt_orphans(tx, cache, group, me);
            group.replies.push((reply, outcome));
        }
    }
}

/// Runs `f` so that its statements all happen or none do, without ending the group.
fn savepoint(tx: &Transaction<'_>, f: impl FnOnce(&Connection) -> Result<(), StoreError>) -> Result<(), StoreError> {
    tx.execute_batch("SAVEPOINT op")?;
    match f(tx) {
        Ok(()) => Ok(tx.execute_batch("RELEASE op")?),
        Err(e) => {
            tx.execute_batch("ROLLBACK TO op; RELEASE op")?;
            Err(e)
        }
    }
}

fn tracked<'g>(
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
    group.tracked.get_mut(id).ok_or_else(|| StoreError::NoSuchBatch(id.0.clone()))
}

fn load_tracked(tx: &Transaction<'_>, id: &BatchId) -> Result<Tracked, StoreError> {
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
    Ok(Tracked { last_seq: row.0 as u64, counters: row.1, state })
}

fn save_counters(tx: &Transaction<'_>, id: &BatchId, t: &Tracked) -> rusqlite::Result<()> {
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

fn record_result(
    tx: &Transaction<'_>,
    result: &mut CaseResult,
    cache: &HashMap<BatchId, Tracked>,
    group: &mut Group,
) -> Result<(), StoreError> {
    let t = tracked(tx, &result.batch_id, cache, group)?;
    result.seq = t.last_seq + 1;
    codec::insert_result(tx, result)?;
    t.last_seq = result.seq;
    t.counters.done += 1;
    match result.verdict {
        Verdict::Passed => t.counters.passed += 1,
        Verdict::Failed => t.counters.failed += 1,
        Verdict::Errored => t.counters.errored += 1,
    }
    let counters = t.counters;
    let summary = result.summary();
    match group.open_results.get(&result.batch_id) {
        Some(&i) => {
            if let Some(BatchEvent::Results { results, counters: c, .. }) = group.events.get_mut(i) {
                results.push(summary);
                *c = counters;
            }
        }
        None => {
            group.open_results.insert(result.batch_id.clone(), group.events.len());
            group.events.push(BatchEvent::Results {
                batch_id: result.batch_id.clone(),
                results: vec![summary],
                counters,
            });
        }
    }
    Ok(())
}

fn change_state(
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

fn delete(tx: &Transaction<'_>, id: &BatchId) -> Result<(), StoreError> {
    let state: Option<String> = tx
        .query_row("SELECT state FROM batches WHERE id = ?1", [&id.0], |r| r.get(0))
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

fn prune(tx: &Transaction<'_>, older_than_days: Option<u32>, keep_newest: Option<u32>) -> Result<u64, StoreError> {
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

/// Batches left active by a process that is gone become INTERRUPTED (resumable). Their
/// in-flight marks stay: those cases have an unknown outcome.
fn interrupt_orphans(
    tx: &Transaction<'_>,
    cache: &HashMap<BatchId, Tracked>,
    group: &mut Group,
    me: &ProcessId,
) -> Result<(), StoreError> {
    let orphans: Vec<(String, Option<String>)> = {
        let mut stmt = tx.prepare("SELECT id, owner FROM batches WHERE state IN ('QUEUED', 'RUNNING', 'PAUSED')")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<Result<_, _>>()?
    };
    for (id, owner) in orphans {
        let alive = owner.as_ref().is_some_and(|o| ProcessId(o.clone()).is_alive());
        if alive {
            continue;
        }
        let who = owner.as_deref().and_then(|o| o.split(':').next()).unwrap_or("?");
        let change = StateChange {
            batch_id: BatchId(id),
            state: BatchState::Interrupted,
            pause_reason: None,
            message: Some(format!("the process running it (pid {who}) stopped before it finished")),
        };
        change_state(tx, &change, cache, group, me)?;
    }
    Ok(())
}
