use std::collections::BTreeMap;

use reqwest::StatusCode;
use serde_json::json;

use crate::{TestResult, client, json, sandbox};

#[tokio::test]
async fn hits_count_requests_per_path() -> TestResult {
    let sandbox = sandbox().await?;
    let client = client()?;
    let base = sandbox.base_url();

    client.get(format!("{base}/echo?a=1")).send().await?;
    client.get(format!("{base}/echo?a=2")).send().await?;
    client.post(format!("{base}/echo")).send().await?;
    client.get(format!("{base}/items")).send().await?;
    client.get(format!("{base}/nowhere")).send().await?;
    client.get(format!("{base}/status/500")).send().await?;

    assert_eq!(sandbox.hits("/echo"), 3);
    assert_eq!(sandbox.hits("/items"), 1);
    assert_eq!(sandbox.hits("/never"), 0);
    let expected: BTreeMap<String, u64> = [
        ("/echo", 3),
        ("/items", 1),
        ("/nowhere", 1),
        ("/status/500", 1),
    ]
    .into_iter()
    .map(|(path, count)| (path.to_owned(), count))
    .collect();
    assert_eq!(sandbox.hit_counts(), expected);

    // The control routes see the same counts and are not counted themselves.
    let listed = client.get(format!("{base}/_hits")).send().await?;
    assert_eq!(listed.status(), StatusCode::OK);
    assert_eq!(
        json(listed).await?,
        json!({ "/echo": 3, "/items": 1, "/nowhere": 1, "/status/500": 1 })
    );
    assert_eq!(sandbox.hits("/_hits"), 0);

    let reset = client.post(format!("{base}/_hits/reset")).send().await?;
    assert_eq!(reset.status(), StatusCode::NO_CONTENT);
    assert!(sandbox.hit_counts().is_empty());
    assert_eq!(
        json(client.get(format!("{base}/_hits")).send().await?).await?,
        json!({})
    );
    Ok(())
}
