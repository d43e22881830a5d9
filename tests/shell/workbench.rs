//! The workbench over IPC: one case sent now, a slow one cancelled, and the values sends
//! capture for the sends after them.

use serde_json::json;

use crate::mock_app::{MockApp, invoke_on};

#[test]
fn the_workbench_sends_a_case_and_cancels_a_slow_one() {
    let app = MockApp::new();
    // The demo collection targets the in-process sandbox: its `base` variable says where.
    let variables = json!({"base": demo_base(&app)});

    let case = json!({"name": "created", "request": {"method": "GET", "url": "{{base}}/status/201"},
        "assert": ["status == 201", "duration < 60000"]});
    let outcome = app
        .invoke(
            "send_case",
            json!({"sendId": "s1", "case": case, "variables": variables}),
        )
        .expect("send_case");
    assert_eq!(outcome["verdict"], "passed", "{outcome}");
    assert_eq!(outcome["response"]["status"], 201);
    assert_eq!(outcome["assertions"].as_array().map(Vec::len), Some(2));

    // A bad case is refused with a clear error before anything is sent.
    let bad =
        json!({"name": "bad", "request": {"method": "GET", "url": "x"}, "assert": ["status =="]});
    let refused = app
        .invoke(
            "send_case",
            json!({"sendId": "s2", "case": bad, "variables": {}}),
        )
        .expect_err("a malformed assertion");
    assert_eq!(refused["kind"], "invalid_input");
    let why = refused["message"].as_str().unwrap_or_default();
    assert!(why.contains("needs a value"), "{why}");

    // A slow one, cancelled from another call while it waits.
    let window = app.window.clone();
    let slow = json!({"name": "slow", "request": {"method": "GET", "url": "{{base}}/delay/20000"}});
    let sending = std::thread::spawn(move || {
        invoke_on(
            &window,
            "send_case",
            json!({"sendId": "s3", "case": slow, "variables": variables}),
        )
    });
    app.wait_for("the slow send to be in flight", |app| {
        app.invoke("cancel_send", json!({"sendId": "s3"})) == Ok(json!(true))
    });
    let outcome = sending.join().expect("join").expect("send_case");
    assert_eq!(outcome["verdict"], "errored");
    assert_eq!(outcome["error"]["kind"], "cancelled");
    assert_eq!(
        app.invoke("cancel_send", json!({"sendId": "s3"})),
        Ok(json!(false))
    );
}

/// A value one send captures feeds the next send of the same collection (in clear, so a
/// secret token still works), is listed masked, and is forgotten on request.
#[test]
fn captured_values_feed_later_sends_until_cleared() {
    let app = MockApp::new();
    let trees = app.invoke("workspace_trees", json!({})).expect("trees");
    let demo = trees[0]["collection"]["id"].clone();
    activate_secret_environment(&app);

    // The echo sends the header back; the capture takes it, secret included.
    let capture = json!({"name": "capture", "request": {"method": "GET", "url": "{{base}}/echo",
        "headers": {"X-Token": "t-{{secret}}"}},
        "capture": {"token": "jsonpath $.headers[\"x-token\"]"}});
    app.invoke(
        "send_case",
        json!({"sendId": "c1", "case": capture, "collectionId": demo, "variables": {}}),
    )
    .expect("send");
    let listed = app
        .invoke("session_captures", json!({"collectionId": demo}))
        .expect("captures");
    // JSON text (a string keeps its quotes), masked.
    assert_eq!(listed, json!({"token": "\"t-*****\""}));

    let reuse = json!({"name": "reuse", "request": {"method": "GET", "url": "{{base}}/echo",
        "headers": {"X-Again": "{{token}}"}},
        "assert": ["jsonpath $.headers[\"x-again\"] == \"t-{{secret}}\""]});
    let outcome = app
        .invoke(
            "send_case",
            json!({"sendId": "c2", "case": reuse, "collectionId": demo, "variables": {}}),
        )
        .expect("send");
    assert_eq!(outcome["verdict"], "passed", "{outcome}");

    app.invoke("clear_session_captures", json!({"collectionId": demo}))
        .expect("clear");
    assert_eq!(
        app.invoke("session_captures", json!({"collectionId": demo})),
        Ok(json!({}))
    );
    let forgotten = app
        .invoke(
            "send_case",
            json!({"sendId": "c3", "case": reuse, "collectionId": demo, "variables": {}}),
        )
        .expect("send");
    assert_eq!(forgotten["verdict"], "errored", "{forgotten}");
    assert_eq!(forgotten["error"]["kind"], "template", "{forgotten}");
}

/// A cookie a response sets goes with the collection's later sends (as in Postman), is
/// listed with a secret value masked, outlives clearing the captured values, and is
/// forgotten on request.
#[test]
fn cookies_follow_a_collections_sends_until_cleared() {
    let app = MockApp::new();
    let trees = app.invoke("workspace_trees", json!({})).expect("trees");
    let demo = trees[0]["collection"]["id"].clone();
    activate_secret_environment(&app);

    let login = json!({"name": "login", "request": {"method": "GET",
        "url": "{{base}}/headers/set?Set-Cookie=sid%3D{{secret}}%3B%20Path%3D%2F"}});
    app.invoke(
        "send_case",
        json!({"sendId": "k1", "case": login, "collectionId": demo, "variables": {}}),
    )
    .expect("send");
    let cookies = app
        .invoke("session_cookies", json!({"collectionId": demo}))
        .expect("cookies");
    assert_eq!(cookies[0]["name"], "sid", "{cookies}");
    assert_eq!(cookies[0]["value"], "*****", "the secret masked: {cookies}");
    assert_eq!(cookies[0]["domain"], "127.0.0.1", "{cookies}");

    let me = json!({"name": "me", "request": {"method": "GET", "url": "{{base}}/echo"},
        "assert": ["jsonpath $.headers.cookie == \"sid={{secret}}\""]});
    let send = |id: &str| {
        app.invoke(
            "send_case",
            json!({"sendId": id, "case": me, "collectionId": demo, "variables": {}}),
        )
        .expect("send")
    };
    assert_eq!(send("k2")["verdict"], "passed");
    app.invoke("clear_session_captures", json!({"collectionId": demo}))
        .expect("clear captures");
    assert_eq!(send("k3")["verdict"], "passed", "cookies are not captures");

    app.invoke("clear_session_cookies", json!({"collectionId": demo}))
        .expect("clear cookies");
    assert_eq!(
        app.invoke("session_cookies", json!({"collectionId": demo})),
        Ok(json!([]))
    );
    assert_eq!(send("k4")["verdict"], "failed");
}

/// Makes active an environment whose variable `secret` ("s3cret") is secret.
/// Where the demo collection's sandbox listens (its `base` variable).
fn demo_base(app: &MockApp) -> serde_json::Value {
    let info = app.invoke("startup_info", json!({})).expect("startup_info");
    let path = info["demo"]["path"].as_str().expect("demo path").to_owned();
    let text = std::fs::read_to_string(&path).expect("demo file");
    let demo = apiautotest_engine::collection_file::parse(&text, std::path::Path::new(&path))
        .expect("demo collection");
    json!(demo.variables["base"])
}

fn activate_secret_environment(app: &MockApp) {
    let environment = app
        .invoke(
            "save_environment",
            json!({"environment": {"id": "", "name": "dev", "variables": [
                {"name": "secret", "value": "s3cret", "secret": true, "enabled": true}]}}),
        )
        .expect("environment");
    app.invoke("set_active_environment", json!({"id": environment["id"]}))
        .expect("activate");
}

/// The network settings: a file that cannot be read is refused and nothing saved; a proxy
/// saved here carries the next send (the demo sandbox plays the proxy: a host that cannot
/// resolve is answered through it), and is read back.
#[test]
fn network_settings_are_checked_saved_and_used_by_sends() {
    let app = MockApp::new();
    let base = demo_base(&app);

    let missing = json!({"client_cert": {"cert": "/nowhere/me.pem", "key": null, "passphrase": null},
        "extra_ca_certs": null, "proxy": null});
    let refused = app
        .invoke("set_network", json!({"network": missing}))
        .expect_err("a missing certificate");
    assert_eq!(refused["kind"], "invalid_input");
    assert!(
        refused["message"]
            .as_str()
            .unwrap_or_default()
            .contains("/nowhere/me.pem"),
        "{refused}"
    );
    let unset = json!({"client_cert": null, "extra_ca_certs": null, "proxy": null});
    assert_eq!(app.invoke("get_network", json!({})), Ok(unset));

    let proxied = json!({"client_cert": null, "extra_ca_certs": null,
        "proxy": {"url": base, "bypass": ""}});
    app.invoke("set_network", json!({"network": proxied.clone()}))
        .expect("set_network");
    assert_eq!(app.invoke("get_network", json!({})), Ok(proxied));
    let case = json!({"name": "proxied", "request": {"method": "GET", "url": "http://api.example.invalid/echo"},
        "assert": ["status == 200", "jsonpath $.headers.host == \"api.example.invalid\""]});
    let outcome = app
        .invoke(
            "send_case",
            json!({"sendId": "p1", "case": case, "variables": {}}),
        )
        .expect("send_case");
    assert_eq!(outcome["verdict"], "passed", "{outcome}");
}

/// What a send's test script sets with `pm.environment.set` is kept in the active
/// environment (as Postman does), a secret variable staying secret; `unset` removes.
#[test]
fn script_environment_changes_are_kept_in_the_active_environment() {
    let app = MockApp::new();
    let base = demo_base(&app);
    activate_secret_environment(&app);

    let case = json!({"name": "sets", "request": {"method": "GET", "url": "{{base}}/json/nested"},
        "scripts": {"test": "pm.environment.set('open', pm.response.json().store.open); pm.environment.set('secret', 'rotated'); pm.environment.unset('missing');"}});
    let outcome = app
        .invoke(
            "send_case",
            json!({"sendId": "e1", "case": case, "variables": {"base": base}}),
        )
        .expect("send_case");
    assert_eq!(outcome["verdict"], "passed", "{outcome}");
    let listed = app
        .invoke("list_environments", json!({}))
        .expect("environments");
    let variables = &listed["environments"][0]["variables"];
    assert_eq!(
        variables,
        &json!([
            {"name": "secret", "value": "rotated", "secret": true, "enabled": true},
            {"name": "open", "value": "true", "secret": false, "enabled": true}
        ]),
        "{listed}"
    );
}
