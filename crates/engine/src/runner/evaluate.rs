//! Judging one response: a case's captures, then its assertions (which may use what it
//! just captured). Shared by batch runs and the workbench's single send, so a case that
//! passes in one passes in the other.

use crate::assertion::{self, Captures, Compiled, ResponseView};
use crate::http::Exchange;
use crate::model::{AssertionOutcome, Case};
use crate::template::Scope;

pub struct Evaluation {
    /// Failed captures first (a capture that finds nothing is a failed check), then one
    /// outcome per assertion, in the case's order.
    pub assertions: Vec<AssertionOutcome>,
    /// What the case captured, by name.
    pub captured: Captures,
}

impl Evaluation {
    pub fn failed(&self) -> bool {
        self.assertions.iter().any(|a| !a.passed)
    }
}

pub fn evaluate(
    case: &Case,
    exchange: &Exchange,
    scope: &Scope<'_>,
    compiled: &mut Compiled,
) -> Evaluation {
    let duration_ms = exchange.duration.as_secs_f64() * 1000.0;
    let view = ResponseView::new(
        exchange.status,
        &exchange.headers,
        &exchange.body,
        duration_ms,
        exchange.body_cut,
    );
    let mut assertions = Vec::new();
    let mut captured = Captures::new();
    for (name, capture) in &case.capture {
        match assertion::capture(name, capture, &view, compiled) {
            Ok(value) => {
                captured.insert(name.clone(), value);
            }
            Err(failed) => assertions.push(failed),
        }
    }
    let with_captured;
    let scope = if captured.is_empty() {
        scope
    } else {
        let mut all = scope.captures.clone();
        all.extend(captured.iter().map(|(k, v)| (k.clone(), v.clone())));
        with_captured = all;
        &Scope {
            layers: scope.layers,
            captures: &with_captured,
            keep_unknown: scope.keep_unknown,
        }
    };
    for definition in &case.assertions {
        assertions.push(assertion::evaluate(definition, &view, scope, compiled));
    }
    Evaluation {
        assertions,
        captured,
    }
}
