//! Postman auth (collection, folder or request level) into the native `auth`.
//!
//! Inheritance is the same on both sides: no auth (absent or `null`) uses the parent's,
//! `noauth` stops it. A kind the engine does not send becomes `none` (so the request is
//! not sent with its parent's credentials instead) and is noted.

use apiautotest_engine::model::{
    ApiKeyLocation, Auth, OAuth1, OAuth1Location, OAuth1Signature, OAuth2, OAuth2ClientAuth,
    OAuth2Grant,
};
use serde_json::Value;

use super::rows::rows;
use super::scalar_text;

#[derive(Debug, Default, PartialEq)]
pub struct MappedAuth {
    /// None: inherit.
    pub auth: Option<Auth>,
    pub notes: Vec<(String, String)>,
}

pub fn map_auth(auth: Option<&Value>) -> MappedAuth {
    let mut mapped = MappedAuth::default();
    let Some(object) = auth.and_then(Value::as_object) else {
        return mapped;
    };
    let Some(kind) = object.get("type").and_then(Value::as_str) else {
        return mapped;
    };
    let params = Params {
        kind,
        block: object.get(kind),
    };
    let unsupported = |mapped: &mut MappedAuth, why: &str| {
        mapped.auth = Some(Auth::None);
        mapped.notes.push((
            format!("auth.{kind}"),
            format!("{why}: sent without authorization"),
        ));
    };
    match kind {
        "noauth" => mapped.auth = Some(Auth::None),
        "basic" => {
            mapped.auth = Some(Auth::Basic {
                username: params.get("username"),
                password: params.get("password"),
            })
        }
        "bearer" => {
            mapped.auth = Some(Auth::Bearer {
                token: params.get("token"),
            })
        }
        "apikey" => {
            let location = match params.get("in").as_str() {
                "query" => ApiKeyLocation::Query,
                _ => ApiKeyLocation::Header,
            };
            mapped.auth = Some(Auth::ApiKey {
                name: params.get("key"),
                value: params.get("value"),
                location,
            })
        }
        "oauth2" => {
            let token = params.get("accessToken");
            if !token.is_empty() {
                mapped.auth = Some(oauth2_token(&params, token));
            } else {
                match oauth2_grant(&params) {
                    Ok(auth) => mapped.auth = Some(auth),
                    Err(why) => unsupported(&mut mapped, &why),
                }
            }
        }
        "digest" => {
            // Postman fills realm and nonce in from the last challenge it saw; the engine
            // answers the server's own challenge, so they are not needed.
            mapped.auth = Some(Auth::Digest {
                username: params.get("username"),
                password: params.get("password"),
            })
        }
        "oauth1" => match oauth1(&params) {
            Ok((auth, notes)) => {
                mapped.auth = Some(auth);
                mapped.notes.extend(notes);
            }
            Err(why) => unsupported(&mut mapped, &why),
        },
        "hawk" | "ntlm" | "awsv4" | "edgegrid" | "jwt" | "asap" | "akamai" => {
            unsupported(&mut mapped, &format!("{kind} auth is not supported"))
        }
        other => unsupported(&mut mapped, &format!("unknown auth type {other:?}")),
    }
    mapped
}

/// A given OAuth 2.0 access token goes where Postman puts it: `Authorization: <prefix>
/// <token>` (Bearer by default) or an `access_token` query parameter.
fn oauth2_token(params: &Params<'_>, token: String) -> Auth {
    if params.get("addTokenTo") == "queryParams" {
        return Auth::ApiKey {
            name: "access_token".into(),
            value: token,
            location: ApiKeyLocation::Query,
        };
    }
    let prefix = params.get_or("headerPrefix", "Bearer");
    if prefix == "Bearer" {
        Auth::Bearer { token }
    } else {
        let value = if prefix.is_empty() {
            token
        } else {
            format!("{prefix} {token}")
        };
        Auth::ApiKey {
            name: "Authorization".into(),
            value,
            location: ApiKeyLocation::Header,
        }
    }
}

/// OAuth 2.0 without a token: the grants the engine fetches a token for.
fn oauth2_grant(params: &Params<'_>) -> Result<Auth, String> {
    let grant = match params.get("grant_type").as_str() {
        "client_credentials" => OAuth2Grant::ClientCredentials,
        "password_credentials" | "password" => OAuth2Grant::Password,
        "" => {
            return Err(
                "OAuth 2.0 without an access token or a grant type has no token to send".into(),
            );
        }
        other => {
            return Err(format!(
                "OAuth 2.0 grant {other:?} needs a browser: only client credentials and password grants are fetched"
            ));
        }
    };
    let token_url = params.get("accessTokenUrl");
    if token_url.is_empty() {
        return Err("OAuth 2.0 without an access token URL".into());
    }
    Ok(Auth::OAuth2(OAuth2 {
        grant,
        token_url,
        client_id: params.get("clientId"),
        client_secret: params.get("clientSecret"),
        username: params.get("username"),
        password: params.get("password"),
        scope: params.get("scope"),
        client_auth: match params.get("client_authentication").as_str() {
            "body" => OAuth2ClientAuth::Body,
            _ => OAuth2ClientAuth::Header,
        },
    }))
}

/// OAuth 1.0a; notes for what is signed differently than Postman would.
fn oauth1(params: &Params<'_>) -> Result<(Auth, Vec<(String, String)>), String> {
    let signature_method = match params.get("signatureMethod").as_str() {
        "HMAC-SHA1" | "" => OAuth1Signature::HmacSha1,
        "HMAC-SHA256" => OAuth1Signature::HmacSha256,
        "PLAINTEXT" => OAuth1Signature::Plaintext,
        other => {
            return Err(format!(
                "OAuth 1.0 signature method {other} is not supported"
            ));
        }
    };
    let mut notes = Vec::new();
    let location = if params.flag("addParamsToHeader") {
        OAuth1Location::Header
    } else {
        notes.push((
            "auth.oauth1.addParamsToHeader".to_owned(),
            "the oauth_* parameters go in the query (Postman puts them in a POST's body)"
                .to_owned(),
        ));
        OAuth1Location::Query
    };
    if params.flag("includeBodyHash") {
        notes.push((
            "auth.oauth1.includeBodyHash".to_owned(),
            "oauth_body_hash is not sent".to_owned(),
        ));
    }
    Ok((
        Auth::OAuth1(OAuth1 {
            consumer_key: params.get("consumerKey"),
            consumer_secret: params.get("consumerSecret"),
            token: params.get("token"),
            token_secret: params.get("tokenSecret"),
            signature_method,
            location,
            realm: params.get("realm"),
            timestamp: params.get("timestamp"),
            nonce: params.get("nonce"),
        }),
        notes,
    ))
}

/// An auth kind's parameters: a list of `{key, value}` in v2.1, a map in v2.0.
struct Params<'a> {
    kind: &'a str,
    block: Option<&'a Value>,
}

impl Params<'_> {
    fn value(&self, name: &str) -> Option<String> {
        match self.block? {
            Value::Array(_) => rows(self.block)
                .0
                .into_iter()
                .rev()
                .find(|r| r.key == name)
                .map(|r| r.value.unwrap_or_default()),
            Value::Object(map) => map.get(name).map(scalar_text),
            _ => None,
        }
    }

    fn get(&self, name: &str) -> String {
        self.value(name).unwrap_or_default()
    }

    fn get_or(&self, name: &str, default: &str) -> String {
        self.value(name).unwrap_or_else(|| default.to_owned())
    }

    /// A boolean parameter (`true` or `"true"`); absent is false.
    fn flag(&self, name: &str) -> bool {
        self.value(name).is_some_and(|v| v == "true")
    }
}

impl std::fmt::Debug for Params<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Params({})", self.kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn auth(value: Value) -> MappedAuth {
        map_auth(Some(&value))
    }

    #[test]
    fn both_parameter_shapes() {
        let v21 = auth(json!({"type": "basic", "basic": [
            {"key": "password", "value": "{{pw}}", "type": "string"},
            {"key": "username", "value": "u", "type": "string"}
        ]}));
        let v20 = auth(
            json!({"type": "basic", "basic": {"username": "u", "password": "{{pw}}", "saveHelperData": true}}),
        );
        let expected = Some(Auth::Basic {
            username: "u".into(),
            password: "{{pw}}".into(),
        });
        assert_eq!(v21.auth, expected);
        assert_eq!(v20.auth, expected);
    }

    #[test]
    fn inheritance_markers() {
        assert_eq!(map_auth(None).auth, None);
        assert_eq!(auth(Value::Null).auth, None);
        assert_eq!(auth(json!({"type": "noauth"})).auth, Some(Auth::None));
    }

    #[test]
    fn api_keys_and_tokens() {
        assert_eq!(
            auth(json!({"type": "apikey", "apikey": [
                {"key": "key", "value": "X-Key"}, {"key": "value", "value": "{{k}}"}, {"key": "in", "value": "query"}
            ]}))
            .auth,
            Some(Auth::ApiKey {
                name: "X-Key".into(),
                value: "{{k}}".into(),
                location: ApiKeyLocation::Query
            })
        );
        assert_eq!(
            auth(json!({"type": "bearer", "bearer": [{"key": "token", "value": "t"}]})).auth,
            Some(Auth::Bearer { token: "t".into() })
        );
        assert_eq!(
            auth(json!({"type": "oauth2", "oauth2": [
                {"key": "accessToken", "value": "abc"}, {"key": "headerPrefix", "value": "Token"}
            ]}))
            .auth,
            Some(Auth::ApiKey {
                name: "Authorization".into(),
                value: "Token abc".into(),
                location: ApiKeyLocation::Header
            })
        );
    }

    #[test]
    fn unsupported_kinds_send_none_and_are_noted() {
        for kind in ["hawk", "ntlm", "awsv4", "edgegrid", "jwt", "asap", "weird"] {
            let mapped = auth(json!({"type": kind, kind: []}));
            assert_eq!(mapped.auth, Some(Auth::None), "{kind}");
            assert_eq!(mapped.notes.len(), 1, "{kind}");
        }
        let browser_grant = auth(
            json!({"type": "oauth2", "oauth2": [{"key": "grant_type", "value": "authorization_code"}]}),
        );
        assert_eq!(browser_grant.auth, Some(Auth::None));
        assert!(
            browser_grant.notes[0].1.contains("authorization_code"),
            "{:?}",
            browser_grant.notes
        );
        let rsa = auth(
            json!({"type": "oauth1", "oauth1": [{"key": "signatureMethod", "value": "RSA-SHA1"}]}),
        );
        assert_eq!(rsa.auth, Some(Auth::None));
        assert!(rsa.notes[0].1.contains("RSA-SHA1"), "{:?}", rsa.notes);
    }

    #[test]
    fn digest_oauth1_and_oauth2_grants() {
        assert_eq!(
            auth(json!({"type": "digest", "digest": [
                {"key": "username", "value": "postman"}, {"key": "password", "value": "{{pw}}"},
                {"key": "realm", "value": "Users"}, {"key": "algorithm", "value": "MD5"}
            ]}))
            .auth,
            Some(Auth::Digest {
                username: "postman".into(),
                password: "{{pw}}".into()
            })
        );
        let signed = auth(json!({"type": "oauth1", "oauth1": [
            {"key": "consumerKey", "value": "ck"}, {"key": "consumerSecret", "value": "cs"},
            {"key": "token", "value": "t"}, {"key": "tokenSecret", "value": "ts"},
            {"key": "signatureMethod", "value": "HMAC-SHA256"}, {"key": "addParamsToHeader", "value": true},
            {"key": "timestamp", "value": "1"}, {"key": "nonce", "value": "n"}, {"key": "realm", "value": "r"}
        ]}));
        assert_eq!(
            signed.auth,
            Some(Auth::OAuth1(OAuth1 {
                consumer_key: "ck".into(),
                consumer_secret: "cs".into(),
                token: "t".into(),
                token_secret: "ts".into(),
                signature_method: OAuth1Signature::HmacSha256,
                location: OAuth1Location::Header,
                realm: "r".into(),
                timestamp: "1".into(),
                nonce: "n".into(),
            }))
        );
        assert!(signed.notes.is_empty(), "{:?}", signed.notes);
        let in_query = auth(
            json!({"type": "oauth1", "oauth1": {"consumerKey": "ck", "addParamsToHeader": false}}),
        );
        assert!(
            matches!(&in_query.auth, Some(Auth::OAuth1(o)) if o.location == OAuth1Location::Query)
        );
        assert_eq!(in_query.notes.len(), 1, "{:?}", in_query.notes);

        let password = auth(json!({"type": "oauth2", "oauth2": [
            {"key": "grant_type", "value": "password_credentials"},
            {"key": "accessTokenUrl", "value": "{{base}}/token"},
            {"key": "clientId", "value": "app"}, {"key": "clientSecret", "value": "s"},
            {"key": "username", "value": "u"}, {"key": "password", "value": "p"},
            {"key": "scope", "value": "read"}, {"key": "client_authentication", "value": "body"}
        ]}));
        assert_eq!(
            password.auth,
            Some(Auth::OAuth2(OAuth2 {
                grant: OAuth2Grant::Password,
                token_url: "{{base}}/token".into(),
                client_id: "app".into(),
                client_secret: "s".into(),
                username: "u".into(),
                password: "p".into(),
                scope: "read".into(),
                client_auth: OAuth2ClientAuth::Body,
            }))
        );
        let no_url = auth(
            json!({"type": "oauth2", "oauth2": [{"key": "grant_type", "value": "client_credentials"}]}),
        );
        assert_eq!(no_url.auth, Some(Auth::None));
    }
}
