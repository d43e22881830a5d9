//! HTTP: one reqwest client per batch (connection pool, cookie jar), and one exchange per
//! case. Transport errors are classified so reports can say what went wrong, and so the
//! runner knows which ones are safe to retry.

mod client;
mod exchange;

pub use client::build_client;
pub use exchange::{Exchange, OutgoingRequest, TransportError, send};
