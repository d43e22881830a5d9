//! Pause, resume and cancel, from any thread, for one running batch.

use tokio::sync::watch;

/// What the user asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Run,
    Pause,
    Cancel,
}

/// The control state a batch's runner follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ControlState {
    pub command: Command,
    /// Set by the runner while it waits for an unreachable target to come back.
    pub waiting_for_network: bool,
}

/// A cheap, clonable remote control for a running batch.
#[derive(Debug, Clone)]
pub struct BatchControl {
    state: watch::Sender<ControlState>,
}

impl Default for BatchControl {
    fn default() -> Self {
        BatchControl::new()
    }
}

impl BatchControl {
    pub fn new() -> BatchControl {
        let (state, _) = watch::channel(ControlState {
            command: Command::Run,
            waiting_for_network: false,
        });
        BatchControl { state }
    }

    /// Stops dispatching new cases; requests already sent finish and are recorded.
    pub fn pause(&self) {
        self.set_command(Command::Pause);
    }

    pub fn resume(&self) {
        self.set_command(Command::Run);
    }

    /// Ends the batch as CANCELLED; requests in flight are abandoned.
    pub fn cancel(&self) {
        self.set_command(Command::Cancel);
    }

    fn set_command(&self, command: Command) {
        self.state.send_if_modified(|s| {
            // Cancel is final: a late pause or resume must not undo it.
            let changed = s.command != command && s.command != Command::Cancel;
            if changed {
                s.command = command;
            }
            changed
        });
    }

    pub(crate) fn set_waiting_for_network(&self, waiting: bool) {
        self.state.send_if_modified(|s| {
            let changed = s.waiting_for_network != waiting;
            s.waiting_for_network = waiting;
            changed
        });
    }

    pub fn current(&self) -> ControlState {
        *self.state.borrow()
    }

    pub fn watch(&self) -> watch::Receiver<ControlState> {
        self.state.subscribe()
    }
}
