//! Shows the reminders as OS notifications (tauri-plugin-notification) and opens the right
//! page when one is clicked. Once a minute the domain decides what is due
//! (`reminders::repo::take_due`, which also records it so nothing is shown twice); a few are
//! shown one by one and the rest as "N more". A click (`tap`, reported by the plugin on
//! Windows while the toast is on screen, on macOS, and on Linux where the notification server
//! reports it) brings the window forward on the reminder's page; the window is also told of
//! each reminder, so the latest one can be opened from inside the app wherever clicks are not
//! reported.

use std::time::Duration;

use chrono::Utc;
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, Runtime, State};
use tauri_plugin_notification::NotificationExt;

use super::AppState;
use crate::access::Permission;
use crate::error::Result;
use crate::reminders::{ReminderSettings, repo, texts};

/// How often due reminders are looked for.
const EVERY: Duration = Duration::from_secs(60);
/// Reminders shown one by one in a round; any beyond go into one "N more".
const SHOWN_EACH: usize = 3;

/// What the window hears: a reminder was sent (`reminder`) or clicked (`reminder-open`).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct ReminderEvent {
    route: String,
    title: String,
    body: String,
}

/// Starts the minute-by-minute check and listens for clicks on the notifications.
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    let clicks = app.clone();
    let _ = app.notification().on_action(move |action| {
        if action.action_id() != "tap" {
            return;
        }
        if let Some(id) = action.notification().map(|n| i64::from(n.id())) {
            open_reminder(&clicks, id);
        }
    });
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        loop {
            if let Err(error) = send_due(&app).await {
                tracing::warn!(%error, "reminders could not be checked");
            }
            tokio::time::sleep(EVERY).await;
        }
    });
}

async fn send_due<R: Runtime>(app: &AppHandle<R>) -> Result<()> {
    let state = app.state::<AppState>();
    let Ok(pool) = state.pool() else {
        return Ok(());
    };
    let due = repo::take_due(&pool, Utc::now()).await?;
    if due.is_empty() {
        return Ok(());
    }
    let lang = crate::settings::repo::get_language(&pool)
        .await?
        .unwrap_or_else(crate::status::os_language);
    for (id, reminder) in due.iter().take(SHOWN_EACH) {
        let (title, body) = texts::notification_text(reminder, lang);
        show(app, *id, &title, &body);
        let _ = app.emit(
            "reminder",
            ReminderEvent {
                route: reminder.route.clone(),
                title,
                body,
            },
        );
    }
    if due.len() > SHOWN_EACH {
        let (title, body) = texts::more_text(due.len() - SHOWN_EACH, lang);
        show(app, 0, &title, &body);
    }
    Ok(())
}

fn show<R: Runtime>(app: &AppHandle<R>, id: i64, title: &str, body: &str) {
    let mut builder = app.notification().builder().title(title).body(body);
    if let Ok(id) = i32::try_from(id) {
        builder = builder.id(id);
    }
    if let Err(error) = builder.show() {
        tracing::warn!(%error, "a notification could not be shown");
    }
}

/// Brings the window forward on the page of sent reminder `id` (0, "N more": the dashboard).
fn open_reminder<R: Runtime>(app: &AppHandle<R>, id: i64) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let Ok(pool) = app.state::<AppState>().pool() else {
            return;
        };
        let route = match repo::route_of(&pool, id).await {
            Ok(Some(route)) => route,
            _ => "#/dashboard".to_owned(),
        };
        super::reveal_main_window(&app);
        let _ = app.emit(
            "reminder-open",
            ReminderEvent {
                route,
                title: String::new(),
                body: String::new(),
            },
        );
    });
}

/// The reminder settings.
#[tauri::command]
pub async fn reminder_settings(state: State<'_, AppState>) -> Result<ReminderSettings> {
    state.authorize(Permission::SignedIn)?;
    repo::get_settings(&state.pool()?).await
}

/// Stores the reminder settings; returns them as stored.
#[tauri::command]
pub async fn set_reminder_settings(
    state: State<'_, AppState>,
    settings: ReminderSettings,
) -> Result<ReminderSettings> {
    state.authorize(Permission::Settings)?;
    repo::set_settings(&state.pool()?, &settings).await
}
