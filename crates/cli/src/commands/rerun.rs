//! `apiautotest rerun-failed BATCH_ID --db PATH`

use std::process::ExitCode;

use apiautotest_engine::Engine;
use tokio_util::sync::CancellationToken;

use super::{cancel_on_ctrl_c, drive, engine_failure, open_store};
use crate::cli::RerunArgs;
use crate::exit::Failure;
use crate::inputs;

pub async fn run(args: RerunArgs) -> Result<ExitCode, Failure> {
    inputs::reports(&args.output.reports)?;
    let secrets = inputs::pairs(&args.secrets, "--secret")?;
    let engine = Engine::new(open_store(&args.db)?);
    let batch = engine
        .store()
        .reader()
        .and_then(|r| r.find_batch(&args.batch_id))
        .map_err(Failure::usage)?;
    let shutdown = CancellationToken::new();
    cancel_on_ctrl_c(&shutdown);
    let events = engine.store().subscribe();
    let handle = engine
        .rerun_failed(&batch.id, secrets, shutdown)
        .await
        .map_err(engine_failure)?;
    let db = args.db.display().to_string();
    drive(&engine, handle, events, &args.output, Some(&db)).await
}
