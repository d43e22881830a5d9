//! The clients of one batch: the batch's own, and one more for each distinct kind of
//! request settings its cases ask for (redirects not followed, certificates not checked,
//! no cookies), made when first needed. All share the batch's cookie jar but the
//! cookie-less ones, so a login in one case carries to the next whatever their settings.

use std::collections::HashMap;
use std::sync::Mutex;

use super::client::{build_client_with_jar, build_client_without_cookies};
use super::{CookieJar, Transport};
use crate::model::{BatchOptions, RequestSettings};

pub struct Clients {
    options: BatchOptions,
    transport: Transport,
    jar: CookieJar,
    default: reqwest::Client,
    others: Mutex<HashMap<ClientKind, reqwest::Client>>,
}

/// What makes one client differ from another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct ClientKind {
    max_redirects: u32,
    insecure: bool,
    cookies: bool,
}

impl ClientKind {
    fn of(options: &BatchOptions, settings: &RequestSettings) -> ClientKind {
        let follows_itself = settings.manual_redirects(options.max_redirects).is_some();
        ClientKind {
            // Redirects kept to their method are followed by `http::send`, not the client.
            max_redirects: match settings.follow_redirects {
                Some(false) => 0,
                _ if follows_itself => 0,
                _ => settings.max_redirects.unwrap_or(options.max_redirects),
            },
            insecure: options.insecure || settings.verify_tls == Some(false),
            cookies: settings.cookies != Some(false),
        }
    }

    fn options(self, batch: &BatchOptions) -> BatchOptions {
        BatchOptions {
            max_redirects: self.max_redirects,
            insecure: self.insecure,
            ..batch.clone()
        }
    }
}

/// A client for one request (the workbench's sends): `jar` unless the settings turn
/// cookies off.
pub fn client_for(
    options: &BatchOptions,
    transport: &Transport,
    settings: &RequestSettings,
    jar: &CookieJar,
) -> Result<reqwest::Client, String> {
    let kind = ClientKind::of(options, settings);
    if kind.cookies {
        build_client_with_jar(&kind.options(options), transport, jar)
    } else {
        build_client_without_cookies(&kind.options(options), transport)
    }
}

impl Clients {
    /// The batch's client; an error names the certificate or proxy at fault.
    pub fn new(options: &BatchOptions, transport: &Transport) -> Result<Clients, String> {
        let jar = CookieJar::new();
        let default = build_client_with_jar(options, transport, &jar)?;
        Ok(Clients {
            options: options.clone(),
            transport: transport.clone(),
            jar,
            default,
            others: Mutex::default(),
        })
    }

    /// The client of requests without settings of their own (and of script requests).
    pub fn batch_client(&self) -> &reqwest::Client {
        &self.default
    }

    /// The client for a request with these settings.
    pub fn for_settings(&self, settings: &RequestSettings) -> Result<reqwest::Client, String> {
        if settings.is_default() {
            return Ok(self.default.clone());
        }
        let kind = ClientKind::of(&self.options, settings);
        if kind == ClientKind::of(&self.options, &RequestSettings::default()) {
            return Ok(self.default.clone());
        }
        // Clients are plain data behind Arcs: a panic elsewhere cannot leave the map torn.
        let mut others = self
            .others
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(client) = others.get(&kind) {
            return Ok(client.clone());
        }
        let client = client_for(&self.options, &self.transport, settings, &self.jar)?;
        others.insert(kind, client.clone());
        Ok(client)
    }
}
