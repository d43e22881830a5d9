//! Live delivery of results to the webview: replay from the store, then follow, coalesced.

pub mod attach;
pub mod subscribers;

pub use attach::{AttachMessage, forward};
pub use subscribers::Subscribers;
