//! Other tools' files, read into the engine's model.
//!
//! Each format is a module of pure functions from a file's text to the engine's types (a
//! collection, environments) plus the list of what did not map, by item and field: an
//! importer never drops anything silently and never panics on what a file holds. Export
//! back to those formats lives beside the import.

pub mod postman;

mod detect;
mod error;
mod unmapped;

pub use detect::{Format, detect};
pub use error::ImportError;
pub use unmapped::Unmapped;
