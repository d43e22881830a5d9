//! Writing the native collection file, the format `collection_file` reads.
//!
//! The text is a pure function of the collection: keys in the model's field order,
//! variables and headers in the user's order, assertions as the user writes them
//! (`schema_file:` stays a path). Saving an unchanged collection rewrites the same bytes,
//! and one edit changes only its own lines, so diffs in git stay small.

use std::io::Write;
use std::path::Path;

use crate::collection_file::FileError;
use crate::model::{Collection, as_written};

/// The collection as file text.
pub fn to_text(collection: &Collection) -> Result<String, FileError> {
    // Lists indented under their key, as the format's documentation writes them. Long
    // lines stay whole: a folded (`>`) assertion or URL would reflow on a one-word edit
    // and turn a small diff into a large one. Multi-line text is still written as `|`.
    let options = serde_saphyr::ser_options! {
        compact_list_indent: false,
        folded_wrap_chars: usize::MAX,
    };
    as_written(|| serde_saphyr::to_string_with_options(collection, options)).map_err(|e| {
        FileError::new(
            Path::new(&collection.name),
            format!("cannot write as YAML: {e}"),
        )
    })
}

/// Writes the collection to `path`, replacing it only once the new text is complete on
/// disk: a full disk or a crash mid-save leaves the old file as it was.
pub fn save(path: &Path, collection: &Collection) -> Result<(), FileError> {
    let text = to_text(collection)?;
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let cannot = |e: std::io::Error| FileError::new(path, format!("cannot save: {e}"));
    let mut staged = tempfile::NamedTempFile::new_in(dir).map_err(cannot)?;
    staged.write_all(text.as_bytes()).map_err(cannot)?;
    staged.as_file().sync_all().map_err(cannot)?;
    staged.persist(path).map_err(|e| cannot(e.error))?;
    Ok(())
}
