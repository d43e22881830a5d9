//! HTTP: one reqwest client per batch (connection pool, cookie jar), and one exchange per
//! case; the workbench's jar outlives its clients. Transport errors are classified so reports can say what went wrong, and so the
//! runner knows which ones are safe to retry.

mod client;
mod cookie_jar;
mod exchange;

pub use client::{build_client, build_client_with_jar};
pub use cookie_jar::{CookieJar, StoredCookie};
pub use exchange::{Exchange, OutgoingRequest, TransportError, send};
