//! Rendering a case's request template into a request to send.

use std::path::Path;
use std::time::Duration;

use reqwest::header::{HeaderName, HeaderValue};
use serde_json::Value;

use crate::http::OutgoingRequest;
use crate::model::{
    BatchOptions, ErrorKind, MultipartPart, RequestRecord, RequestTemplate, RunError, enabled_url,
    is_disabled,
};
use crate::template::{Resolved, Scope};

use super::authorization::{Signed, authorize};
use super::multipart_body::{self, PartData};

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
/// masks it before storing). `options` gives the defaults the case may override (timeout,
/// redirects); `files_dir` anchors relative multipart file paths (the collection file's
/// folder).
pub fn render(
    template: &RequestTemplate,
    scope: &Scope<'_>,
    options: &BatchOptions,
    files_dir: Option<&Path>,
) -> Result<(OutgoingRequest, RequestRecord), RunError> {
    let mut url_text = scope
        .render(&enabled_url(&template.url))
        .map_err(|e| template_error("url", e))?
        .trim()
        .to_owned();
    if !has_scheme(&url_text) {
        // As Postman, curl and Insomnia do: `localhost:8080/x` means http.
        url_text.insert_str(0, "http://");
    }
    let mut url = parse_url(&url_text)?;
    let method = reqwest::Method::from_bytes(template.method.as_bytes())
        .map_err(|_| invalid(format!("invalid method {:?}", template.method)))?;

    let mut headers = Vec::with_capacity(template.headers.len() + 1);
    for (name, value) in template.headers.iter().filter(|(n, _)| !is_disabled(n)) {
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

    // The bytes sent, and the text stored with the result (they differ for files).
    let body: Option<(Vec<u8>, String)> = if let Some(body) = &template.body {
        let text = scope
            .render(body)
            .map_err(|e| template_error("body", e))?
            .into_owned();
        Some((text.clone().into_bytes(), text))
    } else if let Some(json) = &template.json {
        set_content_type(&mut headers, "application/json");
        let text = render_json(json, scope)?.to_string();
        Some((text.clone().into_bytes(), text))
    } else if let Some(form) = &template.form {
        set_content_type(&mut headers, "application/x-www-form-urlencoded");
        let mut encoder = url::form_urlencoded::Serializer::new(String::new());
        for (name, value) in form.iter().filter(|(n, _)| !is_disabled(n)) {
            let name = scope.render(name).map_err(|e| template_error("form", e))?;
            let value = scope.render(value).map_err(|e| template_error("form", e))?;
            encoder.append_pair(&name, &value);
        }
        let text = encoder.finish();
        Some((text.clone().into_bytes(), text))
    } else if let Some(parts) = &template.multipart {
        let encoded = multipart_body::encode(&render_parts(parts, scope, files_dir)?);
        if !has_content_type {
            headers.push(("Content-Type".into(), encoded.content_type));
        }
        Some((encoded.bytes, encoded.record))
    } else if let Some(file) = &template.file {
        let path = scope.render(file).map_err(|e| template_error("file", e))?;
        let path = files_dir.map_or_else(
            || Path::new(path.as_ref()).to_path_buf(),
            |dir| dir.join(path.as_ref()),
        );
        let bytes = std::fs::read(&path)
            .map_err(|e| invalid(format!("body file {}: cannot read: {e}", path.display())))?;
        set_content_type(&mut headers, multipart_body::guess_content_type(&path));
        let record = format!("<file {}, {} bytes>", path.display(), bytes.len());
        Some((bytes, record))
    } else {
        None
    };
    let (body, body_record) = body.unzip();

    let content_type = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("content-type"))
        .map(|(_, v)| v.to_ascii_lowercase());
    let form_body = body.as_deref().filter(|_| {
        content_type
            .as_deref()
            .is_some_and(|t| t.starts_with("application/x-www-form-urlencoded"))
    });
    let sets_authorization = headers
        .iter()
        .any(|(n, _)| n.eq_ignore_ascii_case("authorization"));
    let signed = Signed {
        method: method.as_str(),
        url: &url,
        form: form_body,
    };
    let authorization = authorize(template.auth.as_ref(), scope, sets_authorization, &signed)?;
    if let Some((name, value)) = authorization.header {
        let already_set = headers.iter().any(|(n, _)| n.eq_ignore_ascii_case(&name));
        if !already_set {
            HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| invalid(format!("invalid auth header name {name:?}")))?;
            HeaderValue::from_str(&value)
                .map_err(|_| invalid(format!("invalid value for header {name}")))?;
            headers.push((name, value));
        }
    }
    if !authorization.query.is_empty() {
        let mut pairs = url::form_urlencoded::Serializer::new(String::new());
        for (name, value) in &authorization.query {
            pairs.append_pair(name, value);
        }
        let separator = if url_text.contains('?') { '&' } else { '?' };
        url_text = format!("{url_text}{separator}{}", pairs.finish());
        url = parse_url(&url_text)?;
    }

    let record = RequestRecord {
        method: template.method.clone(),
        // As rendered, not as the URL parser re-encoded it: so a secret in it is masked
        // by its plain value.
        url: url_text,
        headers: headers.clone(),
        body: body_record,
    };
    let outgoing = OutgoingRequest {
        method,
        url,
        headers,
        body,
        timeout: Duration::from_millis(template.timeout_ms.unwrap_or(options.timeout_ms).max(1)),
        handshake: authorization.handshake,
        manual_redirects: template.settings.manual_redirects(options.max_redirects),
    };
    Ok((outgoing, record))
}

fn parse_url(url_text: &str) -> Result<reqwest::Url, RunError> {
    let url = reqwest::Url::parse(url_text)
        .map_err(|e| invalid(format!("invalid URL {url_text:?}: {e}")))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(invalid(format!(
            "invalid URL {url_text:?}: only http and https are supported"
        )));
    }
    Ok(url)
}

/// True when `url` starts with `scheme://` (RFC 3986: a letter, then letters, digits,
/// `+`, `-` or `.`).
fn has_scheme(url: &str) -> bool {
    url.split_once("://").is_some_and(|(scheme, _)| {
        scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

/// Renders the enabled parts of a multipart body, reading files. Files are read here,
/// when the request is sent, so a collection never holds an upload's bytes.
fn render_parts(
    parts: &[MultipartPart],
    scope: &Scope<'_>,
    files_dir: Option<&Path>,
) -> Result<Vec<(String, PartData)>, RunError> {
    let mut rendered = Vec::with_capacity(parts.len());
    for part in parts.iter().filter(|p| !is_disabled(&p.name)) {
        let name = scope
            .render(&part.name)
            .map_err(|e| template_error("multipart", e))?
            .into_owned();
        let data = match (&part.value, &part.file) {
            (_, Some(file)) => {
                let file = scope
                    .render(file)
                    .map_err(|e| template_error("multipart", e))?;
                let path = match files_dir {
                    Some(dir) => dir.join(file.as_ref()),
                    None => Path::new(file.as_ref()).to_path_buf(),
                };
                let bytes = std::fs::read(&path).map_err(|e| {
                    invalid(format!(
                        "multipart part {name:?}: cannot read file {}: {e}",
                        path.display()
                    ))
                })?;
                PartData::File {
                    file_name: path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                    content_type: part
                        .content_type
                        .clone()
                        .unwrap_or_else(|| multipart_body::guess_content_type(&path).to_owned()),
                    bytes,
                }
            }
            (Some(value), None) => PartData::Text(
                scope
                    .render(value)
                    .map_err(|e| template_error("multipart", e))?
                    .into_owned(),
            ),
            (None, None) => PartData::Text(String::new()),
        };
        rendered.push((name, data));
    }
    Ok(rendered)
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
