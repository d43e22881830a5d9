//! The accept loop: owns the listening socket and every connection, so that it can take
//! the server down for an outage, bring it back on the same port, and stop.
//!
//! `axum::serve` is not used because it hides the connections: it cannot close idle
//! keep-alive connections without stopping for good, its graceful shutdown waits for
//! busy ones with no deadline, and it offers no way to cut one off (`/reset`).

use std::future;
use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{mpsc, oneshot};
use tokio::time::Instant;

use crate::connection::Connections;

/// How long a stop waits for in-flight requests (a `/drip`, a `/delay`) before cutting
/// their connections. Short, because tests stop sandboxes often and never need more.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(1);
/// Pause before trying again when the port cannot be bound again after an outage.
const REBIND_RETRY: Duration = Duration::from_millis(25);
/// Pause after a failed accept (e.g. out of file descriptors) so the loop does not spin.
const ACCEPT_RETRY: Duration = Duration::from_millis(10);

/// A request to stop listening for `duration`.
#[derive(Debug)]
struct Outage {
    duration: Duration,
    /// Told once the listening socket is closed.
    started: oneshot::Sender<()>,
}

/// Starts outages; held by the [`crate::Sandbox`] handle and by the `/_outage` route.
#[derive(Debug, Clone)]
pub(crate) struct OutageSwitch(mpsc::UnboundedSender<Outage>);

/// The server's end of [`OutageSwitch`].
#[derive(Debug)]
pub(crate) struct OutageRequests(mpsc::UnboundedReceiver<Outage>);

impl OutageSwitch {
    pub(crate) fn new() -> (Self, OutageRequests) {
        let (sender, receiver) = mpsc::unbounded_channel();
        (Self(sender), OutageRequests(receiver))
    }

    /// Starts an outage of `duration` and returns once connections are refused. An
    /// outage requested during another one extends it to whichever ends later.
    pub(crate) async fn begin(&self, duration: Duration) {
        let (started, is_started) = oneshot::channel();
        // Either failure means the server task has ended: nothing is listening any more,
        // which is all an outage promises, so there is nothing to report.
        if self.0.send(Outage { duration, started }).is_ok() {
            let _ = is_started.await;
        }
    }
}

/// Serves `app` on `listener`, bound to `addr`, until `stop` fires or its sender is
/// dropped, taking outages from `outages` along the way. Returns once every connection is
/// closed.
pub(crate) async fn run(
    listener: TcpListener,
    addr: SocketAddr,
    app: Router,
    mut outages: OutageRequests,
    mut stop: oneshot::Receiver<()>,
) {
    let mut listener = Some(listener);
    let mut reopen_at: Option<Instant> = None;
    let mut connections = Connections::default();

    loop {
        tokio::select! {
            _ = &mut stop => break,
            Some(outage) = outages.0.recv() => {
                listener = None;
                connections.close_all().await;
                let until = Instant::now() + outage.duration;
                reopen_at = Some(reopen_at.map_or(until, |at| at.max(until)));
                // The requester may have given up waiting; the outage goes on regardless.
                let _ = outage.started.send(());
            }
            accepted = accept(listener.as_ref()) => match accepted {
                Ok(stream) => connections.spawn(stream, app.clone()),
                Err(_) => tokio::time::sleep(ACCEPT_RETRY).await,
            },
            () = sleep_until(reopen_at) => match TcpListener::bind(addr).await {
                Ok(reopened) => {
                    listener = Some(reopened);
                    reopen_at = None;
                }
                Err(_) => reopen_at = Some(Instant::now() + REBIND_RETRY),
            },
            Some(()) = connections.reap() => {}
        }
    }

    drop(listener);
    connections.shut_down(SHUTDOWN_GRACE).await;
}

/// Accepts the next connection, or waits forever while there is no listener (during an
/// outage), so it can sit in `select!` either way.
async fn accept(listener: Option<&TcpListener>) -> std::io::Result<TcpStream> {
    match listener {
        Some(listener) => Ok(listener.accept().await?.0),
        None => future::pending().await,
    }
}

/// Sleeps until `deadline`, or forever when there is none.
async fn sleep_until(deadline: Option<Instant>) {
    match deadline {
        Some(deadline) => tokio::time::sleep_until(deadline).await,
        None => future::pending().await,
    }
}
