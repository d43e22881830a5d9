//! A small local HTTP API for apiautotest's tests, benchmarks and demo workspace.
//!
//! Tests start one per test on a free port, point the engine or the CLI at
//! [`Sandbox::base_url`], and afterwards check [`Sandbox::hits`] to see what really
//! reached the server. It binds 127.0.0.1 only: it exists to be talked to from the same
//! machine and has nothing to offer a network.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! let sandbox = apiautotest_sandbox::Sandbox::start(0).await?;
//! let url = format!("{}/items", sandbox.base_url());
//! // ... run requests against `url` ...
//! assert_eq!(sandbox.hits("/items"), 0);
//! sandbox.shutdown().await;
//! # Ok(())
//! # }
//! ```
//!
//! # Routes
//!
//! Bodies are JSON unless said otherwise; errors are `{"error": "..."}`.
//!
//! | Route | Answer |
//! |---|---|
//! | `POST /items` (JSON object) | 201, the object plus `"id"` (1, 2, 3...) and `"ok": true` |
//! | `GET /items` | 200, every item in id order |
//! | `GET`, `PUT`, `DELETE /items/{id}` | 200 item, 200 replaced item, 204; or 404 |
//! | `POST /login` `{"username", "password": "secret"}` | 200 `{"token", "token_type": "Bearer"}`, or 401 |
//! | `GET /protected` with `Authorization: Bearer <token>` | 200 `{"user"}`, or 401 with `WWW-Authenticate: Bearer` |
//! | `POST /oauth/token` (form: `grant_type` `client_credentials` or `password`; client `sandbox-client`/`secret` as Basic or in the form; password grant: any user, password `secret`) | 200 `{"access_token", "token_type", "expires_in"}` (opens `/protected`), or 400/401 `{"error"}` |
//! | any method `/status/{code}` (`?location=URL`: a `Location` header) | that status (200..=599) with `{"status": code}`, no body for 204/205/304 |
//! | `GET` or `POST /delay/{ms}` | 200 `{"delayed_ms"}` after `ms` milliseconds (at most 60 000) |
//! | `GET /flaky?fail=0.3` | 503 for call `n` when `floor(n*fail)` rises, else 200 `{"ok": true, "n"}` |
//! | `GET /bytes/{n}` | `n` bytes (at most 10 MiB) of non-UTF-8 `application/octet-stream` |
//! | any method `/echo`, `/echo/{*rest}` | 200 `{"method", "path", "query", "headers", "body"}` |
//! | `GET /reset` | no answer: the connection is closed under the request |
//! | `GET /drip?bytes=10&duration_ms=1000` | 200, the bytes (at most 1 MiB) spread over the duration (at most 60 s) |
//! | `GET /headers/set?Name=Value` | 200 `{}` with those response headers |
//! | `GET /json/nested` | a fixed nested document for JSONPath tests |
//! | `GET /_hits`, `POST /_hits/reset` | per-path request counts; clear them (204) |
//! | `POST /_outage?ms=1000` | 202, then connections are refused for `ms` (at most 60 000) |
//!
//! Every request except the `/_` control routes counts towards its path's hits.

mod app;
mod auth;
mod connection;
mod error;
mod faults;
mod hits;
mod items;
mod misc;
mod oauth;
mod server;
mod streams;

use std::collections::BTreeMap;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::hits::Hits;
use crate::server::OutageSwitch;

/// A running sandbox server.
///
/// Dropping it stops the server as [`Sandbox::shutdown`] does, but without waiting: the
/// server task sees its stop channel close and winds down on its own.
#[derive(Debug)]
pub struct Sandbox {
    addr: SocketAddr,
    hits: Arc<Hits>,
    outages: OutageSwitch,
    /// Sending on it, or dropping it, stops the server.
    stop: oneshot::Sender<()>,
    server: JoinHandle<()>,
}

impl Sandbox {
    /// Binds 127.0.0.1:`port` (0 = any free port) and serves in a tokio task on the
    /// current runtime.
    ///
    /// # Errors
    ///
    /// When the port cannot be bound, e.g. because it is in use.
    ///
    /// # Panics
    ///
    /// Outside a tokio runtime.
    pub async fn start(port: u16) -> std::io::Result<Sandbox> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, port)).await?;
        let addr = listener.local_addr()?;
        let hits = Arc::<Hits>::default();
        let (outages, outage_requests) = OutageSwitch::new();
        let app = app::router(Arc::clone(&hits), outages.clone());
        let (stop, stopped) = oneshot::channel();
        let server = tokio::spawn(server::run(listener, addr, app, outage_requests, stopped));
        Ok(Sandbox {
            addr,
            hits,
            outages,
            stop,
            server,
        })
    }

    /// The address the server listens on; the port stays the same across outages.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Requests seen so far for exactly `path` (no query string), any method, whether or
    /// not they were answered. Zero for paths never requested.
    pub fn hits(&self, path: &str) -> u64 {
        self.hits.get(path)
    }

    /// Every path requested so far with its count, as `GET /_hits` shows them.
    pub fn hit_counts(&self) -> BTreeMap<String, u64> {
        self.hits.snapshot()
    }

    /// Stops accepting for `dur` (new connections are refused), then listens again on
    /// the same port.
    ///
    /// Returns as soon as the outage has begun: the listening socket is closed and idle
    /// keep-alive connections too, so even a pooled connection cannot reach the server.
    /// Requests already in flight still get their answer, then their connections close.
    /// The server comes back by itself after `dur`; an outage started during another one
    /// extends it to whichever ends later.
    pub async fn outage(&self, dur: Duration) {
        self.outages.begin(dur).await;
    }

    /// Stops the server: the port is released and every connection closed when this
    /// returns. Requests in flight get a short grace period to finish, then their
    /// connections are cut.
    pub async fn shutdown(self) {
        let Sandbox { stop, server, .. } = self;
        // Fails only when the server task has already ended, which is the goal anyway.
        let _ = stop.send(());
        if let Err(err) = server.await
            && err.is_panic()
        {
            std::panic::resume_unwind(err.into_panic());
        }
    }
}
