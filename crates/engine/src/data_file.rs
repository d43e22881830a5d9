//! Data files (`--data`): a CSV file with a header row, or a JSON array of objects. Each
//! row is one pass over the cases, with the row's values as variables.

use std::path::Path;

use crate::collection_file::{FileError, read_text};
use crate::model::Variables;

/// Reads the rows of a data file; `.csv` is CSV, anything else must be a JSON array.
pub fn load(path: &Path) -> Result<Vec<Variables>, FileError> {
    let is_csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let rows = if is_csv {
        load_csv(path)?
    } else {
        load_json(path)?
    };
    if rows.is_empty() {
        return Err(FileError::new(path, "the data file has no rows"));
    }
    Ok(rows)
}

fn load_csv(path: &Path) -> Result<Vec<Variables>, FileError> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::Headers)
        .from_path(path)
        .map_err(|e| FileError::new(path, format!("cannot read: {e}")))?;
    let headers = reader.headers().map_err(|e| csv_error(path, &e))?.clone();
    reader
        .records()
        .map(|record| {
            let record = record.map_err(|e| csv_error(path, &e))?;
            Ok(headers
                .iter()
                .zip(record.iter())
                .map(|(h, v)| (h.to_owned(), v.to_owned()))
                .collect())
        })
        .collect()
}

fn csv_error(path: &Path, e: &csv::Error) -> FileError {
    let mut err = FileError::new(path, e.to_string());
    err.line = e.position().map(|p| p.line());
    err
}

fn load_json(path: &Path) -> Result<Vec<Variables>, FileError> {
    let text = read_text(path)?;
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| FileError {
        file: path.to_path_buf(),
        line: Some(e.line() as u64),
        column: Some(e.column() as u64),
        message: format!("invalid JSON: {e}"),
    })?;
    let serde_json::Value::Array(rows) = value else {
        return Err(FileError::new(
            path,
            "expected a JSON array of objects (one per data row)",
        ));
    };
    rows.into_iter()
        .enumerate()
        .map(|(i, row)| {
            let serde_json::Value::Object(fields) = row else {
                return Err(FileError::new(
                    path,
                    format!("row {}: expected an object", i + 1),
                ));
            };
            Ok(fields
                .into_iter()
                .map(|(k, v)| match v {
                    serde_json::Value::String(s) => (k, s),
                    other => (k, other.to_string()),
                })
                .collect())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_csv_and_json_rows() {
        let dir = tempfile::tempdir().unwrap();
        let csv = dir.path().join("rows.csv");
        std::fs::write(&csv, "name, qty\nwidget,1\n\"gadget, big\",2\n").unwrap();
        let rows = load(&csv).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1]["name"], "gadget, big");
        assert_eq!(rows[1]["qty"], "2");

        let json = dir.path().join("rows.json");
        std::fs::write(&json, r#"[{"name":"a","n":1},{"name":"b","n":2}]"#).unwrap();
        let rows = load(&json).unwrap();
        assert_eq!(rows[1]["n"], "2");

        std::fs::write(&json, r#"{"name":"a"}"#).unwrap();
        assert!(load(&json).unwrap_err().message.contains("JSON array"));
        std::fs::write(&csv, "a,b\n1\n").unwrap();
        assert!(load(&csv).is_err());
    }
}
