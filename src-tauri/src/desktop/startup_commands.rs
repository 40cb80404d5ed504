//! The start-up screen's ways out when the database could not be opened: try again, open
//! another data file, or quit. (Restoring a backup goes through `backup_commands`.)

use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use super::AppState;
use crate::access::Permission;
use crate::error::Result;

/// Opens the database file again, e.g. after the program that locked it has let go.
#[tauri::command]
pub async fn retry_open(state: State<'_, AppState>) -> Result<()> {
    state.authorize(Permission::Public)?;
    state.reopen().await
}

/// Asks for another BranchDesk data file with the system's dialog and uses it for this
/// session; `false` when the user cancels.
#[tauri::command]
pub async fn open_other_database<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<bool> {
    state.authorize_unless_start_up_fault(Permission::Restore)?;
    let (sender, receiver) = tokio::sync::oneshot::channel();
    let mut dialog = app
        .dialog()
        .file()
        .add_filter("BranchDesk data", &["db", "sqlite"]);
    if let Some(folder) = state.db_path().parent() {
        dialog = dialog.set_directory(folder);
    }
    dialog.pick_file(move |picked| {
        let _ = sender.send(picked);
    });
    match receiver
        .await
        .ok()
        .flatten()
        .and_then(|p| p.into_path().ok())
    {
        Some(path) => state.switch_to(path).await.map(|()| true),
        None => Ok(false),
    }
}

/// Closes the app.
#[tauri::command]
pub fn quit_app<R: Runtime>(state: State<'_, AppState>, app: AppHandle<R>) -> Result<()> {
    state.authorize(Permission::Public)?;
    app.exit(0);
    Ok(())
}
