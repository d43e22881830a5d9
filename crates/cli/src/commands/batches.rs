//! `apiautotest batches --db PATH`

use std::process::ExitCode;

use super::open_store;
use crate::cli::BatchesArgs;
use crate::exit::Failure;

pub fn run(args: BatchesArgs) -> Result<ExitCode, Failure> {
    // Opening the store also marks batches of dead processes INTERRUPTED.
    let store = open_store(&args.db)?;
    let batches = store
        .reader()
        .and_then(|r| r.batches(args.limit))
        .map_err(Failure::usage)?;
    if args.json {
        let text = serde_json::to_string_pretty(&batches).map_err(Failure::usage)?;
        println!("{text}");
        return Ok(ExitCode::SUCCESS);
    }
    if batches.is_empty() {
        println!("no batches in {}", args.db.display());
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{:<36}  {:<11}  {:>13}  {:>6}  {:>6}  {:>7}  {:<19}  NAME",
        "ID", "STATE", "DONE/TOTAL", "PASSED", "FAILED", "ERRORED", "CREATED"
    );
    for b in &batches {
        let c = &b.counters;
        let mut state = b.state.to_string();
        if b.unknown_outcomes > 0 {
            state.push('*');
        }
        println!(
            "{:<36}  {:<11}  {:>13}  {:>6}  {:>6}  {:>7}  {:<19}  {}",
            b.id.0,
            state,
            format!("{}/{}", c.done, c.total),
            c.passed,
            c.failed,
            c.errored,
            b.created_at.format("%Y-%m-%d %H:%M:%S"),
            b.name
        );
    }
    if batches.iter().any(|b| b.unknown_outcomes > 0) {
        println!(
            "* has cases that were in flight when it stopped: they may or may not have been sent"
        );
    }
    Ok(ExitCode::SUCCESS)
}
