//! One task per HTTP/1.1 connection, and the registry that can close them all.
//!
//! Outages must be real: once one has begun, a client reusing a keep-alive connection
//! has to fail just like a new connect does. So closing is a request each connection
//! answers only after acting on it, and the server waits for every answer.

use std::future::{Future, poll_fn};
use std::pin::{Pin, pin};
use std::sync::Arc;
use std::task::Poll;
use std::time::Duration;

use axum::Router;
use axum::extract::Request;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::{Service as _, service_fn};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpStream;
use tokio::sync::{Notify, oneshot};
use tokio::task::JoinSet;

/// Dropped by a connection once it has acted on a close request.
type CloseAck = oneshot::Sender<()>;

/// Lets a handler cut its own connection (`/reset`). Every request carries one in its
/// extensions.
#[derive(Debug, Clone, Default)]
pub(crate) struct ConnectionAbort(Arc<Notify>);

impl ConnectionAbort {
    /// Closes the connection at once, without finishing the response in progress.
    pub(crate) fn abort(&self) {
        // `notify_one` keeps a permit if the connection task is not waiting right now.
        self.0.notify_one();
    }

    async fn requested(&self) {
        self.0.notified().await;
    }
}

/// The open connections: their tasks, and a line to each one still to be told to close.
#[derive(Debug, Default)]
pub(crate) struct Connections {
    tasks: JoinSet<()>,
    closers: Vec<oneshot::Sender<CloseAck>>,
}

impl Connections {
    /// Serves `app` on `stream` in a task of its own.
    pub(crate) fn spawn(&mut self, stream: TcpStream, app: Router) {
        // Forget connections that have ended, so the list tracks the open ones.
        self.closers.retain(|closer| !closer.is_closed());
        let (closer, close_requests) = oneshot::channel();
        self.closers.push(closer);
        self.tasks.spawn(serve(stream, app, close_requests));
    }

    /// Waits for a connection task to end; for `select!`, where `None` (no connections)
    /// disables the branch. A task that panicked (a handler bug) took only its own
    /// connection down, so the server carries on.
    pub(crate) async fn reap(&mut self) -> Option<()> {
        self.tasks.join_next().await.map(|_| ())
    }

    /// Asks every open connection to close, and returns once idle ones are closed and
    /// busy ones will close as soon as their current exchange is done.
    pub(crate) async fn close_all(&mut self) {
        let mut acks = Vec::with_capacity(self.closers.len());
        for closer in self.closers.drain(..) {
            let (ack, acked) = oneshot::channel();
            // A send fails only when the connection has already ended.
            if closer.send(ack).is_ok() {
                acks.push(acked);
            }
        }
        for acked in acks {
            // Connections answer by dropping the ack, so the error is the answer.
            let _ = acked.await;
        }
    }

    /// Closes every connection, giving busy ones up to `grace` to finish before they are
    /// cut. Returns once all are closed.
    pub(crate) async fn shut_down(mut self, grace: Duration) {
        self.close_all().await;
        let drain = async { while self.tasks.join_next().await.is_some() {} };
        if tokio::time::timeout(grace, drain).await.is_err() {
            self.tasks.shutdown().await;
        }
    }
}

/// Serves one connection until the client closes it, a close request has been honoured,
/// or a handler aborts it.
async fn serve(stream: TcpStream, app: Router, mut close_requests: oneshot::Receiver<CloseAck>) {
    let abort = ConnectionAbort::default();
    let service = {
        let app = TowerToHyperService::new(app);
        let abort = abort.clone();
        service_fn(move |mut request: Request<Incoming>| {
            request.extensions_mut().insert(abort.clone());
            app.call(request)
        })
    };
    let mut connection = pin!(
        http1::Builder::new()
            .timer(TokioTimer::new())
            .serve_connection(TokioIo::new(stream), service)
    );

    let mut closing = false;
    loop {
        tokio::select! {
            // An error here is the client's doing (it hung up, sent garbage): the
            // connection is over either way and there is no one to tell.
            _ = connection.as_mut() => return,
            request = &mut close_requests, if !closing => {
                closing = true;
                // A dropped closer (the server is gone) means close as well.
                let _ack = request.ok();
                connection.as_mut().graceful_shutdown();
                // An idle connection shuts its socket on this very poll; a busy one
                // carries on and closes after its exchange. Either way the request has
                // been acted on once the poll returns, and `_ack` is dropped.
                if poll_once(connection.as_mut()).await.is_ready() {
                    return;
                }
            }
            () = abort.requested() => return,
        }
    }
}

/// Polls `future` exactly once, reporting whether it finished.
async fn poll_once<F: Future>(mut future: Pin<&mut F>) -> Poll<F::Output> {
    poll_fn(|cx| Poll::Ready(future.as_mut().poll(cx))).await
}
