//! `apiautotest rerun-failed BATCH_ID --db PATH`

use std::process::ExitCode;

use tokio_util::sync::CancellationToken;

use super::{cancel_on_ctrl_c, drive, engine_failure, open_batch};
use crate::cli::RerunArgs;
use crate::exit::Failure;
use crate::inputs;

pub async fn run(args: RerunArgs) -> Result<ExitCode, Failure> {
    inputs::reports(&args.output.reports)?;
    let secrets = inputs::pairs(&args.secrets, "--secret")?;
    let (engine, batch) = open_batch(&args.db, &args.batch_id)?;
    engine.set_transport(crate::inputs::transport(&args.tls));
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
