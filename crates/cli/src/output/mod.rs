//! What the CLI prints while a batch runs and when it ends.

mod progress;
mod summary;

pub use progress::{Mode, follow};
pub use summary::print as print_summary;
