//! Reading the native collection file (YAML). Everything that can be checked before a
//! request is sent is checked here, and every problem names the file, the line and column
//! (or the case and field) and what was expected. The format is documented in
//! `docs/collection-format.md`.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::model::{Assertion, Collection};

/// A problem with a collection, environment or data file.
#[derive(Debug, Clone, PartialEq)]
pub struct FileError {
    pub file: PathBuf,
    /// 1-based line and column, when the problem is at a known place in the text.
    pub line: Option<u64>,
    pub column: Option<u64>,
    pub message: String,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for FileError {}

impl FileError {
    pub fn new(file: &Path, message: impl Into<String>) -> FileError {
        FileError {
            file: file.to_path_buf(),
            line: None,
            column: None,
            message: message.into(),
        }
    }

    /// Wraps a YAML error, keeping its location and dropping the location text the YAML
    /// crate may have put into its message (we print our own).
    pub(crate) fn from_yaml(file: &Path, err: &serde_saphyr::Error) -> FileError {
        let location = err.location();
        FileError {
            file: file.to_path_buf(),
            line: location.map(|l| l.line()),
            column: location.map(|l| l.column()),
            message: yaml_message(err),
        }
    }
}

/// The first line of the YAML crate's message, without its " at line X column Y" suffix.
fn yaml_message(err: &serde_saphyr::Error) -> String {
    let text = err.to_string();
    let first = text.lines().next().unwrap_or("invalid YAML").trim();
    let first = first.strip_prefix("error: ").unwrap_or(first);
    let first = match first.rfind(" at line ") {
        Some(i) => &first[..i],
        None => first,
    };
    strip_location_prefix(first).to_owned()
}

/// "line 24 column 9: unknown query" -> "unknown query".
fn strip_location_prefix(text: &str) -> &str {
    let Some(rest) = text.strip_prefix("line ") else {
        return text;
    };
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    let Some(rest) = rest.strip_prefix(" column ") else {
        return text;
    };
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.strip_prefix(": ").unwrap_or(text)
}

/// The YAML parser's budgets guard against hostile input (alias bombs); collection files
/// are the user's own, and a 100k-case collection is a real use: node and event budgets
/// grow with the file instead of stopping at a fixed count.
pub(crate) fn yaml_options(input_bytes: usize) -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_nodes: input_bytes.max(250_000),
            max_events: input_bytes.saturating_mul(2).max(1_000_000),
        },
    }
}

/// Files above this size are parsed as they are read, so the text and the cases are never
/// both in memory; smaller ones are read whole first, which parses faster.
const STREAM_ABOVE_BYTES: u64 = 4 * 1024 * 1024;

/// Reads and checks a collection file.
pub fn load(path: &Path) -> Result<Collection, FileError> {
    load_streaming_above(path, STREAM_ABOVE_BYTES)
}

fn load_streaming_above(path: &Path, threshold: u64) -> Result<Collection, FileError> {
    let file =
        std::fs::File::open(path).map_err(|e| FileError::new(path, format!("cannot read: {e}")))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size <= threshold {
        drop(file);
        return parse(&read_text(path)?, path);
    }
    let mut options = yaml_options(usize::try_from(size).unwrap_or(usize::MAX));
    if let Some(budget) = options.budget.as_mut() {
        budget.max_reader_input_bytes = None; // the user's own file: any size
    }
    let reader = std::io::BufReader::with_capacity(64 * 1024, file);
    let collection =
        crate::model::interning(|| serde_saphyr::from_reader_with_options(reader, options))
            .map_err(|e| FileError::from_yaml(path, &e))?;
    checked(collection, path)
}

/// Reads a file as UTF-8 text, with an error that names it.
pub(crate) fn read_text(path: &Path) -> Result<String, FileError> {
    let bytes =
        std::fs::read(path).map_err(|e| FileError::new(path, format!("cannot read: {e}")))?;
    String::from_utf8(bytes).map_err(|e| {
        FileError::new(
            path,
            format!(
                "not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

/// Parses and checks collection text; `path` names it in errors and anchors relative
/// schema files.
pub fn parse(text: &str, path: &Path) -> Result<Collection, FileError> {
    let collection = crate::model::interning(|| {
        serde_saphyr::from_str_with_options(text, yaml_options(text.len()))
    })
    .map_err(|e| FileError::from_yaml(path, &e))?;
    checked(collection, path)
}

/// Checks what the YAML types cannot say: one body form at most, a URL, folder paths;
/// and reads schema files (relative to `path`'s folder). For collections built in memory
/// (the app's workspace) as for files.
pub fn checked(mut collection: Collection, path: &Path) -> Result<Collection, FileError> {
    let base_dir = path.parent().unwrap_or(Path::new("."));
    let mut listed = std::collections::HashSet::new();
    for (index, folder) in collection.folders.iter().enumerate() {
        let at = |message: String| {
            FileError::new(
                path,
                format!("folders[{}] {:?}: {message}", index + 1, folder.path),
            )
        };
        check_folder_path(&folder.path).map_err(at)?;
        if !listed.insert(folder.path.as_str()) {
            return Err(at("listed twice".into()));
        }
    }
    for (index, case) in collection.cases.iter_mut().enumerate() {
        let case = std::sync::Arc::make_mut(case); // not shared yet: no copy
        let at = |field: &str, message: String| {
            FileError::new(
                path,
                format!("case #{} {:?}, {field}: {message}", index + 1, case.name),
            )
        };
        let r = &case.request;
        let bodies = [
            r.body.is_some(),
            r.json.is_some(),
            r.form.is_some(),
            r.multipart.is_some(),
            r.file.is_some(),
        ];
        if bodies.iter().filter(|b| **b).count() > 1 {
            return Err(at(
                "request",
                "use only one of `body`, `json`, `form`, `multipart` and `file`".into(),
            ));
        }
        for (i, part) in r.multipart.iter().flatten().enumerate() {
            if part.value.is_some() && part.file.is_some() {
                return Err(at(
                    &format!("request.multipart[{}]", i + 1),
                    "use either `value` or `file`, not both".into(),
                ));
            }
        }
        if let Some(folder) = &case.folder {
            check_folder_path(folder).map_err(|m| at("folder", m))?;
        }
        if r.url.trim().is_empty() {
            return Err(at("request.url", "the URL is empty".into()));
        }
        let name = case.name.clone();
        for (i, assertion) in case.assertions.iter_mut().enumerate() {
            // Only schema files are touched: `make_mut` on a shared line would copy it.
            let is_schema_file =
                matches!(assertion.as_ref(), Assertion::JsonSchema(s) if s.file.is_some());
            if is_schema_file
                && let Assertion::JsonSchema(source) = std::sync::Arc::make_mut(assertion)
                && let Some(file) = &source.file
            {
                source.schema = read_schema(&base_dir.join(file)).map_err(|message| {
                    FileError::new(
                        path,
                        format!(
                            "case #{} {name:?}, assert[{}]: schema file {file}: {message}",
                            index + 1,
                            i + 1
                        ),
                    )
                })?;
            }
        }
    }
    Ok(collection)
}

/// A folder path is names joined by `/`: no empty name, no surrounding spaces.
fn check_folder_path(folder: &str) -> Result<(), String> {
    let bad = folder
        .split('/')
        .any(|name| name.is_empty() || name.trim() != name);
    if bad {
        Err(format!(
            "invalid folder path {folder:?} (expected names joined by `/`, such as `users/admin`)"
        ))
    } else {
        Ok(())
    }
}

fn read_schema(path: &Path) -> Result<serde_json::Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let schema: serde_json::Value = if path.extension().is_some_and(|e| e == "json") {
        serde_json::from_str(&text).map_err(|e| format!("invalid JSON: {e}"))?
    } else {
        serde_saphyr::from_str(&text).map_err(|e| format!("invalid YAML: {}", yaml_message(&e)))?
    };
    jsonschema::validator_for(&schema).map_err(|e| format!("invalid JSON Schema: {e}"))?;
    Ok(schema)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ISSUE_EXAMPLE: &str = include_str!("../../../docs/examples/items.yaml");

    #[test]
    fn reads_the_issue_example() {
        let c = parse(ISSUE_EXAMPLE, Path::new("items.yaml")).expect("parses");
        assert_eq!(c.name, "Items API");
        assert_eq!(c.variables["base"], "http://127.0.0.1:8080");
        assert_eq!(c.cases.len(), 2);
        assert_eq!(c.cases[0].assertions.len(), 4);
        assert_eq!(c.cases[0].capture["item_id"].to_string(), "jsonpath $.id");
        assert_eq!(c.cases[1].request.method, "GET");
    }

    #[test]
    fn a_streamed_file_reads_the_same_and_locates_errors() {
        let dir = tempfile::tempdir().expect("dir");
        let good = dir.path().join("items.yaml");
        std::fs::write(&good, ISSUE_EXAMPLE).expect("write");
        let streamed = load_streaming_above(&good, 0).expect("streamed");
        assert_eq!(streamed, load(&good).expect("whole"));
        let bad = dir.path().join("bad.yaml");
        std::fs::write(
            &bad,
            ISSUE_EXAMPLE.replace("status == 200", "stauts == 200"),
        )
        .expect("write");
        let err = load_streaming_above(&bad, 0).expect_err("bad");
        assert_eq!(
            (err.line, err.message.contains("unknown query")),
            (Some(24), true),
            "{err}"
        );
    }

    #[test]
    fn identical_assertion_lines_are_shared() {
        let text = "name: x\ncases:\n  - {name: a, request: {method: GET, url: 'http://h/'}, assert: ['status == 200']}\n  - {name: b, request: {method: GET, url: 'http://h/'}, assert: ['status == 200']}\n";
        let c = parse(text, Path::new("x.yaml")).expect("parses");
        assert!(std::sync::Arc::ptr_eq(
            &c.cases[0].assertions[0],
            &c.cases[1].assertions[0]
        ));
    }

    #[test]
    fn a_bad_assertion_names_line_and_column() {
        let text = ISSUE_EXAMPLE.replace("status == 200", "stauts == 200");
        let err = parse(&text, Path::new("items.yaml")).expect_err("must fail");
        assert_eq!(err.line, Some(24), "{err}");
        assert!(err.column.is_some(), "{err}");
        assert!(err.message.contains("unknown query \"stauts\""), "{err}");
        assert!(
            err.to_string()
                .starts_with("items.yaml:24:9: unknown query"),
            "{err}"
        );
    }

    #[test]
    fn unknown_fields_and_bad_yaml_are_located() {
        let err = parse(
            "name: x\ncases:\n  - name: a\n    reqest: {}\n",
            Path::new("c.yaml"),
        )
        .expect_err("unknown field");
        assert_eq!(err.line, Some(4), "{err}");
        assert!(err.message.contains("reqest"), "{err}");
        let err = parse("name: [unclosed\n", Path::new("c.yaml")).expect_err("bad yaml");
        assert!(err.line.is_some(), "{err}");
    }

    #[test]
    fn two_bodies_are_rejected_with_the_case_named() {
        let text = "name: x\ncases:\n  - name: both\n    request:\n      method: POST\n      url: http://h/\n      body: a\n      json: {a: 1}\n";
        let err = parse(text, Path::new("c.yaml")).expect_err("two bodies");
        assert!(err.message.contains("case #1 \"both\""), "{err}");
    }
}
