use reqwest::StatusCode;
use reqwest::header::WWW_AUTHENTICATE;
use serde_json::json;

use crate::{TestResult, client, json, sandbox};

#[tokio::test]
async fn login_token_opens_protected() -> TestResult {
    let sandbox = sandbox().await?;
    let client = client()?;
    let base = sandbox.base_url();

    let login = client
        .post(format!("{base}/login"))
        .header("content-type", "application/json")
        .body(r#"{"username":"ada","password":"secret"}"#)
        .send()
        .await?;
    assert_eq!(login.status(), StatusCode::OK);
    let login = json(login).await?;
    assert_eq!(login["token_type"], "Bearer");
    let token = login["token"].as_str().ok_or("token is not a string")?;
    assert!(
        token.len() >= 16 && token.chars().all(|c| c.is_ascii_hexdigit()),
        "{token}"
    );

    let protected = client
        .get(format!("{base}/protected"))
        .bearer_auth(token)
        .send()
        .await?;
    assert_eq!(protected.status(), StatusCode::OK);
    assert_eq!(json(protected).await?, json!({ "user": "ada" }));

    // A second login gets a different token; both stay valid.
    let again = client
        .post(format!("{base}/login"))
        .body(r#"{"username":"bob","password":"secret"}"#)
        .send()
        .await?;
    let again = json(again).await?;
    assert_ne!(again["token"].as_str(), Some(token));
    let first_still = client
        .get(format!("{base}/protected"))
        .bearer_auth(token)
        .send()
        .await?;
    assert_eq!(first_still.status(), StatusCode::OK);
    Ok(())
}

#[tokio::test]
async fn bad_credentials_and_tokens_are_401() -> TestResult {
    let sandbox = sandbox().await?;
    let client = client()?;
    let base = sandbox.base_url();

    let wrong = client
        .post(format!("{base}/login"))
        .body(r#"{"username":"ada","password":"guess"}"#)
        .send()
        .await?;
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    assert!(json(wrong).await?["error"].is_string());

    let empty_user = client
        .post(format!("{base}/login"))
        .body(r#"{"username":"","password":"secret"}"#)
        .send()
        .await?;
    assert_eq!(empty_user.status(), StatusCode::BAD_REQUEST);
    let no_password = client
        .post(format!("{base}/login"))
        .body(r#"{"username":"ada"}"#)
        .send()
        .await?;
    assert_eq!(no_password.status(), StatusCode::BAD_REQUEST);

    let protected = format!("{base}/protected");
    for request in [
        client.get(&protected),
        client.get(&protected).bearer_auth("not-a-token"),
        client
            .get(&protected)
            .header("authorization", "Basic YWRhOnNlY3JldA=="),
        client.get(&protected).header("authorization", "Bearer "),
    ] {
        let response = request.send().await?;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(
            response
                .headers()
                .get(WWW_AUTHENTICATE)
                .map(|v| v.as_bytes()),
            Some(&b"Bearer"[..])
        );
        assert!(json(response).await?["error"].is_string());
    }
    Ok(())
}
