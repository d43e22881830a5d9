//! Escaping for XML and HTML, as `Display` wrappers so reports write escaped text straight
//! into their output without an intermediate `String` per value.
//!
//! Both wrappers also drop characters XML 1.0 forbids (NUL and the other C0 controls
//! except tab, newline and carriage return, plus U+FFFE and U+FFFF): a server may send
//! them in a header or a body, and a single one makes a JUnit file unparseable, so CI would
//! lose the whole report rather than one odd character. HTML gets the same treatment
//! because those characters are errors there too and carry nothing readable.

use std::fmt;

/// Element content (XML or HTML): `&`, `<`, `>` and both quotes become entities.
///
/// Quotes are escaped even though element content does not need it, so the one function
/// is safe wherever it lands.
pub struct Text<'a>(pub &'a str);

/// An attribute value inside double quotes (XML or HTML). Like [`Text`], and tab,
/// newline and carriage return become character references, because XML parsers turn raw
/// ones in attributes into spaces (attribute-value normalization) and the text would
/// change on the way through.
pub struct Attr<'a>(pub &'a str);

impl fmt::Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_escaped(f, self.0, false)
    }
}

impl fmt::Display for Attr<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_escaped(f, self.0, true)
    }
}

/// What to write instead of `c`: `None` keeps it, `Some("")` drops it.
fn replacement(c: char, in_attribute: bool) -> Option<&'static str> {
    match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '"' => Some("&quot;"),
        '\'' => Some("&#39;"),
        '\t' if in_attribute => Some("&#9;"),
        '\n' if in_attribute => Some("&#10;"),
        '\r' if in_attribute => Some("&#13;"),
        '\t' | '\n' | '\r' => None,
        c if is_invalid_xml(c) => Some(""),
        _ => None,
    }
}

/// Characters outside XML 1.0's `Char` production. Rust `char`s are never surrogates, so
/// only the C0 controls and the two non-characters at the end of the BMP remain.
fn is_invalid_xml(c: char) -> bool {
    (c < '\u{20}' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// Writes `s` in runs: unchanged stretches go out as one slice.
fn write_escaped(f: &mut fmt::Formatter<'_>, s: &str, in_attribute: bool) -> fmt::Result {
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if let Some(with) = replacement(c, in_attribute) {
            f.write_str(&s[start..i])?;
            f.write_str(with)?;
            start = i + c.len_utf8();
        }
    }
    f.write_str(&s[start..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            Text("<a href=\"x\">'&'</a>").to_string(),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn drops_characters_xml_forbids_but_keeps_whitespace() {
        assert_eq!(
            Text("a\u{0}b\u{1b}c\td\ne\rf\u{FFFF}").to_string(),
            "abc\td\ne\rf"
        );
        assert_eq!(Attr("a\u{0}b\tc\nd\re").to_string(), "ab&#9;c&#10;d&#13;e");
    }

    #[test]
    fn leaves_other_unicode_alone() {
        assert_eq!(Text("接口用例 ✓ 😀").to_string(), "接口用例 ✓ 😀");
    }
}
