//! Writing assertions the way a user writes them.
//!
//! A stored batch plan must not depend on files that may change, so by default a schema
//! read from a file is serialized with its content (`{schema: {file, schema}}`). A saved
//! collection file, and the editor, want what the user wrote: `{schema_file: path}`.
//! While `as_written` runs, schema assertions serialize that way.

use std::cell::Cell;

thread_local! {
    static AS_WRITTEN: Cell<bool> = const { Cell::new(false) };
}

/// Runs `write` with schema assertions serialized as written in a collection file.
pub fn as_written<T>(write: impl FnOnce() -> T) -> T {
    struct Reset(bool);
    impl Drop for Reset {
        fn drop(&mut self) {
            AS_WRITTEN.with(|w| w.set(self.0));
        }
    }
    let _reset = Reset(AS_WRITTEN.with(|w| w.replace(true)));
    write()
}

pub(super) fn active() -> bool {
    AS_WRITTEN.with(Cell::get)
}
