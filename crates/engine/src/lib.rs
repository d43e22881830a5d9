//! apiautotest's engine: collections of HTTP test cases, run as durable batches.
//!
//! Layers, each in its own module: `model` (plain types), `collection_file` and friends
//! (reading user files), `template` and `assertion` (what a case means), `http` (sending),
//! `store` (SQLite, the single source of truth), `runner` (executing a frozen plan) and
//! `report` (pure functions of stored results). Nothing here knows about a UI.

pub mod assertion;
pub mod collection_file;
pub mod collection_save;
pub mod data_file;
pub mod http;
pub mod model;
pub mod report;
pub mod runner;
pub mod store;
pub mod template;
pub mod variables_file;
pub mod workbench;
mod workbench_scripts;
pub mod workspace;

mod engine;

pub use engine::{BatchHandle, Engine, EngineError, ResumeOptions};
