//! Request authorization, set on a case, a folder or the collection, and inherited
//! downwards: a case without its own `auth` uses its nearest folder's, then the
//! collection's.

use serde::{Deserialize, Serialize};

/// How a request authorizes itself. Every string may hold `{{templates}}`.
///
/// In a collection file: `auth: none`, `auth: {bearer: {token: "{{token}}"}}`,
/// `auth: {basic: {username: u, password: "{{pw}}"}}`,
/// `auth: {api_key: {name: X-Api-Key, value: "{{key}}", in: header}}`,
/// `auth: {digest: {username: u, password: p}}`,
/// `auth: {oauth1: {consumer_key: k, consumer_secret: s, token: t, token_secret: ts}}`,
/// `auth: {oauth2: {grant: client_credentials, token_url: URL, client_id: id, client_secret: s}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Auth {
    /// No authorization, even where a folder or the collection sets one.
    None,
    /// `Authorization: Basic base64(username:password)`.
    Basic { username: String, password: String },
    /// `Authorization: Bearer token`.
    Bearer { token: String },
    /// A key sent as a header or a query parameter.
    ApiKey {
        name: String,
        value: String,
        #[serde(default, rename = "in")]
        location: ApiKeyLocation,
    },
    /// HTTP Digest (RFC 7616): the request first goes out without credentials, and the
    /// server's `401` challenge (realm, nonce, qop, algorithm) is answered once.
    Digest { username: String, password: String },
    /// OAuth 1.0a: each request signed (RFC 5849) with the consumer's and the token's
    /// secrets.
    #[serde(rename = "oauth1")]
    OAuth1(OAuth1),
    /// OAuth 2.0: an access token fetched from the token URL (client credentials or
    /// password grant), once per batch, and sent as `Authorization: Bearer`.
    #[serde(rename = "oauth2")]
    OAuth2(OAuth2),
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(deny_unknown_fields)]
pub struct OAuth1 {
    pub consumer_key: String,
    pub consumer_secret: String,
    /// The access token and its secret; empty for a request that has none yet.
    #[serde(default)]
    pub token: String,
    #[serde(default)]
    pub token_secret: String,
    #[serde(default)]
    pub signature_method: OAuth1Signature,
    /// Where the `oauth_*` parameters go: the `Authorization` header or the query.
    #[serde(default, rename = "in")]
    pub location: OAuth1Location,
    /// Sent in the header as `realm`, never signed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub realm: String,
    /// Fixed values instead of the current time and a random nonce (for servers that
    /// replay a recorded exchange); empty means generated for each request.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub timestamp: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub nonce: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum OAuth1Signature {
    #[default]
    #[serde(rename = "HMAC-SHA1")]
    HmacSha1,
    #[serde(rename = "HMAC-SHA256")]
    HmacSha256,
    #[serde(rename = "PLAINTEXT")]
    Plaintext,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum OAuth1Location {
    #[default]
    Header,
    Query,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(deny_unknown_fields)]
pub struct OAuth2 {
    #[serde(default)]
    pub grant: OAuth2Grant,
    pub token_url: String,
    pub client_id: String,
    #[serde(default)]
    pub client_secret: String,
    /// The resource owner's credentials (password grant only).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub username: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub password: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub scope: String,
    /// How the client proves itself to the token URL.
    #[serde(default)]
    pub client_auth: OAuth2ClientAuth,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum OAuth2Grant {
    #[default]
    ClientCredentials,
    Password,
}

/// RFC 6749 2.3.1: HTTP Basic (Postman's default) or the client's id and secret in the
/// form body.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum OAuth2ClientAuth {
    #[default]
    Header,
    Body,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum ApiKeyLocation {
    #[default]
    Header,
    Query,
}

impl Auth {
    /// Every string that may hold templates (for unknown-variable checks).
    pub fn strings(&self) -> Vec<&str> {
        match self {
            Auth::None => Vec::new(),
            Auth::Basic { username, password } => vec![username, password],
            Auth::Bearer { token } => vec![token],
            Auth::ApiKey { name, value, .. } => vec![name, value],
            Auth::Digest { username, password } => vec![username, password],
            Auth::OAuth1(o) => vec![
                &o.consumer_key,
                &o.consumer_secret,
                &o.token,
                &o.token_secret,
                &o.realm,
                &o.timestamp,
                &o.nonce,
            ],
            Auth::OAuth2(o) => vec![
                &o.token_url,
                &o.client_id,
                &o.client_secret,
                &o.username,
                &o.password,
                &o.scope,
            ],
        }
    }
}
