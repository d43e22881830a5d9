use std::time::{Duration, Instant};

use reqwest::StatusCode;
use reqwest::header::CONTENT_TYPE;

use crate::{TestResult, client, sandbox};

#[tokio::test]
async fn bytes_are_binary_and_the_asked_length() -> TestResult {
    let sandbox = sandbox().await?;
    let client = client()?;

    let response = client
        .get(format!("{}/bytes/1000", sandbox.base_url()))
        .send()
        .await?;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers().get(CONTENT_TYPE).map(|v| v.as_bytes()),
        Some(&b"application/octet-stream"[..])
    );
    let body = response.bytes().await?;
    assert_eq!(body.len(), 1000);
    assert!(std::str::from_utf8(&body).is_err());
    assert_eq!(&body[..4], &[0xFF, 0xFE, 0x02, 0x03]);

    let empty = client
        .get(format!("{}/bytes/0", sandbox.base_url()))
        .send()
        .await?;
    assert!(empty.bytes().await?.is_empty());
    let bad = client
        .get(format!("{}/bytes/lots", sandbox.base_url()))
        .send()
        .await?;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    Ok(())
}

#[tokio::test]
async fn drip_spreads_the_bytes_over_the_duration() -> TestResult {
    let sandbox = sandbox().await?;
    let started = Instant::now();
    let response = client()?
        .get(format!(
            "{}/drip?bytes=20&duration_ms=400",
            sandbox.base_url()
        ))
        .send()
        .await?;
    assert_eq!(response.status(), StatusCode::OK);
    let body = response.bytes().await?;
    // Only a lower bound: a loaded machine may be slower, never faster.
    assert!(
        started.elapsed() >= Duration::from_millis(400),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(&body[..], &[b'*'; 20]);
    Ok(())
}

#[tokio::test]
async fn drip_defaults_to_ten_bytes() -> TestResult {
    let sandbox = sandbox().await?;
    let response = client()?
        .get(format!("{}/drip?duration_ms=0", sandbox.base_url()))
        .send()
        .await?;
    assert_eq!(response.bytes().await?.len(), 10);
    Ok(())
}
