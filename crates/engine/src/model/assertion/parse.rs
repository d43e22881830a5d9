//! The one-line text form of assertions and captures: `QUERY PREDICATE [VALUE]`.

use serde_json::Value;

use super::{Assertion, Capture, CaptureSource, Expected, Predicate, Query};

/// Splits off the first whitespace-separated word of `s`.
fn first_word(s: &str) -> (&str, &str) {
    let s = s.trim_start();
    match s.find(char::is_whitespace) {
        Some(i) => (&s[..i], s[i..].trim_start()),
        None => (s, ""),
    }
}

/// Splits off a JSONPath expression: it runs to the first whitespace outside brackets,
/// parentheses and quotes, so filters such as `$[?@.price < 10]` stay whole.
fn split_jsonpath(s: &str) -> (&str, &str) {
    let s = s.trim_start();
    let (mut depth, mut quote) = (0i32, None::<char>);
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' => quote = Some(c),
            '[' | '(' => depth += 1,
            ']' | ')' => depth -= 1,
            c if c.is_whitespace() && depth <= 0 => return (&s[..i], s[i..].trim_start()),
            _ => {}
        }
    }
    (s, "")
}

impl Query {
    /// Parses a query at the start of `text`; returns it and the rest of the text.
    fn parse_prefix(text: &str) -> Result<(Query, &str), String> {
        let (word, rest) = first_word(text);
        match word {
            "status" => Ok((Query::Status, rest)),
            "body" => Ok((Query::Body, rest)),
            "duration" => Ok((Query::Duration, rest)),
            "header" => {
                let (name, rest) = first_word(rest);
                if name.is_empty() {
                    return Err("`header` needs a header name, e.g. `header Content-Type`".into());
                }
                Ok((Query::Header(name.to_owned()), rest))
            }
            "jsonpath" => {
                let (expr, rest) = split_jsonpath(rest);
                if expr.is_empty() {
                    return Err("`jsonpath` needs an expression, e.g. `jsonpath $.id`".into());
                }
                // Validated here; the runner compiles it again (cached) when it runs.
                serde_json_path::JsonPath::parse(expr)
                    .map_err(|e| format!("invalid JSONPath {expr:?}: {e}"))?;
                Ok((Query::JsonPath(expr.to_owned()), rest))
            }
            "" => Err("empty assertion".into()),
            other => Err(format!(
                "unknown query {other:?} (expected status, header NAME, jsonpath EXPR, body or duration)"
            )),
        }
    }
}

fn parse_predicate(text: &str) -> Result<(Predicate, &str), String> {
    let (word, rest) = first_word(text);
    let predicate = match word {
        "==" => Predicate::Eq,
        "!=" => Predicate::Ne,
        "<" => Predicate::Lt,
        "<=" => Predicate::Le,
        ">" => Predicate::Gt,
        ">=" => Predicate::Ge,
        "contains" => Predicate::Contains,
        "matches" => Predicate::Matches,
        "exists" => Predicate::Exists,
        "not" => match first_word(rest) {
            ("exists", rest) => return Ok((Predicate::NotExists, rest)),
            _ => return Err("`not` must be followed by `exists`".into()),
        },
        "" => {
            return Err(
                "missing predicate (==, !=, <, <=, >, >=, contains, matches, exists, not exists)"
                    .into(),
            );
        }
        other => {
            return Err(format!(
                "unknown predicate {other:?} (expected ==, !=, <, <=, >, >=, contains, matches, exists, not exists)"
            ));
        }
    };
    Ok((predicate, rest))
}

impl Expected {
    fn parse(text: &str) -> Result<Expected, String> {
        let text = text.trim();
        if let Some(name) = lone_template(text) {
            return Ok(Expected::Variable(name.to_owned()));
        }
        serde_json::from_str(text).map(Expected::Literal).map_err(|_| {
            format!("invalid value {text}: expected a JSON literal (quote strings: \"text\") or a {{{{variable}}}}")
        })
    }
}

/// `{{name}}` alone (whitespace inside the braces allowed) -> `name`.
fn lone_template(text: &str) -> Option<&str> {
    let inner = text.strip_prefix("{{")?.strip_suffix("}}")?;
    let inner = inner.trim();
    let ok = !inner.is_empty() && !inner.contains("{{") && !inner.contains("}}");
    ok.then_some(inner)
}

impl Assertion {
    /// Parses the one-line text form.
    pub fn parse(text: &str) -> Result<Assertion, String> {
        let (query, rest) = Query::parse_prefix(text)?;
        if query == Query::Body && rest.trim_start().starts_with('"') {
            return Err("`body` takes no argument; write `body contains \"text\"`".into());
        }
        let (predicate, rest) = parse_predicate(rest)?;
        let expected = if predicate.takes_value() {
            if rest.trim().is_empty() {
                return Err(format!("`{}` needs a value", predicate.as_str()));
            }
            Some(Expected::parse(rest)?)
        } else if !rest.trim().is_empty() {
            return Err(format!(
                "`{}` takes no value, found {:?}",
                predicate.as_str(),
                rest.trim()
            ));
        } else {
            None
        };
        check_types(&query, predicate, expected.as_ref())?;
        Ok(Assertion::Compare {
            query,
            predicate,
            expected,
        })
    }
}

/// Rejects combinations that could never pass, while the file is being read.
fn check_types(
    query: &Query,
    predicate: Predicate,
    expected: Option<&Expected>,
) -> Result<(), String> {
    let Some(Expected::Literal(value)) = expected else {
        return Ok(());
    };
    if predicate.is_ordering() && !value.is_number() {
        return Err(format!(
            "`{}` compares numbers; {value} is not a number",
            predicate.as_str()
        ));
    }
    if predicate == Predicate::Matches {
        let Value::String(pattern) = value else {
            return Err(format!("`matches` needs a regex in quotes, found {value}"));
        };
        if !pattern.contains("{{") {
            regex::Regex::new(pattern).map_err(|e| format!("invalid regex {pattern:?}: {e}"))?;
        }
    }
    if matches!(query, Query::Status | Query::Duration)
        && matches!(predicate, Predicate::Eq | Predicate::Ne)
        && !value.is_number()
    {
        return Err(format!("`{query}` is a number; {value} is not"));
    }
    Ok(())
}

impl Capture {
    pub fn parse(text: &str) -> Result<Capture, String> {
        let (word, rest) = first_word(text);
        if word == "regex" {
            let pattern: String = serde_json::from_str(rest.trim()).map_err(|_| {
                format!("`regex` needs a pattern in quotes, found {:?}", rest.trim())
            })?;
            regex::Regex::new(&pattern).map_err(|e| format!("invalid regex {pattern:?}: {e}"))?;
            return Ok(Capture(CaptureSource::Regex(pattern)));
        }
        let (query, rest) = Query::parse_prefix(text)?;
        if query == Query::Duration {
            return Err("`duration` cannot be captured".into());
        }
        if !rest.trim().is_empty() {
            return Err(format!("unexpected {:?} after `{query}`", rest.trim()));
        }
        Ok(Capture(CaptureSource::Query(query)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_the_issue_examples() {
        for text in [
            "status == 201",
            "jsonpath $.name == \"widget\"",
            "header Content-Type contains \"json\"",
            "duration < 1000",
            "jsonpath $.id == {{item_id}}",
            "body contains \"widget\"",
            "jsonpath $.store.book[?@.price < 10].title exists",
            "header X-Gone not exists",
            "body matches \"^\\\\{\"",
        ] {
            let parsed = Assertion::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(parsed.to_string(), text);
        }
    }

    #[test]
    fn rejects_bad_assertions_with_a_reason() {
        let cases = [
            ("stauts == 200", "unknown query"),
            ("status = 200", "unknown predicate"),
            ("status ==", "needs a value"),
            ("jsonpath $[ == 1", "invalid JSONPath"),
            ("body matches \"(\"", "invalid regex"),
            ("duration < \"fast\"", "not a number"),
            ("header Content-Type contains json", "JSON literal"),
            ("status exists 3", "takes no value"),
        ];
        for (text, reason) in cases {
            let err = Assertion::parse(text).expect_err(text);
            assert!(err.contains(reason), "{text}: {err}");
        }
    }

    #[test]
    fn lone_template_is_a_typed_variable() {
        let parsed = Assertion::parse("jsonpath $.id == {{ item_id }}").expect("parses");
        assert!(matches!(
            parsed,
            Assertion::Compare { expected: Some(Expected::Variable(ref v)), .. } if v == "item_id"
        ));
    }

    #[test]
    fn captures_round_trip() {
        for text in [
            "jsonpath $.id",
            "header Location",
            "status",
            "body",
            "regex \"id=(\\\\d+)\"",
        ] {
            let parsed = Capture::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(parsed.to_string(), text);
        }
        assert!(Capture::parse("duration").is_err());
    }
}
