//! Reading a batch's results: pages, one in full, and following it live (pushed or pulled).

use std::collections::BTreeMap;

use apiautotest_engine::model::{BatchId, CaseResult, ResultSummary};
use apiautotest_engine::store::ResultFilter;
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{Runtime, State, Webview};

use crate::error::{CommandError, CommandResult};
use crate::live::{self, AttachMessage, FollowCursor, FollowReply};
use crate::state::AppState;

/// The most results one page may ask for: pages, never the whole list.
const MAX_PAGE: u32 = 5000;

/// Results after `after_seq` in seq order, at most `limit`; `filter` by verdict, and
/// `search` keeps the cases whose name contains it (without case).
#[tauri::command]
pub fn batch_results(
    batch_id: BatchId,
    after_seq: u64,
    limit: u32,
    filter: Option<ResultFilter>,
    search: Option<String>,
    state: State<'_, AppState>,
) -> CommandResult<Vec<ResultSummary>> {
    if limit == 0 || limit > MAX_PAGE {
        return Err(CommandError::invalid_input(format!(
            "limit must be between 1 and {MAX_PAGE}, not {limit}"
        )));
    }
    let reader = state.engine.store().reader()?;
    reader.batch(&batch_id)?; // an unknown batch is an error, not an empty page
    let search = search.as_deref().filter(|s| !s.is_empty());
    Ok(reader.summaries_matching(
        &batch_id,
        after_seq,
        limit,
        filter.unwrap_or_default(),
        search,
    )?)
}

/// One result in full, for the detail panel.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ResultDetail {
    pub result: CaseResult,
    /// `result.captures` as JSON text, for display: the page reads JSON numbers as
    /// doubles, which would show a captured 64-bit id rounded.
    pub captures_json: BTreeMap<String, String>,
}

#[tauri::command]
pub fn result_detail(
    batch_id: BatchId,
    seq: u64,
    state: State<'_, AppState>,
) -> CommandResult<ResultDetail> {
    let result = state.engine.store().reader()?.result(&batch_id, seq)?;
    let captures_json = result
        .captures
        .iter()
        .map(|(name, value)| (name.clone(), value.to_string()))
        .collect();
    Ok(ResultDetail {
        result,
        captures_json,
    })
}

/// Replays the batch's results after `after_seq`, then follows it live, over `on_event`.
/// Returns once the attach is set up; it ends with the batch, or when this page goes.
#[tauri::command]
pub fn attach_batch<R: Runtime>(
    batch_id: BatchId,
    after_seq: u64,
    on_event: Channel<AttachMessage>,
    webview: Webview<R>,
    state: State<'_, AppState>,
) -> CommandResult<()> {
    let store = state.engine.store().clone();
    store.reader()?.batch(&batch_id)?;
    // Subscribed here, before the forwarder's first read: see live::attach.
    let events = store.subscribe();
    let stop = state.subscribers.token_for(webview.label());
    let visible = state.visible.subscribe();
    tauri::async_runtime::spawn(async move {
        let send = |message| on_event.send(message).is_ok();
        let _ = live::forward(&store, events, &batch_id, after_seq, visible, stop, send).await;
    });
    Ok(())
}

/// What follows `after_seq` in the batch now, or as soon as the batch moves (a long poll;
/// see live::follow). The app's page calls it again with the reply's cursor.
#[tauri::command]
pub async fn follow_batch<R: Runtime>(
    batch_id: BatchId,
    after_seq: u64,
    cursor: Option<FollowCursor>,
    webview: Webview<R>,
    state: State<'_, AppState>,
) -> CommandResult<FollowReply> {
    let store = state.engine.store().clone();
    // Subscribed before the first read: see live::follow.
    let events = store.subscribe();
    let stop = state.subscribers.token_for(webview.label());
    let visible = state.visible.subscribe();
    let cursor = cursor.unwrap_or_default();
    Ok(live::follow(&store, events, &batch_id, after_seq, cursor, visible, stop).await?)
}
