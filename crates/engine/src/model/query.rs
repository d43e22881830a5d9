//! Query parameters switched off in a URL template: `{{base}}/items?page=2&~debug=1` keeps
//! `debug` in the file and the editor's table but never sends it, the `~` convention of
//! headers and form fields. A parameter whose name really starts with `~` is written
//! `%7E...` (the same character, percent-encoded).
//!
//! Separators inside `{{...}}` do not count: `?x={{a&b}}` is one pair.

use std::borrow::Cow;
use std::ops::Range;

use super::is_disabled;

/// The URL template without its disabled query pairs: what is rendered and sent.
/// Borrowed when nothing is switched off.
pub fn enabled_url(url: &str) -> Cow<'_, str> {
    let layout = Layout::of(url);
    if layout
        .pairs
        .iter()
        .all(|pair| !is_disabled(&url[pair.clone()]))
    {
        return Cow::Borrowed(url);
    }
    let enabled: Vec<&str> = layout.enabled_pairs(url).collect();
    let mut sent = url[..layout.query_mark].to_owned();
    if !enabled.is_empty() {
        sent.push('?');
        sent.push_str(&enabled.join("&"));
    }
    sent.push_str(&url[layout.fragment.clone()]);
    Cow::Owned(sent)
}

/// The pieces of `url` that are sent (before the query, each enabled pair, the fragment),
/// borrowed from it: where to look for the variables a request uses.
pub fn enabled_pieces(url: &str) -> Vec<&str> {
    let layout = Layout::of(url);
    let mut pieces = vec![&url[..layout.query_mark]];
    pieces.extend(layout.enabled_pairs(url));
    pieces.push(&url[layout.fragment.clone()]);
    pieces
}

/// Where the query and its pairs are in a URL template (byte ranges).
struct Layout {
    /// Where the query's `?` is (the URL's end before the fragment when it has none).
    query_mark: usize,
    /// Each `name=value` between `&`s, empty ones left out.
    pairs: Vec<Range<usize>>,
    /// The `#...` part (possibly empty).
    fragment: Range<usize>,
}

impl Layout {
    fn of(url: &str) -> Layout {
        let outside = outside_templates(url);
        let fragment_at = outside
            .iter()
            .find(|(_, c)| *c == '#')
            .map_or(url.len(), |(i, _)| *i);
        let query_mark = outside
            .iter()
            .find(|(i, c)| *c == '?' && *i < fragment_at)
            .map_or(fragment_at, |(i, _)| *i);
        let mut pairs = Vec::new();
        if query_mark < fragment_at {
            let mut start = query_mark + 1;
            let ampersands = outside
                .iter()
                .filter(|(i, c)| *c == '&' && *i > query_mark && *i < fragment_at)
                .map(|(i, _)| *i);
            for end in ampersands.chain([fragment_at]) {
                if end > start {
                    pairs.push(start..end);
                }
                start = end + 1;
            }
        }
        Layout {
            query_mark,
            pairs,
            fragment: fragment_at..url.len(),
        }
    }

    fn enabled_pairs<'u>(&self, url: &'u str) -> impl Iterator<Item = &'u str> {
        self.pairs
            .iter()
            .map(|pair| &url[pair.clone()])
            .filter(|pair| !is_disabled(pair))
    }
}

/// The characters of `text` outside `{{...}}`, with their byte offsets.
fn outside_templates(text: &str) -> Vec<(usize, char)> {
    let mut found = Vec::new();
    let mut in_template = false;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let doubled = |next: Option<&(usize, char)>| next.is_some_and(|(_, n)| *n == c);
        if !in_template && c == '{' && doubled(chars.peek()) {
            in_template = true;
            chars.next();
        } else if in_template && c == '}' && doubled(chars.peek()) {
            in_template = false;
            chars.next();
        } else if !in_template {
            found.push((i, c));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disabled_pairs_are_left_out() {
        assert_eq!(
            enabled_url("{{base}}/items?page=2&~debug=1&q=x#top"),
            "{{base}}/items?page=2&q=x#top"
        );
        assert_eq!(enabled_url("http://a/b?~only=1"), "http://a/b");
        assert_eq!(enabled_url("http://a/b?~x=1#f"), "http://a/b#f");
    }

    #[test]
    fn urls_without_disabled_pairs_are_borrowed_unchanged() {
        for url in [
            "http://a/b",
            "http://a/b?x=1&&y=2",
            "http://a/b?%7Ereal=1",
            "http://a/~home?x=1",
        ] {
            assert!(
                matches!(enabled_url(url), Cow::Borrowed(u) if u == url),
                "{url}"
            );
        }
    }

    #[test]
    fn separators_inside_templates_do_not_count() {
        assert_eq!(
            enabled_url("{{base}}/x?a={{p&q}}&~b={{c#d}}"),
            "{{base}}/x?a={{p&q}}"
        );
        assert_eq!(enabled_url("{{a?~b}}/x"), "{{a?~b}}/x");
        assert_eq!(
            enabled_pieces("{{base}}/x?a={{v}}&~b={{w}}#{{f}}"),
            vec!["{{base}}/x", "a={{v}}", "#{{f}}"]
        );
    }
}
