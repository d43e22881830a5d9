//! `apiautotest`: the command-line runner, a thin layer over the engine.

mod cli;
mod commands;
mod exit;
mod foreign;
mod inputs;
mod output;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};
use crate::exit::Failure;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(exit::USAGE)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(Failure { code, message }) => {
            eprintln!("error: {message}");
            ExitCode::from(code)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, Failure> {
    // Sequential runs use a single-threaded runtime (no work-stealing hand-offs on the
    // hot path); the store's writer has its own thread either way.
    let single = matches!(&cli.command, Command::Run(a) if a.concurrency <= 1)
        || matches!(
            &cli.command,
            Command::Batches(_) | Command::Report(_) | Command::Import(_) | Command::Export(_)
        );
    let runtime = if single {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
    } else {
        tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
    }
    .map_err(|e| Failure::usage(format!("cannot start the async runtime: {e}")))?;
    runtime.block_on(async move {
        match cli.command {
            Command::Run(args) => commands::run::run(*args).await,
            Command::Batches(args) => commands::batches::run(args),
            Command::Resume(args) => commands::resume::run(args).await,
            Command::RerunFailed(args) => commands::rerun::run(args).await,
            Command::Report(args) => commands::report::run(args),
            Command::Prune(args) => commands::prune::run(args).await,
            Command::Sandbox(args) => commands::sandbox::run(args).await,
            Command::Import(args) => commands::import::run(args),
            Command::Export(args) => commands::export::run(args),
        }
    })
}
