use std::time::{Duration, Instant};

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::{TestResult, client, json, sandbox};

#[tokio::test]
async fn status_answers_the_asked_code_for_any_method() -> TestResult {
    let sandbox = sandbox().await?;
    let client = client()?;
    let base = sandbox.base_url();

    for (method, code) in [
        (Method::GET, 200),
        (Method::POST, 201),
        (Method::PUT, 418),
        (Method::DELETE, 404),
        (Method::PATCH, 503),
        (Method::GET, 599),
    ] {
        let response = client
            .request(method.clone(), format!("{base}/status/{code}"))
            .send()
            .await?;
        assert_eq!(response.status().as_u16(), code, "{method} /status/{code}");
        assert_eq!(json(response).await?, json!({ "status": code }));
    }

    for code in [204, 304] {
        let response = client.get(format!("{base}/status/{code}")).send().await?;
        assert_eq!(response.status().as_u16(), code);
        assert!(response.bytes().await?.is_empty());
    }

    for code in ["99", "100", "199", "600", "abc", "-1"] {
        let response = client.get(format!("{base}/status/{code}")).send().await?;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "/status/{code}");
        assert!(json(response).await?["error"].is_string());
    }
    Ok(())
}

#[tokio::test]
async fn delay_waits_at_least_the_asked_time() -> TestResult {
    let sandbox = sandbox().await?;
    let started = Instant::now();
    let response = client()?
        .get(format!("{}/delay/150", sandbox.base_url()))
        .send()
        .await?;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(json(response).await?, json!({ "delayed_ms": 150 }));
    assert!(started.elapsed() >= Duration::from_millis(150));

    let bad = client()?
        .get(format!("{}/delay/soon", sandbox.base_url()))
        .send()
        .await?;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    Ok(())
}

#[tokio::test]
async fn echo_reflects_the_request() -> TestResult {
    let sandbox = sandbox().await?;
    let response = client()?
        .post(format!(
            "{}/echo/a/b?x=1&name=J%C3%BCrgen&empty=",
            sandbox.base_url()
        ))
        .header("X-Test", "hi")
        .header("content-type", "text/plain")
        .body("hello \u{1F600}")
        .send()
        .await?;
    assert_eq!(response.status(), StatusCode::OK);
    let echo = json(response).await?;
    assert_eq!(echo["method"], "POST");
    assert_eq!(echo["path"], "/echo/a/b");
    assert_eq!(
        echo["query"],
        json!({ "x": "1", "name": "J\u{fc}rgen", "empty": "" })
    );
    assert_eq!(echo["headers"]["x-test"], "hi");
    assert_eq!(echo["headers"]["content-type"], "text/plain");
    assert_eq!(echo["body"], "hello \u{1F600}");

    let bare = client()?
        .get(format!("{}/echo", sandbox.base_url()))
        .send()
        .await?;
    let bare = json(bare).await?;
    assert_eq!(bare["method"], "GET");
    assert_eq!(bare["path"], "/echo");
    assert_eq!(bare["query"], json!({}));
    assert_eq!(bare["body"], "");

    // Bodies that are not UTF-8 come back lossily decoded instead of failing.
    let binary = client()?
        .put(format!("{}/echo", sandbox.base_url()))
        .body(vec![b'o', b'k', 0xFF])
        .send()
        .await?;
    assert_eq!(json(binary).await?["body"], "ok\u{FFFD}");
    Ok(())
}

#[tokio::test]
async fn headers_set_sends_the_asked_headers() -> TestResult {
    let sandbox = sandbox().await?;
    let base = sandbox.base_url();
    let response = client()?
        .get(format!(
            "{base}/headers/set?X-One=1&X-One=2&Cache-Control=no-store"
        ))
        .send()
        .await?;
    assert_eq!(response.status(), StatusCode::OK);
    let ones: Vec<_> = response
        .headers()
        .get_all("x-one")
        .iter()
        .map(|v| v.as_bytes().to_vec())
        .collect();
    assert_eq!(ones, [b"1".to_vec(), b"2".to_vec()]);
    assert_eq!(
        response
            .headers()
            .get("cache-control")
            .map(|v| v.as_bytes()),
        Some(&b"no-store"[..])
    );
    assert_eq!(json(response).await?, json!({}));

    let invalid = client()?
        .get(format!("{base}/headers/set?bad%20name=1"))
        .send()
        .await?;
    assert_eq!(invalid.status(), StatusCode::BAD_REQUEST);
    Ok(())
}

#[tokio::test]
async fn json_nested_is_the_fixed_document() -> TestResult {
    let sandbox = sandbox().await?;
    let response = client()?
        .get(format!("{}/json/nested", sandbox.base_url()))
        .send()
        .await?;
    assert_eq!(response.status(), StatusCode::OK);
    let document = json(response).await?;
    assert_eq!(document["store"]["book"][0]["price"], 8.95);
    assert_eq!(document["store"]["book"][1]["tags"], json!([]));
    assert_eq!(document["store"]["open"], true);
    assert!(document["store"]["owner"].is_null());
    Ok(())
}

#[tokio::test]
async fn unknown_routes_and_methods_answer_json_errors() -> TestResult {
    let sandbox = sandbox().await?;
    let base = sandbox.base_url();

    let missing = client()?.get(format!("{base}/nowhere")).send().await?;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        json(missing).await?,
        json!({ "error": "no route for GET /nowhere" })
    );

    let wrong_method = client()?
        .delete(format!("{base}/json/nested"))
        .send()
        .await?;
    assert_eq!(wrong_method.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert!(json(wrong_method).await?["error"].is_string());
    Ok(())
}
