//! The HTTP clients: a batch's, and the workbench's.

use std::time::Duration;

use super::{CookieJar, Transport};
use crate::model::BatchOptions;

/// One client per batch: its pool keeps connections alive across cases and its cookie jar
/// carries a login from one case to the next, as a browser (or Postman) would.
pub fn build_client(
    options: &BatchOptions,
    transport: &Transport,
) -> Result<reqwest::Client, String> {
    finish(transport.apply(builder(options))?.cookie_store(true))
}

/// A client that keeps its cookies in `jar`, which outlives it (the workbench's sends).
pub fn build_client_with_jar(
    options: &BatchOptions,
    transport: &Transport,
    jar: &CookieJar,
) -> Result<reqwest::Client, String> {
    finish(
        transport
            .apply(builder(options))?
            .cookie_provider(jar.provider()),
    )
}

/// A client that neither sends nor keeps cookies (a request with `cookies: false`).
pub fn build_client_without_cookies(
    options: &BatchOptions,
    transport: &Transport,
) -> Result<reqwest::Client, String> {
    finish(transport.apply(builder(options))?)
}

fn builder(options: &BatchOptions) -> reqwest::ClientBuilder {
    let redirects = match options.max_redirects {
        0 => reqwest::redirect::Policy::none(),
        n => reqwest::redirect::Policy::limited(n as usize),
    };
    reqwest::Client::builder()
        .redirect(redirects)
        .pool_max_idle_per_host(options.concurrency.max(1) as usize)
        .connect_timeout(Duration::from_millis(options.timeout_ms.clamp(1, 30_000)))
        .tls_danger_accept_invalid_certs(options.insecure)
        .user_agent(concat!("apiautotest/", env!("CARGO_PKG_VERSION")))
}

fn finish(builder: reqwest::ClientBuilder) -> Result<reqwest::Client, String> {
    builder.build().map_err(|e| {
        // reqwest says "builder error"; the cause (a key TLS refuses...) is below it.
        let mut text = format!("cannot create the HTTP client: {e}");
        let mut cause = std::error::Error::source(&e);
        while let Some(next) = cause {
            text.push_str(&format!(": {next}"));
            cause = next.source();
        }
        text
    })
}
