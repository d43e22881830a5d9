//! Scripts a collection, folder or case runs around its request: JavaScript written for
//! Postman's `pm` API (pre-request and test scripts), run by the script runtime.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

/// The scripts of one level of the tree. Postman's order applies when a case runs: the
/// collection's pre-request script, then each enclosing folder's from the outermost in,
/// then the case's own; after the response the test scripts in the same order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(deny_unknown_fields)]
pub struct Scripts {
    /// Runs before the request is rendered and sent; may change the request and variables.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub pre: Option<String>,
    /// Runs after the response; each `pm.test` is an assertion outcome of the result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub test: Option<String>,
}

impl Scripts {
    /// True when neither script holds anything but white space.
    pub fn is_empty(&self) -> bool {
        let blank = |s: &Option<String>| s.as_deref().is_none_or(|s| s.trim().is_empty());
        blank(&self.pre) && blank(&self.test)
    }
}

/// The scripts above a collection's cases (the collection's own and each folder's),
/// frozen with a batch's plan so a resumed batch runs what the original would have.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InheritedScripts {
    #[serde(default, skip_serializing_if = "Scripts::is_empty")]
    pub collection: Scripts,
    /// By folder path; only folders that have scripts.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub folders: IndexMap<String, Scripts>,
}

/// Which script of the chain a script is, for messages: `collection`, `folder admin`,
/// `case "login"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainedScript<'a> {
    pub origin: String,
    pub code: &'a str,
}

impl InheritedScripts {
    pub fn of(collection: &super::Collection) -> InheritedScripts {
        InheritedScripts {
            collection: collection.scripts.clone(),
            folders: collection
                .folders
                .iter()
                .filter(|f| !f.scripts.is_empty())
                .map(|f| (f.path.clone(), f.scripts.clone()))
                .collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.collection.is_empty() && self.folders.is_empty()
    }

    /// The scripts a case runs before its request (`pre`) or after its response, in
    /// Postman's order: the collection's, each folder's from the outermost in, the case's.
    pub fn chain<'a>(&'a self, case: &'a super::Case, pre: bool) -> Vec<ChainedScript<'a>> {
        let pick = |scripts: &'a Scripts| {
            let code = if pre { &scripts.pre } else { &scripts.test };
            code.as_deref().filter(|c| !c.trim().is_empty())
        };
        let mut chain = Vec::new();
        if let Some(code) = pick(&self.collection) {
            chain.push(ChainedScript {
                origin: "collection".into(),
                code,
            });
        }
        if let Some(folder) = &case.folder {
            let mut end = 0;
            // Each enclosing path, outermost first: `a`, `a/b`, `a/b/c`.
            while end < folder.len() {
                end = folder[end..].find('/').map_or(folder.len(), |i| end + i);
                let path = &folder[..end];
                if let Some(code) = self.folders.get(path).and_then(pick) {
                    chain.push(ChainedScript {
                        origin: format!("folder {path:?}"),
                        code,
                    });
                }
                end += 1;
            }
        }
        if let Some(code) = pick(&case.scripts) {
            chain.push(ChainedScript {
                origin: format!("case {:?}", case.name),
                code,
            });
        }
        chain
    }
}

/// A line a script printed with `console.log` (or `info`, `warn`, `error`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct ConsoleLine {
    pub level: String,
    pub text: String,
}

/// A variable a script set (`value`) or unset (no value), in one of Postman's scopes:
/// `globals`, `collectionVariables`, `environment` or `variables`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct VariableChange {
    pub scope: String,
    pub name: String,
    #[cfg_attr(feature = "ts", ts(type = "unknown"))]
    pub value: Option<serde_json::Value>,
}

/// What a case's scripts left besides their tests: kept with its result.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct ScriptRecord {
    pub console: Vec<ConsoleLine>,
    /// In the order they were made; a resumed batch replays them.
    pub changes: Vec<VariableChange>,
}
