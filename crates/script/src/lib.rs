//! apiautotest's script runtime: Postman's pre-request and test scripts, run as newman
//! runs them, in an embedded JavaScript engine (QuickJS-ng through rquickjs) with the
//! libraries Postman's sandbox ships (chai with chai-postman, lodash, moment, crypto-js,
//! ajv, tv4), vendored unmodified under `vendor/`.
//!
//! A [`Sandbox`] belongs to one thread (QuickJS runtimes are not `Send`). It keeps one
//! realm with the libraries loaded, so a case does not pay for loading them, and keeps
//! cases apart: built-ins and libraries are frozen, each script's names are its own, and
//! globals a script leaves are removed (see `js/bootstrap.js`). Every run has a time and
//! a memory limit; a script that hits one ends with an error saying so, and the realm is
//! made anew for the next run.
//!
//! The runtime knows nothing of the engine: the engine hands it plain data (`Job`) and
//! takes plain data back (`Outcome`).

mod dynamic_values;
mod job;
mod libraries;
mod outcome;
mod realm;
mod sandbox;
mod xml;

pub use dynamic_values::dynamic;
pub use job::{
    Cookie, Host, HttpRequest, Info, Job, Phase, Scopes, ScriptRequest, ScriptResponse,
    ScriptSource,
};
pub use outcome::{ConsoleLine, Outcome, ScriptError, TestError, TestOutcome, VariableChange};
pub use sandbox::{Limits, Sandbox};
