//! Files of other tools given where a native file is expected: a Postman collection to
//! `run`, a Postman environment or globals export to `--env` / `--globals`. They go
//! through the import crate, so one engine runs everything.

use std::io::Read;
use std::path::Path;

use apiautotest_engine::collection_file;
use apiautotest_engine::model::{Collection, Variables};
use apiautotest_engine::variables_file;
use apiautotest_import::{Format, Unmapped, detect, postman};

use crate::exit::Failure;

/// How much of a file is read to tell a JSON export from a native YAML file.
const SNIFF_BYTES: u64 = 64;

/// A collection file of any format `run` reads. What a Postman file holds that the
/// collection does not is printed as notes: the user sees what will not happen.
pub fn collection(path: &Path) -> Result<Collection, Failure> {
    if let Some(text) = json_text(path)?
        && detect(&text) == Some(Format::PostmanCollection)
    {
        let imported = postman::collection(&text)
            .map_err(|e| Failure::invalid(format!("{}: {e}", path.display())))?;
        print_notes(path, &imported.unmapped);
        return collection_file::checked(imported.collection, path).map_err(Failure::invalid);
    }
    collection_file::load(path).map_err(Failure::invalid)
}

/// Variables of an `--env` or `--globals` file, and the names among them that are secret
/// (Postman's `secret` type): those are masked and never stored, as `--secret` values.
pub fn variables(path: &Path) -> Result<(Variables, Variables), Failure> {
    if let Some(text) = json_text(path)?
        && detect(&text) == Some(Format::PostmanEnvironment)
    {
        let imported = postman::environment(&text)
            .map_err(|e| Failure::invalid(format!("{}: {e}", path.display())))?;
        print_notes(path, &imported.unmapped);
        let mut plain = Variables::new();
        let mut secrets = Variables::new();
        for variable in imported.effective() {
            let target = if variable.secret {
                &mut secrets
            } else {
                &mut plain
            };
            target.insert(variable.name.clone(), variable.value.clone());
        }
        return Ok((plain, secrets));
    }
    let plain = variables_file::load(path).map_err(Failure::invalid)?;
    Ok((plain, Variables::new()))
}

/// The whole text of `path` when it starts like JSON (`{`), else None: native YAML files
/// (which may be large) are left to their own reader.
fn json_text(path: &Path) -> Result<Option<String>, Failure> {
    let cannot =
        |e: std::io::Error| Failure::invalid(format!("{}: cannot read: {e}", path.display()));
    let file = std::fs::File::open(path).map_err(cannot)?;
    let mut head = Vec::new();
    file.take(SNIFF_BYTES)
        .read_to_end(&mut head)
        .map_err(cannot)?;
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&head);
    if head.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return Ok(None);
    }
    let bytes = std::fs::read(path).map_err(cannot)?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Some(text)),
        Err(_) => Ok(None), // not UTF-8: the native reader names the problem
    }
}

fn print_notes(path: &Path, unmapped: &[Unmapped]) {
    for note in unmapped {
        eprintln!("note: {}: {note}", path.display());
    }
}
