//! Backup and restore from Settings: thin commands over `store::backup`.

use std::path::{Path, PathBuf};

use chrono::Utc;
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use super::AppState;
use crate::access::Permission;
use crate::error::{Error, Result};
use crate::store::backup::{self, BackupInfo, BackupKind, BackupProblem};

/// What the Backups section shows.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BackupOverview {
    /// The backups, newest first.
    pub backups: Vec<BackupInfo>,
    /// How many are kept.
    pub keep: u32,
    /// The folder they are in.
    pub folder: PathBuf,
}

#[tauri::command]
pub async fn backup_overview(state: State<'_, AppState>) -> Result<BackupOverview> {
    state.authorize_unless_start_up_fault(Permission::Backup)?;
    Ok(BackupOverview {
        backups: backup::list_backups(&state.db_path())?,
        // The start-up screen lists backups while the database itself cannot be opened.
        keep: match state.pool() {
            Ok(pool) => backup::keep_count(&pool).await?,
            Err(_) => backup::DEFAULT_KEEP,
        },
        folder: backup::backups_dir(&state.db_path()),
    })
}

#[tauri::command]
pub async fn back_up_now(state: State<'_, AppState>) -> Result<BackupInfo> {
    state.authorize(Permission::Backup)?;
    backup::back_up(
        &state.pool()?,
        &state.db_path(),
        BackupKind::Manual,
        Utc::now(),
    )
    .await
}

#[tauri::command]
pub async fn set_backup_keep(state: State<'_, AppState>, keep: u32) -> Result<u32> {
    state.authorize(Permission::Backup)?;
    backup::set_keep_count(&state.pool()?, &state.db_path(), keep).await
}

/// Restores one of the listed backups over the database; `true` once restored.
/// Only files in the backups folder are accepted here: other files come through the dialog.
#[tauri::command]
pub async fn restore_backup(state: State<'_, AppState>, path: PathBuf) -> Result<bool> {
    state.authorize_unless_start_up_fault(Permission::Restore)?;
    let listed = backup::list_backups(&state.db_path())?;
    if !listed.iter().any(|b| b.path == path) {
        return Err(Error::Backup(BackupProblem::Missing));
    }
    restore_from(&state, &path).await
}

/// Asks for a backup file with the system's dialog and restores it; `false` when cancelled.
#[tauri::command]
pub async fn restore_backup_from_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<bool> {
    state.authorize_unless_start_up_fault(Permission::Restore)?;
    let (sender, receiver) = tokio::sync::oneshot::channel();
    app.dialog()
        .file()
        .add_filter("BranchDesk backup", &["sqlite", "db"])
        .set_directory(backup::backups_dir(&state.db_path()))
        .pick_file(move |picked| {
            let _ = sender.send(picked);
        });
    let picked = receiver.await.ok().flatten();
    match picked.and_then(|p| p.into_path().ok()) {
        Some(path) => restore_from(&state, &path).await,
        None => Ok(false),
    }
}

/// Restores `path` and reopens the database. The backup is copied and checked before the
/// database is closed, so a refused one changes nothing and the app carries on; the current
/// file is never opened to be migrated, so a damaged or newer one can be replaced too.
async fn restore_from(state: &AppState, path: &Path) -> Result<bool> {
    let db_path = state.db_path();
    let staged = backup::stage_restore(&db_path, path).await?;
    if let Ok(pool) = state.pool() {
        crate::store::close(pool).await;
    }
    let kept = staged.finish(Utc::now()).await;
    // Reopen whatever the file now holds, even after a failed restore, so the app keeps working.
    let reopened = state.reopen().await;
    if let Some(made) = kept?.as_ref() {
        tracing::info!(path = %made.path.display(), "restored; the previous database is kept");
    }
    reopened.map(|()| true)
}

#[tauri::command]
pub fn reveal_backups(state: State<'_, AppState>) -> Result<()> {
    state.authorize_unless_start_up_fault(Permission::Backup)?;
    let folder = backup::backups_dir(&state.db_path());
    std::fs::create_dir_all(&folder)?;
    tauri_plugin_opener::reveal_item_in_dir(&folder)
        .map_err(|e| Error::Io(std::io::Error::other(e.to_string())))
}

/// Makes the day's first backup in the background, so a large database never delays the window.
pub fn spawn_daily_backup(state: &AppState) {
    let Ok(pool) = state.pool() else { return };
    let db_path = state.db_path();
    tauri::async_runtime::spawn(async move {
        match backup::daily_backup_if_due(&pool, &db_path, Utc::now()).await {
            Ok(Some(made)) => tracing::info!(path = %made.path.display(), "daily backup made"),
            Ok(None) => {}
            Err(error) => tracing::error!(%error, "the daily backup failed"),
        }
    });
}
