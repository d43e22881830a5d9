//! HTTP Digest authentication (RFC 7616, with the RFC 2617 forms servers still send): a
//! `WWW-Authenticate: Digest ...` challenge read, and the `Authorization` that answers it.

use md5::Md5;
use sha2::{Digest as _, Sha256, Sha512_256};

/// What a server's challenge asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Challenge {
    pub realm: String,
    pub nonce: String,
    pub opaque: Option<String>,
    pub algorithm: Algorithm,
    /// The `-sess` variant: the first hash also covers the nonces.
    pub session: bool,
    /// None: the RFC 2069 form, without `qop`, `nc` and `cnonce`.
    pub qop: Option<Qop>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Algorithm {
    Md5,
    Sha256,
    Sha512_256,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qop {
    Auth,
    /// The body is part of the hash.
    AuthInt,
}

/// An algorithm and whether it is the `-sess` variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Hashing {
    algorithm: Algorithm,
    session: bool,
}

impl Challenge {
    /// The Digest challenge among the `WWW-Authenticate` header values, if any (a server
    /// may offer Basic and Digest in one header or in several). None for a challenge this
    /// client cannot answer: no nonce, or an unknown algorithm.
    pub fn find<'a>(values: impl IntoIterator<Item = &'a str>) -> Option<Challenge> {
        values.into_iter().find_map(parse_one_header)
    }
}

fn parse_one_header(value: &str) -> Option<Challenge> {
    let start = find_scheme(value, "digest")?;
    let params = auth_params(&value[start..]);
    let get = |name: &str| {
        params
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.clone())
    };
    let algorithm_text = get("algorithm").unwrap_or_else(|| "MD5".into());
    let hashing = hashing_of(&algorithm_text)?;
    let qop = get("qop").and_then(|offered| {
        let options: Vec<&str> = offered.split(',').map(str::trim).collect();
        if options.iter().any(|o| o.eq_ignore_ascii_case("auth")) {
            Some(Qop::Auth)
        } else if options.iter().any(|o| o.eq_ignore_ascii_case("auth-int")) {
            Some(Qop::AuthInt)
        } else {
            None
        }
    });
    Some(Challenge {
        realm: get("realm").unwrap_or_default(),
        nonce: get("nonce")?,
        opaque: get("opaque"),
        algorithm: hashing.algorithm,
        session: hashing.session,
        qop,
    })
}

fn hashing_of(text: &str) -> Option<Hashing> {
    let upper = text.trim().to_ascii_uppercase();
    let (name, session) = match upper.strip_suffix("-SESS") {
        Some(name) => (name.to_owned(), true),
        None => (upper, false),
    };
    let algorithm = match name.as_str() {
        "MD5" => Algorithm::Md5,
        "SHA-256" => Algorithm::Sha256,
        "SHA-512-256" => Algorithm::Sha512_256,
        _ => return None,
    };
    Some(Hashing { algorithm, session })
}

/// Where the parameters of `scheme` begin in a header value: after the scheme's name, at
/// the start of the value or after a comma.
fn find_scheme(value: &str, scheme: &str) -> Option<usize> {
    let lower = value.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower[from..].find(scheme) {
        let at = from + found;
        let end = at + scheme.len();
        let before_ok = lower[..at].trim_end().is_empty() || lower[..at].trim_end().ends_with(',');
        let after_ok = lower[end..].starts_with(' ') || lower[end..].is_empty();
        if before_ok && after_ok {
            return Some(end);
        }
        from = end;
    }
    None
}

/// `name=value` and `name="quoted, value"` pairs, up to the next scheme (a bare token).
fn auth_params(text: &str) -> Vec<(String, String)> {
    let mut params = Vec::new();
    let mut rest = text.trim_start();
    loop {
        rest = rest.trim_start_matches([' ', ',', '\t']);
        let Some(eq) = rest.find('=') else { break };
        let name = rest[..eq].trim();
        if name.is_empty() || name.contains([' ', ',']) {
            break; // the next challenge's scheme
        }
        rest = rest[eq + 1..].trim_start();
        let value;
        if let Some(quoted) = rest.strip_prefix('"') {
            let mut text = String::new();
            let mut chars = quoted.char_indices();
            let mut end = quoted.len();
            while let Some((i, c)) = chars.next() {
                match c {
                    '\\' => {
                        if let Some((_, escaped)) = chars.next() {
                            text.push(escaped);
                        }
                    }
                    '"' => {
                        end = i + 1;
                        break;
                    }
                    c => text.push(c),
                }
            }
            value = text;
            rest = &quoted[end.min(quoted.len())..];
        } else {
            let end = rest.find(',').unwrap_or(rest.len());
            value = rest[..end].trim().to_owned();
            rest = &rest[end..];
        }
        params.push((name.to_owned(), value));
    }
    params
}

/// What one request sends to answer `challenge`.
pub struct Answer<'a> {
    pub username: &'a str,
    pub password: &'a str,
    pub method: &'a str,
    /// The request target: path and query, as sent.
    pub uri: &'a str,
    pub body: &'a [u8],
    /// The client nonce (random per request; fixed in tests).
    pub cnonce: &'a str,
}

impl Challenge {
    /// The `Authorization` header value answering this challenge (nonce count 1: each
    /// challenge is answered once).
    pub fn answer(&self, answer: &Answer<'_>) -> String {
        let hash = |text: &[u8]| hex_hash(self.algorithm, text);
        let mut ha1 =
            hash(format!("{}:{}:{}", answer.username, self.realm, answer.password).as_bytes());
        if self.session {
            ha1 = hash(format!("{ha1}:{}:{}", self.nonce, answer.cnonce).as_bytes());
        }
        let ha2 = match self.qop {
            Some(Qop::AuthInt) => {
                hash(format!("{}:{}:{}", answer.method, answer.uri, hash(answer.body)).as_bytes())
            }
            _ => hash(format!("{}:{}", answer.method, answer.uri).as_bytes()),
        };
        let nc = "00000001";
        let response = match self.qop {
            Some(qop) => hash(
                format!(
                    "{ha1}:{}:{nc}:{}:{}:{ha2}",
                    self.nonce,
                    answer.cnonce,
                    qop_name(qop)
                )
                .as_bytes(),
            ),
            None => hash(format!("{ha1}:{}:{ha2}", self.nonce).as_bytes()),
        };
        let mut header = format!(
            "Digest username=\"{}\", realm=\"{}\", nonce=\"{}\", uri=\"{}\", algorithm={}",
            quote(answer.username),
            quote(&self.realm),
            quote(&self.nonce),
            quote(answer.uri),
            algorithm_name(self.algorithm),
        );
        if self.session {
            header.push_str("-sess");
        }
        if let Some(qop) = self.qop {
            header.push_str(&format!(
                ", qop={}, nc={nc}, cnonce=\"{}\"",
                qop_name(qop),
                quote(answer.cnonce)
            ));
        }
        header.push_str(&format!(", response=\"{response}\""));
        if let Some(opaque) = &self.opaque {
            header.push_str(&format!(", opaque=\"{}\"", quote(opaque)));
        }
        header
    }
}

fn quote(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

fn qop_name(qop: Qop) -> &'static str {
    match qop {
        Qop::Auth => "auth",
        Qop::AuthInt => "auth-int",
    }
}

fn algorithm_name(algorithm: Algorithm) -> &'static str {
    match algorithm {
        Algorithm::Md5 => "MD5",
        Algorithm::Sha256 => "SHA-256",
        Algorithm::Sha512_256 => "SHA-512-256",
    }
}

fn hex_hash(algorithm: Algorithm, text: &[u8]) -> String {
    let bytes: Vec<u8> = match algorithm {
        Algorithm::Md5 => Md5::digest(text).to_vec(),
        Algorithm::Sha256 => Sha256::digest(text).to_vec(),
        Algorithm::Sha512_256 => Sha512_256::digest(text).to_vec(),
    };
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mufasa(challenge: &Challenge, cnonce: &str, password: &str) -> String {
        challenge.answer(&Answer {
            username: "Mufasa",
            password,
            method: "GET",
            uri: "/dir/index.html",
            body: b"",
            cnonce,
        })
    }

    fn response_of(header: &str) -> &str {
        let start = header.find("response=\"").map(|i| i + 10).unwrap_or(0);
        let end = header[start..]
            .find('"')
            .map_or(header.len(), |e| start + e);
        &header[start..end]
    }

    #[test]
    fn answers_the_rfc_2617_example() {
        let challenge = Challenge::find([
            r#"Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41""#,
        ])
        .expect("a challenge");
        assert_eq!(challenge.qop, Some(Qop::Auth));
        let header = mufasa(&challenge, "0a4f113b", "Circle Of Life");
        assert_eq!(response_of(&header), "6629fae49393a05397450978507c4ef1");
        assert!(
            header.contains(r#"opaque="5ccc069c403ebaf9f0171e9517f40e41""#),
            "{header}"
        );
        assert!(header.contains("nc=00000001"), "{header}");
    }

    #[test]
    fn answers_the_rfc_7616_examples_in_md5_and_sha_256() {
        let nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
        let cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
        for (algorithm, expected) in [
            ("MD5", "8ca523f5e9506fed4657c9700eebdbec"),
            (
                "SHA-256",
                "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
            ),
        ] {
            let header = format!(
                r#"Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm={algorithm}, nonce="{nonce}", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS""#
            );
            let challenge = Challenge::find([header.as_str()]).expect("a challenge");
            let answer = mufasa(&challenge, cnonce, "Circle of Life");
            assert_eq!(response_of(&answer), expected, "{algorithm}");
        }
    }

    #[test]
    fn finds_digest_among_other_schemes_and_headers() {
        let found = Challenge::find([
            "Bearer realm=\"api\"",
            "Basic realm=\"x\", Digest realm=\"r\", nonce=\"n\"",
        ])
        .expect("the digest one");
        assert_eq!(found.realm, "r");
        assert_eq!(found.nonce, "n");
        assert_eq!(found.qop, None);
        assert_eq!(found.algorithm, Algorithm::Md5);
    }

    #[test]
    fn refuses_what_it_cannot_answer() {
        assert_eq!(Challenge::find(["Basic realm=\"x\""]), None);
        assert_eq!(Challenge::find(["Digest realm=\"x\""]), None, "no nonce");
        assert_eq!(
            Challenge::find(["Digest realm=\"x\", nonce=\"n\", algorithm=SHA3"]),
            None
        );
        // Malformed text is not a challenge, and never a panic.
        for text in [
            "Digest",
            "Digest ,,,=",
            "Digest a=\"unterminated",
            "Digest =x, nonce=\"\\",
        ] {
            let _ = Challenge::find([text]);
        }
    }

    #[test]
    fn the_session_variant_hashes_the_nonces_into_ha1() {
        let challenge =
            Challenge::find(["Digest realm=\"r\", nonce=\"n\", qop=\"auth\", algorithm=MD5-sess"])
                .expect("challenge");
        assert!(challenge.session);
        let header = mufasa(&challenge, "c", "p");
        let ha1 = hex_hash(Algorithm::Md5, b"Mufasa:r:p");
        let ha1 = hex_hash(Algorithm::Md5, format!("{ha1}:n:c").as_bytes());
        let ha2 = hex_hash(Algorithm::Md5, b"GET:/dir/index.html");
        let expected = hex_hash(
            Algorithm::Md5,
            format!("{ha1}:n:00000001:c:auth:{ha2}").as_bytes(),
        );
        assert_eq!(response_of(&header), expected);
        assert!(header.contains("algorithm=MD5-sess"), "{header}");
    }

    #[test]
    fn the_legacy_form_without_qop_hashes_nonce_and_ha2_only() {
        let challenge = Challenge::find(["Digest realm=\"r\", nonce=\"n\""]).expect("challenge");
        let header = mufasa(&challenge, "c", "p");
        let ha1 = hex_hash(Algorithm::Md5, b"Mufasa:r:p");
        let ha2 = hex_hash(Algorithm::Md5, b"GET:/dir/index.html");
        let expected = hex_hash(Algorithm::Md5, format!("{ha1}:n:{ha2}").as_bytes());
        assert_eq!(response_of(&header), expected);
        assert!(!header.contains("qop"), "{header}");
    }
}
