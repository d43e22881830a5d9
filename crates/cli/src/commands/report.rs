//! `apiautotest report BATCH_ID --db PATH --report FORMAT=PATH...`

use std::process::ExitCode;

use super::{open_batch, write_reports};
use crate::cli::ReportArgs;
use crate::exit::Failure;
use crate::inputs;

pub fn run(args: ReportArgs) -> Result<ExitCode, Failure> {
    let targets = inputs::reports(&args.reports)?;
    let (engine, batch) = open_batch(&args.db, &args.batch_id)?;
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
