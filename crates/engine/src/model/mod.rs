//! Plain data types shared by the engine, the CLI and (later) the desktop shell.
//!
//! Definitions (what the user wrote: collections, cases, assertions) are kept apart from
//! outcomes (what happened: results, assertion outcomes), as in Hurl.

mod assertion;
mod batch;
mod collection;
mod event;
mod plan;
mod result;

pub use assertion::{
    Assertion, Capture, CaptureSource, Expected, Predicate, Query, SchemaSource, interning,
};
pub use batch::{BatchId, BatchOptions, BatchState, BatchSummary, Counters, PauseReason};
pub use collection::{Case, Collection, RequestTemplate, Variables};
pub use event::BatchEvent;
pub use plan::{BatchPlan, PlannedCase, PlannedCollection, Slot};
pub use result::{
    AssertionOutcome, CaseResult, ErrorKind, RequestRecord, ResponseRecord, ResultSummary,
    RunError, Verdict,
};
