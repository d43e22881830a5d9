//! How the HTTP clients reach servers, beside a batch's options: a client certificate,
//! extra trusted CAs, and a proxy. Set for the process (the CLI's `--ssl-*` options, the
//! app's network settings), never stored with a plan: a key's passphrase is a secret and
//! certificate files move. A resumed batch uses the transport of the process resuming it.

use std::path::{Path, PathBuf};

use pkcs8::der::pem::LineEnding;
use pkcs8::{EncryptedPrivateKeyInfo, SecretDocument};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Transport {
    pub client_cert: Option<ClientCertificate>,
    /// A PEM file of CA certificates trusted beside the system's.
    pub extra_ca_certs: Option<PathBuf>,
    /// None: `HTTP_PROXY`, `HTTPS_PROXY` and `NO_PROXY` from the environment, as newman
    /// and curl read them.
    pub proxy: Option<ProxySettings>,
}

/// A client certificate (PEM), its private key (PEM: PKCS#8, PKCS#1 or SEC1; in its own
/// file or after the certificate in the same one), and the key's passphrase when it is
/// an encrypted PKCS#8 key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct ClientCertificate {
    pub cert: PathBuf,
    pub key: Option<PathBuf>,
    pub passphrase: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct ProxySettings {
    /// `http://host:port`, with `user:password@` when the proxy asks for it.
    pub url: String,
    /// Hosts reached directly, in `NO_PROXY`'s syntax: `localhost, .internal, 10.0.0.0/8`.
    #[serde(default)]
    pub bypass: String,
}

impl Transport {
    /// The builder with this transport's certificates and proxy; an error names the file
    /// or setting at fault.
    pub fn apply(
        &self,
        mut builder: reqwest::ClientBuilder,
    ) -> Result<reqwest::ClientBuilder, String> {
        if let Some(path) = &self.extra_ca_certs {
            let pem = read(path, "CA certificates")?;
            let certs = reqwest::Certificate::from_pem_bundle(&pem)
                .map_err(|e| format!("CA certificates {}: {e}", path.display()))?;
            if certs.is_empty() {
                return Err(format!(
                    "CA certificates {}: no PEM certificate in the file",
                    path.display()
                ));
            }
            builder = builder.tls_certs_merge(certs);
        }
        if let Some(client) = &self.client_cert {
            builder = builder.identity(client.identity()?);
        }
        if let Some(proxy) = &self.proxy {
            let settings = reqwest::Proxy::all(proxy.url.trim())
                .map_err(|e| format!("proxy {:?}: {e}", proxy.url))?
                .no_proxy(reqwest::NoProxy::from_string(&proxy.bypass));
            builder = builder.proxy(settings);
        }
        Ok(builder)
    }
}

impl ClientCertificate {
    fn identity(&self) -> Result<reqwest::Identity, String> {
        let cert = read(&self.cert, "client certificate")?;
        let mut pem = String::from_utf8(cert).map_err(|_| {
            format!(
                "client certificate {}: not a PEM file (DER and PKCS#12 are not read)",
                self.cert.display()
            )
        })?;
        if let Some(key_path) = &self.key {
            let key = read(key_path, "client key")?;
            let key = String::from_utf8(key)
                .map_err(|_| format!("client key {}: not a PEM file", key_path.display()))?;
            pem.push('\n');
            pem.push_str(&plain_key(&key, self.passphrase.as_deref(), key_path)?);
        } else if pem.contains("ENCRYPTED") {
            let cert_path = self.cert.clone();
            pem = plain_key(&pem, self.passphrase.as_deref(), &cert_path)?;
        }
        reqwest::Identity::from_pem(pem.as_bytes()).map_err(|e| {
            format!(
                "client certificate {}: {e} (it needs a certificate and its private key)",
                self.cert.display()
            )
        })
    }
}

/// `text` with an encrypted PKCS#8 key replaced by the decrypted one.
fn plain_key(text: &str, passphrase: Option<&str>, path: &Path) -> Result<String, String> {
    const BEGIN: &str = "-----BEGIN ENCRYPTED PRIVATE KEY-----";
    const END: &str = "-----END ENCRYPTED PRIVATE KEY-----";
    if text.contains("Proc-Type: 4,ENCRYPTED") {
        return Err(format!(
            "client key {}: encrypted the legacy OpenSSL way, which is not read; convert it: openssl pkcs8 -topk8 -in KEY -out KEY.p8",
            path.display()
        ));
    }
    let (Some(start), Some(end)) = (text.find(BEGIN), text.find(END)) else {
        return Ok(text.to_owned());
    };
    let Some(passphrase) = passphrase else {
        return Err(format!(
            "client key {}: the key is encrypted: give its passphrase (--ssl-client-passphrase)",
            path.display()
        ));
    };
    let block = &text[start..end + END.len()];
    let (_, document) = SecretDocument::from_pem(block)
        .map_err(|e| format!("client key {}: {e}", path.display()))?;
    let encrypted = EncryptedPrivateKeyInfo::try_from(document.as_bytes())
        .map_err(|e| format!("client key {}: {e}", path.display()))?;
    let decrypted = encrypted.decrypt(passphrase).map_err(|_| {
        format!(
            "client key {}: the passphrase does not open it",
            path.display()
        )
    })?;
    let plain = decrypted
        .to_pem("PRIVATE KEY", LineEnding::LF)
        .map_err(|e| format!("client key {}: {e}", path.display()))?;
    Ok(format!(
        "{}{}{}",
        &text[..start],
        plain.as_str(),
        &text[end + END.len()..]
    ))
}

/// Certificates and keys are small; a path naming something huge is refused before it
/// is read into memory.
const PEM_LIMIT: u64 = 1024 * 1024;

fn read(path: &Path, what: &str) -> Result<Vec<u8>, String> {
    let size = std::fs::metadata(path)
        .map_err(|e| format!("{what} {}: {e}", path.display()))?
        .len();
    if size > PEM_LIMIT {
        return Err(format!(
            "{what} {}: {size} bytes is too large for a PEM file",
            path.display()
        ));
    }
    std::fs::read(path).map_err(|e| format!("{what} {}: {e}", path.display()))
}
