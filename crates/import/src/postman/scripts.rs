//! Postman's `event` lists (pre-request and test scripts) into the native `scripts`.

use apiautotest_engine::model::Scripts;
use serde_json::Value;

use super::scalar_text;

pub fn map_events(events: Option<&Value>) -> (Scripts, Vec<(String, String)>) {
    let mut scripts = Scripts::default();
    let mut notes = Vec::new();
    let Some(Value::Array(events)) = events else {
        return (scripts, notes);
    };
    for event in events {
        let listen = event.get("listen").and_then(Value::as_str).unwrap_or("");
        if event.get("disabled").and_then(Value::as_bool) == Some(true) {
            continue;
        }
        let slot = match listen {
            "prerequest" => &mut scripts.pre,
            "test" => &mut scripts.test,
            other => {
                notes.push((
                    "event".into(),
                    format!("a script for {other:?} is not run (only prerequest and test are)"),
                ));
                continue;
            }
        };
        let script = event.get("script");
        if script
            .and_then(|s| s.get("src"))
            .is_some_and(|s| !s.is_null())
        {
            notes.push((
                format!("event.{listen}.script.src"),
                "a script loaded from elsewhere is not fetched".into(),
            ));
        }
        let text = match script.and_then(|s| s.get("exec")) {
            Some(Value::Array(lines)) => {
                lines.iter().map(scalar_text).collect::<Vec<_>>().join("\n")
            }
            Some(other) => scalar_text(other),
            None => String::new(),
        };
        if text.trim().is_empty() {
            continue;
        }
        match slot {
            Some(existing) => {
                // Postman runs each in turn; one after the other in one script is the
                // same unless both declare the same top-level `let`/`const`.
                notes.push((
                    format!("event.{listen}"),
                    "several scripts for one event were joined into one".into(),
                ));
                existing.push('\n');
                existing.push_str(&text);
            }
            None => *slot = Some(text),
        }
    }
    (scripts, notes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn lines_join_and_listeners_split() {
        let (scripts, notes) = map_events(Some(&json!([
            {"listen": "prerequest", "script": {"exec": ["var a = 1;", "pm.variables.set('a', a);"], "type": "text/javascript"}},
            {"listen": "test", "script": {"exec": "pm.test('ok', () => {});"}},
            {"listen": "test", "script": {"exec": [""]}},
            {"listen": "test", "disabled": true, "script": {"exec": ["nope()"]}}
        ])));
        assert_eq!(
            scripts.pre.as_deref(),
            Some("var a = 1;\npm.variables.set('a', a);")
        );
        assert_eq!(scripts.test.as_deref(), Some("pm.test('ok', () => {});"));
        assert!(notes.is_empty(), "{notes:?}");
    }

    #[test]
    fn doubles_and_strangers_are_noted() {
        let (scripts, notes) = map_events(Some(&json!([
            {"listen": "test", "script": {"exec": ["a()"]}},
            {"listen": "test", "script": {"exec": ["b()"]}},
            {"listen": "beforeQuery", "script": {"exec": ["c()"]}}
        ])));
        assert_eq!(scripts.test.as_deref(), Some("a()\nb()"));
        assert_eq!(notes.len(), 2, "{notes:?}");
    }
}
