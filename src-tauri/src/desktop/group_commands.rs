//! Settings › Group: thin commands over `group::app` and `group::run`, and the automatic sync
//! that runs in the background (never on the UI's path: the window only reads its results).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tauri::{AppHandle, Manager, Runtime, State};

use super::AppState;
use crate::access::Permission;
use crate::error::Result;
use crate::group::app::{self, GroupOverview};
use crate::group::run::{self, SyncOutcome};
use crate::group::sync::SyncOptions;
use crate::group::{GroupProblem, server};

/// How often the background task checks whether a sync is due.
const TICK: Duration = Duration::from_secs(60);

/// Whether a sync is running, so a click and the timer never run two at once.
#[derive(Debug, Default, Clone)]
pub struct GroupSync(Arc<AtomicBool>);

impl GroupSync {
    /// Runs `sync` unless one is running already ([`GroupProblem::Busy`]).
    async fn exclusive<T>(&self, sync: impl Future<Output = Result<T>>) -> Result<T> {
        if self.0.swap(true, Ordering::AcqRel) {
            return Err(GroupProblem::Busy.into());
        }
        let result = sync.await;
        self.0.store(false, Ordering::Release);
        result
    }
}

#[tauri::command]
pub async fn group_overview(state: State<'_, AppState>) -> Result<GroupOverview> {
    state.authorize(Permission::Settings)?;
    app::overview(&state.pool()?).await
}

#[tauri::command]
pub async fn save_group_settings(
    state: State<'_, AppState>,
    server: String,
    interval_minutes: u32,
) -> Result<GroupOverview> {
    state.authorize(Permission::Settings)?;
    app::save(&state.pool()?, &server, interval_minutes).await
}

/// Keeps the password in a file only this user can read (never in the database); empty
/// removes it.
#[tauri::command]
pub async fn save_group_password(state: State<'_, AppState>, password: String) -> Result<()> {
    state.authorize(Permission::Settings)?;
    let path = server::default_password_file().ok_or(GroupProblem::NoServer)?;
    server::write_password_file(&path, &password)
}

/// Connects and checks the schema and the role; returns the branch code the server knows.
#[tauri::command]
pub async fn test_group_connection(state: State<'_, AppState>) -> Result<String> {
    state.authorize(Permission::Settings)?;
    let pool = state.pool()?;
    let url = run::server_or_saved(&pool, None).await?;
    run::check_connection(&pool, &url).await
}

#[tauri::command]
pub async fn sync_group_now(
    state: State<'_, AppState>,
    syncing: State<'_, GroupSync>,
) -> Result<SyncOutcome> {
    state.authorize(Permission::Settings)?;
    let pool = state.pool()?;
    syncing.exclusive(sync_with_saved_server(&pool)).await
}

/// One sync to the server saved in Settings › Group, as "Sync now" and the timer both run it.
async fn sync_with_saved_server(pool: &sqlx::SqlitePool) -> Result<SyncOutcome> {
    let url = run::server_or_saved(pool, None).await?;
    run::sync_now(pool, &url, SyncOptions::default()).await
}

/// Checks every minute whether the automatic sync is due and runs it. A failure (the server
/// down, the laptop offline) is logged and tried again at the next interval: the outbox keeps
/// everything meanwhile.
pub fn spawn_background_sync<R: Runtime>(app: AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        loop {
            tokio::time::sleep(TICK).await;
            let (Some(state), Some(syncing)) =
                (app.try_state::<AppState>(), app.try_state::<GroupSync>())
            else {
                continue;
            };
            let Ok(pool) = state.pool() else { continue };
            if !app::sync_due(&pool, chrono::Utc::now())
                .await
                .unwrap_or(false)
            {
                continue;
            }
            let outcome = syncing.exclusive(sync_with_saved_server(&pool)).await;
            match outcome {
                Ok(done) => {
                    tracing::info!(batches = done.sent.batches, "automatic group sync done")
                }
                Err(error) => tracing::warn!(code = error.code(), "automatic group sync failed"),
            }
        }
    });
}
