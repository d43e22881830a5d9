use std::io::ErrorKind;
use std::time::Duration;

use apiautotest_sandbox::Sandbox;
use reqwest::StatusCode;
use serde_json::json;
use tokio::net::TcpStream;

use crate::{TestResult, client, json, sandbox, wait_until_listening};

/// Generous: the outage must still be on when the test checks, even on a loaded machine.
const OUTAGE: Duration = Duration::from_millis(1500);
const COMEBACK: Duration = Duration::from_secs(10);

async fn assert_refused(sandbox: &Sandbox) -> TestResult {
    match TcpStream::connect(sandbox.addr()).await {
        Ok(_) => Err(format!("{} still accepts connections", sandbox.addr()).into()),
        Err(err) if err.kind() == ErrorKind::ConnectionRefused => Ok(()),
        Err(err) => Err(format!("expected a refused connect, got {err}").into()),
    }
}

#[tokio::test]
async fn base_url_is_loopback() -> TestResult {
    let sandbox = sandbox().await?;
    assert!(sandbox.addr().ip().is_loopback());
    assert_ne!(sandbox.addr().port(), 0);
    assert_eq!(
        sandbox.base_url(),
        format!("http://127.0.0.1:{}", sandbox.addr().port())
    );
    Ok(())
}

// Several worker threads, so connection tasks race the test the way they would for an
// engine running its batch on a multi-threaded runtime.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn outage_refuses_connections_then_comes_back_on_the_same_port() -> TestResult {
    let sandbox = sandbox().await?;
    let addr = sandbox.addr();
    let client = client()?;
    let echo = format!("{}/echo", sandbox.base_url());
    // Leaves a keep-alive connection in the client's pool.
    assert_eq!(client.get(&echo).send().await?.status(), StatusCode::OK);

    sandbox.outage(OUTAGE).await;
    assert_refused(&sandbox).await?;
    // The pooled connection was closed too, so the same client fails as well.
    let during = client.get(&echo).send().await;
    assert!(
        during.as_ref().is_err_and(reqwest::Error::is_connect),
        "{during:?}"
    );

    wait_until_listening(addr, COMEBACK).await?;
    assert_eq!(sandbox.addr(), addr);
    assert_eq!(client.get(&echo).send().await?.status(), StatusCode::OK);
    Ok(())
}

#[tokio::test]
async fn outage_route_answers_first_then_refuses() -> TestResult {
    let sandbox = sandbox().await?;
    let client = client()?;
    let base = sandbox.base_url();

    let response = client
        .post(format!("{base}/_outage?ms={}", OUTAGE.as_millis()))
        .send()
        .await?;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    assert_eq!(
        json(response).await?,
        json!({ "outage_ms": OUTAGE.as_millis() })
    );
    assert_refused(&sandbox).await?;

    wait_until_listening(sandbox.addr(), COMEBACK).await?;
    assert_eq!(
        client.get(format!("{base}/items")).send().await?.status(),
        StatusCode::OK
    );
    // State survives the outage: it belongs to the sandbox, not to the listener.
    assert_eq!(sandbox.hits("/items"), 1);
    Ok(())
}

#[tokio::test]
async fn requests_in_flight_finish_during_an_outage() -> TestResult {
    let sandbox = sandbox().await?;
    let url = format!("{}/delay/300", sandbox.base_url());
    let in_flight = tokio::spawn(async move { json(client()?.get(url).send().await?).await });
    // Let the request reach its handler before the outage starts.
    while sandbox.hits("/delay/300") == 0 {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }

    sandbox.outage(OUTAGE).await;
    assert_refused(&sandbox).await?;
    let answered = in_flight.await??;
    assert_eq!(answered, json!({ "delayed_ms": 300 }));
    Ok(())
}

#[tokio::test]
async fn shutdown_releases_the_port() -> TestResult {
    let sandbox = sandbox().await?;
    let addr = sandbox.addr();
    sandbox.shutdown().await;
    assert!(TcpStream::connect(addr).await.is_err());

    let again = Sandbox::start(addr.port()).await?;
    assert_eq!(again.addr(), addr);
    again.shutdown().await;
    Ok(())
}

#[tokio::test]
async fn shutdown_cuts_requests_that_outlast_the_grace_period() -> TestResult {
    let sandbox = sandbox().await?;
    let url = format!("{}/delay/60000", sandbox.base_url());
    let in_flight =
        tokio::spawn(async move { client()?.get(url).send().await.map_err(Into::into) });
    while sandbox.hits("/delay/60000") == 0 {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }

    sandbox.shutdown().await;
    let outcome: TestResult<reqwest::Response> = in_flight.await?;
    assert!(outcome.is_err(), "the cut request got an answer");
    Ok(())
}

#[tokio::test]
async fn dropping_the_handle_stops_the_server() -> TestResult {
    let sandbox = sandbox().await?;
    let addr = sandbox.addr();
    drop(sandbox);

    for _ in 0..500 {
        if TcpStream::connect(addr).await.is_err() {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    Err(format!("{addr} still listening 5 s after the drop").into())
}
