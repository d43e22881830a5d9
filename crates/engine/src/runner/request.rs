//! Rendering a case's request template into a request to send.

use std::time::Duration;

use reqwest::header::{HeaderName, HeaderValue};
use serde_json::Value;

use crate::http::OutgoingRequest;
use crate::model::{ErrorKind, RequestRecord, RequestTemplate, RunError};
use crate::template::{Resolved, Scope};

fn template_error(field: &str, e: impl std::fmt::Display) -> RunError {
    RunError {
        kind: ErrorKind::Template,
        message: format!("{field}: {e}"),
    }
}

fn invalid(message: String) -> RunError {
    RunError {
        kind: ErrorKind::InvalidRequest,
        message,
    }
}

/// Renders every template; the request to send, and its record (unmasked: the caller
/// masks it before storing).
pub fn render(
    template: &RequestTemplate,
    scope: &Scope<'_>,
    default_timeout_ms: u64,
) -> Result<(OutgoingRequest, RequestRecord), RunError> {
    let url_text = scope
        .render(&template.url)
        .map_err(|e| template_error("url", e))?;
    let url = reqwest::Url::parse(url_text.trim())
        .map_err(|e| invalid(format!("invalid URL {url_text:?}: {e}")))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(invalid(format!(
            "invalid URL {url_text:?}: only http and https are supported"
        )));
    }
    let method = reqwest::Method::from_bytes(template.method.as_bytes())
        .map_err(|_| invalid(format!("invalid method {:?}", template.method)))?;

    let mut headers = Vec::with_capacity(template.headers.len() + 1);
    for (name, value) in &template.headers {
        let name = scope
            .render(name)
            .map_err(|e| template_error("headers", e))?;
        let value = scope
            .render(value)
            .map_err(|e| template_error(&format!("header {name}"), e))?;
        HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| invalid(format!("invalid header name {name:?}")))?;
        HeaderValue::from_str(&value)
            .map_err(|_| invalid(format!("invalid value for header {name}: {value:?}")))?;
        headers.push((name.into_owned(), value.into_owned()));
    }
    let has_content_type = headers
        .iter()
        .any(|(n, _)| n.eq_ignore_ascii_case("content-type"));
    let set_content_type = |headers: &mut Vec<(String, String)>, value: &str| {
        if !has_content_type {
            headers.push(("Content-Type".into(), value.into()));
        }
    };

    let body = if let Some(body) = &template.body {
        Some(
            scope
                .render(body)
                .map_err(|e| template_error("body", e))?
                .into_owned(),
        )
    } else if let Some(json) = &template.json {
        set_content_type(&mut headers, "application/json");
        Some(render_json(json, scope)?.to_string())
    } else if let Some(form) = &template.form {
        set_content_type(&mut headers, "application/x-www-form-urlencoded");
        let mut encoder = url::form_urlencoded::Serializer::new(String::new());
        for (name, value) in form {
            let name = scope.render(name).map_err(|e| template_error("form", e))?;
            let value = scope.render(value).map_err(|e| template_error("form", e))?;
            encoder.append_pair(&name, &value);
        }
        Some(encoder.finish())
    } else {
        None
    };

    let record = RequestRecord {
        method: template.method.clone(),
        // As rendered, not as the URL parser re-encoded it: so a secret in it is masked
        // by its plain value.
        url: url_text.trim().to_owned(),
        headers: headers.clone(),
        body: body.clone(),
    };
    let outgoing = OutgoingRequest {
        method,
        url,
        headers,
        body: body.map(String::into_bytes),
        timeout: Duration::from_millis(template.timeout_ms.unwrap_or(default_timeout_ms).max(1)),
    };
    Ok((outgoing, record))
}

/// Renders the strings of a JSON body. A string that is a lone `{{name}}` of a captured
/// value takes the value with its type, so `{id: "{{item_id}}"}` sends a number when a
/// number was captured.
fn render_json(value: &Value, scope: &Scope<'_>) -> Result<Value, RunError> {
    Ok(match value {
        Value::String(s) => {
            let lone = s
                .strip_prefix("{{")
                .and_then(|r| r.strip_suffix("}}"))
                .map(str::trim);
            match lone
                .filter(|n| !n.contains("{{"))
                .and_then(|n| scope.lookup(n))
            {
                Some(Resolved::Json(v)) => v.clone(),
                _ => Value::String(
                    scope
                        .render(s)
                        .map_err(|e| template_error("json", e))?
                        .into_owned(),
                ),
            }
        }
        Value::Array(items) => Value::Array(
            items
                .iter()
                .map(|v| render_json(v, scope))
                .collect::<Result<_, _>>()?,
        ),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let key = scope
                        .render(k)
                        .map_err(|e| template_error("json", e))?
                        .into_owned();
                    Ok((key, render_json(v, scope)?))
                })
                .collect::<Result<_, RunError>>()?,
        ),
        other => other.clone(),
    })
}
