//! `apiautotest export --to postman FILE [-o OUT]`: a native collection in another tool's
//! format, with what that format cannot hold listed.

use std::io::Write;
use std::process::ExitCode;

use apiautotest_engine::collection_file;
use apiautotest_import::postman;

use crate::cli::{ExportArgs, ExportFormat};
use crate::exit::Failure;

pub fn run(args: ExportArgs) -> Result<ExitCode, Failure> {
    let collection = collection_file::load(&args.file).map_err(Failure::invalid)?;
    let (document, unmapped) = match args.to {
        ExportFormat::Postman => postman::export(&collection),
    };
    for note in &unmapped {
        eprintln!("note: {}: {note}", args.file.display());
    }
    let text = serde_json::to_string_pretty(&document)
        .map_err(|e| Failure::usage(format!("cannot write JSON: {e}")))?
        + "\n";
    match &args.output {
        Some(path) => std::fs::write(path, text)
            .map_err(|e| Failure::usage(format!("cannot write {}: {e}", path.display())))?,
        None => std::io::stdout()
            .write_all(text.as_bytes())
            .map_err(|e| Failure::usage(format!("cannot write to standard output: {e}")))?,
    }
    Ok(ExitCode::SUCCESS)
}
