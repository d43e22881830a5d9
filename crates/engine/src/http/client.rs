//! The batch's HTTP client.

use std::time::Duration;

use crate::model::BatchOptions;

/// One client per batch: its pool keeps connections alive across cases and its cookie jar
/// carries a login from one case to the next, as a browser (or Postman) would.
pub fn build_client(options: &BatchOptions) -> Result<reqwest::Client, String> {
    let redirects = match options.max_redirects {
        0 => reqwest::redirect::Policy::none(),
        n => reqwest::redirect::Policy::limited(n as usize),
    };
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(redirects)
        .pool_max_idle_per_host(options.concurrency.max(1) as usize)
        .connect_timeout(Duration::from_millis(options.timeout_ms.clamp(1, 30_000)))
        .tls_danger_accept_invalid_certs(options.insecure)
        .user_agent(concat!("apiautotest/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| format!("cannot create the HTTP client: {e}"))
}
