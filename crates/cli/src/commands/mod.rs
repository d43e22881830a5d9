//! One module per subcommand; `drive` is what every batch-running command shares.

pub mod batches;
pub mod export;
pub mod import;
pub mod prune;
pub mod report;
pub mod rerun;
pub mod resume;
pub mod run;
pub mod sandbox;

use std::path::Path;
use std::process::ExitCode;

use apiautotest_engine::model::{BatchEvent, BatchState, BatchSummary, ErrorKind};
use apiautotest_engine::report as reports;
use apiautotest_engine::store::Store;
use apiautotest_engine::{BatchHandle, Engine, EngineError};
use tokio::sync::broadcast;
use tokio_util::sync::CancellationToken;

use crate::cli::OutputArgs;
use crate::exit::{self, Failure};
use crate::inputs::{self, ReportTarget};
use crate::output::{self, Mode};

/// Opens a database named on the command line.
pub fn open_store(path: &Path) -> Result<Store, Failure> {
    Store::open(path).map_err(Failure::usage)
}

/// Opens a database and finds a batch in it by its id or a unique prefix of it.
pub fn open_batch(db: &Path, id_or_prefix: &str) -> Result<(Engine, BatchSummary), Failure> {
    let engine = Engine::new(open_store(db)?);
    let batch = engine
        .store()
        .reader()
        .and_then(|r| r.find_batch(id_or_prefix))
        .map_err(Failure::usage)?;
    Ok((engine, batch))
}

/// Cancels `shutdown` on Ctrl-C, so a batch ends as INTERRUPTED (resumable), not dead.
pub fn cancel_on_ctrl_c(shutdown: &CancellationToken) {
    let shutdown = shutdown.clone();
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            eprintln!("\ninterrupted: stopping the batch (it stays resumable)");
            shutdown.cancel();
        }
    });
}

pub fn engine_failure(e: EngineError) -> Failure {
    match e {
        EngineError::Prepare(apiautotest_engine::runner::PrepareError::UnknownVariable {
            ..
        }) => Failure::invalid(e),
        EngineError::Prepare(apiautotest_engine::runner::PrepareError::Empty(_)) => {
            Failure::invalid(e)
        }
        other => Failure::usage(other),
    }
}

/// Follows a started batch to its end, then writes its reports and summary. The exit
/// code says how it went.
pub async fn drive(
    engine: &Engine,
    handle: BatchHandle,
    events: broadcast::Receiver<BatchEvent>,
    output: &OutputArgs,
    db_hint: Option<&str>,
) -> Result<ExitCode, Failure> {
    let targets = inputs::reports(&output.reports)?;
    let reader = engine.store().reader().map_err(Failure::usage)?;
    let total = reader
        .batch(&handle.id)
        .map_err(Failure::usage)?
        .counters
        .total;
    let progress = tokio::spawn(output::follow(
        events,
        handle.id.clone(),
        total,
        Mode::pick(output.json),
    ));
    let id = handle.id.clone();
    let outcome = handle.finished().await;
    let _ = progress.await;
    let state = outcome.map_err(|e| Failure::usage(format!("batch {id} stopped: {e}")))?;
    let summary = reader.batch(&id).map_err(Failure::usage)?;
    write_reports(engine, &id, &targets)?;
    output::print_summary(&reader, &summary, output.json, db_hint).map_err(Failure::usage)?;
    if state == BatchState::Interrupted {
        match db_hint {
            Some(db) => eprintln!("resume it with: apiautotest resume {id} --db {db}"),
            None => eprintln!("(run with --db PATH to be able to resume an interrupted batch)"),
        }
        return Ok(ExitCode::from(exit::INTERRUPTED));
    }
    let script_errors = reader
        .errors_of_kind(&id, ErrorKind::Script)
        .map_err(Failure::usage)?;
    Ok(exit::for_counters(&summary.counters, script_errors))
}

pub fn write_reports(
    engine: &Engine,
    id: &apiautotest_engine::model::BatchId,
    targets: &[ReportTarget],
) -> Result<(), Failure> {
    let reader = engine.store().reader().map_err(Failure::usage)?;
    for target in targets {
        reports::write_file(target.format, &reader, id, &target.path).map_err(|e| {
            Failure::usage(format!(
                "cannot write the {} report {}: {e}",
                target.format,
                target.path.display()
            ))
        })?;
    }
    Ok(())
}
