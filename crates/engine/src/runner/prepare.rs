//! Turning what the user asked for into a frozen plan, checking it before anything is sent.

use std::collections::HashSet;
use std::path::PathBuf;

use crate::model::{
    BatchId, BatchOptions, BatchPlan, Collection, InheritedScripts, PlannedCase, PlannedCollection,
    Variables,
};
use crate::template::is_dynamic;

use super::dependencies::{capture_groups, capture_sources, references};

/// A batch to start: collections plus everything given around them.
#[derive(Debug, Clone, Default)]
pub struct BatchRequest {
    /// Defaults to the first collection's name.
    pub name: Option<String>,
    /// Each with the file it came from, if any.
    pub collections: Vec<(Collection, Option<PathBuf>)>,
    /// Below the collections' variables (Postman's global scope).
    pub globals: Variables,
    /// Above the collections' variables.
    pub environment: Variables,
    pub overrides: Variables,
    /// Like overrides, but masked in every output and never stored.
    pub secrets: Variables,
    pub rows: Vec<Variables>,
    pub options: BatchOptions,
    /// Run only shard K of N (1-based): groups of cases linked by captures are dealt out
    /// round-robin, so a case always runs with the cases it needs.
    pub shard: Option<(u32, u32)>,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PrepareError {
    #[error(
        "{where_}: unknown variable `{name}` in {field} (define it in the collection, an --env file, --var, a data row, or capture it in an earlier case)"
    )]
    UnknownVariable {
        where_: String,
        field: &'static str,
        name: String,
    },
    #[error("nothing to run: {0}")]
    Empty(String),
    #[error("invalid option: {0}")]
    Option(String),
}

pub fn prepare(request: BatchRequest) -> Result<BatchPlan, PrepareError> {
    check_options(&request)?;
    let mut collections = Vec::new();
    let mut cases = Vec::new();
    for (index, (mut collection, source)) in request.collections.into_iter().enumerate() {
        collection.resolve_inherited_auth();
        collections.push(PlannedCollection {
            scripts: InheritedScripts::of(&collection),
            name: collection.name,
            source: source.map(|s| s.display().to_string()),
            variables: collection.variables,
        });
        cases.extend(collection.cases.into_iter().map(|case| PlannedCase {
            collection_index: index as u32,
            case,
        }));
    }
    check_variables(
        &request.globals,
        &request.environment,
        &request.overrides,
        &request.secrets,
        &request.rows,
        &collections,
        &cases,
    )?;
    if let Some((k, n)) = request.shard {
        cases = shard(cases, k, n);
    }
    if cases.is_empty() {
        return Err(PrepareError::Empty(match request.shard {
            Some((k, n)) => format!("shard {k}/{n} has no cases"),
            None => "the collection has no cases".into(),
        }));
    }
    let name = request
        .name
        .or_else(|| collections.first().map(|c| c.name.clone()))
        .unwrap_or_else(|| "batch".into());
    Ok(BatchPlan {
        id: BatchId::new(),
        name,
        options: request.options,
        globals: request.globals,
        environment: request.environment,
        overrides: request.overrides,
        secret_names: request.secrets.keys().cloned().collect(),
        collections,
        cases,
        rows: request.rows,
        rerun_of: None,
    })
}

fn check_options(request: &BatchRequest) -> Result<(), PrepareError> {
    let o = &request.options;
    if o.concurrency == 0 {
        return Err(PrepareError::Option(
            "concurrency must be at least 1".into(),
        ));
    }
    if o.iterations == 0 {
        return Err(PrepareError::Option("iterations must be at least 1".into()));
    }
    if o.rate_per_second
        .is_some_and(|r| !(r > 0.0 && r.is_finite()))
    {
        return Err(PrepareError::Option(
            "the rate must be a positive number of requests per second".into(),
        ));
    }
    if o.timeout_ms == 0 {
        return Err(PrepareError::Option(
            "the timeout must be at least 1 ms".into(),
        ));
    }
    if let Some((k, n)) = request.shard
        && (n == 0 || k == 0 || k > n)
    {
        return Err(PrepareError::Option(format!(
            "shard {k}/{n}: expected K/N with 1 <= K <= N"
        )));
    }
    Ok(())
}

/// Every `{{name}}` must be defined somewhere or captured by an earlier case.
fn check_variables(
    globals: &Variables,
    environment: &Variables,
    overrides: &Variables,
    secrets: &Variables,
    rows: &[Variables],
    collections: &[PlannedCollection],
    cases: &[PlannedCase],
) -> Result<(), PrepareError> {
    // Scripts may set any variable at run time; Postman then sends an unknown `{{name}}`
    // as written, and so does a scripted batch.
    let scripted = collections.iter().any(|c| !c.scripts.is_empty())
        || cases.iter().any(|c| !c.case.scripts.is_empty());
    if scripted {
        return Ok(());
    }
    let mut known: HashSet<&str> = globals
        .keys()
        .chain(environment.keys())
        .chain(overrides.keys())
        .chain(secrets.keys())
        .chain(rows.iter().flat_map(|r| r.keys()))
        .map(String::as_str)
        .collect();
    for (index, planned) in cases.iter().enumerate() {
        let collection = &collections[planned.collection_index as usize];
        for (name, field) in references(&planned.case) {
            let defined =
                known.contains(name) || collection.variables.contains_key(name) || is_dynamic(name);
            if !defined {
                let file = collection.source.as_deref().unwrap_or(&collection.name);
                return Err(PrepareError::UnknownVariable {
                    where_: format!("{file}: case #{} {:?}", index + 1, planned.case.name),
                    field,
                    name: name.to_owned(),
                });
            }
        }
        known.extend(planned.case.capture.keys().map(String::as_str));
    }
    Ok(())
}

fn shard(cases: Vec<PlannedCase>, k: u32, n: u32) -> Vec<PlannedCase> {
    let groups = capture_groups(&capture_sources(cases.iter().map(|c| c.case.as_ref())));
    // Number the groups in order of their first case, then deal them out.
    let mut order: Vec<usize> = groups.clone();
    order.sort_unstable();
    order.dedup();
    cases
        .into_iter()
        .zip(groups)
        .filter(|(_, group)| {
            let rank = order.binary_search(group).unwrap_or(0);
            rank as u32 % n == k - 1
        })
        .map(|(case, _)| case)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn collection(yaml: &str) -> Collection {
        crate::collection_file::parse(yaml, Path::new("t.yaml")).expect("collection")
    }

    const LINKED: &str = "name: t
variables: {base: 'http://h'}
cases:
  - {name: a, request: {method: POST, url: '{{base}}/a'}, capture: {id: jsonpath $.id}}
  - {name: b, request: {method: GET, url: '{{base}}/b'}}
  - {name: c, request: {method: GET, url: '{{base}}/c/{{id}}'}}
  - {name: d, request: {method: GET, url: '{{base}}/d'}}
";

    #[test]
    fn unknown_variables_are_caught_before_running() {
        let c = collection(
            "name: t\ncases:\n  - {name: a, request: {method: GET, url: '{{base}}/{{itme}}'}}\n",
        );
        let request = BatchRequest {
            collections: vec![(c, Some("t.yaml".into()))],
            overrides: [("base".to_string(), "http://h".to_string())]
                .into_iter()
                .collect(),
            ..BatchRequest::default()
        };
        let err = prepare(request).expect_err("itme is unknown");
        assert!(
            err.to_string()
                .starts_with("t.yaml: case #1 \"a\": unknown variable `itme` in url"),
            "{err}"
        );
    }

    #[test]
    fn shards_keep_capture_chains_together() {
        let names = |k| {
            let request = BatchRequest {
                collections: vec![(collection(LINKED), None)],
                shard: Some((k, 2)),
                ..BatchRequest::default()
            };
            prepare(request)
                .expect("plan")
                .cases
                .into_iter()
                .map(|c| c.case.name.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(names(1), ["a", "c", "d"]);
        assert_eq!(names(2), ["b"]);
    }
}
