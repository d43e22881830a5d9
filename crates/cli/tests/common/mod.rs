//! Running the real `apiautotest` binary as a user would, against a real sandbox.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

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
