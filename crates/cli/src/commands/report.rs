//! `apiautotest report BATCH_ID --db PATH --report FORMAT=PATH...`

use std::process::ExitCode;

use apiautotest_engine::Engine;

use super::{open_store, write_reports};
use crate::cli::ReportArgs;
use crate::exit::Failure;
use crate::inputs;

pub fn run(args: ReportArgs) -> Result<ExitCode, Failure> {
    let targets = inputs::reports(&args.reports)?;
    let engine = Engine::new(open_store(&args.db)?);
    let batch = engine
        .store()
        .reader()
        .and_then(|r| r.find_batch(&args.batch_id))
        .map_err(Failure::usage)?;
    write_reports(&engine, &batch.id, &targets)?;
    for t in &targets {
        println!(
            "{} report of batch {}: {}",
            t.format,
            batch.id,
            t.path.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}
