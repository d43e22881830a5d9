//! OAuth 1.0a request signing (RFC 5849 section 3): the `oauth_*` parameters of one
//! request, its signature included.

use base64::Engine as _;
use hmac::{Hmac, Mac};
use sha1::Sha1;
use sha2::Sha256;

use crate::model::OAuth1Signature;

/// The rendered credentials and settings of one signature.
pub struct Signer<'a> {
    pub consumer_key: &'a str,
    pub consumer_secret: &'a str,
    pub token: &'a str,
    pub token_secret: &'a str,
    pub method: OAuth1Signature,
    pub timestamp: &'a str,
    pub nonce: &'a str,
}

impl Signer<'_> {
    /// The protocol parameters to send, in Postman's order, `oauth_signature` last. `form` is the request's
    /// body when it is `application/x-www-form-urlencoded` (its pairs are signed too).
    pub fn sign(
        &self,
        http_method: &str,
        url: &url::Url,
        form: Option<&[u8]>,
    ) -> Vec<(String, String)> {
        // Postman's order (the signature base sorts them; servers and logs see this one).
        let mut protocol = vec![(
            "oauth_consumer_key".to_owned(),
            self.consumer_key.to_owned(),
        )];
        if !self.token.is_empty() {
            protocol.push(("oauth_token".to_owned(), self.token.to_owned()));
        }
        protocol.extend([
            (
                "oauth_signature_method".to_owned(),
                method_name(self.method).to_owned(),
            ),
            ("oauth_timestamp".to_owned(), self.timestamp.to_owned()),
            ("oauth_nonce".to_owned(), self.nonce.to_owned()),
            ("oauth_version".to_owned(), "1.0".to_owned()),
        ]);

        let key = format!(
            "{}&{}",
            encode(self.consumer_secret),
            encode(self.token_secret)
        );
        let signature = match self.method {
            OAuth1Signature::Plaintext => key,
            OAuth1Signature::HmacSha1 | OAuth1Signature::HmacSha256 => {
                let base = base_string(http_method, url, form, &protocol);
                let digest = match self.method {
                    OAuth1Signature::HmacSha256 => hmac::<Hmac<Sha256>>(&key, &base),
                    _ => hmac::<Hmac<Sha1>>(&key, &base),
                };
                base64::engine::general_purpose::STANDARD.encode(digest)
            }
        };
        protocol.push(("oauth_signature".to_owned(), signature));
        protocol
    }
}

/// `OAuth realm="...", oauth_consumer_key="...", ...` (3.5.1).
pub fn header(realm: &str, params: &[(String, String)]) -> String {
    let mut parts = Vec::with_capacity(params.len() + 1);
    if !realm.is_empty() {
        parts.push(format!("realm=\"{}\"", encode(realm)));
    }
    parts.extend(
        params
            .iter()
            .map(|(name, value)| format!("{}=\"{}\"", encode(name), encode(value))),
    );
    format!("OAuth {}", parts.join(", "))
}

fn method_name(method: OAuth1Signature) -> &'static str {
    match method {
        OAuth1Signature::HmacSha1 => "HMAC-SHA1",
        OAuth1Signature::HmacSha256 => "HMAC-SHA256",
        OAuth1Signature::Plaintext => "PLAINTEXT",
    }
}

fn hmac<M: Mac + hmac::digest::KeyInit>(key: &str, text: &str) -> Vec<u8> {
    // HMAC takes keys of any length: `new_from_slice` cannot fail for it.
    match <M as hmac::digest::KeyInit>::new_from_slice(key.as_bytes()) {
        Ok(mut mac) => {
            mac.update(text.as_bytes());
            mac.finalize().into_bytes().to_vec()
        }
        Err(_) => Vec::new(),
    }
}

/// The signature base string (3.4.1): method, base URI and the normalized parameters
/// (query, form body and protocol parameters, sorted by encoded name then value).
fn base_string(
    http_method: &str,
    url: &url::Url,
    form: Option<&[u8]>,
    protocol: &[(String, String)],
) -> String {
    let mut pairs: Vec<(String, String)> = url
        .query_pairs()
        .map(|(k, v)| (encode(&k), encode(&v)))
        .collect();
    if let Some(form) = form {
        pairs.extend(url::form_urlencoded::parse(form).map(|(k, v)| (encode(&k), encode(&v))));
    }
    pairs.extend(protocol.iter().map(|(k, v)| (encode(k), encode(v))));
    pairs.sort();
    let normalized = pairs
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&");
    format!(
        "{}&{}&{}",
        http_method.to_ascii_uppercase(),
        encode(&base_uri(url)),
        encode(&normalized)
    )
}

/// Scheme and host in lower case, the port only when it is not the scheme's default, the
/// path; no query, no fragment (3.4.1.2).
fn base_uri(url: &url::Url) -> String {
    let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
    let port = match url.port() {
        Some(port) => format!(":{port}"),
        None => String::new(),
    };
    format!("{}://{host}{port}{}", url.scheme(), url.path())
}

/// RFC 3986 percent-encoding of everything but the unreserved characters (3.6).
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signature(params: &[(String, String)]) -> &str {
        params
            .iter()
            .find(|(k, _)| k == "oauth_signature")
            .map(|(_, v)| v.as_str())
            .unwrap_or_default()
    }

    /// The worked example of Twitter's "Creating a signature" guide, a widely checked
    /// HMAC-SHA1 vector: query and form parameters are signed with the protocol ones.
    #[test]
    fn signs_the_well_known_twitter_example() {
        let signer = Signer {
            consumer_key: "xvz1evFS4wEEPTGEFPHBog",
            consumer_secret: "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
            token: "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
            token_secret: "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE",
            method: OAuth1Signature::HmacSha1,
            timestamp: "1318622958",
            nonce: "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg",
        };
        let url = url::Url::parse(
            "https://api.twitter.com/1.1/statuses/update.json?include_entities=true",
        )
        .expect("url");
        let form = b"status=Hello%20Ladies%20%2b%20Gentlemen%2c%20a%20signed%20OAuth%20request%21";
        let params = signer.sign("POST", &url, Some(form));
        assert_eq!(signature(&params), "hCtSmYh+iHYCEqBWrE7C7hYmtUk=");
    }

    #[test]
    fn plaintext_is_the_encoded_secrets_joined() {
        let signer = Signer {
            consumer_key: "k",
            consumer_secret: "c s",
            token: "",
            token_secret: "",
            method: OAuth1Signature::Plaintext,
            timestamp: "1",
            nonce: "n",
        };
        let url = url::Url::parse("http://example.com/").expect("url");
        let params = signer.sign("GET", &url, None);
        assert_eq!(signature(&params), "c%20s&");
        assert!(
            params.iter().all(|(k, _)| k != "oauth_token"),
            "no token, no oauth_token"
        );
    }

    #[test]
    fn the_base_uri_drops_default_ports_and_lowercases_the_host() {
        let url = url::Url::parse("HTTP://Example.COM:80/r%20v/X?id=123").expect("url");
        assert_eq!(base_uri(&url), "http://example.com/r%20v/X");
        let url = url::Url::parse("https://www.example.net:8080/?q=1").expect("url");
        assert_eq!(base_uri(&url), "https://www.example.net:8080/");
    }

    #[test]
    fn the_header_encodes_every_value() {
        let header = header("Photos", &[("oauth_signature".into(), "a+b=".into())]);
        assert_eq!(
            header,
            "OAuth realm=\"Photos\", oauth_signature=\"a%2Bb%3D\""
        );
    }
}
