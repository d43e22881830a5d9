//! `apiautotest import KIND FILE [-o OUT]`: another tool's file as a native collection.

use std::io::Write;
use std::process::ExitCode;

use apiautotest_engine::{collection_file, collection_save};
use apiautotest_import::postman;

use crate::cli::{ImportArgs, ImportKind};
use crate::exit::Failure;

pub fn run(args: ImportArgs) -> Result<ExitCode, Failure> {
    let path = &args.file;
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure::invalid(format!("{}: cannot read: {e}", path.display())))?;
    let imported = match args.kind {
        ImportKind::Postman => postman::collection(&text),
    }
    .map_err(|e| Failure::invalid(format!("{}: {e}", path.display())))?;
    // The same checks as a file the user wrote: what is saved must load again.
    let anchor = args.output.as_deref().unwrap_or(path);
    let collection =
        collection_file::checked(imported.collection, anchor).map_err(Failure::invalid)?;
    for note in &imported.unmapped {
        eprintln!("note: {}: {note}", path.display());
    }
    match &args.output {
        Some(out) => collection_save::save(out, &collection).map_err(Failure::usage)?,
        None => {
            let text = collection_save::to_text(&collection).map_err(Failure::usage)?;
            std::io::stdout()
                .write_all(text.as_bytes())
                .map_err(|e| Failure::usage(format!("cannot write to standard output: {e}")))?;
        }
    }
    let folders = collection.folders.len();
    let cases = collection.cases.len();
    let notes = imported.unmapped.len();
    eprintln!(
        "imported {cases} case(s) in {folders} folder(s) from {}; {notes} note(s) on what did not map",
        path.display()
    );
    Ok(ExitCode::SUCCESS)
}
