//! Black-box tests: a real `Sandbox` on a free port, driven over HTTP with reqwest.
//!
//! One test binary with a module per concept, so the crate links once.

mod auth;
mod faults;
mod hits;
mod items;
mod lifecycle;
mod misc;
mod streams;

use std::error::Error;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use apiautotest_sandbox::Sandbox;
use serde_json::Value;

pub type TestResult<T = ()> = Result<T, Box<dyn Error + Send + Sync>>;

/// A sandbox on a free port.
pub async fn sandbox() -> TestResult<Sandbox> {
    Ok(Sandbox::start(0).await?)
}

/// A client that talks to the sandbox directly, whatever proxy the environment names.
pub fn client() -> TestResult<reqwest::Client> {
    Ok(reqwest::Client::builder().no_proxy().build()?)
}

/// The response body parsed as JSON.
pub async fn json(response: reqwest::Response) -> TestResult<Value> {
    Ok(serde_json::from_slice(&response.bytes().await?)?)
}

/// Waits until `addr` accepts connections again, failing after `within`.
pub async fn wait_until_listening(addr: SocketAddr, within: Duration) -> TestResult {
    let deadline = Instant::now() + within;
    loop {
        match tokio::net::TcpStream::connect(addr).await {
            Ok(_) => return Ok(()),
            Err(err) if Instant::now() >= deadline => {
                return Err(format!("{addr} still not listening after {within:?}: {err}").into());
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
        }
    }
}
