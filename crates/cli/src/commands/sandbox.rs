//! `apiautotest sandbox [--port P]`

use std::process::ExitCode;

use apiautotest_sandbox::Sandbox;

use crate::cli::SandboxArgs;
use crate::exit::Failure;

pub async fn run(args: SandboxArgs) -> Result<ExitCode, Failure> {
    let sandbox = Sandbox::start(args.port)
        .await
        .map_err(|e| Failure::usage(format!("cannot listen on 127.0.0.1:{}: {e}", args.port)))?;
    println!(
        "sandbox API listening on {} (Ctrl-C to stop)",
        sandbox.base_url()
    );
    let _ = tokio::signal::ctrl_c().await;
    sandbox.shutdown().await;
    Ok(ExitCode::SUCCESS)
}
