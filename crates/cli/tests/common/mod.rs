//! Running the real `apiautotest` binary as a user would, against a real sandbox.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{Value, json};

pub const BIN: &str = env!("CARGO_BIN_EXE_apiautotest");

pub fn apiautotest(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .current_dir(dir)
        .args(args)
        .output()
        .expect("run apiautotest")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The JSON report a run wrote to `dir/report.json` (`--report json=report.json`).
pub fn json_report(dir: &Path) -> Value {
    let text = std::fs::read_to_string(dir.join("report.json")).expect("report.json");
    serde_json::from_str(&text).expect("the JSON report parses")
}

pub fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write file");
    path
}

/// The collection of issue 2, which must run green against the sandbox.
pub const ISSUE_EXAMPLE: &str = include_str!("../../../../docs/examples/items.yaml");

/// Checks an XML file is well-formed with Python's parser, as CI tools would read it,
/// and returns its testcase count and failure / error element counts.
pub fn junit_counts(path: &Path) -> (usize, usize, usize) {
    let script = "import sys, xml.etree.ElementTree as E\nr = E.parse(sys.argv[1]).getroot()\nc = r.findall('.//testcase')\nprint(len(c), sum(1 for x in c if x.find('failure') is not None), sum(1 for x in c if x.find('error') is not None))";
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(path)
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "invalid XML: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let n: Vec<usize> = text
        .split_whitespace()
        .map(|x| x.parse().expect("number"))
        .collect();
    (n[0], n[1], n[2])
}

/// A v2.1 collection touching what real files use: a collection variable the environment
/// overrides, auth inherited from the collection and a folder and stopped by `noauth`,
/// path variables, disabled query and header rows, headers as one string, and bodies.
pub fn shop_postman_collection() -> Value {
    json!({
        "info": {
            "name": "shop",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
        },
        "variable": [
            {"key": "base", "value": "http://collection.invalid"},
            {"key": "page", "value": "7"},
            {"key": "off", "value": "x", "disabled": true}
        ],
        "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{token}}", "type": "string"}]},
        "item": [
            {
                "name": "read user",
                "request": {
                    "method": "GET",
                    "header": [
                        {"key": "Accept", "value": "application/json"},
                        {"key": "X-Off", "value": "1", "disabled": true}
                    ],
                    "url": {
                        "raw": "{{base}}/echo/users/:id?page={{page}}&debug=1",
                        "host": ["{{base}}"],
                        "path": ["echo", "users", ":id"],
                        "query": [
                            {"key": "page", "value": "{{page}}"},
                            {"key": "debug", "value": "1", "disabled": true}
                        ],
                        "variable": [{"key": "id", "value": "42"}]
                    }
                }
            },
            {
                "name": "admin",
                "auth": {"type": "basic", "basic": [
                    {"key": "username", "value": "root"}, {"key": "password", "value": "{{root_pw}}"}
                ]},
                "item": [
                    {
                        "name": "create item",
                        "request": {
                            "method": "POST",
                            "header": "X-Trace: abc\n// X-Skip: 1",
                            "body": {"mode": "raw", "raw": "{\"name\": \"{{item}}\"}", "options": {"raw": {"language": "json"}}},
                            "url": "{{base}}/echo/items"
                        }
                    },
                    {
                        "name": "public form",
                        "request": {
                            "method": "POST",
                            "auth": {"type": "noauth"},
                            "body": {"mode": "urlencoded", "urlencoded": [
                                {"key": "q", "value": "a b"},
                                {"key": "hidden", "value": "1", "disabled": true}
                            ]},
                            "url": "{{base}}/echo/form"
                        }
                    },
                    {
                        "name": "graph",
                        "request": {
                            "method": "POST",
                            "body": {"mode": "graphql", "graphql": {"query": "{ item(id: 1) { name } }", "variables": ""}},
                            "url": "{{base}}/echo/graphql"
                        }
                    }
                ]
            }
        ]
    })
}
