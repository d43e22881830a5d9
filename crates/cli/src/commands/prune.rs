//! `apiautotest prune --db PATH [--older-than-days N] [--keep N]`

use std::process::ExitCode;

use super::open_store;
use crate::cli::PruneArgs;
use crate::exit::Failure;

pub async fn run(args: PruneArgs) -> Result<ExitCode, Failure> {
    if args.older_than_days.is_none() && args.keep.is_none() {
        return Err(Failure::usage(
            "prune needs --older-than-days N and/or --keep N",
        ));
    }
    let store = open_store(&args.db)?;
    let deleted = store
        .prune(args.older_than_days, args.keep)
        .await
        .map_err(Failure::usage)?;
    println!("deleted {deleted} batch(es) from {}", args.db.display());
    Ok(ExitCode::SUCCESS)
}
