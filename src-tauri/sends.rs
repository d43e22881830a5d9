//! Workbench sends in flight, by the id the page gave each, so Cancel can find them.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use tokio_util::sync::CancellationToken;

#[derive(Default)]
pub struct Sends {
    /// Id -> (the send's number, its token). The number tells a send from a later one
    /// that reused its id.
    in_flight: Mutex<HashMap<String, (u64, CancellationToken)>>,
    counter: AtomicU64,
}

impl Sends {
    /// Registers send `id`; the guard forgets it when the send ends, however it ends.
    pub fn begin(&self, id: &str) -> (CancellationToken, SendGuard<'_>) {
        let token = CancellationToken::new();
        let number = self.counter.fetch_add(1, Ordering::Relaxed);
        if let Ok(mut map) = self.in_flight.lock()
            && let Some((_, older)) = map.insert(id.to_owned(), (number, token.clone()))
        {
            // The same id again: the page sent again; the older send is of no use to it.
            older.cancel();
        }
        let guard = SendGuard {
            sends: self,
            id: id.to_owned(),
            number,
        };
        (token, guard)
    }

    /// Cancels send `id`; false when no such send is in flight.
    pub fn cancel(&self, id: &str) -> bool {
        let token = self
            .in_flight
            .lock()
            .ok()
            .and_then(|map| map.get(id).map(|(_, t)| t.clone()));
        token.map(|t| t.cancel()).is_some()
    }
}

pub struct SendGuard<'a> {
    sends: &'a Sends,
    id: String,
    number: u64,
}

impl Drop for SendGuard<'_> {
    fn drop(&mut self) {
        if let Ok(mut map) = self.sends.in_flight.lock()
            && map.get(&self.id).is_some_and(|(n, _)| *n == self.number)
        {
            map.remove(&self.id);
        }
    }
}
