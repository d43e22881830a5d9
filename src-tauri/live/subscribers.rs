//! Who is attached, per webview. A reloaded page cannot receive on its old channels (a
//! send into them still "succeeds", STACK.md), so a page load cancels everything the
//! webview's previous page had attached.

use std::collections::HashMap;
use std::sync::Mutex;

use tokio_util::sync::CancellationToken;

#[derive(Default)]
pub struct Subscribers {
    by_webview: Mutex<HashMap<String, CancellationToken>>,
}

impl Subscribers {
    /// A token that ends one attach when the webview's current page goes away.
    pub fn token_for(&self, webview: &str) -> CancellationToken {
        match self.by_webview.lock() {
            Ok(mut map) => map.entry(webview.to_owned()).or_default().child_token(),
            // A poisoned lock only means another attach panicked; this one still gets a
            // token, just not one a reload can cancel early (it ends with its batch).
            Err(_) => CancellationToken::new(),
        }
    }

    /// The webview is loading a new page: drop what the old page attached.
    pub fn page_loading(&self, webview: &str) {
        if let Ok(mut map) = self.by_webview.lock()
            && let Some(old) = map.insert(webview.to_owned(), CancellationToken::new())
        {
            old.cancel();
        }
    }
}
