use reqwest::StatusCode;
use serde_json::json;

use crate::{TestResult, client, json, sandbox};

#[tokio::test]
async fn flaky_fails_an_exact_share_of_calls() -> TestResult {
    let sandbox = sandbox().await?;
    let client = client()?;
    let url = format!("{}/flaky?fail=0.3", sandbox.base_url());

    let mut failed = Vec::new();
    for n in 1..=10 {
        let response = client.get(&url).send().await?;
        let status = response.status();
        let body = json(response).await?;
        assert_eq!(body["n"], n);
        match status {
            StatusCode::OK => assert_eq!(body, json!({ "ok": true, "n": n })),
            StatusCode::SERVICE_UNAVAILABLE => failed.push(n),
            other => return Err(format!("call {n}: unexpected status {other}").into()),
        }
    }
    // floor(n * 0.3) rises at n = 4 (1.2), 7 (2.1) and 10 (3.0).
    assert_eq!(failed, [4, 7, 10]);
    Ok(())
}

#[tokio::test]
async fn flaky_defaults_to_half_and_refuses_bad_shares() -> TestResult {
    let sandbox = sandbox().await?;
    let client = client()?;
    let base = sandbox.base_url();

    for fail in ["1.5", "-0.1", "NaN", "often"] {
        let response = client
            .get(format!("{base}/flaky?fail={fail}"))
            .send()
            .await?;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "fail={fail}");
        assert!(json(response).await?["error"].is_string());
    }

    // Refused calls did not count: the first real call is n = 1.
    let mut statuses = Vec::new();
    for _ in 0..4 {
        statuses.push(
            client
                .get(format!("{base}/flaky"))
                .send()
                .await?
                .status()
                .as_u16(),
        );
    }
    assert_eq!(statuses, [200, 503, 200, 503]);
    Ok(())
}

#[tokio::test]
async fn reset_is_a_transport_error_not_a_status() -> TestResult {
    let sandbox = sandbox().await?;
    let client = client()?;
    let base = sandbox.base_url();

    // Warm a keep-alive connection first: the reset must not be hidden by a retry on it.
    assert_eq!(
        client.get(format!("{base}/echo")).send().await?.status(),
        StatusCode::OK
    );

    let outcome = client.get(format!("{base}/reset")).send().await;
    let err = match outcome {
        Ok(response) => {
            return Err(format!("expected a transport error, got {}", response.status()).into());
        }
        Err(err) => err,
    };
    assert!(err.status().is_none(), "{err:?}");
    assert!(
        err.is_request() || err.is_connect() || err.is_body(),
        "{err:?}"
    );

    // Only that connection died: the server carries on.
    assert_eq!(
        client.get(format!("{base}/echo")).send().await?.status(),
        StatusCode::OK
    );
    assert_eq!(sandbox.hits("/reset"), 1);
    Ok(())
}
