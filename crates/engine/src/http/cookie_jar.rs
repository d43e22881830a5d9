//! A cookie jar that outlives one client: the workbench's sends of a collection share one,
//! as Postman's and Bruno's do, so a login's session cookie goes with the next send to that
//! site. Unlike reqwest's own jar it can list its cookies (the page shows them) and forget
//! them all.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use cookie_store::CookieExpiration;
use reqwest_cookie_store::CookieStoreMutex;
use serde::Serialize;

/// Cheap to clone: clones share the cookies.
#[derive(Debug, Clone, Default)]
pub struct CookieJar {
    store: Arc<CookieStoreMutex>,
}

/// One cookie the jar holds, as the page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct StoredCookie {
    /// The site it goes to (the host that set it, or the Domain it named).
    pub domain: String,
    pub path: String,
    pub name: String,
    pub value: String,
    /// None: it lasts as long as the jar (a session cookie).
    pub expires: Option<DateTime<Utc>>,
    pub secure: bool,
    pub http_only: bool,
}

impl CookieJar {
    pub fn new() -> CookieJar {
        CookieJar::default()
    }

    /// What a client sends cookies from and stores them into.
    pub(crate) fn provider(&self) -> Arc<CookieStoreMutex> {
        Arc::clone(&self.store)
    }

    /// The cookies that have not expired, by site, path and name.
    pub fn cookies(&self) -> Vec<StoredCookie> {
        // A panic while the store was locked leaves it usable: cookies are plain data.
        let store = self
            .store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let mut cookies: Vec<StoredCookie> = store
            .iter_unexpired()
            .map(|cookie| StoredCookie {
                domain: cookie
                    .domain
                    .as_cow()
                    .map(|d| d.into_owned())
                    .unwrap_or_default(),
                path: cookie.path.as_ref().to_owned(),
                name: cookie.name().to_owned(),
                value: cookie.value().to_owned(),
                expires: match cookie.expires {
                    CookieExpiration::AtUtc(at) => DateTime::from_timestamp(at.unix_timestamp(), 0),
                    CookieExpiration::SessionEnd => None,
                },
                secure: cookie.secure().unwrap_or(false),
                http_only: cookie.http_only().unwrap_or(false),
            })
            .collect();
        cookies.sort_by(|a, b| (&a.domain, &a.path, &a.name).cmp(&(&b.domain, &b.path, &b.name)));
        cookies
    }

    /// The Cookie header a request to `url` gets from the jar, if any.
    pub fn header_for(&self, url: &reqwest::Url) -> Option<String> {
        use reqwest::cookie::CookieStore;
        let header = self.store.cookies(url)?;
        header.to_str().ok().map(str::to_owned)
    }

    /// Forgets every cookie.
    pub fn clear(&self) {
        self.store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clear();
    }
}
