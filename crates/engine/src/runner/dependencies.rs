//! Which variables a case uses, and which cases feed it captured values. Used to reject
//! unknown variables before anything is sent, to keep dependent cases together when
//! sharding or re-running, and to order concurrent cases that need a capture.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use crate::model::{Assertion, Case, Expected, enabled_pieces, is_disabled};
use crate::template::variables_in;

/// The variables a case refers to, each with the first field that uses it.
pub fn references(case: &Case) -> Vec<(&str, &'static str)> {
    let mut found: Vec<(&str, &'static str)> = Vec::new();
    let r = &case.request;
    // Disabled rows (and query pairs) are never sent: their variables need not exist.
    for piece in enabled_pieces(&r.url) {
        collect(piece, "url", &mut found);
    }
    for (name, value) in r.headers.iter().filter(|(n, _)| !is_disabled(n)) {
        collect(name, "headers", &mut found);
        collect(value, "headers", &mut found);
    }
    if let Some(body) = &r.body {
        collect(body, "body", &mut found);
    }
    if let Some(json) = &r.json {
        collect_json(json, &mut found);
    }
    for (name, value) in r.form.iter().flatten().filter(|(n, _)| !is_disabled(n)) {
        collect(name, "form", &mut found);
        collect(value, "form", &mut found);
    }
    for part in r
        .multipart
        .iter()
        .flatten()
        .filter(|p| !is_disabled(&p.name))
    {
        collect(&part.name, "multipart", &mut found);
        for text in [&part.value, &part.file].into_iter().flatten() {
            collect(text, "multipart", &mut found);
        }
    }
    for text in r.auth.iter().flat_map(|auth| auth.strings()) {
        collect(text, "auth", &mut found);
    }
    for assertion in &case.assertions {
        match assertion.as_ref() {
            Assertion::Compare {
                expected: Some(Expected::Variable(name)),
                ..
            } if !name.starts_with('$') => {
                push(name, "assert", &mut found);
            }
            Assertion::Compare {
                expected: Some(Expected::Literal(value)),
                ..
            } => {
                let mut inner = Vec::new();
                collect_json(value, &mut inner);
                found.extend(inner.into_iter().map(|(n, _)| (n, "assert")));
            }
            _ => {}
        }
    }
    found
}

fn push<'a>(name: &'a str, field: &'static str, found: &mut Vec<(&'a str, &'static str)>) {
    if !found.iter().any(|(n, _)| *n == name) {
        found.push((name, field));
    }
}

fn collect<'a>(text: &'a str, field: &'static str, found: &mut Vec<(&'a str, &'static str)>) {
    for name in variables_in(text) {
        push(name, field, found);
    }
}

fn collect_json<'a>(value: &'a Value, found: &mut Vec<(&'a str, &'static str)>) {
    match value {
        Value::String(s) => collect(s, "json", found),
        Value::Array(items) => items.iter().for_each(|v| collect_json(v, found)),
        Value::Object(map) => map.iter().for_each(|(k, v)| {
            collect(k, "json", found);
            collect_json(v, found);
        }),
        _ => {}
    }
}

/// For each case (in plan order), the earlier cases whose captures it uses: the latest
/// earlier case capturing each name it refers to.
pub fn capture_sources<'a>(cases: impl IntoIterator<Item = &'a Case>) -> Vec<Vec<usize>> {
    let mut last_capturer: HashMap<&str, usize> = HashMap::new();
    let mut sources = Vec::new();
    for (index, case) in cases.into_iter().enumerate() {
        let mut mine: Vec<usize> = references(case)
            .iter()
            .filter_map(|(name, _)| last_capturer.get(name).copied())
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        mine.sort_unstable();
        sources.push(mine);
        for name in case.capture.keys() {
            last_capturer.insert(name.as_str(), index);
        }
    }
    sources
}

/// Groups of cases linked by captures (connected components), each named by its first
/// case. `group_of[i]` is the first case of case i's group.
pub fn capture_groups(sources: &[Vec<usize>]) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..sources.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for (case, feeders) in sources.iter().enumerate() {
        for &feeder in feeders {
            let (a, b) = (root(&mut parent, case), root(&mut parent, feeder));
            let (low, high) = (a.min(b), a.max(b));
            parent[high] = low;
        }
    }
    (0..sources.len()).map(|i| root(&mut parent, i)).collect()
}

/// `cases` plus every earlier case they (transitively) need captures from, in order.
pub fn with_feeders(wanted: &[usize], sources: &[Vec<usize>]) -> Vec<usize> {
    let mut keep: HashSet<usize> = HashSet::new();
    let mut stack: Vec<usize> = wanted.to_vec();
    while let Some(i) = stack.pop() {
        if i < sources.len() && keep.insert(i) {
            stack.extend(&sources[i]);
        }
    }
    let mut keep: Vec<usize> = keep.into_iter().collect();
    keep.sort_unstable();
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(yaml: &str) -> Case {
        serde_saphyr::from_str(yaml).expect("case")
    }

    #[test]
    fn finds_references_and_capture_links() {
        let login = case(
            "name: login\nrequest: {method: POST, url: '{{base}}/login'}\ncapture: {token: jsonpath $.token}",
        );
        let other = case("name: other\nrequest: {method: GET, url: '{{base}}/x'}");
        let me = case(
            "name: me\nrequest: {method: GET, url: '{{base}}/me', headers: {Authorization: 'Bearer {{token}}'}}\nassert: ['jsonpath $.id == {{uid}}']",
        );
        assert_eq!(
            references(&me),
            vec![("base", "url"), ("token", "headers"), ("uid", "assert")]
        );
        let sources = capture_sources([&login, &other, &me]);
        assert_eq!(sources, vec![vec![], vec![], vec![0]]);
        assert_eq!(capture_groups(&sources), vec![0, 1, 0]);
        assert_eq!(with_feeders(&[2], &sources), vec![0, 2]);
    }
}
