//! A small W3C WebDriver client over plain HTTP, for WebKitWebDriver driving the app's
//! real window (STACK.md: direct to WebKitWebDriver is the reliable way on Linux).

use std::path::Path;
use std::time::Duration;

use base64::Engine as _;
use serde_json::{Value, json};

/// The W3C key under which an element reference travels.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

pub struct Session {
    http: reqwest::Client,
    /// `http://127.0.0.1:PORT/session/ID`
    url: String,
}

impl Session {
    /// Launches `binary` with `args` in a new session; why not, when the driver refuses.
    pub async fn start(driver: &str, binary: &Path, args: &[String]) -> Result<Session, String> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(60))
            .build()
            .map_err(|e| e.to_string())?;
        let caps = json!({"capabilities": {"alwaysMatch": {"webkitgtk:browserOptions": {
            "binary": binary, "args": args
        }}}});
        let reply = call(
            &http,
            reqwest::Method::POST,
            &format!("{driver}/session"),
            Some(caps),
        )
        .await?;
        let id = reply["sessionId"]
            .as_str()
            .ok_or_else(|| format!("no session id in {reply}"))?;
        Ok(Session {
            url: format!("{driver}/session/{id}"),
            http,
        })
    }

    /// Runs `script` (a function body; `arguments` holds `args`) in the page.
    pub async fn exec(&self, script: &str, args: Vec<Value>) -> Result<Value, String> {
        self.post("/execute/sync", json!({"script": script, "args": args}))
            .await
    }

    /// Element ids matching a CSS selector, now.
    pub async fn find_all(&self, css: &str) -> Vec<String> {
        let found = self
            .post("/elements", json!({"using": "css selector", "value": css}))
            .await
            .unwrap_or(Value::Null);
        found
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|e| e[ELEMENT].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    }

    pub async fn click(&self, element: &str) -> Result<(), String> {
        self.post(&format!("/element/{element}/click"), json!({}))
            .await
            .map(|_| ())
    }

    /// Clicks the first element matching `css`, waiting up to `within` for it to exist,
    /// hold still and accept the click (a re-render may replace it in between).
    ///
    /// WebDriver clicks at the point where the element was when the click was computed:
    /// an element that moves meanwhile (the page still laying out, a list above it just
    /// loaded) is missed, and the click lands on whatever took its place. That happened
    /// to the Open... button while the collection list above it loaded on a cold start.
    pub async fn click_when_ready(&self, css: &str, within: Duration) {
        let deadline = tokio::time::Instant::now() + within;
        let mut last = String::from("not found");
        loop {
            if let Some(el) = self.find_all(css).await.first() {
                if self.holds_still(el).await {
                    match self.click(el).await {
                        Ok(()) => return,
                        Err(e) => last = e,
                    }
                } else {
                    last = String::from("it kept moving");
                }
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "{css} never became clickable: {last}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Whether `element` is at the same place and size across two frames or more.
    async fn holds_still(&self, element: &str) -> bool {
        let before = self.get(&format!("/element/{element}/rect")).await;
        tokio::time::sleep(Duration::from_millis(150)).await;
        let after = self.get(&format!("/element/{element}/rect")).await;
        matches!((before, after), (Ok(a), Ok(b)) if a == b)
    }

    /// Replaces the text of the first input matching `css` (waiting up to 20 s for it; an
    /// input a re-render replaced meanwhile is looked up again).
    pub async fn set_value(&self, css: &str, text: &str) {
        let mut last = String::from("not found");
        for _ in 0..200 {
            if let Some(element) = self.find_all(css).await.into_iter().next() {
                let _ = self
                    .post(&format!("/element/{element}/clear"), json!({}))
                    .await;
                match self
                    .post(&format!("/element/{element}/value"), json!({"text": text}))
                    .await
                {
                    Ok(_) => return,
                    Err(e) if e.contains("stale element") => last = e,
                    Err(e) => panic!("cannot type into {css}: {e}"),
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("cannot type into {css}: {last}");
    }

    /// Types `keys` into the first element matching `css` without clearing it first: W3C
    /// key codes work, e.g. `"\u{E009}s\u{E000}"` is Ctrl+S (`E009` holds Control down
    /// until `E000` releases it).
    pub async fn press(&self, css: &str, keys: &str) {
        let element = self
            .find_all(css)
            .await
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no {css}"));
        self.post(&format!("/element/{element}/value"), json!({"text": keys}))
            .await
            .unwrap_or_else(|e| panic!("cannot press keys in {css}: {e}"));
    }

    /// Drags with the mouse, as a user does: presses on the middle of the first element
    /// matching `from`, moves in steps to `dy` pixels below the middle of the first one
    /// matching `to`, releases there.
    pub async fn drag(&self, from: &str, to: &str, dy: i64) -> Result<(), String> {
        let source = self.find_all(from).await.into_iter().next();
        let target = self.find_all(to).await.into_iter().next();
        let (Some(source), Some(target)) = (source, target) else {
            return Err(format!("no {from} or no {to}"));
        };
        let steps = json!([
            {"type": "pointerMove", "duration": 0, "origin": {ELEMENT: source}, "x": 0, "y": 0},
            {"type": "pointerDown", "button": 0},
            {"type": "pointerMove", "duration": 100, "origin": "pointer", "x": 0, "y": 12},
            {"type": "pointerMove", "duration": 300, "origin": {ELEMENT: target}, "x": 0, "y": dy},
            {"type": "pause", "duration": 100},
            {"type": "pointerUp", "button": 0}
        ]);
        let actions = json!({"actions": [{
            "type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"},
            "actions": steps
        }]});
        self.post("/actions", actions).await.map(|_| ())
    }

    pub async fn screenshot(&self, path: &Path) {
        // WebKit takes the shot at the next rendering update, and a still page under
        // Xvfb may never have one: keep the page repainting (invisibly) meanwhile.
        let repaint = "let n = 0; const tick = () => {
            document.body.style.opacity = n % 2 ? '1' : '0.999';
            if (++n < 240) requestAnimationFrame(tick); else document.body.style.opacity = '';
        }; requestAnimationFrame(tick);";
        let _ = self.exec(repaint, vec![]).await;
        let png = match self.get("/screenshot").await {
            Ok(Value::String(png)) => png,
            other => panic!("no screenshot: {other:?}"),
        };
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(png)
            .expect("screenshot is base64");
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("screenshot folder");
        }
        std::fs::write(path, bytes).expect("screenshot written");
    }

    /// Ends the session (and the app it launched, if still there). Errors are ignored: the
    /// app may already be gone, which is what some tests do to it.
    pub async fn end(&self) {
        let _ = call(&self.http, reqwest::Method::DELETE, &self.url, None).await;
    }

    async fn post(&self, path: &str, body: Value) -> Result<Value, String> {
        call(
            &self.http,
            reqwest::Method::POST,
            &format!("{}{path}", self.url),
            Some(body),
        )
        .await
    }

    async fn get(&self, path: &str) -> Result<Value, String> {
        call(
            &self.http,
            reqwest::Method::GET,
            &format!("{}{path}", self.url),
            None,
        )
        .await
    }
}

/// One WebDriver call; its `value`, or the error it reported.
async fn call(
    http: &reqwest::Client,
    method: reqwest::Method,
    url: &str,
    body: Option<Value>,
) -> Result<Value, String> {
    let mut request = http.request(method, url);
    if let Some(body) = body {
        request = request.json(&body);
    }
    // With the causes: reqwest's own text ("error sending request") does not say why.
    let response = request.send().await.map_err(|e| error_chain(&e))?;
    let ok = response.status().is_success();
    let reply: Value = response.json().await.map_err(|e| e.to_string())?;
    if ok {
        Ok(reply["value"].clone())
    } else {
        Err(reply["value"].to_string())
    }
}

fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut cause = error.source();
    while let Some(inner) = cause {
        text.push_str(&format!(": {inner}"));
        cause = inner.source();
    }
    text
}
