//! Files of other tools given where a native file is expected: a Postman collection to
//! `run`, a Postman environment or globals export to `--env` / `--globals`. They go
//! through the import crate, so one engine runs everything.

use std::io::Read;
use std::path::Path;

use apiautotest_engine::model::{BatchId, Collection, Variables};
use apiautotest_engine::{Engine, collection_file, variables_file};
use apiautotest_import::{Format, Unmapped, detect, postman};
use serde_json::{Value, json};

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

/// The scopes `--export-environment` and `--export-globals` write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Environment,
    Globals,
}

/// Writes a scope as the batch's scripts left it, as a Postman environment (or globals)
/// file: the batch's values, then every change its results recorded, in order. Secret
/// values are never stored, so they are not written either.
pub fn export_variables(
    engine: &Engine,
    id: &BatchId,
    scope: Scope,
    path: &Path,
) -> Result<(), Failure> {
    let reader = engine.store().reader().map_err(Failure::usage)?;
    let plan = reader.plan(id).map_err(Failure::usage)?;
    let (start, name, postman_scope) = match scope {
        Scope::Environment => (&plan.environment, "environment", "environment"),
        Scope::Globals => (&plan.globals, "globals", "globals"),
    };
    let mut values: indexmap::IndexMap<String, Value> = start
        .iter()
        .map(|(k, v)| (k.clone(), Value::String(v.clone())))
        .collect();
    for change in reader.script_changes(id).map_err(Failure::usage)? {
        if change.scope != name {
            continue;
        }
        match change.value {
            Some(value) => {
                values.insert(change.name, value);
            }
            None => {
                values.shift_remove(&change.name);
            }
        }
    }
    let document = json!({
        "name": plan.name,
        "values": values
            .into_iter()
            .map(|(key, value)| json!({"key": key, "value": value, "type": "any", "enabled": true}))
            .collect::<Vec<_>>(),
        "_postman_variable_scope": postman_scope,
        "_postman_exported_using": concat!("apiautotest/", env!("CARGO_PKG_VERSION")),
    });
    let text = serde_json::to_string_pretty(&document)
        .map_err(|e| Failure::usage(format!("cannot write {}: {e}", path.display())))?;
    std::fs::write(path, text + "\n")
        .map_err(|e| Failure::usage(format!("cannot write {}: {e}", path.display())))
}
