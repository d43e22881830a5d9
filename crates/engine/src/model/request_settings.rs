//! How the HTTP client treats one request where it differs from the batch's options:
//! redirects, certificate checks, cookies (Postman's `protocolProfileBehavior`, Insomnia's
//! request settings).

use serde::{Deserialize, Serialize};

/// Every field unset means "as the batch says". In a collection file:
/// `settings: {follow_redirects: false, follow_original_method: true, verify_tls: false,
/// cookies: false}`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(deny_unknown_fields)]
pub struct RequestSettings {
    /// false: a redirect is the response (its 3xx is what the assertions see).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub follow_redirects: Option<bool>,
    /// true: a 301 or 302 is followed with the request's own method and body, not GET
    /// (Postman's `followOriginalHttpMethod`; a 303 still means GET).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub follow_original_method: Option<bool>,
    /// How many redirects are followed before the request fails (`too_many_redirects`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub max_redirects: Option<u32>,
    /// false: the server's certificate is not checked (as `-k`, for this request only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub verify_tls: Option<bool>,
    /// false: no cookie of the batch's jar is sent, and none received is kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub cookies: Option<bool>,
}

impl RequestSettings {
    pub fn is_default(&self) -> bool {
        *self == RequestSettings::default()
    }

    /// Whether redirects are followed by the engine itself (keeping the method), the
    /// client being told to follow none: the limit to follow, when so.
    pub fn manual_redirects(&self, batch_limit: u32) -> Option<u32> {
        let follows = self.follow_redirects != Some(false);
        (follows && self.follow_original_method == Some(true))
            .then(|| self.max_redirects.unwrap_or(batch_limit))
    }

    /// `self` where set, else `parent` (a request's over its folder's).
    pub fn over(self, parent: RequestSettings) -> RequestSettings {
        RequestSettings {
            follow_redirects: self.follow_redirects.or(parent.follow_redirects),
            follow_original_method: self
                .follow_original_method
                .or(parent.follow_original_method),
            max_redirects: self.max_redirects.or(parent.max_redirects),
            verify_tls: self.verify_tls.or(parent.verify_tls),
            cookies: self.cookies.or(parent.cookies),
        }
    }
}
