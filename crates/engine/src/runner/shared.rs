//! What the workers of one batch share.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;

use super::control::{BatchControl, Command};
use super::dispatch::{Dispatch, Ticket};
use super::mask::Masker;
use super::network::NetworkGate;
use super::rate::RateLimiter;
use super::scripts::{ScriptState, has_scripts};
use crate::assertion::Captures;
use crate::http::{Clients, TokenCache};
use crate::model::{BatchPlan, Variables};
use crate::store::{Store, StoreError};

pub struct Shared {
    pub plan: Arc<BatchPlan>,
    /// `--var` overrides with the secrets on top: one layer of the scope.
    pub overrides: Variables,
    pub no_row: Variables,
    pub masker: Masker,
    /// The batch's HTTP clients (one cookie jar).
    pub clients: Clients,
    /// OAuth 2.0 tokens fetched for this batch's cases.
    pub tokens: TokenCache,
    pub store: Store,
    pub control: BatchControl,
    pub shutdown: CancellationToken,
    pub network: NetworkGate,
    pub rate: Option<RateLimiter>,
    /// Per case index: whether it uses a value captured by an earlier case.
    pub needs_captures: Vec<bool>,
    /// Positions whose outcome is unknown (resume).
    pub unknown: HashSet<u64>,
    /// The variables scripts share; None when no case of the plan has a script.
    pub scripts: Option<ScriptState>,
    dispatch: Mutex<Dispatch>,
    pass_finished: Notify,
    bailed: AtomicBool,
    fatal: Mutex<Option<StoreError>>,
    stop: CancellationToken,
}

pub struct SharedParts {
    pub plan: Arc<BatchPlan>,
    pub overrides: Variables,
    pub masker: Masker,
    pub clients: Clients,
    pub store: Store,
    pub control: BatchControl,
    pub shutdown: CancellationToken,
    pub needs_captures: Vec<bool>,
    pub unknown: HashSet<u64>,
    pub dispatch: Dispatch,
    /// Variable changes of the scripts of results already stored (resume), in order.
    pub script_changes: Vec<crate::model::VariableChange>,
}

impl Shared {
    pub fn new(p: SharedParts) -> Shared {
        let options = &p.plan.options;
        Shared {
            network: NetworkGate::new(std::time::Duration::from_secs(options.network_wait_secs)),
            rate: options.rate_per_second.map(RateLimiter::new),
            stop: p.shutdown.child_token(),
            scripts: has_scripts(&p.plan)
                .then(|| ScriptState::new(&p.plan, &p.overrides, &p.script_changes)),
            plan: p.plan,
            overrides: p.overrides,
            no_row: Variables::new(),
            masker: p.masker,
            clients: p.clients,
            tokens: TokenCache::default(),
            store: p.store,
            control: p.control,
            shutdown: p.shutdown,
            needs_captures: p.needs_captures,
            unknown: p.unknown,
            dispatch: Mutex::new(p.dispatch),
            pass_finished: Notify::new(),
            bailed: AtomicBool::new(false),
            fatal: Mutex::new(None),
        }
    }

    /// Resolves when the batch must stop now: cancel, shutdown or a storage failure.
    /// Requests in flight are abandoned (their in-flight marks stay).
    pub async fn stopped(&self) {
        self.stop.cancelled().await;
    }

    pub fn is_stopped(&self) -> bool {
        self.stop.is_cancelled()
    }

    /// Turns a Cancel command into the stop signal. Runs beside the workers.
    pub async fn follow_cancel(&self) {
        let mut watch = self.control.watch();
        loop {
            if watch.borrow_and_update().command == Command::Cancel {
                self.stop.cancel();
                return;
            }
            tokio::select! {
                changed = watch.changed() => if changed.is_err() { return },
                () = self.stop.cancelled() => return,
            }
        }
    }

    pub fn fail(&self, error: StoreError) {
        if let Ok(mut fatal) = self.fatal.lock() {
            fatal.get_or_insert(error);
        }
        self.stop.cancel();
    }

    pub fn take_fatal(&self) -> Option<StoreError> {
        self.fatal.lock().ok().and_then(|mut f| f.take())
    }

    pub fn bail(&self) {
        self.bailed.store(true, Ordering::SeqCst);
    }

    pub fn bailed(&self) -> bool {
        self.bailed.load(Ordering::SeqCst)
    }

    /// Waits while the batch is paused (by the user, or waiting for network). False when
    /// no more cases may start.
    pub async fn wait_until_runnable(&self) -> bool {
        let now = self.control.current();
        if now.command == Command::Run
            && !now.waiting_for_network
            && !self.is_stopped()
            && !self.bailed()
        {
            return true; // the common case, without subscribing
        }
        let mut watch = self.control.watch();
        loop {
            if self.is_stopped() || self.bailed() {
                return false;
            }
            let state = *watch.borrow_and_update();
            if state.command == Command::Run && !state.waiting_for_network {
                return true;
            }
            tokio::select! {
                changed = watch.changed() => if changed.is_err() { return false },
                () = self.stop.cancelled() => return false,
            }
        }
    }

    pub fn next_ticket(&self) -> Option<Ticket> {
        self.dispatch.lock().ok()?.next()
    }

    /// Waits until the cases before `ticket` in its pass are done; false if stopped first.
    pub async fn wait_for_earlier(&self, ticket: &Ticket) -> bool {
        loop {
            let notified = self.pass_finished.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if self
                .dispatch
                .lock()
                .map(|d| d.earlier_finished(ticket))
                .unwrap_or(true)
            {
                return true;
            }
            tokio::select! {
                () = notified => {},
                () = self.stop.cancelled() => return false,
            }
        }
    }

    pub fn captures(&self, pass: u64) -> Captures {
        self.dispatch
            .lock()
            .map(|d| d.captures(pass))
            .unwrap_or_default()
    }

    pub fn finish(&self, pass: u64, captured: Captures) {
        if let Ok(mut d) = self.dispatch.lock() {
            d.finish(pass, captured);
        }
        self.pass_finished.notify_waiters();
    }
}
