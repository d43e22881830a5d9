//! Live delivery of results to the webview: replay from the store, then follow, coalesced;
//! pushed over a channel (`attach`) or pulled by long polls (`follow`), one turn logic.

pub mod attach;
pub mod follow;
pub mod follower;
pub mod message;
pub mod subscribers;

pub use attach::forward;
pub use follow::{FollowReply, follow};
pub use follower::FollowCursor;
pub use message::AttachMessage;
pub use subscribers::Subscribers;
