//! HTTP: a batch's clients (one per kind of request settings, one connection pool and
//! cookie jar each, certificates and proxy from the process's `Transport`), and one
//! exchange per case with what it needs around it: the authorization handshakes (Digest,
//! an OAuth 2.0 token), redirects that keep their method. The workbench's jar outlives its
//! clients. Transport errors are classified so reports can say what went wrong, and so
//! the runner knows which ones are safe to retry.

mod client;
mod clients;
mod cookie_jar;
mod digest;
mod exchange;
pub mod oauth1;
mod oauth2;
mod redirects;
mod transport;

pub use client::{build_client, build_client_with_jar};
pub use clients::{Clients, client_for};
pub use cookie_jar::{CookieJar, StoredCookie};
pub use exchange::{Exchange, Handshake, OutgoingRequest, TransportError, send};
pub use oauth2::{TokenCache, TokenRequest};
pub use transport::{ClientCertificate, ProxySettings, Transport};
