//! The SQLite store.
//!
//! One writer thread owns the only write connection and commits in groups (see
//! `writer`); everyone else reads through their own connections (`Reader`). Events about
//! results are published by the writer *after* their commit, which is how the engine keeps
//! "durable before visible" by construction. WAL mode lets readers (the CLI's `batches`,
//! the desktop UI) read while a batch writes.

mod codec;
mod connection;
mod error;
mod ledger;
mod migrations;
mod owner;
mod read;
mod writer;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;

use tokio::sync::{broadcast, oneshot};

pub use error::StoreError;
pub use read::{Durations, Reader, ResultColumns, ResultFilter};

pub use owner::ProcessId;

use crate::model::{BatchEvent, BatchId, BatchPlan, BatchState, CaseResult, PauseReason};
use connection::Location;
use ledger::Ledger;
use writer::{Op, StateChange};

/// How many events a slow subscriber may fall behind before it misses some. Missing events
/// lose nothing: results are in the store, and subscribers catch up by seq.
const EVENT_BUFFER: usize = 4096;

/// What closing the store does with the write-ahead log.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Closing {
    /// Copy it into the database file, so the file alone holds everything.
    Checkpoint,
    /// Leave it: the database is thrown away.
    Discard,
}

/// A handle to the store; cheap to clone.
#[derive(Clone)]
pub struct Store {
    inner: Arc<Inner>,
}

struct Inner {
    location: Location,
    /// `None` only while dropping.
    sender: Option<std::sync::mpsc::Sender<Op>>,
    writer: Option<JoinHandle<()>>,
    /// To wake the writer for an urgent write.
    writer_thread: std::thread::Thread,
    events: broadcast::Sender<BatchEvent>,
    /// Where non-idempotent requests are marked in flight (file stores only).
    ledger: Option<Arc<Ledger>>,
}

impl Drop for Inner {
    fn drop(&mut self) {
        // Closing the channel ends the writer after it has committed what it holds.
        self.sender.take();
        if let Some(handle) = self.writer.take() {
            let _ = handle.join();
        }
        if let Some(ledger) = &self.ledger {
            ledger.close();
        }
    }
}

/// A write waiting for its commit.
pub struct Pending(oneshot::Receiver<Result<(), StoreError>>);

impl Pending {
    /// Waits until the write is committed (or failed).
    pub async fn committed(self) -> Result<(), StoreError> {
        self.0.await.unwrap_or(Err(StoreError::Closed))
    }

    /// The outcome if the writer has answered already.
    pub fn try_committed(&mut self) -> Option<Result<(), StoreError>> {
        match self.0.try_recv() {
            Ok(result) => Some(result),
            Err(oneshot::error::TryRecvError::Empty) => None,
            Err(oneshot::error::TryRecvError::Closed) => Some(Err(StoreError::Closed)),
        }
    }
}

impl Store {
    /// Opens (creating if needed) a database file. Refuses files that are not apiautotest
    /// databases or are damaged, without writing to them. Batches left active by a process
    /// that is gone become INTERRUPTED.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Store::start(Location::File(path.to_path_buf()), Closing::Checkpoint)
    }

    /// A database file that is thrown away after this process (the CLI's run without
    /// `--db`): durable while the run lasts, like any store, but its write-ahead log is not
    /// copied into the file on close, work that would only precede its deletion.
    pub fn open_scratch(path: &Path) -> Result<Store, StoreError> {
        Store::start(Location::File(path.to_path_buf()), Closing::Discard)
    }

    /// A private in-memory database, for tests. Readers share it while the store lives.
    pub fn in_memory() -> Result<Store, StoreError> {
        let name = format!("/apiautotest-{}", uuid::Uuid::new_v4());
        Store::start(Location::Memory(name), Closing::Discard)
    }

    fn start(location: Location, closing: Closing) -> Result<Store, StoreError> {
        let mut conn = connection::open_for_writing(&location)?;
        if closing == Closing::Discard {
            conn.set_db_config(
                rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
                true,
            )?;
        }
        migrations::apply(&mut conn)?;
        let ledger = match &location {
            Location::File(path) => {
                ledger::reconcile(&mut conn, path)?;
                Some(Arc::new(Ledger::for_database(path)))
            }
            Location::Memory(_) => None,
        };
        writer::interrupt_orphans_now(&mut conn)?;
        let (events, _) = broadcast::channel(EVENT_BUFFER);
        let (sender, receiver) = std::sync::mpsc::channel();
        let writer = writer::spawn(conn, receiver, events.clone(), ledger.clone())?;
        Ok(Store {
            inner: Arc::new(Inner {
                location,
                sender: Some(sender),
                writer_thread: writer.thread().clone(),
                writer: Some(writer),
                events,
                ledger,
            }),
        })
    }

    /// The database file, or `None` in memory.
    pub fn path(&self) -> Option<PathBuf> {
        match &self.inner.location {
            Location::File(p) => Some(p.clone()),
            Location::Memory(_) => None,
        }
    }

    /// Every event of every batch, from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<BatchEvent> {
        self.inner.events.subscribe()
    }

    /// The workspace tables (collections, cases, environments being edited), through a
    /// connection of their own.
    pub fn workspace(&self) -> Result<crate::workspace::Workspace, StoreError> {
        Ok(crate::workspace::Workspace::new(
            connection::open_for_writing(&self.inner.location)?,
        ))
    }

    /// A new read connection.
    pub fn reader(&self) -> Result<Reader, StoreError> {
        Ok(Reader::new(connection::open_for_reading(
            &self.inner.location,
        )?))
    }

    /// Stores a frozen plan as a QUEUED batch. Shared, not copied: a plan can hold 100k cases.
    pub async fn create_batch(&self, batch: Arc<BatchPlan>) -> Result<(), StoreError> {
        self.send(|reply| Op::CreateBatch { batch, reply })?
            .committed()
            .await
    }

    /// Records that the case at `position` may be on the wire from now on.
    /// `urgent`: the caller will wait for the mark to be durable before sending. In a file
    /// store that is one append to the in-flight ledger, done here (see `ledger`); in
    /// memory, and for marks nobody waits for, the writer stores it with its next group.
    pub fn mark_in_flight(
        &self,
        batch_id: &BatchId,
        position: u64,
        urgent: bool,
    ) -> Result<Pending, StoreError> {
        if urgent && let Some(ledger) = &self.inner.ledger {
            ledger.mark(batch_id, position)?;
            let (reply, receiver) = oneshot::channel();
            let _ = reply.send(Ok(()));
            return Ok(Pending(receiver));
        }
        self.send(|reply| Op::InFlight {
            batch_id: batch_id.clone(),
            position,
            urgent,
            reply,
        })
    }

    /// A batch is ending: the cases of its ledger marks that got no result are stored as
    /// in flight (unknown outcome), committed with the next group (its final state).
    pub fn settle_in_flight(&self, batch_id: &BatchId) -> Result<(), StoreError> {
        let Some(ledger) = &self.inner.ledger else {
            return Ok(());
        };
        for position in ledger.open_positions(batch_id) {
            self.send(|reply| Op::InFlight {
                batch_id: batch_id.clone(),
                position,
                urgent: false,
                reply,
            })?;
        }
        Ok(())
    }

    /// Queues a result; its seq is given at commit, and subscribers hear of it after.
    pub fn record_result(&self, result: CaseResult) -> Result<Pending, StoreError> {
        self.send(|reply| Op::Result {
            result: Box::new(result),
            reply,
        })
    }

    /// Moves a batch to `state`, claiming it for this process when it becomes RUNNING.
    pub async fn set_state(
        &self,
        batch_id: &BatchId,
        state: BatchState,
        pause_reason: Option<PauseReason>,
        message: Option<String>,
    ) -> Result<(), StoreError> {
        let change = StateChange {
            batch_id: batch_id.clone(),
            state,
            pause_reason,
            message,
        };
        self.send(|reply| Op::State { change, reply })?
            .committed()
            .await
    }

    /// Deletes a batch and everything it holds. Refuses an active batch.
    pub async fn delete_batch(&self, batch_id: &BatchId) -> Result<(), StoreError> {
        self.send(|reply| Op::Delete {
            batch_id: batch_id.clone(),
            reply,
        })?
        .committed()
        .await
    }

    /// Retention: deletes finished batches created more than `older_than_days` ago, and
    /// all but the newest `keep_newest`. Active batches are never deleted. Returns how many
    /// went.
    pub async fn prune(
        &self,
        older_than_days: Option<u32>,
        keep_newest: Option<u32>,
    ) -> Result<u64, StoreError> {
        let (tx, rx) = oneshot::channel();
        self.send(|reply| Op::Prune {
            older_than_days,
            keep_newest,
            deleted: tx,
            reply,
        })?
        .committed()
        .await?;
        rx.await.map_err(|_| StoreError::Closed)
    }

    fn send(
        &self,
        op: impl FnOnce(oneshot::Sender<Result<(), StoreError>>) -> Op,
    ) -> Result<Pending, StoreError> {
        let (reply, receiver) = oneshot::channel();
        let op = op(reply);
        let urgent = op.is_urgent();
        let sender = self.inner.sender.as_ref().ok_or(StoreError::Closed)?;
        sender.send(op).map_err(|_| StoreError::Closed)?;
        if urgent {
            self.inner.writer_thread.unpark();
        }
        Ok(Pending(receiver))
    }
}
