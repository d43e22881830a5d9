//! Where scripts' `pm.sendRequest` calls go: one thread of the process with its own
//! runtime. A script runs synchronously on a worker thread and waits for its answer
//! there; sending from that worker's own runtime could wait on itself, so the requests
//! are handed to this thread instead. Each request goes out on the client of the batch
//! (or send) whose script made it: its cookie jar, `-k`, certificates and proxy.

use std::sync::OnceLock;
use std::sync::mpsc::{Sender, SyncSender, sync_channel};
use std::time::{Duration, Instant};

use apiautotest_script::{Host, HttpRequest, ScriptResponse};

/// A request with the time left for it, the client to send it with, and where its
/// answer goes.
type Call = (
    HttpRequest,
    Duration,
    reqwest::Client,
    SyncSender<Result<ScriptResponse, String>>,
);

pub struct ScriptHttp {
    calls: std::sync::Mutex<Sender<Call>>,
}

/// The process's sender of script requests, started on first use.
pub fn script_http() -> Option<&'static ScriptHttp> {
    static HTTP: OnceLock<Option<ScriptHttp>> = OnceLock::new();
    HTTP.get_or_init(ScriptHttp::start).as_ref()
}

impl ScriptHttp {
    fn start() -> Option<ScriptHttp> {
        let (calls, incoming) = std::sync::mpsc::channel::<Call>();
        std::thread::Builder::new()
            .name("script-http".into())
            .spawn(move || {
                // A worker of its own, not a current-thread runtime: a connection opened
                // here goes into the batch client's pool, and its task must keep running
                // between calls for the batch's requests that reuse it.
                let Ok(runtime) = tokio::runtime::Builder::new_multi_thread()
                    .worker_threads(1)
                    .thread_name("script-http-io")
                    .enable_all()
                    .build()
                else {
                    return;
                };
                for (request, timeout, client, answer) in incoming {
                    let result = runtime.block_on(send(&client, &request, timeout));
                    let _ = answer.send(result);
                }
            })
            .ok()?;
        Some(ScriptHttp {
            calls: std::sync::Mutex::new(calls),
        })
    }
}

/// The script host of one batch or send: the process's sender, with its client.
pub struct ClientHost<'a> {
    pub http: &'static ScriptHttp,
    pub client: &'a reqwest::Client,
}

impl Host for ClientHost<'_> {
    fn send(&self, request: &HttpRequest, timeout: Duration) -> Result<ScriptResponse, String> {
        let (answer, reply) = sync_channel(1);
        self.http
            .calls
            .lock()
            .map_err(|_| "the request sender stopped".to_owned())?
            .send((request.clone(), timeout, self.client.clone(), answer))
            .map_err(|_| "the request sender stopped".to_owned())?;
        reply
            .recv()
            .map_err(|_| "the request sender stopped".to_owned())?
    }
}

async fn send(
    client: &reqwest::Client,
    request: &HttpRequest,
    timeout: Duration,
) -> Result<ScriptResponse, String> {
    let method = reqwest::Method::from_bytes(request.method.as_bytes())
        .map_err(|_| format!("invalid method {:?}", request.method))?;
    let url = if request.url.contains("://") {
        request.url.clone()
    } else {
        format!("http://{}", request.url)
    };
    let mut builder = client
        .request(method, &url)
        .timeout(timeout.max(Duration::from_millis(1)));
    for (name, value) in &request.headers {
        builder = builder.header(name, value);
    }
    if let Some(body) = &request.body {
        builder = builder.body(body.clone());
    }
    let started = Instant::now();
    let response = builder.send().await.map_err(|e| describe(&e))?;
    let code = response.status().as_u16();
    let reason = response
        .status()
        .canonical_reason()
        .unwrap_or("")
        .to_owned();
    let headers: Vec<(String, String)> = response
        .headers()
        .iter()
        .map(|(k, v)| {
            (
                k.as_str().to_owned(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    let bytes = response.bytes().await.map_err(|e| describe(&e))?;
    Ok(ScriptResponse {
        code,
        reason,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
        body_size: bytes.len() as u64,
        response_time: started.elapsed().as_secs_f64() * 1000.0,
        cookies: Vec::new(),
    })
}

fn describe(error: &reqwest::Error) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
