//! What an import could not carry over, said by item and field.

use std::fmt;

use serde::Serialize;

/// One thing of the source file that the imported collection does not hold, or holds
/// differently. Listed to the user after an import: nothing is dropped silently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unmapped {
    /// Where it was: the item's path in the source's tree (`Folder / Request`), or the
    /// collection's name for collection-level things.
    pub item: String,
    /// The source's field, as the source names it (`auth.digest`, `protocolProfileBehavior`).
    pub field: String,
    /// What happened to it, in words.
    pub reason: String,
}

impl fmt::Display for Unmapped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.item, self.field, self.reason)
    }
}
