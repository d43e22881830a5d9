//! Plain data types shared by the engine, the CLI and (later) the desktop shell.
//!
//! Definitions (what the user wrote: collections, cases, assertions) are kept apart from
//! outcomes (what happened: results, assertion outcomes), as in Hurl.

mod assertion;
mod auth;
mod batch;
mod collection;
mod event;
mod multipart;
mod plan;
mod query;
mod request_settings;
mod result;
mod script;

pub use assertion::{
    Assertion, Capture, CaptureSource, Expected, Predicate, Query, SchemaSource, as_written,
    interning,
};
pub use auth::{
    ApiKeyLocation, Auth, OAuth1, OAuth1Location, OAuth1Signature, OAuth2, OAuth2ClientAuth,
    OAuth2Grant,
};
pub use batch::{BatchId, BatchOptions, BatchState, BatchSummary, Counters, PauseReason};
pub use collection::{Case, Collection, Folder, RequestTemplate, Variables};
pub use event::BatchEvent;
pub use multipart::{DISABLED_PREFIX, MultipartPart, is_disabled};
pub use plan::{BatchPlan, PlannedCase, PlannedCollection, Slot};
pub use query::{enabled_pieces, enabled_url};
pub use request_settings::RequestSettings;
pub use result::{
    AssertionOutcome, CaseResult, ErrorKind, RequestRecord, ResponseRecord, ResultSummary,
    RunError, Verdict,
};
pub use script::{
    ChainedScript, ConsoleLine, InheritedScripts, ScriptRecord, Scripts, VariableChange,
};
