//! The Postman importer on real collections (tests/fixtures/postman, SOURCES.md there):
//! what each request becomes, what is noted, and that the result saves as a native file
//! that loads back the same.

use std::path::Path;

use apiautotest_engine::model::{Auth, Collection, OAuth1Location, OAuth1Signature};
use apiautotest_engine::{collection_file, collection_save};
use apiautotest_import::{Format, detect, postman};

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/postman")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn import(name: &str) -> postman::ImportedCollection {
    let text = fixture(name);
    assert_eq!(detect(&text), Some(Format::PostmanCollection), "{name}");
    postman::collection(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Saved as the native format and read back, the collection is the same.
fn round_trips(collection: &Collection) {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("imported.yaml");
    let checked = collection_file::checked(collection.clone(), &path).expect("checked");
    collection_save::save(&path, &checked).expect("save");
    let loaded = collection_file::load(&path).expect("load the saved file");
    assert_eq!(&loaded, collection);
}

#[test]
fn postman_echo_v2_0_keeps_its_tree_auth_bodies_and_scripts() {
    let imported = import("newman-echo-v2.postman_collection.json");
    let c = &imported.collection;
    assert_eq!(c.name, "Postman Echo (V2)");
    let folders: Vec<&str> = c.folders.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        folders,
        [
            "Auth: Digest",
            "Auth: Others",
            "Cookies",
            "Headers",
            "Request Methods",
            "Utilities",
            "[draft] Auth: OAuth2.0"
        ]
    );
    assert_eq!(c.cases.len(), 22);
    let case = |name: &str| {
        c.cases
            .iter()
            .find(|k| k.name == name)
            .unwrap_or_else(|| panic!("no case {name:?}"))
    };
    // v2.0 auth parameters are a map.
    assert_eq!(
        case("Basic Auth").request.auth,
        Some(Auth::Basic {
            username: "postman".into(),
            password: "password".into()
        })
    );
    // Digest answers the server's challenge (the realm and nonce Postman kept from an
    // earlier one are not needed); the stale Authorization header the item also carries
    // is disabled, as Postman's auth helper replaces it.
    let digest = case("DigestAuth Success");
    assert_eq!(
        digest.request.auth,
        Some(Auth::Digest {
            username: "postman".into(),
            password: "password".into()
        })
    );
    assert!(
        digest.request.headers.contains_key("~Authorization"),
        "{:?}",
        digest.request.headers
    );
    let noted: Vec<(&str, &str)> = imported
        .unmapped
        .iter()
        .map(|u| (u.item.as_str(), u.field.as_str()))
        .collect();
    assert!(
        noted.contains(&("Auth: Digest / DigestAuth Success", "request.header")),
        "{noted:?}"
    );
    let Some(Auth::OAuth1(oauth1)) = &case("OAuth1.0 Verify Signature").request.auth else {
        panic!("OAuth 1.0 signed");
    };
    assert_eq!(oauth1.consumer_secret, "D+EdQ-gs$-%@2Nu7");
    assert_eq!(oauth1.signature_method, OAuth1Signature::HmacSha1);
    assert_eq!(oauth1.location, OAuth1Location::Header);
    // v2.0 form fields say `enabled`; a GET may carry a body, as Postman sends it.
    let get = case("GET Request ");
    assert_eq!(get.request.method, "GET");
    assert_eq!(get.request.url, "https://postman-echo.com/get?test=123");
    let parts = get.request.multipart.as_ref().expect("formdata");
    assert_eq!(parts[0].name, "code");
    assert_eq!(parts[0].value.as_deref(), Some("xWnkliVQJURqB2x1"));
    // An empty form is no body at all.
    assert_eq!(case("Basic Auth").request.multipart, None);
    // Legacy `tests[...]` scripts come over as written.
    let test = case("DigestAuth Request")
        .scripts
        .test
        .as_deref()
        .expect("test script");
    assert!(
        test.starts_with("tests[\"response code is 401\"] = responseCode.code === 401;"),
        "{test}"
    );
    assert!(test.contains("postman.setGlobalVariable('echo_digest_nonce', nonce);"));
    round_trips(c);
}

#[test]
fn newman_library_tests_come_with_their_scripts() {
    let imported = import("newman-sandbox-libraries.postman_collection.json");
    let c = &imported.collection;
    let names: Vec<&str> = c.cases.iter().map(|k| k.name.as_str()).collect();
    assert_eq!(names, ["AJV", "chai-postman", "pm api"]);
    for case in &c.cases {
        assert_eq!(case.request.url, "https://postman-echo.com/get");
        let test = case.scripts.test.as_deref().expect("test script");
        assert!(test.contains("pm.test("), "{test}");
        assert_eq!(case.scripts.pre, None);
    }
    assert!(imported.unmapped.is_empty(), "{:?}", imported.unmapped);
    round_trips(c);
}

#[test]
fn htmlextra_forms_become_multipart_and_urlencoded_bodies() {
    let formdata = import("htmlextra-simple-post-request-with-formdata.postman_collection.json");
    let request = &formdata.collection.cases[0].request;
    let parts: Vec<(&str, Option<&str>, Option<&str>)> = request
        .multipart
        .as_ref()
        .expect("multipart")
        .iter()
        .map(|p| (p.name.as_str(), p.value.as_deref(), p.file.as_deref()))
        .collect();
    assert_eq!(
        parts,
        [
            ("myKey", Some("myValue"), None),
            ("anotherKey", Some("anotherValue"), None),
            ("demoFile", None, Some("demoFile.jpg"))
        ]
    );
    let urlencoded =
        import("htmlextra-simple-post-request-with-urlencoded.postman_collection.json");
    let form = urlencoded.collection.cases[0]
        .request
        .form
        .as_ref()
        .expect("form");
    assert!(!form.is_empty());
    round_trips(&urlencoded.collection);
}

#[test]
fn environments_resolve_disabled_and_duplicate_values_as_newman() {
    let text = fixture("newman-disabled-and-duplicates.postman_environment.json");
    assert_eq!(detect(&text), Some(Format::PostmanEnvironment));
    let env = postman::environment(&text).expect("environment");
    let effective: Vec<(&str, &str)> = env
        .effective()
        .map(|v| (v.name.as_str(), v.value.as_str()))
        .collect();
    // What newman's own test for this file expects (see its test script).
    assert_eq!(effective, [("oneDisabled", "1"), ("duplicate", "2")]);
    let collection = import("newman-disabled-and-duplicates.postman_collection.json");
    assert_eq!(collection.collection.cases.len(), 1);
}

#[test]
fn files_that_are_not_collections_get_a_clear_error() {
    let v1 = r#"{"id": "x", "name": "old", "order": [], "requests": []}"#;
    let err = postman::collection(v1).expect_err("v1");
    assert!(err.message.contains("v1 format"), "{err}");
    let err =
        postman::collection("{\"info\": {\"name\": \"x\"}, \"item\": [").expect_err("truncated");
    assert_eq!(err.line, Some(1));
    let err = postman::collection("[1, 2]").expect_err("not an object");
    assert!(err.message.contains("not a Postman collection"), "{err}");
    assert_eq!(detect("name: native\ncases: []\n"), None);
}

/// Import, export as Postman v2.1, import again: the same collection, for every fixture.
#[test]
fn import_export_import_gives_the_same_cases() {
    for name in [
        "newman-echo-v2.postman_collection.json",
        "newman-sandbox-libraries.postman_collection.json",
        "newman-disabled-and-duplicates.postman_collection.json",
        "htmlextra-simple-post-request-with-formdata.postman_collection.json",
        "htmlextra-simple-post-request-with-urlencoded.postman_collection.json",
    ] {
        let first = import(name).collection;
        let (exported, unmapped) = postman::export(&first);
        assert!(unmapped.is_empty(), "{name}: {unmapped:?}");
        let text = serde_json::to_string_pretty(&exported).expect("JSON");
        assert_eq!(detect(&text), Some(Format::PostmanCollection), "{name}");
        let again = postman::collection(&text).expect("re-import").collection;
        assert_eq!(again, first, "{name}");
    }
}

#[test]
fn what_postman_cannot_hold_is_listed_on_export() {
    let text = "name: native\ncases:\n  - name: with checks\n    request: {method: GET, url: 'http://h/x?~off=1&on=2', timeout_ms: 5}\n    assert: ['status == 200']\n    capture: {id: jsonpath $.id}\n";
    let native = collection_file::parse(text, Path::new("n.yaml")).expect("native");
    let (exported, unmapped) = postman::export(&native);
    let fields: Vec<&str> = unmapped.iter().map(|u| u.field.as_str()).collect();
    assert_eq!(fields, ["assert", "capture", "request.timeout_ms"]);
    let query = &exported["item"][0]["request"]["url"]["query"];
    assert_eq!(query[0]["disabled"], serde_json::json!(true));
    assert_eq!(query[1]["key"], "on");
}

/// `protocolProfileBehavior` set on the collection, a folder and a request comes down to
/// each request, the nearer level winning key by key; a key not mapped is noted.
#[test]
fn request_settings_inherit_from_collection_and_folders() {
    let text = serde_json::json!({
        "info": {"name": "behaviors", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "protocolProfileBehavior": {"strictSSL": false},
        "item": [{
            "name": "no redirects",
            "protocolProfileBehavior": {"followRedirects": false},
            "item": [
                {"name": "inherits", "request": {"method": "GET", "url": "http://h/a"}},
                {"name": "own", "protocolProfileBehavior": {"followRedirects": true, "disableCookies": true, "insecureHTTPParser": true},
                 "request": {"method": "GET", "url": "http://h/b"}}
            ]
        }, {"name": "top", "request": {"method": "GET", "url": "http://h/c"}}]
    })
    .to_string();
    let imported = postman::collection(&text).expect("import");
    let settings = |name: &str| {
        imported
            .collection
            .cases
            .iter()
            .find(|c| c.name == name)
            .map(|c| c.request.settings)
            .expect("case")
    };
    assert_eq!(settings("inherits").follow_redirects, Some(false));
    assert_eq!(settings("inherits").verify_tls, Some(false));
    assert_eq!(settings("own").follow_redirects, Some(true));
    assert_eq!(settings("own").cookies, Some(false));
    assert_eq!(settings("own").verify_tls, Some(false));
    assert_eq!(settings("top").follow_redirects, None);
    assert_eq!(settings("top").verify_tls, Some(false));
    let noted: Vec<&str> = imported.unmapped.iter().map(|u| u.field.as_str()).collect();
    assert_eq!(
        noted,
        ["protocolProfileBehavior.insecureHTTPParser"],
        "{noted:?}"
    );
    round_trips(&imported.collection);
}
