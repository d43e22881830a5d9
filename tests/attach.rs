//! Following a batch, pushed (`attach_batch`'s forwarder) and pulled (`follow_batch`'s long
//! polls, looped as the page does), against a real store and a batch running against the
//! sandbox: from any seq, everything after it arrives once, in order; while the window is
//! hidden only progress goes out, and the results follow when it is shown.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use apiautotest_desktop::live::{AttachMessage, FollowCursor, follow, forward};
use apiautotest_engine::Engine;
use apiautotest_engine::model::{BatchOptions, BatchState, Collection};
use apiautotest_engine::runner::BatchRequest;
use apiautotest_engine::store::Store;
use apiautotest_sandbox::Sandbox;
use tokio::sync::watch;
use tokio_util::sync::CancellationToken;

const CASES: usize = 120;

fn collection(base: &str) -> Collection {
    let mut yaml = format!("name: attach\nvariables:\n  base: {base}\ncases:\n");
    for i in 0..CASES {
        yaml.push_str(&format!(
            "  - name: case {i}\n    request:\n      method: GET\n      url: \"{{{{base}}}}/delay/5\"\n"
        ));
    }
    apiautotest_engine::collection_file::parse(&yaml, std::path::Path::new("attach.yaml"))
        .expect("collection")
}

/// A batch of `collection()` run over `options` against a new sandbox and store; what
/// keeps them alive comes along.
async fn started(
    options: BatchOptions,
) -> (
    Sandbox,
    tempfile::TempDir,
    Engine,
    apiautotest_engine::BatchHandle,
) {
    let sandbox = Sandbox::start(0).await.expect("sandbox");
    let dir = tempfile::tempdir().expect("dir");
    let engine = Engine::new(Store::open(&dir.path().join("a.db")).expect("store"));
    let request = BatchRequest {
        collections: vec![(collection(&sandbox.base_url()), None)],
        options,
        ..BatchRequest::default()
    };
    let handle = engine
        .start(request, CancellationToken::new())
        .await
        .expect("start");
    (sandbox, dir, engine, handle)
}

#[derive(Debug, Clone, Copy)]
enum Mode {
    Push,
    Pull,
}
const MODES: [Mode; 2] = [Mode::Push, Mode::Pull];

/// Everything a follower receives until the batch ends, pushed or pulled.
async fn receive(
    mode: Mode,
    store: &Store,
    id: &apiautotest_engine::model::BatchId,
    after: u64,
    visible: watch::Receiver<bool>,
) -> Vec<AttachMessage> {
    match mode {
        Mode::Push => attach(store, id, after, visible).await,
        Mode::Pull => pull(store, id, after, visible).await,
    }
}

/// Long polls as the page makes them: from the last seq held, with the last cursor, after
/// the pause each reply asks for; until `End`.
async fn pull(
    store: &Store,
    id: &apiautotest_engine::model::BatchId,
    after: u64,
    visible: watch::Receiver<bool>,
) -> Vec<AttachMessage> {
    let mut all = Vec::new();
    let (mut held, mut cursor) = (after, FollowCursor::default());
    loop {
        let reply = follow(
            store,
            store.subscribe(),
            id,
            held,
            cursor,
            visible.clone(),
            CancellationToken::new(),
        )
        .await
        .expect("follow");
        held = seqs(&reply.messages).last().copied().unwrap_or(held);
        cursor = reply.cursor;
        let ended = reply.messages.last() == Some(&AttachMessage::End);
        all.extend(reply.messages);
        if ended {
            return all;
        }
        tokio::time::sleep(Duration::from_millis(reply.poll_after_ms.into())).await;
    }
}

/// Everything an attach receives until it ends.
async fn attach(
    store: &Store,
    id: &apiautotest_engine::model::BatchId,
    after: u64,
    visible: watch::Receiver<bool>,
) -> Vec<AttachMessage> {
    let got = Arc::new(Mutex::new(Vec::new()));
    let sink = got.clone();
    let ended = forward(
        store,
        store.subscribe(),
        id,
        after,
        visible,
        CancellationToken::new(),
        move |m| {
            sink.lock().expect("lock").push(m);
            true
        },
    )
    .await
    .expect("forward");
    assert!(ended, "the attach ends with the batch");
    got.lock().expect("lock").clone()
}

fn seqs(messages: &[AttachMessage]) -> Vec<u64> {
    messages
        .iter()
        .flat_map(|m| match m {
            AttachMessage::Results { results, .. } => results.iter().map(|r| r.seq).collect(),
            AttachMessage::Columns { columns, tail, .. } => {
                let n = columns.durations_ms.len() as u64;
                assert_eq!(columns.verdicts.len() as u64, n, "one verdict per duration");
                (columns.first_seq..columns.first_seq + n)
                    .chain(tail.iter().map(|r| r.seq))
                    .collect()
            }
            _ => Vec::new(),
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn attaches_from_any_seq_get_the_rest_once_in_order() {
    for mode in MODES {
        followers_from_any_seq_get_the_rest_once_in_order(mode).await;
    }
}

async fn followers_from_any_seq_get_the_rest_once_in_order(mode: Mode) {
    let (_sandbox, _dir, engine, handle) = started(BatchOptions::default()).await;
    let id = handle.id.clone();
    let (_shown, visible) = watch::channel(true);

    // Attaches that join at different moments of the run, from different seqs.
    let mut attaches = Vec::new();
    for (delay_ms, after) in [(0, 0), (60, 0), (150, 7), (300, 40)] {
        let store = engine.store().clone();
        let (id, visible) = (id.clone(), visible.clone());
        attaches.push(tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(delay_ms)).await;
            (after, receive(mode, &store, &id, after, visible).await)
        }));
    }
    handle.finished().await.expect("finished");
    for attach in attaches {
        let (after, messages) = attach.await.expect("attach");
        let expected: Vec<u64> = (after + 1..=CASES as u64).collect();
        assert_eq!(seqs(&messages), expected, "{mode:?} after {after}");
        assert_eq!(messages.last(), Some(&AttachMessage::End));
        // Coalesced: far fewer messages than results.
        assert!(messages.len() < CASES / 4, "{} messages", messages.len());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hidden_gets_progress_only_then_the_results_on_show() {
    for mode in MODES {
        hidden_gets_progress_only_then_the_results_on_show_in(mode).await;
    }
}

async fn hidden_gets_progress_only_then_the_results_on_show_in(mode: Mode) {
    let (_sandbox, _dir, engine, handle) = started(BatchOptions::default()).await;
    let id = handle.id.clone();
    let (shown, visible) = watch::channel(false);
    let store = engine.store().clone();
    let follower = {
        let id = id.clone();
        tokio::spawn(async move { receive(mode, &store, &id, 0, visible).await })
    };
    handle.finished().await.expect("finished");
    tokio::time::sleep(Duration::from_millis(300)).await;
    shown.send_replace(true);
    let messages = follower.await.expect("attach");

    let first_results = messages
        .iter()
        .position(|m| {
            matches!(
                m,
                AttachMessage::Results { .. } | AttachMessage::Columns { .. }
            )
        })
        .expect("results after show");
    assert!(
        messages[..first_results]
            .iter()
            .any(|m| matches!(m, AttachMessage::Progress { .. })),
        "progress while hidden"
    );
    assert_eq!(seqs(&messages), (1..=CASES as u64).collect::<Vec<_>>());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_catch_up_comes_as_columns_and_the_newest_in_full() {
    for mode in MODES {
        a_catch_up_comes_as_columns_and_the_newest_in_full_in(mode).await;
    }
}

async fn a_catch_up_comes_as_columns_and_the_newest_in_full_in(mode: Mode) {
    let (_sandbox, _dir, engine, handle) = started(BatchOptions {
        iterations: 25, // 3000 results
        concurrency: 4,
        ..BatchOptions::default()
    })
    .await;
    let id = handle.id.clone();
    handle.finished().await.expect("finished");
    let (_shown, visible) = watch::channel(true);
    let messages = receive(mode, engine.store(), &id, 10, visible).await;

    let total = (CASES * 25) as u64;
    assert_eq!(seqs(&messages), (11..=total).collect::<Vec<_>>());
    let AttachMessage::Columns { columns, .. } = &messages[0] else {
        panic!("a long catch-up starts with columns: {:?}", messages[0]);
    };
    assert_eq!(columns.first_seq, 11);
    assert!(columns.verdicts.chars().all(|v| v == 'p'), "all passed");
    let in_full: usize = messages
        .iter()
        .map(|m| match m {
            AttachMessage::Results { results, .. } => results.len(),
            AttachMessage::Columns { tail, .. } => tail.len(),
            _ => 0,
        })
        .sum();
    assert_eq!(in_full, 20, "only the newest twenty come in full");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_poll_waits_for_the_batch_to_move() {
    let (_sandbox, _dir, engine, handle) = started(BatchOptions::default()).await;
    let id = handle.id.clone();
    let control = engine.control(&id).expect("running");
    control.pause();
    let store = engine.store().clone();
    let (_shown, visible) = watch::channel(true);
    // Hold everything up to the pause, and wait until the pause has settled: a request
    // in flight when it was asked for still commits its result.
    let mut held = 0;
    let mut cursor = FollowCursor::default();
    loop {
        let reply = follow(
            &store,
            store.subscribe(),
            &id,
            held,
            cursor,
            visible.clone(),
            CancellationToken::new(),
        )
        .await
        .expect("follow");
        held = seqs(&reply.messages).last().copied().unwrap_or(held);
        cursor = reply.cursor;
        let paused = cursor
            .state
            .is_some_and(|(state, _)| state == BatchState::Paused);
        tokio::time::sleep(Duration::from_millis(300)).await;
        let stored = store.reader().expect("reader").batch(&id).expect("batch");
        if paused && stored.last_seq == held {
            break;
        }
    }
    assert!(held < CASES as u64, "paused before the end ({held})");

    // Nothing is due: the poll waits (well under its 10 s limit here)...
    let poll = {
        let (store, id, visible) = (store.clone(), id.clone(), visible.clone());
        tokio::spawn(async move {
            follow(
                &store,
                store.subscribe(),
                &id,
                held,
                cursor,
                visible,
                CancellationToken::new(),
            )
            .await
        })
    };
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(!poll.is_finished(), "a long poll with nothing due waits");
    // ...until the batch moves: then it replies (at least the new state), and the
    // polls after it bring exactly what follows what the page held.
    control.resume();
    let reply = poll.await.expect("join").expect("follow");
    assert!(
        !reply.messages.is_empty(),
        "the poll replies once the batch moves"
    );
    assert!(reply.poll_after_ms > 0);
    let mut got = seqs(&reply.messages);
    if reply.messages.last() != Some(&AttachMessage::End) {
        let after = got.last().copied().unwrap_or(held);
        let rest = pull(&store, &id, after, visible).await;
        got.extend(seqs(&rest));
    }
    assert_eq!(got, (held + 1..=CASES as u64).collect::<Vec<_>>());
    handle.finished().await.expect("finished");
}
