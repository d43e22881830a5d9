//! `apiautotest run FILE...`

use std::process::ExitCode;

use apiautotest_engine::model::{BatchOptions, Variables};
use apiautotest_engine::runner::BatchRequest;
use apiautotest_engine::store::Store;
use apiautotest_engine::{Engine, data_file};
use tokio_util::sync::CancellationToken;

use super::{cancel_on_ctrl_c, drive, engine_failure, open_store};
use crate::cli::RunArgs;
use crate::exit::Failure;
use crate::foreign::{self, Scope};
use crate::inputs;

pub async fn run(args: RunArgs) -> Result<ExitCode, Failure> {
    inputs::reports(&args.output.reports)?; // a bad --report is a usage error before anything runs
    let request = request(&args)?;
    // Without --db the batch still goes through a store (results stream to disk rather
    // than pile up in memory, and reports are read back from it), in a temporary folder
    // removed at exit. Declared first so it is dropped last, after the store.
    let scratch;
    let store = match &args.db {
        Some(path) => open_store(path)?,
        None => {
            scratch = tempfile::tempdir()
                .map_err(|e| Failure::usage(format!("cannot create a temporary folder: {e}")))?;
            Store::open_scratch(&scratch.path().join("run.db")).map_err(Failure::usage)?
        }
    };
    let engine = Engine::new(store);
    engine.set_transport(inputs::transport(&args.tls));
    let shutdown = CancellationToken::new();
    cancel_on_ctrl_c(&shutdown);
    let events = engine.store().subscribe();
    let handle = engine
        .start(request, shutdown)
        .await
        .map_err(engine_failure)?;
    let db_hint = args.db.as_ref().map(|p| p.display().to_string());
    let id = handle.id.clone();
    let code = drive(&engine, handle, events, &args.output, db_hint.as_deref()).await?;
    let exports = [
        (&args.export_environment, Scope::Environment),
        (&args.export_globals, Scope::Globals),
    ];
    for (path, scope) in exports {
        if let Some(path) = path {
            foreign::export_variables(&engine, &id, scope, path)?;
        }
    }
    Ok(code)
}

fn request(args: &RunArgs) -> Result<BatchRequest, Failure> {
    let mut collections = inputs::collections(&args.files)?;
    inputs::only_folders(&mut collections, &args.folders)?;
    let mut secrets = inputs::pairs(&args.secrets, "--secret")?;
    let (mut environment, environment_secrets) = match &args.env {
        Some(path) => foreign::variables(path)?,
        None => (Variables::new(), Variables::new()),
    };
    environment.extend(inputs::pairs(&args.env_vars, "--env-var")?);
    let (mut globals, global_secrets) = match &args.globals {
        Some(path) => foreign::variables(path)?,
        None => (Variables::new(), Variables::new()),
    };
    globals.extend(inputs::pairs(&args.global_vars, "--global-var")?);
    // A secret of an environment file is masked like --secret (which wins over it).
    for (name, value) in global_secrets.into_iter().chain(environment_secrets) {
        secrets.entry(name).or_insert(value);
    }
    let rows = match &args.data {
        Some(path) => data_file::load(path).map_err(Failure::invalid)?,
        None => Vec::new(),
    };
    if args.concurrency == 0 {
        return Err(Failure::usage("--concurrency must be at least 1"));
    }
    if args.iterations == 0 {
        return Err(Failure::usage("--iterations must be at least 1"));
    }
    if args.timeout == 0 {
        return Err(Failure::usage("--timeout must be at least 1 ms"));
    }
    if args.rate.is_some_and(|r| !(r > 0.0 && r.is_finite())) {
        return Err(Failure::usage(
            "--rate must be a positive number of requests per second",
        ));
    }
    Ok(BatchRequest {
        name: None,
        collections,
        globals,
        environment,
        overrides: inputs::pairs(&args.vars, "--var")?,
        secrets,
        rows,
        options: BatchOptions {
            concurrency: args.concurrency,
            rate_per_second: args.rate,
            delay_ms: args.delay,
            timeout_ms: args.timeout,
            retries: args.retries,
            bail: args.bail,
            iterations: args.iterations,
            network_wait_secs: args.network_wait,
            insecure: args.insecure,
            script_timeout_ms: args.timeout_script,
            ..BatchOptions::default()
        },
        shard: inputs::shard(args.shard.as_deref())?,
    })
}
