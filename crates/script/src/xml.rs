//! `xml2Json(text)` of Postman's legacy interface: XML read into the JSON shape that
//! xml2js gives with the options postman-sandbox passes (`explicitArray: false`,
//! `trim: true`, `mergeAttrs: false`), which is what scripts index into:
//!
//! - the root element is the one key of the result (`{"slideshow": ...}`);
//! - an element with only text is that text (`""` when empty);
//! - attributes go under `"$"`, and then text, if any, under `"_"`;
//! - children go under their names, one child as a value, repeated ones as a list;
//! - names keep their prefixes (`soap:Envelope`), CDATA is text, comments are dropped.
//!
//! A document that does not parse gives `undefined`, as postman-sandbox's swallowed
//! error does.

use roxmltree::{Document, Node, ParsingOptions};
use serde_json::{Map, Value};

/// Documents larger than this are not parsed (scripts read API responses, and a few MB of
/// XML already makes a JSON tree many times its size).
const XML_LIMIT: usize = 16 * 1024 * 1024;

pub fn xml_to_json(text: &str) -> Option<Value> {
    if text.len() > XML_LIMIT {
        return None;
    }
    let options = ParsingOptions {
        allow_dtd: true,
        ..ParsingOptions::default()
    };
    let document = Document::parse_with_options(text, options).ok()?;
    let root = document.root_element();
    let mut out = Map::new();
    out.insert(qualified_name(root), element(root));
    Some(Value::Object(out))
}

/// The name as written in the document: with its prefix, if it had one.
fn qualified_name(node: Node<'_, '_>) -> String {
    let tag = node.tag_name();
    match tag
        .namespace()
        .and_then(|ns| node.lookup_prefix(ns))
        .filter(|p| !p.is_empty())
    {
        Some(prefix) => format!("{prefix}:{}", tag.name()),
        None => tag.name().to_owned(),
    }
}

fn element(node: Node<'_, '_>) -> Value {
    let mut attributes = Map::new();
    // Namespace declarations are attributes to xml2js too.
    for ns in node.namespaces() {
        let declared_here = node
            .parent_element()
            .is_none_or(|parent| !parent.namespaces().any(|p| p == ns));
        if declared_here {
            let name = match ns.name() {
                Some(prefix) => format!("xmlns:{prefix}"),
                None => "xmlns".to_owned(),
            };
            attributes.insert(name, Value::String(ns.uri().to_owned()));
        }
    }
    for attribute in node.attributes() {
        let name = match attribute
            .namespace()
            .and_then(|ns| node.lookup_prefix(ns))
            .filter(|p| !p.is_empty())
        {
            Some(prefix) => format!("{prefix}:{}", attribute.name()),
            None => attribute.name().to_owned(),
        };
        attributes.insert(name, Value::String(attribute.value().to_owned()));
    }

    // Children by name in the order they first appear, each name's values in order.
    let mut text = String::new();
    let mut children: Vec<(String, Vec<Value>)> = Vec::new();
    for child in node.children() {
        if child.is_element() {
            let name = qualified_name(child);
            let value = element(child);
            match children.iter_mut().find(|(n, _)| *n == name) {
                Some((_, values)) => values.push(value),
                None => children.push((name, vec![value])),
            }
        } else if child.is_text() {
            text.push_str(child.text().unwrap_or_default());
        }
    }

    let blank = text.trim().is_empty();
    if attributes.is_empty() && children.is_empty() {
        // xml2js trims text, but keeps a whitespace-only text as it was.
        return Value::String(if blank { text } else { text.trim().to_owned() });
    }
    // xml2js's key order: the text (made when the element opens), its attributes, then
    // the children.
    let mut object = Map::new();
    if !blank {
        object.insert("_".to_owned(), Value::String(text.trim().to_owned()));
    }
    if !attributes.is_empty() {
        object.insert("$".to_owned(), Value::Object(attributes));
    }
    for (name, mut values) in children {
        let value = if values.len() == 1 {
            values.pop().unwrap_or(Value::Null)
        } else {
            Value::Array(values)
        };
        object.insert(name, value);
    }
    Value::Object(object)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn elements_attributes_text_and_repeated_children() {
        let xml = r#"<?xml version="1.0"?>
            <!-- a comment -->
            <slideshow title="Sample" author="Yours Truly">
              <slide type="all"><title>Wake up!</title></slide>
              <slide type="all">
                <title>Overview</title>
                <item>Why <em>WonderWidgets</em> are great</item>
                <item/>
              </slide>
            </slideshow>"#;
        assert_eq!(
            xml_to_json(xml),
            Some(json!({"slideshow": {
                "$": {"title": "Sample", "author": "Yours Truly"},
                "slide": [
                    {"$": {"type": "all"}, "title": "Wake up!"},
                    {"$": {"type": "all"}, "title": "Overview",
                     "item": [{"_": "Why  are great", "em": "WonderWidgets"}, ""]}
                ]
            }}))
        );
    }

    #[test]
    fn three_or_more_repeats_stay_one_list() {
        let xml = "<r><n>1</n><n>2</n><n>3</n><n>4</n></r>";
        assert_eq!(
            xml_to_json(xml),
            Some(json!({"r": {"n": ["1", "2", "3", "4"]}}))
        );
    }

    #[test]
    fn prefixes_cdata_and_text_with_attributes() {
        let xml = r#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
            <soap:Body><price currency="EUR"> 12.50 </price><note><![CDATA[a < b]]></note></soap:Body>
        </soap:Envelope>"#;
        assert_eq!(
            xml_to_json(xml),
            Some(json!({"soap:Envelope": {
                "$": {"xmlns:soap": "http://schemas.xmlsoap.org/soap/envelope/"},
                "soap:Body": {"price": {"$": {"currency": "EUR"}, "_": "12.50"}, "note": "a < b"}
            }}))
        );
    }

    #[test]
    fn what_does_not_parse_is_none() {
        for text in ["", "not xml", "<a><b></a>", "<a>&undefined;</a>"] {
            assert_eq!(xml_to_json(text), None, "{text:?}");
        }
        let huge = format!("<a>{}</a>", "x".repeat(XML_LIMIT));
        assert_eq!(xml_to_json(&huge), None);
    }
}
