//! Postman auth (collection, folder or request level) into the native `auth`.
//!
//! Inheritance is the same on both sides: no auth (absent or `null`) uses the parent's,
//! `noauth` stops it. A kind the engine does not send yet becomes `none` (so the request
//! is not sent with its parent's credentials instead) and is noted.

use apiautotest_engine::model::{ApiKeyLocation, Auth};
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
            if token.is_empty() {
                let grant = params.get("grant_type");
                unsupported(
                    &mut mapped,
                    &format!(
                        "OAuth 2.0 without an access token (grant {:?}) is not fetched yet",
                        if grant.is_empty() {
                            "unknown"
                        } else {
                            grant.as_str()
                        }
                    ),
                );
            } else {
                mapped.auth = Some(oauth2_token(&params, token));
            }
        }
        "digest" | "oauth1" => {
            unsupported(&mut mapped, &format!("{kind} auth is not supported yet"))
        }
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
        for kind in [
            "digest", "oauth1", "hawk", "ntlm", "awsv4", "edgegrid", "jwt", "asap", "weird",
        ] {
            let mapped = auth(json!({"type": kind, kind: []}));
            assert_eq!(mapped.auth, Some(Auth::None), "{kind}");
            assert_eq!(mapped.notes.len(), 1, "{kind}");
        }
        let no_token = auth(
            json!({"type": "oauth2", "oauth2": [{"key": "grant_type", "value": "client_credentials"}]}),
        );
        assert_eq!(no_token.auth, Some(Auth::None));
        assert!(
            no_token.notes[0].1.contains("client_credentials"),
            "{:?}",
            no_token.notes
        );
    }
}
