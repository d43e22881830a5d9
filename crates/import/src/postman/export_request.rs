//! What a request sends besides its URL, headers and body, in Postman's terms: its auth
//! (`auth` blocks of every kind the engine has) and its settings
//! (`protocolProfileBehavior`).

use apiautotest_engine::model::{
    ApiKeyLocation, Auth, OAuth1Location, OAuth1Signature, OAuth2ClientAuth, OAuth2Grant,
    RequestSettings,
};
use serde_json::{Map, Value, json};

pub(super) fn auth_value(auth: &Auth) -> Value {
    let param = |k: &str, v: &str| json!({"key": k, "value": v, "type": "string"});
    match auth {
        Auth::None => json!({"type": "noauth"}),
        Auth::Basic { username, password } => json!({
            "type": "basic",
            "basic": [param("username", username), param("password", password)]
        }),
        Auth::Bearer { token } => json!({"type": "bearer", "bearer": [param("token", token)]}),
        Auth::ApiKey {
            name,
            value,
            location,
        } => {
            let place = match location {
                ApiKeyLocation::Header => "header",
                ApiKeyLocation::Query => "query",
            };
            json!({"type": "apikey", "apikey": [param("key", name), param("value", value), param("in", place)]})
        }
        Auth::Digest { username, password } => json!({
            "type": "digest",
            "digest": [param("username", username), param("password", password)]
        }),
        Auth::OAuth1(o) => {
            let method = match o.signature_method {
                OAuth1Signature::HmacSha1 => "HMAC-SHA1",
                OAuth1Signature::HmacSha256 => "HMAC-SHA256",
                OAuth1Signature::Plaintext => "PLAINTEXT",
            };
            let in_header = o.location == OAuth1Location::Header;
            json!({"type": "oauth1", "oauth1": [
                param("consumerKey", &o.consumer_key),
                param("consumerSecret", &o.consumer_secret),
                param("token", &o.token),
                param("tokenSecret", &o.token_secret),
                param("signatureMethod", method),
                param("realm", &o.realm),
                param("timestamp", &o.timestamp),
                param("nonce", &o.nonce),
                param("version", "1.0"),
                {"key": "addParamsToHeader", "value": in_header, "type": "boolean"},
            ]})
        }
        Auth::OAuth2(o) => {
            let grant = match o.grant {
                OAuth2Grant::ClientCredentials => "client_credentials",
                OAuth2Grant::Password => "password_credentials",
            };
            let client_auth = match o.client_auth {
                OAuth2ClientAuth::Header => "header",
                OAuth2ClientAuth::Body => "body",
            };
            json!({"type": "oauth2", "oauth2": [
                param("grant_type", grant),
                param("accessTokenUrl", &o.token_url),
                param("clientId", &o.client_id),
                param("clientSecret", &o.client_secret),
                param("username", &o.username),
                param("password", &o.password),
                param("scope", &o.scope),
                param("client_authentication", client_auth),
                param("addTokenTo", "header"),
            ]})
        }
    }
}

pub(super) fn behavior(settings: &RequestSettings) -> Value {
    let mut object = Map::new();
    if let Some(follow) = settings.follow_redirects {
        object.insert("followRedirects".into(), follow.into());
    }
    if let Some(keep) = settings.follow_original_method {
        object.insert("followOriginalHttpMethod".into(), keep.into());
    }
    if let Some(max) = settings.max_redirects {
        object.insert("maxRedirects".into(), max.into());
    }
    if let Some(verify) = settings.verify_tls {
        object.insert("strictSSL".into(), verify.into());
    }
    if let Some(cookies) = settings.cookies {
        object.insert("disableCookies".into(), (!cookies).into());
    }
    Value::Object(object)
}
