//! Proxies from the environment, as newman and curl read them: `HTTP_PROXY` sends a
//! request through the proxy, `NO_PROXY` sends it direct. The sandbox plays the proxy: a
//! request for `http://api.example.invalid/echo` reaches it in absolute form, and its
//! `/echo` answers with the Host the request was for (a name that cannot resolve, so the
//! answer can only have come through the proxy).

mod common;

use std::path::Path;
use std::process::{Command, Output};

use apiautotest_sandbox::Sandbox;
use common::{BIN, json_report, stderr, stdout, write};

fn run_with_env(dir: &Path, file: &Path, env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(BIN);
    command.current_dir(dir).args([
        "run",
        &file.display().to_string(),
        "--report",
        "json=report.json",
    ]);
    for name in [
        "HTTP_PROXY",
        "http_proxy",
        "HTTPS_PROXY",
        "https_proxy",
        "ALL_PROXY",
        "all_proxy",
        "NO_PROXY",
        "no_proxy",
    ] {
        command.env_remove(name);
    }
    command.envs(env.iter().copied());
    command.output().expect("run apiautotest")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn http_proxy_carries_requests_and_no_proxy_bypasses_it() {
    let proxy = Sandbox::start(0).await.expect("proxy");
    let target = Sandbox::start(0).await.expect("target");
    let dir = tempfile::tempdir().expect("dir");
    let file = write(
        dir.path(),
        "proxied.yaml",
        &format!(
            "name: proxied
cases:
  - name: through the proxy
    request: {{method: GET, url: 'http://api.example.invalid/echo?x=1'}}
    assert: ['status == 200', 'jsonpath $.headers.host == \"api.example.invalid\"', 'jsonpath $.query.x == \"1\"']
  - name: direct
    request: {{method: GET, url: '{}/status/204'}}
    assert: ['status == 204']
",
            target.base_url()
        ),
    );
    let proxy_url = proxy.base_url();
    let out = run_with_env(
        dir.path(),
        &file,
        &[("HTTP_PROXY", &proxy_url), ("NO_PROXY", "127.0.0.1")],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert_eq!(
        proxy.hits("/echo"),
        1,
        "the proxied request reached the proxy"
    );
    assert_eq!(proxy.hits("/status/204"), 0, "NO_PROXY went direct");
    assert_eq!(target.hits("/status/204"), 1);

    // Without the proxy, the invented host does not resolve: a DNS error, not a pass.
    let out = run_with_env(dir.path(), &file, &[]);
    assert_eq!(out.status.code(), Some(3), "{}", stdout(&out));
    let report = json_report(dir.path());
    assert_eq!(report["results"][0]["error"]["kind"], "dns", "{report}");
    proxy.shutdown().await;
    target.shutdown().await;
}
