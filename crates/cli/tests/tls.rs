//! Client certificates and extra CAs, as newman's `--ssl-*` options, against a real TLS
//! server: `openssl s_server` (Debian's openssl), which asks for a client certificate and
//! answers each request with a page that names the certificate it was given. The CA, the
//! server's and the client's certificates are made by `openssl` too, for each test.

mod common;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{apiautotest, json_report, stderr, stdout, write};

const PASSPHRASE: &str = "correct horse";

fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("openssl (Debian package openssl; scripts/setup.sh installs it)");
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A CA; a server certificate for 127.0.0.1 and a client certificate, both signed by it;
/// the client key also encrypted (PKCS#8, AES-256, PBKDF2) with [`PASSPHRASE`].
fn make_certificates(dir: &Path) {
    let ec = [
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
    ];
    let mut ca = vec![
        "req", "-x509", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
    ];
    ca.extend(ec);
    ca.extend(["-subj", "/CN=apiautotest test CA"]);
    openssl(dir, &ca);
    // Extensions make them X.509 v3 certificates, which is all rustls accepts.
    std::fs::write(
        dir.join("server.ext"),
        "subjectAltName=IP:127.0.0.1,DNS:localhost\n",
    )
    .expect("ext");
    std::fs::write(dir.join("client.ext"), "extendedKeyUsage=clientAuth\n").expect("ext");
    for (name, subject, extensions) in [
        ("server", "/CN=localhost", "server.ext"),
        ("client", "/CN=apiautotest-client", "client.ext"),
    ] {
        let key = format!("{name}.key");
        let csr = format!("{name}.csr");
        let pem = format!("{name}.pem");
        let mut request = vec!["req", "-keyout", &key, "-out", &csr, "-subj", subject];
        request.extend(ec);
        openssl(dir, &request);
        let sign = [
            "x509",
            "-req",
            "-in",
            &csr,
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            &pem,
            "-days",
            "2",
            "-extfile",
            extensions,
        ];
        openssl(dir, &sign);
    }
    openssl(
        dir,
        &[
            "pkcs8",
            "-topk8",
            "-v2",
            "aes-256-cbc",
            "-in",
            "client.key",
            "-out",
            "client-encrypted.key",
            "-passout",
            &format!("pass:{PASSPHRASE}"),
        ],
    );
}

/// `openssl s_server -www` on a free port: it asks for (without requiring) a client
/// certificate and answers every GET with its session, the client certificate included.
struct TlsServer {
    child: Child,
    port: u16,
}

impl TlsServer {
    fn start(dir: &Path) -> TlsServer {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("free port");
        let child = Command::new("openssl")
            .current_dir(dir)
            .args([
                "s_server",
                "-accept",
                &format!("127.0.0.1:{port}"),
                "-cert",
                "server.pem",
                "-key",
                "server.key",
                "-CAfile",
                "ca.pem",
                "-verify",
                "1",
                "-www",
                "-quiet",
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("openssl s_server");
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "s_server did not listen"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        TlsServer { child, port }
    }
}

impl Drop for TlsServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn setup() -> (tempfile::TempDir, TlsServer, PathBuf) {
    let dir = tempfile::tempdir().expect("dir");
    make_certificates(dir.path());
    let server = TlsServer::start(dir.path());
    let collection = write(
        dir.path(),
        "tls.yaml",
        &format!(
            "name: tls\ncases:\n  - name: who am I\n    request: {{method: GET, url: 'https://127.0.0.1:{}/'}}\n    assert: ['status == 200']\n",
            server.port
        ),
    );
    (dir, server, collection)
}

/// The page s_server answered with, from the JSON report.
fn answered_page(dir: &Path) -> String {
    let report = json_report(dir);
    let body = &report["results"][0]["response"]["body"];
    body.as_str()
        .map(str::to_owned)
        .unwrap_or_else(|| body.to_string())
}

#[test]
fn a_client_certificate_is_presented_and_an_extra_ca_trusted() {
    let (dir, _server, collection) = setup();
    let file = collection.display().to_string();
    let out = apiautotest(
        dir.path(),
        &[
            "run",
            &file,
            "--ssl-extra-ca-certs",
            "ca.pem",
            "--ssl-client-cert",
            "client.pem",
            "--ssl-client-key",
            "client.key",
            "--report",
            "json=report.json",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let page = answered_page(dir.path());
    assert!(page.contains("apiautotest-client"), "{page}");
}

#[test]
fn an_encrypted_key_opens_with_its_passphrase_and_says_so_without_it() {
    let (dir, _server, collection) = setup();
    let file = collection.display().to_string();
    let base = [
        "run",
        &file,
        "--ssl-extra-ca-certs",
        "ca.pem",
        "--ssl-client-cert",
        "client.pem",
        "--ssl-client-key",
        "client-encrypted.key",
        "--report",
        "json=report.json",
    ];
    let mut with_passphrase = base.to_vec();
    with_passphrase.extend(["--ssl-client-passphrase", PASSPHRASE]);
    let out = apiautotest(dir.path(), &with_passphrase);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(answered_page(dir.path()).contains("apiautotest-client"));

    let out = apiautotest(dir.path(), &base);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("the key is encrypted: give its passphrase"),
        "{}",
        stderr(&out)
    );
    let mut wrong = base.to_vec();
    wrong.extend(["--ssl-client-passphrase", "wrong"]);
    let out = apiautotest(dir.path(), &wrong);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("the passphrase does not open it"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn without_the_ca_the_server_is_not_trusted_and_k_skips_the_check() {
    let (dir, _server, collection) = setup();
    let file = collection.display().to_string();
    let out = apiautotest(dir.path(), &["run", &file, "--report", "json=report.json"]);
    assert_eq!(out.status.code(), Some(3), "{}", stdout(&out));
    let report = json_report(dir.path());
    assert_eq!(report["results"][0]["error"]["kind"], "tls", "{report}");

    // One request may skip the check on its own (Postman's strictSSL: false).
    let lenient = write(
        dir.path(),
        "lenient.yaml",
        &std::fs::read_to_string(&collection)
            .expect("collection")
            .replace("url: 'https", "settings: {verify_tls: false}, url: 'https"),
    );
    let out = apiautotest(dir.path(), &["run", &lenient.display().to_string()]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));

    // -k: no CA needed, and no certificate given: the server says it got none.
    let out = apiautotest(
        dir.path(),
        &["run", &file, "-k", "--report", "json=report.json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let page = answered_page(dir.path());
    assert!(page.contains("no client certificate available"), "{page}");
}

#[test]
fn missing_or_wrong_files_are_named_before_anything_runs() {
    let dir = tempfile::tempdir().expect("dir");
    let collection = write(
        dir.path(),
        "c.yaml",
        "name: c\ncases:\n  - name: a\n    request: {method: GET, url: 'https://127.0.0.1:9/'}\n",
    );
    write(dir.path(), "not-a-cert.pem", "hello\n");
    let file = collection.display().to_string();
    let db = dir.path().join("runs.db").display().to_string();
    for (args, expected) in [
        (
            vec!["--ssl-client-cert", "missing.pem"],
            "client certificate missing.pem",
        ),
        (
            vec!["--ssl-extra-ca-certs", "not-a-cert.pem"],
            "CA certificates not-a-cert.pem",
        ),
        (
            vec!["--ssl-client-cert", "not-a-cert.pem"],
            "client certificate not-a-cert.pem",
        ),
    ] {
        let mut all = vec!["run", file.as_str(), "--db", db.as_str()];
        all.extend(args);
        let out = apiautotest(dir.path(), &all);
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        assert!(stderr(&out).contains(expected), "{}", stderr(&out));
    }
    // Nothing was stored: the batch never started.
    let out = apiautotest(dir.path(), &["batches", "--db", &db, "--json"]);
    assert_eq!(stdout(&out).trim(), "[]", "{}", stdout(&out));
}
