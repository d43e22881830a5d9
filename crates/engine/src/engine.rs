//! The engine's front door: start, resume and re-run batches over one store. The CLI and
//! the desktop shell both drive batches through this, and only this.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use crate::http::{Clients, Transport};
use crate::model::{BatchId, BatchPlan, BatchState, Variables};
use crate::runner::{
    self, BatchControl, BatchRequest, Dispatch, Masker, PrepareError, Shared, SharedParts,
    capture_sources, references, with_feeders,
};
use crate::store::{Store, StoreError};

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EngineError {
    #[error(transparent)]
    Prepare(#[from] PrepareError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("batch {batch} needs its secrets again: pass {}", names.iter().map(|n| format!("--secret {n}=...")).collect::<Vec<_>>().join(" "))]
    MissingSecrets { batch: String, names: Vec<String> },
    #[error("batch {id} is {state}: only an INTERRUPTED batch can be resumed")]
    NotResumable { id: String, state: BatchState },
    #[error("batch {0} has no failed or errored case to run again")]
    NothingToRerun(String),
    #[error("{0}")]
    Http(String),
    #[error("the batch task ended abnormally: {0}")]
    Task(String),
}

/// A batch started by this process.
pub struct BatchHandle {
    pub id: BatchId,
    pub control: BatchControl,
    task: JoinHandle<Result<BatchState, StoreError>>,
}

impl BatchHandle {
    /// Waits for the batch to end; its final state.
    pub async fn finished(self) -> Result<BatchState, EngineError> {
        match self.task.await {
            Ok(result) => Ok(result?),
            Err(e) => Err(EngineError::Task(e.to_string())),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct ResumeOptions {
    /// Send again cases whose outcome is unknown even if not idempotent.
    pub resend_unknown: bool,
}

/// Runs batches over a store. Clone it freely.
#[derive(Clone)]
pub struct Engine {
    store: Store,
    controls: Arc<Mutex<HashMap<BatchId, BatchControl>>>,
    /// Certificates and proxy for the batches started from now on (shared by clones).
    transport: Arc<Mutex<Transport>>,
}

impl Engine {
    pub fn new(store: Store) -> Engine {
        Engine {
            store,
            controls: Arc::default(),
            transport: Arc::default(),
        }
    }

    /// The client certificate, CAs and proxy of the batches this engine starts, resumes
    /// or re-runs from now on (a running batch keeps its client).
    pub fn set_transport(&self, transport: Transport) {
        if let Ok(mut current) = self.transport.lock() {
            *current = transport;
        }
    }

    pub fn transport(&self) -> Transport {
        self.transport.lock().map(|t| t.clone()).unwrap_or_default()
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The control of a batch this process is running.
    pub fn control(&self, id: &BatchId) -> Option<BatchControl> {
        self.controls.lock().ok()?.get(id).cloned()
    }

    /// Checks and freezes the request into a plan, stores it, and starts running it.
    /// `shutdown` stops it as INTERRUPTED (resumable).
    pub async fn start(
        &self,
        request: BatchRequest,
        shutdown: CancellationToken,
    ) -> Result<BatchHandle, EngineError> {
        let secrets = request.secrets.clone();
        let plan = Arc::new(runner::prepare(request)?);
        // A certificate or proxy that cannot be used is said before the batch is stored.
        let client = self.client(&plan)?;
        self.store.create_batch(plan.clone()).await?;
        self.launch(plan, client, secrets, Resume::default(), shutdown)
    }

    /// Continues an INTERRUPTED batch from its first case without a result, with the
    /// values earlier cases captured. Cases whose outcome is unknown are sent again only
    /// when idempotent, or when `options.resend_unknown`.
    pub async fn resume(
        &self,
        id: &BatchId,
        secrets: Variables,
        options: ResumeOptions,
        shutdown: CancellationToken,
    ) -> Result<BatchHandle, EngineError> {
        let reader = self.store.reader()?;
        let summary = reader.batch(id)?;
        if summary.state != BatchState::Interrupted {
            return Err(EngineError::NotResumable {
                id: id.0.clone(),
                state: summary.state,
            });
        }
        let mut plan = reader.plan(id)?;
        check_secrets(&plan, &secrets)?;
        plan.options.resend_unknown |= options.resend_unknown;
        let client = self.client(&plan)?;
        let done = reader.done_positions(id)?;
        let unknown = reader.unknown_positions(id)?;
        let resume = Resume {
            done: done.keys().copied().collect(),
            captures: done
                .into_iter()
                .map(|(p, c)| (p, c.into_iter().collect()))
                .collect(),
            unknown: unknown.into_iter().collect(),
            script_changes: reader.script_changes(id)?,
        };
        self.launch(Arc::new(plan), client, secrets, resume, shutdown)
    }

    /// A new batch of the cases that failed or errored in `id`, with the earlier cases
    /// they take captured values from, so they can run on their own.
    pub async fn rerun_failed(
        &self,
        id: &BatchId,
        secrets: Variables,
        shutdown: CancellationToken,
    ) -> Result<BatchHandle, EngineError> {
        let reader = self.store.reader()?;
        let failed = reader.failed_case_indexes(id)?;
        if failed.is_empty() {
            return Err(EngineError::NothingToRerun(id.0.clone()));
        }
        let original = reader.plan(id)?;
        check_secrets(&original, &secrets)?;
        let wanted: Vec<usize> = failed.iter().map(|&i| i as usize).collect();
        let keep = with_feeders(
            &wanted,
            &capture_sources(original.cases.iter().map(|c| c.case.as_ref())),
        );
        let plan = BatchPlan {
            id: BatchId::new(),
            name: format!("{} (re-run of failed)", original.name),
            cases: keep
                .into_iter()
                .filter_map(|i| original.cases.get(i).cloned())
                .collect(),
            rerun_of: Some(id.clone()),
            ..original
        };
        let plan = Arc::new(plan);
        let client = self.client(&plan)?;
        self.store.create_batch(plan.clone()).await?;
        self.launch(plan, client, secrets, Resume::default(), shutdown)
    }

    fn client(&self, plan: &BatchPlan) -> Result<Clients, EngineError> {
        Clients::new(&plan.options, &self.transport()).map_err(EngineError::Http)
    }

    fn launch(
        &self,
        plan: Arc<BatchPlan>,
        clients: Clients,
        secrets: Variables,
        resume: Resume,
        shutdown: CancellationToken,
    ) -> Result<BatchHandle, EngineError> {
        let needs_captures = needs_captures(&plan);
        let masker = Masker::new(secrets.values().map(String::as_str));
        let mut overrides = plan.overrides.clone();
        overrides.extend(secrets);
        let dispatch = Dispatch::new(&plan, resume.done, resume.captures);
        let control = BatchControl::new();
        let id = plan.id.clone();
        let shared = Arc::new(Shared::new(SharedParts {
            plan,
            overrides,
            masker,
            clients,
            store: self.store.clone(),
            control: control.clone(),
            shutdown,
            needs_captures,
            unknown: resume.unknown,
            dispatch,
            script_changes: resume.script_changes,
        }));
        if let Ok(mut controls) = self.controls.lock() {
            controls.insert(id.clone(), control.clone());
        }
        let controls = self.controls.clone();
        let task_id = id.clone();
        let task = tokio::spawn(async move {
            let outcome = runner::run(shared).await;
            if let Ok(mut controls) = controls.lock() {
                controls.remove(&task_id);
            }
            outcome
        });
        Ok(BatchHandle { id, control, task })
    }
}

#[derive(Default)]
struct Resume {
    done: HashSet<u64>,
    captures: Vec<(u64, HashMap<String, serde_json::Value>)>,
    unknown: HashSet<u64>,
    script_changes: Vec<crate::model::VariableChange>,
}

fn check_secrets(plan: &BatchPlan, secrets: &Variables) -> Result<(), EngineError> {
    let missing: Vec<String> = plan
        .secret_names
        .iter()
        .filter(|n| !secrets.contains_key(*n))
        .cloned()
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(EngineError::MissingSecrets {
            batch: plan.id.0.clone(),
            names: missing,
        })
    }
}

/// Per case: whether it refers to a name that an earlier case captures. With scripts,
/// which may set any variable, every case waits for the ones before it in its pass.
fn needs_captures(plan: &BatchPlan) -> Vec<bool> {
    if runner::has_scripts(plan) {
        return vec![true; plan.cases.len()];
    }
    let mut captured: HashSet<&str> = HashSet::new();
    plan.cases
        .iter()
        .map(|planned| {
            let needs = references(&planned.case)
                .iter()
                .any(|(name, _)| captured.contains(name));
            captured.extend(planned.case.capture.keys().map(String::as_str));
            needs
        })
        .collect()
}
