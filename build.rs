//! Tauri's build step. The app's commands are declared here so that capabilities must
//! grant each one by name (`allow-...`): a command the capability file does not list is
//! refused at run time, and in `cargo test` on the mock runtime.

const COMMANDS: &[&str] = &[
    "startup_info",
    "open_collection",
    "start_batch",
    "active_batches",
    "list_batches",
    "batch_results",
    "result_detail",
    "attach_batch",
    "follow_batch",
    "pause_batch",
    "resume_batch",
    "cancel_batch",
    "rerun_failed",
    "delete_batch",
    "export_report",
    "get_retention",
    "set_retention",
    "get_network",
    "set_network",
    "send_case",
    "cancel_send",
    "session_captures",
    "clear_session_captures",
    "session_cookies",
    "clear_session_cookies",
    "workspace_trees",
    "create_collection",
    "rename_collection",
    "update_collection_settings",
    "delete_collection",
    "restore_collection",
    "import_collection",
    "export_collection",
    "save_collection",
    "create_folder",
    "rename_folder",
    "delete_folder",
    "get_case",
    "create_case",
    "save_case",
    "duplicate_case",
    "delete_case",
    "restore_case",
    "move_case",
    "search_cases",
    "case_sends",
    "send_outcome",
    "list_environments",
    "save_environment",
    "delete_environment",
    "set_active_environment",
    "list_drafts",
    "save_draft",
    "discard_draft",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .unwrap_or_else(|e| panic!("tauri build step failed: {e:#}"));
}
