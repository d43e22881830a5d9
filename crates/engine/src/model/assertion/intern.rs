//! Sharing identical assertions while a collection file is read.
//!
//! Large collections repeat the same assertion lines (`status == 200`,
//! `jsonpath $.ok == true`) thousands of times. While `interning` runs, each distinct line
//! is parsed once and every case holds the same `Arc`: a 100k-case plan then costs a
//! pointer per assertion instead of a parsed copy, and the file reads faster. Outside
//! `interning` (a stored snapshot, a test), every assertion is parsed on its own.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

use super::Assertion;

thread_local! {
    static SHARED: RefCell<Option<HashMap<String, Arc<Assertion>>>> = const { RefCell::new(None) };
}

/// Runs `read` with identical assertion lines shared. Not re-entrant (one file at a time
/// per thread), which is how collection files are read.
pub fn interning<T>(read: impl FnOnce() -> T) -> T {
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            SHARED.with(|s| s.borrow_mut().take());
        }
    }
    SHARED.with(|s| *s.borrow_mut() = Some(HashMap::new()));
    let _reset = Reset;
    read()
}

fn parse_line(text: &str) -> Result<Arc<Assertion>, String> {
    let found = SHARED.with(|s| s.borrow().as_ref().and_then(|m| m.get(text).cloned()));
    if let Some(shared) = found {
        return Ok(shared);
    }
    let parsed = Arc::new(Assertion::parse(text)?);
    SHARED.with(|s| {
        if let Some(map) = s.borrow_mut().as_mut() {
            map.insert(text.to_owned(), parsed.clone());
        }
    });
    Ok(parsed)
}

/// One entry of an `assert:` list.
struct Entry(Arc<Assertion>);

impl<'de> Deserialize<'de> for Entry {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct EntryVisitor;
        impl<'de> Visitor<'de> for EntryVisitor {
            type Value = Entry;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(
                    "an assertion such as `status == 200`, or a map with `schema` or `schema_file`",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Entry, E> {
                parse_line(v).map(Entry).map_err(E::custom)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Entry, A::Error> {
                Assertion::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(|a| Entry(Arc::new(a)))
            }
        }
        d.deserialize_any(EntryVisitor)
    }
}

/// `deserialize_with` for a case's `assert:` list.
pub fn assertions<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Arc<Assertion>>, D::Error> {
    struct ListVisitor;
    impl<'de> Visitor<'de> for ListVisitor {
        type Value = Vec<Arc<Assertion>>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a list of assertions")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut list = Vec::with_capacity(seq.size_hint().unwrap_or(4));
            while let Some(Entry(a)) = seq.next_element()? {
                list.push(a);
            }
            Ok(list)
        }
    }
    d.deserialize_seq(ListVisitor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_lines_share_one_parse_only_while_interning() {
        let json = r#"["status == 200", "status == 200", "body contains \"x\""]"#;
        let read = || -> Vec<Arc<Assertion>> {
            let mut d = serde_json::Deserializer::from_str(json);
            assertions(&mut d).expect("parses")
        };
        let shared = interning(read);
        assert!(Arc::ptr_eq(&shared[0], &shared[1]));
        assert!(!Arc::ptr_eq(&shared[0], &shared[2]));
        let separate = read();
        assert!(!Arc::ptr_eq(&separate[0], &separate[1]));
    }
}
