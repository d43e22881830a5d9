//! Body previews: enough of a body to debug with, without letting a batch of large
//! responses turn the report into something a browser cannot open.

use std::io::Write;

use crate::report::ReportError;
use crate::report::escape::Text;

/// Bodies are shown up to this many bytes; the rest is summed up in a note.
pub(super) const PREVIEW_BYTES: usize = 4 * 1024;

/// Writes a body: escaped text cut to [`PREVIEW_BYTES`] with a note of its full size, or a
/// one-line mention of binary data. `full_size` is the size as received, which may exceed
/// `bytes` when the store kept only the start.
pub(super) fn write_body(
    bytes: &[u8],
    full_size: u64,
    out: &mut dyn Write,
) -> Result<(), ReportError> {
    let full_size = full_size.max(bytes.len() as u64);
    if full_size == 0 {
        writeln!(out, "<p class=\"muted\">Empty body.</p>")?;
        return Ok(());
    }
    let Some(text) = as_text(bytes) else {
        writeln!(
            out,
            "<p class=\"muted\">{full_size} bytes of binary data.</p>"
        )?;
        return Ok(());
    };
    let shown = cut(text, PREVIEW_BYTES);
    writeln!(out, "<pre>{}</pre>", Text(shown))?;
    if (shown.len() as u64) < full_size {
        writeln!(
            out,
            "<p class=\"muted\">First {} bytes of {full_size}.</p>",
            shown.len()
        )?;
    }
    Ok(())
}

/// The body as text when it is UTF-8 without NUL bytes (which no text format uses). A body
/// the store cut may end inside a character; that partial character is left out.
fn as_text(bytes: &[u8]) -> Option<&str> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) if e.error_len().is_none() => {
            std::str::from_utf8(bytes.get(..e.valid_up_to())?).ok()?
        }
        Err(_) => return None,
    };
    (!text.contains('\0')).then_some(text)
}

/// At most `max` bytes of `s`, cut on a character boundary.
pub(super) fn cut(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(bytes: &[u8], full_size: u64) -> String {
        let mut out = Vec::new();
        write_body(bytes, full_size, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn text_is_escaped_and_cut_with_a_note() {
        let body = format!("<b>{}</b>", "é".repeat(3000));
        let html = render(body.as_bytes(), 100_000);
        assert!(html.starts_with("<pre>&lt;b&gt;"));
        assert!(html.contains("bytes of 100000."));
        assert!(!html.contains("</b>"));
    }

    #[test]
    fn binary_is_only_sized() {
        assert_eq!(
            render(&[0xff, 0x00, 0x12], 3),
            "<p class=\"muted\">3 bytes of binary data.</p>\n"
        );
        assert!(render(b"a\0b", 3).contains("binary"));
    }

    #[test]
    fn a_character_split_by_the_store_cap_is_still_text() {
        let html = render(&"aé".as_bytes()[..2], 3);
        assert!(html.starts_with("<pre>a</pre>"));
    }

    #[test]
    fn cuts_on_character_boundaries() {
        assert_eq!(cut("aéb", 2), "a");
        assert_eq!(cut("ab", 5), "ab");
    }
}
