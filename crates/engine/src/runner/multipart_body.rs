//! Encoding a `multipart/form-data` body (RFC 7578).
//!
//! Encoded here rather than with reqwest's streaming form: the body must be plain bytes
//! so a retry re-sends the same thing and the stored request can show it.

use std::path::Path;

/// One rendered part.
pub enum PartData {
    Text(String),
    File {
        file_name: String,
        content_type: String,
        bytes: Vec<u8>,
    },
}

pub struct EncodedBody {
    pub bytes: Vec<u8>,
    pub content_type: String,
    /// The body as stored with the result: files appear as a placeholder with their size,
    /// not their bytes.
    pub record: String,
}

pub fn encode(parts: &[(String, PartData)]) -> EncodedBody {
    let boundary = format!("apiautotest-{}", uuid::Uuid::new_v4().simple());
    let mut bytes = Vec::new();
    let mut record = String::new();
    for (name, data) in parts {
        let name = quote(name);
        let head = match data {
            PartData::Text(_) => {
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n")
            }
            PartData::File {
                file_name,
                content_type,
                ..
            } => format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{}\"\r\nContent-Type: {content_type}\r\n\r\n",
                quote(file_name)
            ),
        };
        bytes.extend_from_slice(head.as_bytes());
        record.push_str(&head);
        match data {
            PartData::Text(text) => {
                bytes.extend_from_slice(text.as_bytes());
                record.push_str(text);
            }
            PartData::File {
                file_name,
                bytes: content,
                ..
            } => {
                bytes.extend_from_slice(content);
                record.push_str(&format!("<file {file_name}, {} bytes>", content.len()));
            }
        }
        bytes.extend_from_slice(b"\r\n");
        record.push_str("\r\n");
    }
    let tail = format!("--{boundary}--\r\n");
    bytes.extend_from_slice(tail.as_bytes());
    record.push_str(&tail);
    EncodedBody {
        bytes,
        content_type: format!("multipart/form-data; boundary={boundary}"),
        record,
    }
}

/// A name or file name inside a quoted header parameter: quotes and line breaks escaped
/// as browsers do (HTML's form-data encoding).
fn quote(text: &str) -> String {
    text.replace('"', "%22")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// The media type a file name suggests. A short table of what API tests upload; anything
/// else is sent as bytes (a case may set `content_type` itself).
pub fn guess_content_type(path: &Path) -> &'static str {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("json") => "application/json",
        Some("txt") => "text/plain",
        Some("csv") => "text/csv",
        Some("xml") => "application/xml",
        Some("html" | "htm") => "text/html",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("svg") => "image/svg+xml",
        Some("pdf") => "application/pdf",
        Some("zip") => "application/zip",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_framed_by_the_boundary_and_files_are_summarized_in_the_record() {
        let body = encode(&[
            ("note".into(), PartData::Text("hi".into())),
            (
                "up\"load".into(),
                PartData::File {
                    file_name: "a.png".into(),
                    content_type: "image/png".into(),
                    bytes: vec![0, 1, 2],
                },
            ),
        ]);
        let boundary = body
            .content_type
            .strip_prefix("multipart/form-data; boundary=")
            .expect("boundary");
        let text = String::from_utf8_lossy(&body.bytes);
        assert!(text.starts_with(&format!("--{boundary}\r\n")));
        assert!(text.contains("name=\"note\"\r\n\r\nhi\r\n"));
        assert!(text.contains("name=\"up%22load\"; filename=\"a.png\"\r\nContent-Type: image/png"));
        assert!(text.ends_with(&format!("--{boundary}--\r\n")));
        assert!(body.record.contains("<file a.png, 3 bytes>"));
        assert!(!body.record.contains('\u{0}'));
    }
}
