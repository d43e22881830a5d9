//! The frozen plan of a batch: what will run, in which order, with which options. It is
//! written to the store before the first request and never changes, so a resumed batch
//! runs exactly what the original would have, whatever happened to the files since.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::batch::{BatchId, BatchOptions};
use super::collection::{Case, Variables};
use super::script::InheritedScripts;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PlannedCollection {
    pub name: String,
    /// The file it was read from, if any.
    pub source: Option<String>,
    pub variables: Variables,
    /// The collection's and its folders' scripts (the cases carry their own).
    #[serde(default)]
    pub scripts: InheritedScripts,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlannedCase {
    pub collection_index: u32,
    pub case: Arc<Case>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BatchPlan {
    pub id: BatchId,
    pub name: String,
    pub options: BatchOptions,
    /// Lowest precedence: globals (`--globals`, Postman's global scope).
    #[serde(default)]
    pub globals: Variables,
    /// Above the collections' variables: the environment (`--env`).
    pub environment: Variables,
    /// Above collection variables: `--var` overrides. Secrets are not here: they are
    /// never stored, and must be given again to resume.
    pub overrides: Variables,
    pub secret_names: Vec<String>,
    pub collections: Vec<PlannedCollection>,
    pub cases: Vec<PlannedCase>,
    /// Data rows; each is one pass over the cases. Empty: one pass with no row.
    pub rows: Vec<Variables>,
    pub rerun_of: Option<BatchId>,
}

/// Where a plan position falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub iteration: u32,
    pub data_row: Option<u32>,
    pub case_index: u32,
    /// Which pass (iteration x data row) the position belongs to: captures live per pass.
    pub pass: u64,
}

impl BatchPlan {
    fn passes_per_iteration(&self) -> u64 {
        self.rows.len().max(1) as u64
    }

    /// Positions: for each iteration, for each data row, every case in order.
    pub fn total(&self) -> u64 {
        u64::from(self.options.iterations.max(1))
            * self.passes_per_iteration()
            * self.cases.len() as u64
    }

    pub fn slot(&self, position: u64) -> Slot {
        let cases = self.cases.len().max(1) as u64;
        let pass = position / cases;
        let rows = self.passes_per_iteration();
        Slot {
            iteration: (pass / rows) as u32,
            data_row: (!self.rows.is_empty()).then_some((pass % rows) as u32),
            case_index: (position % cases) as u32,
            pass,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(cases: usize, rows: usize, iterations: u32) -> BatchPlan {
        let case: Case = serde_json::from_value(serde_json::json!({
            "name": "c", "request": {"method": "GET", "url": "http://x/"}
        }))
        .expect("case");
        BatchPlan {
            id: BatchId::new(),
            name: "p".into(),
            options: BatchOptions {
                iterations,
                ..BatchOptions::default()
            },
            globals: Variables::new(),
            environment: Variables::new(),
            overrides: Variables::new(),
            secret_names: vec![],
            collections: vec![],
            cases: vec![
                PlannedCase {
                    collection_index: 0,
                    case: Arc::new(case)
                };
                cases
            ],
            rows: vec![Variables::new(); rows],
            rerun_of: None,
        }
    }

    #[test]
    fn positions_walk_iterations_then_rows_then_cases() {
        let p = plan(3, 2, 2);
        assert_eq!(p.total(), 12);
        assert_eq!(
            p.slot(0),
            Slot {
                iteration: 0,
                data_row: Some(0),
                case_index: 0,
                pass: 0
            }
        );
        assert_eq!(
            p.slot(4),
            Slot {
                iteration: 0,
                data_row: Some(1),
                case_index: 1,
                pass: 1
            }
        );
        assert_eq!(
            p.slot(11),
            Slot {
                iteration: 1,
                data_row: Some(1),
                case_index: 2,
                pass: 3
            }
        );
        let no_rows = plan(2, 0, 3);
        assert_eq!(no_rows.total(), 6);
        assert_eq!(
            no_rows.slot(5),
            Slot {
                iteration: 2,
                data_row: None,
                case_index: 1,
                pass: 2
            }
        );
    }
}
