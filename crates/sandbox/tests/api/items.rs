use reqwest::StatusCode;
use serde_json::json;

use crate::{TestResult, client, json, sandbox};

#[tokio::test]
async fn items_crud_round_trip() -> TestResult {
    let sandbox = sandbox().await?;
    let client = client()?;
    let items = format!("{}/items", sandbox.base_url());

    let created = client
        .post(&items)
        .body(r#"{"name":"pen","qty":2}"#)
        .send()
        .await?;
    assert_eq!(created.status(), StatusCode::CREATED);
    assert_eq!(
        json(created).await?,
        json!({ "name": "pen", "qty": 2, "id": 1, "ok": true })
    );
    let second = client.post(&items).body(r#"{"name":"ink"}"#).send().await?;
    assert_eq!(json(second).await?["id"], 2);

    let listed = client.get(&items).send().await?;
    assert_eq!(listed.status(), StatusCode::OK);
    assert_eq!(
        json(listed).await?,
        json!([{ "name": "pen", "qty": 2, "id": 1 }, { "name": "ink", "id": 2 }])
    );

    let first = client.get(format!("{items}/1")).send().await?;
    assert_eq!(first.status(), StatusCode::OK);
    assert_eq!(
        json(first).await?,
        json!({ "name": "pen", "qty": 2, "id": 1 })
    );

    // PUT replaces the whole item, and the path's id wins over the body's.
    let replaced = client
        .put(format!("{items}/1"))
        .body(r#"{"name":"pencil","id":99}"#)
        .send()
        .await?;
    assert_eq!(replaced.status(), StatusCode::OK);
    assert_eq!(json(replaced).await?, json!({ "name": "pencil", "id": 1 }));
    let reread = client.get(format!("{items}/1")).send().await?;
    assert_eq!(json(reread).await?, json!({ "name": "pencil", "id": 1 }));

    let deleted = client.delete(format!("{items}/1")).send().await?;
    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
    assert!(deleted.bytes().await?.is_empty());

    let gone = client.get(format!("{items}/1")).send().await?;
    assert_eq!(gone.status(), StatusCode::NOT_FOUND);
    assert_eq!(json(gone).await?, json!({ "error": "item 1 not found" }));
    let deleted_again = client.delete(format!("{items}/1")).send().await?;
    assert_eq!(deleted_again.status(), StatusCode::NOT_FOUND);
    let missing = client.put(format!("{items}/7")).body("{}").send().await?;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_eq!(json(missing).await?, json!({ "error": "item 7 not found" }));

    // Ids are never reused.
    let third = client.post(&items).body("{}").send().await?;
    assert_eq!(json(third).await?["id"], 3);
    Ok(())
}

#[tokio::test]
async fn invalid_json_bodies_are_400_with_a_description() -> TestResult {
    let sandbox = sandbox().await?;
    let client = client()?;
    let items = format!("{}/items", sandbox.base_url());

    for (body, expected) in [
        ("{\"name\": ", "invalid JSON body: EOF while parsing"),
        (
            "{name: 1}",
            "invalid JSON body: key must be a string at line 1 column 2",
        ),
        ("[1, 2]", "request body must be a JSON object, got an array"),
        ("", "invalid JSON body"),
    ] {
        let response = client.post(&items).body(body).send().await?;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "body {body:?}");
        let error = json(response).await?["error"].as_str().map(str::to_owned);
        let error = error.ok_or("no error string")?;
        assert!(error.starts_with(expected), "body {body:?} gave {error:?}");
    }

    let put = client.put(format!("{items}/1")).body("nope").send().await?;
    assert_eq!(put.status(), StatusCode::BAD_REQUEST);
    // Nothing was stored by the failed requests.
    assert_eq!(json(client.get(&items).send().await?).await?, json!([]));
    Ok(())
}
