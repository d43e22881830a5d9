//! A collection's workbench session: the values its sends captured and the cookies they
//! were given, which its later sends use (as a batch's cases share theirs). Kept in
//! `AppState::captured` for the app's lifetime only; listed in the collection's settings.

use std::collections::BTreeMap;

use apiautotest_engine::http::StoredCookie;
use apiautotest_engine::runner::Masker;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// The values this session's sends of `collection_id` captured (secrets masked): what
/// later sends of the collection will use for those names.
#[tauri::command]
pub fn session_captures(
    collection_id: String,
    state: State<'_, AppState>,
) -> BTreeMap<String, String> {
    // As JSON text, like `SendOutcome::captures_json`: a 64-bit id would come out of the
    // page's JSON reader rounded.
    state
        .captured
        .lock()
        .ok()
        .and_then(|captured| {
            captured.get(&collection_id).map(|c| {
                c.shown
                    .iter()
                    .map(|(name, value)| (name.clone(), value.to_string()))
                    .collect()
            })
        })
        .unwrap_or_default()
}

/// Forgets them: later sends use the environment's and the collection's values again.
#[tauri::command]
pub fn clear_session_captures(collection_id: String, state: State<'_, AppState>) {
    if let Ok(mut captured) = state.captured.lock()
        && let Some(session) = captured.get_mut(&collection_id)
    {
        session.values.clear();
        session.shown.clear();
    }
}

/// The cookies this session's sends of `collection_id` were given and send on to their
/// site (values holding a secret of the active environment masked).
#[tauri::command]
pub fn session_cookies(
    collection_id: String,
    state: State<'_, AppState>,
) -> CommandResult<Vec<StoredCookie>> {
    let jar = match state.captured.lock() {
        Ok(captured) => captured.get(&collection_id).map(|c| c.cookies.clone()),
        Err(_) => None,
    };
    let Some(jar) = jar else {
        return Ok(Vec::new());
    };
    let secrets = state
        .workspace
        .active_environment()?
        .map(|e| e.secret_values())
        .unwrap_or_default();
    let masker = Masker::new(secrets.iter().map(String::as_str));
    let mut cookies = jar.cookies();
    for cookie in &mut cookies {
        masker.mask_in_place(&mut cookie.value);
    }
    Ok(cookies)
}

/// Forgets them: later sends of the collection go without cookies until a response sets
/// some again.
#[tauri::command]
pub fn clear_session_cookies(collection_id: String, state: State<'_, AppState>) {
    if let Ok(captured) = state.captured.lock()
        && let Some(session) = captured.get(&collection_id)
    {
        session.cookies.clear();
    }
}
