//! One QuickJS runtime and context with the bootstrap (`js/bootstrap.js`) run in it: the
//! realm every case's scripts of one thread run in.

use std::cell::Cell;
use std::collections::HashMap;
use std::rc::Rc;
use std::time::{Duration, Instant};

use rquickjs::context::EvalOptions;
use rquickjs::{CatchResultExt, CaughtError, Context, Ctx, Function, Object, Runtime, Value};

use crate::job::{Host, HttpRequest};
use crate::libraries;

/// A request a script queued with `pm.sendRequest`.
#[derive(serde::Deserialize)]
struct SentRequest {
    id: u32,
    request: HttpRequest,
}

/// The answer to a script's request, as the bootstrap's `deliver` reads it.
fn answer(host: Option<&dyn Host>, request: &HttpRequest, deadline: Instant) -> String {
    let left = deadline.saturating_duration_since(Instant::now());
    let answer = match host {
        Some(host) => host.send(request, left),
        None => Err("pm.sendRequest cannot send requests here".to_owned()),
    };
    match answer {
        Ok(response) => serde_json::json!({ "response": response }),
        Err(error) => serde_json::json!({ "error": error }),
    }
    .to_string()
}

const BOOTSTRAP: &str = include_str!("../js/bootstrap.js");
/// The file name user scripts carry in stack traces, to find their line.
const USER_FILE: &str = "user-script";
/// Compiled scripts kept per realm; past this the cache starts again (a collection with
/// more distinct scripts than this compiles some twice, nothing worse).
const MAX_COMPILED: usize = 4096;
/// How often (in runs) the realm measures how much of its memory it still holds.
const MEASURE_EVERY: u64 = 256;

/// Why a realm cannot be used again: after a limit was hit its heap may be half-built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spoiled {
    No,
    Yes,
}

pub struct Realm {
    runtime: Runtime,
    context: Context,
    deadline: Rc<Cell<Option<Instant>>>,
    interrupted: Rc<Cell<bool>>,
    compiled: HashMap<String, i32>,
    memory_limit: usize,
    runs: u64,
}

/// The raw result of one run: the outcome's JSON, or why it has none.
pub enum RunResult {
    Json(String),
    Failed {
        message: String,
        script: Option<usize>,
        line: Option<u32>,
    },
}

impl Realm {
    pub fn new(memory_limit: usize, stack_limit: usize) -> Result<Realm, String> {
        let runtime = Runtime::new().map_err(|e| format!("cannot start the script engine: {e}"))?;
        runtime.set_memory_limit(memory_limit);
        runtime.set_max_stack_size(stack_limit);
        let deadline: Rc<Cell<Option<Instant>>> = Rc::new(Cell::new(None));
        let interrupted = Rc::new(Cell::new(false));
        let (d, i) = (deadline.clone(), interrupted.clone());
        // QuickJS asks this every so often while running; true ends the running script
        // with an exception no `catch` can hold.
        runtime.set_interrupt_handler(Some(Box::new(move || {
            let over = d.get().is_some_and(|at| Instant::now() >= at);
            if over {
                i.set(true);
            }
            over
        })));
        let context =
            Context::full(&runtime).map_err(|e| format!("cannot start the script engine: {e}"))?;
        let realm = Realm {
            runtime,
            context,
            deadline,
            interrupted,
            compiled: HashMap::new(),
            memory_limit,
            runs: 0,
        };
        realm.bootstrap()?;
        Ok(realm)
    }

    fn bootstrap(&self) -> Result<(), String> {
        self.context.with(|ctx| {
            let natives = Object::new(ctx.clone()).map_err(|e| e.to_string())?;
            let load = Function::new(ctx.clone(), load_library).map_err(|e| e.to_string())?;
            natives.set("load", load).map_err(|e| e.to_string())?;
            let xml2json = Function::new(ctx.clone(), |text: String| {
                crate::xml::xml_to_json(&text).map(|json| json.to_string())
            })
            .map_err(|e| e.to_string())?;
            natives
                .set("xml2json", xml2json)
                .map_err(|e| e.to_string())?;
            let dynamic = Function::new(ctx.clone(), |name: String| crate::dynamic(&name))
                .map_err(|e| e.to_string())?;
            natives.set("dynamic", dynamic).map_err(|e| e.to_string())?;
            ctx.globals()
                .set("__natives", natives)
                .map_err(|e| e.to_string())?;
            ctx.eval_with_options::<(), _>(BOOTSTRAP, options("bootstrap.js"))
                .catch(&ctx)
                .map_err(|e| {
                    format!(
                        "the script runtime's bootstrap failed: {}",
                        caught_message(&e)
                    )
                })
        })
    }

    /// Runs the scripts (texts, in order) with the job's input JSON, within `time`.
    pub fn run(
        &mut self,
        scripts: &[&str],
        input_json: &str,
        time: Duration,
        host: Option<&dyn Host>,
    ) -> (RunResult, Spoiled) {
        self.interrupted.set(false);
        let deadline = Instant::now() + time;
        self.deadline.set(Some(deadline));
        if self.compiled.len() > MAX_COMPILED {
            self.forget_compiled();
        }
        let result = self.run_armed(scripts, input_json, deadline, host);
        self.deadline.set(None);
        let spoiled = self.spoiled(&result);
        (result, spoiled)
    }

    fn run_armed(
        &mut self,
        scripts: &[&str],
        input_json: &str,
        deadline: Instant,
        host: Option<&dyn Host>,
    ) -> RunResult {
        let mut ids = Vec::with_capacity(scripts.len());
        for (index, code) in scripts.iter().enumerate() {
            match self.compile(code) {
                Ok(id) => ids.push(id),
                Err((message, line)) => {
                    return RunResult::Failed {
                        message,
                        script: Some(index),
                        line,
                    };
                }
            }
        }
        let interrupted = self.interrupted.clone();
        self.context.with(|ctx| {
            let run = || -> rquickjs::Result<String> {
                let api: Object<'_> = ctx.globals().get("__aat")?;
                let start: Function<'_> = api.get("start")?;
                let input =
                    input_json.replacen("\"scripts\":[]", &format!("\"scripts\":{ids:?}"), 1);
                let handle: Object<'_> = start.call((input,))?;
                let tick: Function<'_> = handle.get("tick")?;
                let finish: Function<'_> = handle.get("finish")?;
                let take: Function<'_> = handle.get("takeRequests")?;
                let deliver: Function<'_> = handle.get("deliver")?;
                // The event loop: promise jobs, then the requests scripts sent (answered one
                // by one), then the earliest timer, until nothing is left or time is up.
                let mut drained = false;
                while Instant::now() < deadline && !interrupted.get() {
                    while ctx.execute_pending_job() {}
                    let requests: String = take.call(())?;
                    let requests: Vec<SentRequest> =
                        serde_json::from_str(&requests).unwrap_or_default();
                    if !requests.is_empty() {
                        for sent in requests {
                            let answer = answer(host, &sent.request, deadline);
                            deliver.call::<_, ()>((sent.id, answer))?;
                        }
                        continue;
                    }
                    if !tick.call::<_, bool>(())? {
                        drained = true;
                        break;
                    }
                }
                let out = finish.call::<_, String>((drained,))?;
                let sweep: Function<'_> = api.get("sweep")?;
                sweep.call::<_, ()>(())?;
                Ok(out)
            };
            match run().catch(&ctx) {
                Ok(json) => RunResult::Json(json),
                Err(error) => RunResult::Failed {
                    message: if interrupted.get() {
                        "the script ran past its time limit".to_owned()
                    } else {
                        caught_message(&error)
                    },
                    script: None,
                    line: None,
                },
            }
        })
    }

    /// Compiles a script as a function of the parameters every script gets, once per
    /// text. Err: the syntax error and its line.
    fn compile(&mut self, code: &str) -> Result<i32, (String, Option<u32>)> {
        if let Some(id) = self.compiled.get(code) {
            return Ok(*id);
        }
        let id = self.context.with(|ctx| {
            let compile = || -> rquickjs::Result<i32> {
                let api: Object<'_> = ctx.globals().get("__aat")?;
                let parameters: Vec<String> = api.get("PARAMETERS")?;
                // The code starts on the wrapper's first line: its line numbers are kept.
                let wrapped = format!("(function ({}) {{{code}\n}})", parameters.join(", "));
                let function: Value<'_> = ctx.eval_with_options(wrapped, options(USER_FILE))?;
                let keep: Function<'_> = api.get("keep")?;
                keep.call((function, code))
            };
            compile()
                .catch(&ctx)
                .map_err(|e| (caught_message(&e), caught_line(&e)))
        })?;
        self.compiled.insert(code.to_owned(), id);
        Ok(id)
    }

    fn forget_compiled(&mut self) {
        self.compiled.clear();
        self.context.with(|ctx| {
            let forget = || -> rquickjs::Result<()> {
                let api: Object<'_> = ctx.globals().get("__aat")?;
                let forget: Function<'_> = api.get("forget")?;
                forget.call(())
            };
            let _ = forget();
        });
    }

    /// A realm that hit a limit, or holds most of its memory after a collection, is not
    /// used again.
    fn spoiled(&mut self, result: &RunResult) -> Spoiled {
        if self.interrupted.get() {
            return Spoiled::Yes;
        }
        if let RunResult::Failed { message, .. } = result
            && message.contains("out of memory")
        {
            return Spoiled::Yes;
        }
        // Measuring walks the whole heap (and a collection more so): every so many runs,
        // not after each. QuickJS collects by itself meanwhile, and the limit holds anyway.
        self.runs += 1;
        if !self.runs.is_multiple_of(MEASURE_EVERY) {
            return Spoiled::No;
        }
        self.runtime.run_gc();
        let used =
            usize::try_from(self.runtime.memory_usage().memory_used_size).unwrap_or(usize::MAX);
        if used > self.memory_limit / 4 * 3 {
            Spoiled::Yes
        } else {
            Spoiled::No
        }
    }
}

/// Evaluates a vendored library as a CommonJS module and gives its exports.
fn load_library<'js>(ctx: Ctx<'js>, name: String) -> rquickjs::Result<Value<'js>> {
    let Some((file, source)) = libraries::source(&name) else {
        return Err(rquickjs::Exception::throw_reference(
            &ctx,
            &format!("no library {name:?}"),
        ));
    };
    ctx.eval_with_options(libraries::as_module(source), options(file))
}

fn options(file: &str) -> EvalOptions {
    let mut options = EvalOptions::default();
    options.global = true;
    options.strict = false;
    options.filename = Some(file.to_owned());
    options
}

/// `TypeError: cannot read property 'x' of undefined`, from whatever was thrown.
pub fn caught_message(error: &CaughtError<'_>) -> String {
    match error {
        CaughtError::Exception(exception) => {
            let name: String = exception.get("name").unwrap_or_else(|_| "Error".to_owned());
            let message = exception.message().unwrap_or_default();
            if message.is_empty() {
                name
            } else {
                format!("{name}: {message}")
            }
        }
        CaughtError::Value(value) => {
            let text = value
                .as_string()
                .and_then(|s| s.to_string().ok())
                .unwrap_or_else(|| format!("{value:?}"));
            format!("thrown: {text}")
        }
        CaughtError::Error(error) => error.to_string(),
    }
}

/// The user script's line an error comes from: the first stack frame in a user script
/// (`at f (user-script:3:9)`), or a syntax error's own position.
pub fn caught_line(error: &CaughtError<'_>) -> Option<u32> {
    let CaughtError::Exception(exception) = error else {
        return None;
    };
    if let Ok(line) = exception.get::<_, u32>("lineNumber") {
        return Some(line);
    }
    line_in_stack(&exception.stack().unwrap_or_default())
}

pub fn line_in_stack(stack: &str) -> Option<u32> {
    let marker = format!("{USER_FILE}:");
    stack.lines().find_map(|frame| {
        let at = frame.find(&marker)? + marker.len();
        frame[at..]
            .split(|c: char| !c.is_ascii_digit())
            .next()?
            .parse()
            .ok()
    })
}
