//! Shared by the engine's integration tests: a real sandbox on a free port and a real
//! SQLite file in a temporary folder.

#![allow(dead_code)]

use std::path::Path;

use apiautotest_engine::model::{BatchOptions, BatchState, CaseResult, Collection};
use apiautotest_engine::runner::BatchRequest;
use apiautotest_engine::store::{ResultFilter, Store};
use apiautotest_engine::{BatchHandle, Engine};
use apiautotest_sandbox::Sandbox;
use tokio_util::sync::CancellationToken;

pub struct World {
    pub sandbox: Sandbox,
    pub engine: Engine,
    pub dir: tempfile::TempDir,
}

impl World {
    pub async fn new() -> World {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("test.db")).expect("store");
        World {
            sandbox: Sandbox::start(0).await.expect("sandbox"),
            engine: Engine::new(store),
            dir,
        }
    }

    /// A collection from YAML, with `{{base}}` pointing at the sandbox.
    pub fn collection(&self, yaml: &str) -> Collection {
        let mut c = apiautotest_engine::collection_file::parse(yaml, Path::new("test.yaml"))
            .expect("collection");
        c.variables.insert("base".into(), self.sandbox.base_url());
        c
    }

    pub fn request(&self, yaml: &str, options: BatchOptions) -> BatchRequest {
        BatchRequest {
            collections: vec![(self.collection(yaml), None)],
            options,
            ..BatchRequest::default()
        }
    }

    pub async fn start(&self, request: BatchRequest) -> BatchHandle {
        self.engine
            .start(request, CancellationToken::new())
            .await
            .expect("start")
    }

    pub async fn run(&self, yaml: &str, options: BatchOptions) -> (BatchState, Vec<CaseResult>) {
        let handle = self.start(self.request(yaml, options)).await;
        let id = handle.id.clone();
        let state = handle.finished().await.expect("finished");
        (state, self.results(&id))
    }

    pub fn results(&self, id: &apiautotest_engine::model::BatchId) -> Vec<CaseResult> {
        self.engine
            .store()
            .reader()
            .expect("reader")
            .results_after(id, 0, 1_000_000, ResultFilter::All)
            .expect("results")
    }
}

/// `n` cases of GET {{base}}/PATH_i (with `{i}` in `path` replaced by the index).
pub fn cases(n: usize, path: &str, asserts: &[&str]) -> String {
    let mut yaml = String::from("name: generated\ncases:\n");
    for i in 0..n {
        yaml.push_str(&format!(
            "  - name: case {i}\n    request:\n      method: GET\n      url: \"{{{{base}}}}{}\"\n",
            path.replace("{i}", &i.to_string())
        ));
        if !asserts.is_empty() {
            yaml.push_str("    assert:\n");
            for a in asserts {
                yaml.push_str(&format!("      - '{a}'\n"));
            }
        }
    }
    yaml
}
