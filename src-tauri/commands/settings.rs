//! Settings: retention of finished batches; the network of batches and sends.

use apiautotest_engine::http::{Transport, build_client};
use apiautotest_engine::model::BatchOptions;
use tauri::State;

use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::settings::Retention;
use crate::state::AppState;

#[tauri::command]
pub fn get_retention(state: State<'_, AppState>) -> Retention {
    state.settings.retention()
}

/// Saves the retention and applies it at once; how many batches it deleted.
#[tauri::command]
pub async fn set_retention(retention: Retention, state: State<'_, AppState>) -> CommandResult<u64> {
    state.settings.set_retention(retention).map_err(|e| {
        CommandError::new(ErrorCode::Storage, format!("cannot save the settings: {e}"))
    })?;
    Ok(state
        .engine
        .store()
        .prune(retention.older_than_days, retention.keep_newest)
        .await?)
}

#[tauri::command]
pub fn get_network(state: State<'_, AppState>) -> Transport {
    state.settings.network()
}

/// Checks the certificates and proxy (a client is built with them: a missing file, a
/// wrong passphrase or a bad proxy URL is refused, nothing saved), saves them, and uses
/// them for the batches and sends from now on.
#[tauri::command]
pub fn set_network(network: Transport, state: State<'_, AppState>) -> CommandResult<()> {
    let network = without_blanks(network);
    build_client(&BatchOptions::default(), &network)
        .map_err(|message| CommandError::new(ErrorCode::InvalidInput, message))?;
    state.settings.set_network(network.clone()).map_err(|e| {
        CommandError::new(ErrorCode::Storage, format!("cannot save the settings: {e}"))
    })?;
    state.engine.set_transport(network);
    Ok(())
}

/// Empty fields of the form mean "not set".
fn without_blanks(mut network: Transport) -> Transport {
    let blank = |p: &std::path::Path| p.as_os_str().is_empty();
    if network.client_cert.as_ref().is_some_and(|c| blank(&c.cert)) {
        network.client_cert = None;
    }
    if let Some(client) = &mut network.client_cert {
        client.key = client.key.take().filter(|k| !blank(k));
        client.passphrase = client.passphrase.take().filter(|p| !p.is_empty());
    }
    network.extra_ca_certs = network.extra_ca_certs.filter(|p| !blank(p));
    network.proxy = network.proxy.filter(|p| !p.url.trim().is_empty());
    network
}
