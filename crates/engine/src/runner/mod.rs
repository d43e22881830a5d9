//! Executing batches. A batch is a frozen plan plus a cursor: `prepare` freezes the plan,
//! `Engine` (crate root) stores it and runs it here.

mod authorization;
mod batch;
mod control;
mod dependencies;
mod dispatch;
pub(crate) mod evaluate;
mod execute;
mod mask;
mod multipart_body;
mod network;
mod prepare;
mod rate;
pub(crate) mod request;
mod script_http;
mod scripting;
pub(crate) mod scripts;
mod shared;

pub use control::{BatchControl, Command, ControlState};
pub use mask::{MASK, Masker, OutcomeParts};
pub use prepare::{BatchRequest, PrepareError, prepare};

pub(crate) use batch::run;
pub(crate) use dependencies::{capture_sources, references, with_feeders};
pub(crate) use dispatch::Dispatch;
pub(crate) use scripts::has_scripts;
pub(crate) use shared::{Shared, SharedParts};
