//! `apiautotest resume BATCH_ID --db PATH`

use std::process::ExitCode;

use apiautotest_engine::ResumeOptions;
use tokio_util::sync::CancellationToken;

use super::{cancel_on_ctrl_c, drive, engine_failure, open_batch};
use crate::cli::ResumeArgs;
use crate::exit::Failure;
use crate::inputs;

pub async fn run(args: ResumeArgs) -> Result<ExitCode, Failure> {
    inputs::reports(&args.output.reports)?;
    let secrets = inputs::pairs(&args.secrets, "--secret")?;
    let (engine, batch) = open_batch(&args.db, &args.batch_id)?;
    engine.set_transport(crate::inputs::transport(&args.tls));
    if batch.unknown_outcomes > 0 {
        eprintln!(
            "{} case(s) were in flight when the batch stopped: idempotent ones are sent again, others {}",
            batch.unknown_outcomes,
            if args.resend_unknown {
                "too (--resend-unknown)"
            } else {
                "are recorded as unknown outcome"
            }
        );
    }
    let shutdown = CancellationToken::new();
    cancel_on_ctrl_c(&shutdown);
    let events = engine.store().subscribe();
    let options = ResumeOptions {
        resend_unknown: args.resend_unknown,
    };
    let handle = engine
        .resume(&batch.id, secrets, options, shutdown)
        .await
        .map_err(engine_failure)?;
    let db = args.db.display().to_string();
    drive(&engine, handle, events, &args.output, Some(&db)).await
}
