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
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use rusqlite::{Connection, Transaction, params};
use tokio::sync::{broadcast, oneshot};

use super::ledger::Ledger;
use super::owner::ProcessId;
use super::{StoreError, codec};
use crate::model::{BatchEvent, BatchId, BatchPlan, BatchState, CaseResult, Counters, PauseReason};

mod ops;

pub use ops::interrupt_orphans_now;
use ops::{change_state, delete, prune, record_result, save_counters};

const MAX_GROUP: usize = 512;

/// How long a group may wait for more writes before it commits ("every few ms or every few
/// hundred rows, whichever first"). A group holding a write someone waits for (a state
/// change, the in-flight mark of a non-idempotent request) commits at once.
const WINDOW: Duration = Duration::from_millis(4);

type Reply = oneshot::Sender<Result<(), StoreError>>;

pub struct StateChange {
    pub batch_id: BatchId,
    pub state: BatchState,
    pub pause_reason: Option<PauseReason>,
    pub message: Option<String>,
}

pub enum Op {
    CreateBatch {
        batch: std::sync::Arc<BatchPlan>,
        reply: Reply,
    },
    InFlight {
        batch_id: BatchId,
        position: u64,
        /// The sender waits for this commit before sending a non-idempotent request.
        urgent: bool,
        reply: Reply,
    },
    Result {
        result: Box<CaseResult>,
        reply: Reply,
    },
    State {
        change: StateChange,
        reply: Reply,
    },
    Delete {
        batch_id: BatchId,
        reply: Reply,
    },
    Prune {
        older_than_days: Option<u32>,
        keep_newest: Option<u32>,
        deleted: oneshot::Sender<u64>,
        reply: Reply,
    },
}

impl Op {
    /// Whether someone waits for this write: then its group commits without waiting for
    /// more. Results are never waited for one by one (only in bulk, for back-pressure).
    pub fn is_urgent(&self) -> bool {
        match self {
            Op::InFlight { urgent, .. } => *urgent,
            Op::Result { .. } => false,
            _ => true,
        }
    }
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
    ledger: Option<Arc<Ledger>>,
) -> Result<JoinHandle<()>, StoreError> {
    std::thread::Builder::new()
        .name("apiautotest-store-writer".into())
        .spawn(move || {
            Writer {
                conn,
                events,
                tracked: HashMap::new(),
                me: ProcessId::current(),
                ledger,
            }
            .run(ops)
        })
        .map_err(|e| StoreError::Sqlite(format!("cannot start the writer thread: {e}")))
}

struct Writer {
    conn: Connection,
    events: broadcast::Sender<BatchEvent>,
    tracked: HashMap<BatchId, Tracked>,
    me: ProcessId,
    ledger: Option<Arc<Ledger>>,
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
    /// In-flight marks nobody waits for, written at commit unless their result arrives in
    /// the same group first (the group commits both or neither, so the mark would be
    /// written and deleted for nothing).
    deferred_marks: HashMap<(BatchId, u64), Reply>,
    /// The cases whose results this group stores: their ledger entries end at commit.
    recorded: Vec<(BatchId, u64)>,
}

impl Writer {
    fn run(mut self, ops: Receiver<Op>) {
        let mut closed = false;
        while !closed {
            let Ok(first) = ops.recv() else { break };
            let opened = Instant::now();
            let mut group: Vec<Op> = Vec::new();
            let mut marks: Vec<Op> = Vec::new();
            let mut commit_now = take(first, &mut group, &mut marks);
            loop {
                while !commit_now && group.len() < MAX_GROUP {
                    match ops.try_recv() {
                        Ok(op) => commit_now = take(op, &mut group, &mut marks),
                        Err(TryRecvError::Empty) => break,
                        Err(TryRecvError::Disconnected) => {
                            closed = true;
                            break;
                        }
                    }
                }
                // Requests wait on these marks: commit them now, together, in a small
                // transaction of their own, ahead of the queued results. Results are
                // announced only after their own commit, so nothing visible depends on
                // the order, and a waiting runner pays for a few rows, not a group.
                if !marks.is_empty() {
                    self.commit(std::mem::take(&mut marks));
                }
                let waited = opened.elapsed();
                if commit_now
                    || closed
                    || group.is_empty()
                    || group.len() >= MAX_GROUP
                    || waited >= WINDOW
                {
                    break;
                }
                // Senders do not wake a parked thread (only `recv` registers a waiter), so
                // a busy runner queues work here for free; an urgent write unparks us.
                std::thread::park_timeout(WINDOW - waited);
            }
            if !group.is_empty() {
                self.commit(group);
            }
        }
    }

    fn commit(&mut self, ops: Vec<Op>) {
        let tx = match self.conn.transaction() {
            Ok(tx) => tx,
            Err(e) => {
                let error = StoreError::from(e);
                return ops.into_iter().for_each(|op| fail(op, &error));
            }
        };
        let mut group = Group::default();
        for op in ops {
            apply(&tx, op, &self.tracked, &mut group, &self.me);
        }
        let outcome = finish_group(&tx, &mut group).and_then(|()| Ok(tx.commit()?));
        self.answer(group, outcome);
    }

    /// After the commit (or its failure): answer the waiters, then publish the events.
    fn answer(&mut self, group: Group, outcome: Result<(), StoreError>) {
        match outcome {
            Ok(()) => {
                self.tracked.extend(group.tracked);
                // Before anyone hears of the commit: a batch that waited for its results
                // then asks the ledger what is still open.
                if let Some(ledger) = &self.ledger {
                    for (batch, position) in &group.recorded {
                        ledger.resolved(batch, *position);
                    }
                }
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
            Err(error) => {
                for (reply, _) in group.replies {
                    let _ = reply.send(Err(error.clone()));
                }
            }
        }
    }
}

/// Queues `op`: in-flight marks somebody waits for go to `marks`, the rest to `group`.
/// True when the group must commit now (someone waits for it).
fn take(op: Op, group: &mut Vec<Op>, marks: &mut Vec<Op>) -> bool {
    if let Op::InFlight { urgent: true, .. } = op {
        marks.push(op);
        return false;
    }
    let urgent = op.is_urgent();
    group.push(op);
    urgent
}

/// The group's last statements: deferred marks and the counters of its batches.
fn finish_group(tx: &Transaction<'_>, group: &mut Group) -> Result<(), StoreError> {
    for ((batch_id, position), reply) in group.deferred_marks.drain() {
        let outcome = insert_mark(tx, &batch_id, position);
        group.replies.push((reply, outcome));
    }
    for (id, t) in &group.tracked {
        save_counters(tx, id, t)?;
    }
    Ok(())
}

fn insert_mark(tx: &Transaction<'_>, batch_id: &BatchId, position: u64) -> Result<(), StoreError> {
    tx.prepare_cached("INSERT OR IGNORE INTO in_flight (batch_id, position) VALUES (?1, ?2)")?
        .execute(params![batch_id.0, position as i64])?;
    Ok(())
}

fn fail(op: Op, error: &StoreError) {
    let reply = match op {
        Op::CreateBatch { reply, .. }
        | Op::InFlight { reply, .. }
        | Op::Result { reply, .. }
        | Op::State { reply, .. }
        | Op::Delete { reply, .. }
        | Op::Prune { reply, .. } => reply,
    };
    let _ = reply.send(Err(error.clone()));
}

fn apply(
    tx: &Transaction<'_>,
    op: Op,
    cache: &HashMap<BatchId, Tracked>,
    group: &mut Group,
    me: &ProcessId,
) {
    match op {
        Op::CreateBatch { batch, reply } => {
            let outcome = savepoint(tx, |sp| codec::insert_plan(sp, &batch, me));
            group.replies.push((reply, outcome));
        }
        Op::InFlight {
            batch_id,
            position,
            urgent: false,
            reply,
        } => {
            group.deferred_marks.insert((batch_id, position), reply);
        }
        Op::InFlight {
            batch_id,
            position,
            reply,
            ..
        } => {
            let outcome = insert_mark(tx, &batch_id, position);
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
        Op::Prune {
            older_than_days,
            keep_newest,
            deleted,
            reply,
        } => {
            let outcome = prune(tx, older_than_days, keep_newest).map(|n| {
                group.after_commit.push(Box::new(move || {
                    let _ = deleted.send(n);
                }));
            });
            group.replies.push((reply, outcome));
        }
    }
}

/// Runs `f` so that its statements all happen or none do, without ending the group.
fn savepoint(
    tx: &Transaction<'_>,
    f: impl FnOnce(&Connection) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    tx.execute_batch("SAVEPOINT op")?;
    match f(tx) {
        Ok(()) => Ok(tx.execute_batch("RELEASE op")?),
        Err(e) => {
            tx.execute_batch("ROLLBACK TO op; RELEASE op")?;
            Err(e)
        }
    }
}
