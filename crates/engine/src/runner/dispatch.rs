//! Handing out plan positions in order, and the per-pass state of captured values.
//!
//! A *pass* is one iteration over one data row: captures live within a pass. With
//! concurrency above 1, a case that uses a captured value waits until every earlier case
//! of its pass has finished, so it sees what they captured; other cases run freely.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use crate::assertion::Captures;
use crate::model::BatchPlan;

/// One position to run.
#[derive(Debug, Clone, Copy)]
pub struct Ticket {
    pub position: u64,
    pub pass: u64,
    /// How many earlier positions of the same pass were handed out before this one.
    pub earlier_in_pass: u64,
}

#[derive(Default)]
struct Pass {
    captures: Captures,
    dispatched: u64,
    finished: u64,
}

pub struct Dispatch {
    next: u64,
    total: u64,
    cases_per_pass: u64,
    /// Positions that already have a result (resume).
    done: HashSet<u64>,
    passes: HashMap<u64, Pass>,
}

impl Dispatch {
    /// `restored`: captures of earlier results, by position (resume).
    pub fn new(
        plan: &BatchPlan,
        done: HashSet<u64>,
        restored: impl IntoIterator<Item = (u64, Captures)>,
    ) -> Dispatch {
        let cases_per_pass = plan.cases.len().max(1) as u64;
        let mut passes: HashMap<u64, Pass> = HashMap::new();
        for (position, captures) in restored {
            passes
                .entry(position / cases_per_pass)
                .or_default()
                .captures
                .extend(captures);
        }
        Dispatch {
            next: 0,
            total: plan.total(),
            cases_per_pass,
            done,
            passes,
        }
    }

    pub fn next(&mut self) -> Option<Ticket> {
        while self.next < self.total && self.done.contains(&self.next) {
            self.next += 1;
        }
        if self.next >= self.total {
            return None;
        }
        let position = self.next;
        self.next += 1;
        let pass_index = position / self.cases_per_pass;
        // Passes behind us whose cases have all finished are of no further use.
        self.passes
            .retain(|p, s| *p >= pass_index || s.finished < s.dispatched);
        let pass = self.passes.entry(pass_index).or_default();
        let ticket = Ticket {
            position,
            pass: pass_index,
            earlier_in_pass: pass.dispatched,
        };
        pass.dispatched += 1;
        Some(ticket)
    }

    /// Whether every position handed out before `ticket` in its pass has finished.
    pub fn earlier_finished(&self, ticket: &Ticket) -> bool {
        self.passes
            .get(&ticket.pass)
            .is_none_or(|p| p.finished >= ticket.earlier_in_pass)
    }

    /// The values captured so far in a pass.
    pub fn captures(&self, pass: u64) -> Captures {
        self.passes
            .get(&pass)
            .map(|p| p.captures.clone())
            .unwrap_or_default()
    }

    pub fn finish(&mut self, pass: u64, captured: impl IntoIterator<Item = (String, Value)>) {
        let state = self.passes.entry(pass).or_default();
        state.captures.extend(captured);
        state.finished += 1;
    }
}
