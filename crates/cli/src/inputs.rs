//! Turning arguments into engine inputs, with usage errors that say what is wrong.

use std::path::PathBuf;

use apiautotest_engine::http::{ClientCertificate, Transport};
use apiautotest_engine::model::{Collection, Variables};
use apiautotest_engine::report::ReportFormat;

use crate::cli::TlsArgs;
use crate::exit::Failure;
use crate::foreign;

/// `K=V` pairs into variables; `what` names the option in errors.
pub fn pairs(items: &[String], what: &str) -> Result<Variables, Failure> {
    items
        .iter()
        .map(|item| match item.split_once('=') {
            Some((k, v)) if !k.trim().is_empty() => Ok((k.trim().to_owned(), v.to_owned())),
            _ => Err(Failure::usage(format!(
                "{what} {item:?}: expected NAME=VALUE"
            ))),
        })
        .collect()
}

/// A requested report: its format and where to write it.
pub struct ReportTarget {
    pub format: ReportFormat,
    pub path: PathBuf,
}

pub fn reports(items: &[String]) -> Result<Vec<ReportTarget>, Failure> {
    items
        .iter()
        .map(|item| {
            let (format, path) = item
                .split_once('=')
                .filter(|(_, p)| !p.is_empty())
                .ok_or_else(|| {
                    Failure::usage(format!(
                        "--report {item:?}: expected junit=PATH, json=PATH or html=PATH"
                    ))
                })?;
            let format = format.parse::<ReportFormat>().map_err(|_| {
                Failure::usage(format!(
                    "--report {item:?}: unknown format {format:?} (junit, json, html)"
                ))
            })?;
            Ok(ReportTarget {
                format,
                path: PathBuf::from(path),
            })
        })
        .collect()
}

pub fn shard(text: Option<&str>) -> Result<Option<(u32, u32)>, Failure> {
    let Some(text) = text else { return Ok(None) };
    let parsed = text
        .split_once('/')
        .and_then(|(k, n)| Some((k.trim().parse().ok()?, n.trim().parse().ok()?)))
        .filter(|&(k, n): &(u32, u32)| k >= 1 && k <= n);
    parsed.map(Some).ok_or_else(|| {
        Failure::usage(format!(
            "--shard {text:?}: expected K/N with 1 <= K <= N, e.g. 2/4"
        ))
    })
}

/// Reads every collection file; the first bad one ends the run before anything is sent.
pub fn collections(files: &[PathBuf]) -> Result<Vec<(Collection, Option<PathBuf>)>, Failure> {
    files
        .iter()
        .map(|path| foreign::collection(path).map(|c| (c, Some(path.clone()))))
        .collect()
}

/// Keeps the cases in a folder named one of `names` (at any depth, or by its path) or
/// named so themselves, as newman's `--folder` does. A name that matches nothing is a
/// usage error: a typo must not run an empty or a whole collection.
pub fn only_folders(
    collections: &mut [(Collection, Option<PathBuf>)],
    names: &[String],
) -> Result<(), Failure> {
    if names.is_empty() {
        return Ok(());
    }
    let in_selection = |case: &apiautotest_engine::model::Case, name: &str| {
        case.name == name
            || case.folder.as_deref().is_some_and(|folder| {
                folder == name
                    || folder.starts_with(&format!("{name}/"))
                    || folder.split('/').any(|step| step == name)
            })
    };
    for name in names {
        let found = collections
            .iter()
            .any(|(c, _)| c.cases.iter().any(|case| in_selection(case, name)));
        if !found {
            return Err(Failure::usage(format!(
                "--folder {name:?}: no folder or case of that name"
            )));
        }
    }
    for (collection, _) in collections.iter_mut() {
        collection
            .cases
            .retain(|case| names.iter().any(|name| in_selection(case, name)));
    }
    Ok(())
}

/// The certificates of `--ssl-*` for the engine's HTTP clients.
pub fn transport(tls: &TlsArgs) -> Transport {
    Transport {
        client_cert: tls.ssl_client_cert.clone().map(|cert| ClientCertificate {
            cert,
            key: tls.ssl_client_key.clone(),
            passphrase: tls.ssl_client_passphrase.clone(),
        }),
        extra_ca_certs: tls.ssl_extra_ca_certs.clone(),
        proxy: None,
    }
}
