//! Walking a Postman collection's tree of items into folders and cases, in order.

use std::sync::Arc;

use apiautotest_engine::model::{Case, Collection, Folder, RequestSettings, Variables};
use serde_json::Value;

use super::ImportedCollection;
use super::auth::map_auth;
use super::behavior::map_behavior;
use super::rows::rows;
use super::scalar_text;
use super::scripts::map_events;
use crate::Unmapped;

/// Folder names join into paths with `/`, so a `/` inside a name becomes this look-alike.
const SLASH_IN_NAME: char = '\u{2215}';

pub fn read_collection(root: &Value) -> ImportedCollection {
    let name = root
        .get("info")
        .and_then(|i| i.get("name"))
        .map(scalar_text)
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "Postman collection".to_owned());
    let mut walk = Walk {
        folders: Vec::new(),
        cases: Vec::new(),
        unmapped: Vec::new(),
        documentation: 0,
        examples: 0,
    };
    // v2.1 names the list `variable`, v2.0 `variables`.
    let variables = walk.variables(
        &name,
        root.get("variable").or_else(|| root.get("variables")),
    );
    let auth = walk.auth(&name, "", root.get("auth"));
    let scripts = walk.scripts(&name, "", root.get("event"));
    walk.count_documentation(root.get("info").and_then(|i| i.get("description")));
    let settings = walk.behavior(
        &name,
        root.get("protocolProfileBehavior"),
        RequestSettings::default(),
    );
    walk.items(root.get("item"), None, "", settings);
    if walk.documentation > 0 {
        let count = walk.documentation;
        walk.note(
            &name,
            "description",
            format!("{count} description(s) are documentation and were not imported"),
        );
    }
    if walk.examples > 0 {
        let count = walk.examples;
        walk.note(
            &name,
            "response",
            format!("{count} saved response example(s) were not imported"),
        );
    }
    ImportedCollection {
        collection: Collection {
            name,
            variables,
            auth,
            scripts,
            folders: walk.folders,
            cases: walk.cases,
        },
        unmapped: walk.unmapped,
    }
}

pub(super) struct Walk {
    folders: Vec<Folder>,
    cases: Vec<Arc<Case>>,
    unmapped: Vec<Unmapped>,
    documentation: usize,
    examples: usize,
}

impl Walk {
    pub(super) fn note(&mut self, item: &str, field: &str, reason: impl Into<String>) {
        self.unmapped.push(Unmapped {
            item: item.to_owned(),
            field: field.to_owned(),
            reason: reason.into(),
        });
    }

    pub(super) fn notes(&mut self, item: &str, prefix: &str, notes: Vec<(String, String)>) {
        for (field, reason) in notes {
            self.note(item, &format!("{prefix}{field}"), reason);
        }
    }

    pub(super) fn count_documentation(&mut self, description: Option<&Value>) {
        let documented = match description {
            Some(Value::String(s)) => !s.trim().is_empty(),
            Some(Value::Object(o)) => o
                .get("content")
                .is_some_and(|c| !scalar_text(c).trim().is_empty()),
            _ => false,
        };
        if documented {
            self.documentation += 1;
        }
    }

    pub(super) fn auth(
        &mut self,
        item: &str,
        prefix: &str,
        auth: Option<&Value>,
    ) -> Option<apiautotest_engine::model::Auth> {
        let mapped = map_auth(auth);
        self.notes(item, prefix, mapped.notes);
        mapped.auth
    }

    fn scripts(
        &mut self,
        item: &str,
        prefix: &str,
        events: Option<&Value>,
    ) -> apiautotest_engine::model::Scripts {
        let (scripts, notes) = map_events(events);
        self.notes(item, prefix, notes);
        scripts
    }

    /// Collection variables: disabled ones are left out, a repeated name keeps its last
    /// enabled value (as newman resolves them).
    fn variables(&mut self, item: &str, list: Option<&Value>) -> Variables {
        let (list, skipped) = rows(list);
        if skipped > 0 {
            self.note(
                item,
                "variable",
                format!("{skipped} variable(s) without a key were left out"),
            );
        }
        let mut variables = Variables::new();
        let mut secrets = Vec::new();
        for row in list.into_iter().filter(|r| r.enabled) {
            if row.kind.as_deref() == Some("secret") {
                secrets.push(row.key.clone());
            }
            variables.insert(row.key, row.value.unwrap_or_default());
        }
        if !secrets.is_empty() {
            self.note(
                item,
                "variable",
                format!(
                    "secret collection variable(s) {} are kept as plain collection variables: \
                     move them to an environment's secret values or pass them with --secret",
                    secrets.join(", ")
                ),
            );
        }
        variables
    }

    /// Walks `items` in order: folders become folders (named by path), requests cases.
    /// The request settings an item's `protocolProfileBehavior` makes of its parent's.
    fn behavior(
        &mut self,
        shown: &str,
        value: Option<&Value>,
        inherited: RequestSettings,
    ) -> RequestSettings {
        let (settings, notes) = map_behavior(value, inherited);
        for (field, reason) in notes {
            self.note(shown, &field, reason);
        }
        settings
    }

    fn items(
        &mut self,
        items: Option<&Value>,
        folder: Option<&str>,
        shown: &str,
        inherited: RequestSettings,
    ) {
        let Some(items) = items else { return };
        let at = if shown.is_empty() {
            "(collection)"
        } else {
            shown
        };
        let Value::Array(items) = items else {
            self.note(at, "item", "expected a list of items: left out");
            return;
        };
        let mut sibling_folders: Vec<String> = Vec::new();
        for (index, item) in items.iter().enumerate() {
            let Some(object) = item.as_object() else {
                self.note(at, &format!("item[{index}]"), "not an object: left out");
                continue;
            };
            // Case names stay as written (reports show them as Postman does); folder
            // names become path steps, which have no surrounding spaces.
            let name = object
                .get("name")
                .map(scalar_text)
                .filter(|n| !n.trim().is_empty());
            if object.get("item").is_some() {
                let name = name.map_or_else(|| "Folder".to_owned(), |n| n.trim().to_owned());
                let path_name = self.folder_name(&name, &mut sibling_folders, shown);
                let path = match folder {
                    Some(parent) => format!("{parent}/{path_name}"),
                    None => path_name,
                };
                let shown_here = child(shown, &name);
                self.folder(object, &path, &shown_here);
                let settings = self.behavior(
                    &shown_here,
                    object.get("protocolProfileBehavior"),
                    inherited,
                );
                self.items(object.get("item"), Some(&path), &shown_here, settings);
            } else {
                let name = name.unwrap_or_else(|| "Request".to_owned());
                let shown_here = child(shown, &name);
                let settings = self.behavior(
                    &shown_here,
                    object.get("protocolProfileBehavior"),
                    inherited,
                );
                self.case(object, name, folder, &shown_here, settings);
            }
        }
    }

    /// A name usable as one step of a folder path: no `/`, not empty, not the same as
    /// a sibling's (Postman allows two folders of one name; paths must differ).
    fn folder_name(&mut self, name: &str, siblings: &mut Vec<String>, shown: &str) -> String {
        let mut clean = name.replace('/', &SLASH_IN_NAME.to_string());
        if clean != name {
            self.note(
                &child(shown, name),
                "name",
                format!("`/` separates folders here: the folder is named {clean:?}"),
            );
        }
        if siblings.contains(&clean) {
            let mut n = 2;
            while siblings.contains(&format!("{clean} ({n})")) {
                n += 1;
            }
            let unique = format!("{clean} ({n})");
            self.note(
                &child(shown, name),
                "name",
                format!("another folder here has this name: this one is named {unique:?}"),
            );
            clean = unique;
        }
        siblings.push(clean.clone());
        clean
    }

    /// What a folder or request item may set that the native format does not hold yet.
    fn note_item_settings(
        &mut self,
        object: &serde_json::Map<String, Value>,
        shown: &str,
        kind: &str,
    ) {
        let has_variables = object
            .get("variable")
            .is_some_and(|v| v.as_array().is_some_and(|a| !a.is_empty()));
        if has_variables {
            self.note(
                shown,
                "variable",
                format!("{kind} variables are not imported"),
            );
        }
    }

    fn folder(&mut self, object: &serde_json::Map<String, Value>, path: &str, shown: &str) {
        let auth = self.auth(shown, "", object.get("auth"));
        let scripts = self.scripts(shown, "", object.get("event"));
        self.count_documentation(object.get("description"));
        self.note_item_settings(object, shown, "folder");
        self.folders.push(Folder {
            path: path.to_owned(),
            auth,
            scripts,
        });
    }

    fn case(
        &mut self,
        object: &serde_json::Map<String, Value>,
        name: String,
        folder: Option<&str>,
        shown: &str,
        settings: RequestSettings,
    ) {
        let scripts = self.scripts(shown, "", object.get("event"));
        self.count_documentation(object.get("description"));
        if let Some(Value::Array(examples)) = object.get("response") {
            self.examples += examples.len();
        }
        self.note_item_settings(object, shown, "request");
        let Some(mut request) = self.request(object.get("request"), shown) else {
            return;
        };
        request.settings = settings;
        self.cases.push(Arc::new(Case {
            name,
            folder: folder.map(str::to_owned),
            request,
            assertions: Vec::new(),
            capture: Default::default(),
            scripts,
        }));
    }
}

/// An item's path as notes show it: names from the root, joined by ` / `.
fn child(shown: &str, name: &str) -> String {
    if shown.is_empty() {
        name.to_owned()
    } else {
        format!("{shown} / {name}")
    }
}
