//! Postman's `protocolProfileBehavior` (on the collection, a folder or a request, the
//! nearer one winning key by key) into a request's `settings`.

use apiautotest_engine::model::RequestSettings;
use serde_json::Value;

/// The settings `value` sets over `inherited`, and a note for each key not mapped.
pub fn map_behavior(
    value: Option<&Value>,
    inherited: RequestSettings,
) -> (RequestSettings, Vec<(String, String)>) {
    let mut notes = Vec::new();
    let Some(object) = value.and_then(Value::as_object) else {
        return (inherited, notes);
    };
    let mut own = RequestSettings::default();
    for (key, value) in object {
        let field = format!("protocolProfileBehavior.{key}");
        match (key.as_str(), value) {
            ("followRedirects", Value::Bool(follow)) => own.follow_redirects = Some(*follow),
            ("followOriginalHttpMethod", Value::Bool(keep)) => {
                own.follow_original_method = Some(*keep)
            }
            ("maxRedirects", Value::Number(n)) => match n.as_u64() {
                Some(n) => own.max_redirects = Some(u32::try_from(n).unwrap_or(u32::MAX)),
                None => notes.push((field, format!("{n} is not a count of redirects"))),
            },
            ("strictSSL", Value::Bool(strict)) => own.verify_tls = Some(*strict),
            ("disableCookies", Value::Bool(disable)) => own.cookies = Some(!disable),
            // Bodies are always sent, GET's included: nothing to do.
            ("disableBodyPruning", _) => {}
            // What newman does by default too.
            ("followAuthorizationHeader", Value::Bool(false))
            | ("insecureHTTPParser", Value::Bool(false)) => {}
            (_, _) => notes.push((field, "this request setting is not supported".to_owned())),
        }
    }
    (own.over(inherited), notes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn maps_the_settings_real_collections_use_and_inherits_key_by_key() {
        let folder = map_behavior(
            Some(&json!({"strictSSL": false, "followRedirects": false})),
            RequestSettings::default(),
        );
        assert!(folder.1.is_empty(), "{:?}", folder.1);
        let (request, notes) = map_behavior(
            Some(
                &json!({"followRedirects": true, "maxRedirects": 3, "disableCookies": true,
                "disableBodyPruning": true, "tlsDisabledProtocols": ["TLSv1"]}),
            ),
            folder.0,
        );
        assert_eq!(
            request,
            RequestSettings {
                follow_redirects: Some(true),
                follow_original_method: None,
                max_redirects: Some(3),
                verify_tls: Some(false),
                cookies: Some(false),
            }
        );
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert_eq!(notes[0].0, "protocolProfileBehavior.tlsDisabledProtocols");
        let (untouched, _) = map_behavior(None, folder.0);
        assert_eq!(untouched, folder.0);
    }
}
