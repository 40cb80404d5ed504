//! What Settings › Group shows and keeps: the server address (never its password), how often
//! to sync in the background, when the last sync was, how many changes wait.

use chrono::{DateTime, Utc};
use sqlx::SqlitePool;

use super::{run, server, sync};
use crate::error::{Error, Invalid, Result};

/// The `app_settings` key holding the automatic sync interval in minutes, 0 for off.
pub const INTERVAL_KEY: &str = "group.interval_minutes";

/// The longest interval offered: a day.
pub const MAX_INTERVAL_MINUTES: u32 = 1_440;

/// What Settings › Group shows.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupOverview {
    /// The server address without its password, if set.
    pub server: Option<String>,
    /// Minutes between automatic syncs; 0 is off.
    pub interval_minutes: u32,
    /// When the last sync finished (RFC 3339 UTC).
    pub last_sync: Option<String>,
    /// Changes waiting to be sent.
    pub pending: i64,
    /// Whether a password file is in place (its content is never shown).
    pub password_saved: bool,
}

/// The group settings and state of the branch in `sqlite`.
pub async fn overview(sqlite: &SqlitePool) -> Result<GroupOverview> {
    Ok(GroupOverview {
        server: run::saved_server(sqlite).await?,
        interval_minutes: interval(sqlite).await?,
        last_sync: sync::last_sync(sqlite).await?,
        pending: sync::pending(sqlite).await?,
        password_saved: server::default_password_file().is_some_and(|path| path.exists()),
    })
}

/// The automatic sync interval in minutes (0: off).
pub async fn interval(sqlite: &SqlitePool) -> Result<u32> {
    let value: Option<String> = sqlx::query_scalar("SELECT value FROM app_settings WHERE key = ?")
        .bind(INTERVAL_KEY)
        .fetch_optional(sqlite)
        .await?;
    Ok(value.and_then(|v| v.parse().ok()).unwrap_or(0))
}

/// Keeps the server address (its password removed; an empty address clears it) and the
/// interval.
pub async fn save(
    sqlite: &SqlitePool,
    server: &str,
    interval_minutes: u32,
) -> Result<GroupOverview> {
    if interval_minutes > MAX_INTERVAL_MINUTES {
        return Err(Error::invalid("intervalMinutes", Invalid::Range));
    }
    let server = server.trim();
    if server.is_empty() {
        sqlx::query("DELETE FROM app_settings WHERE key = ?")
            .bind(run::SERVER_KEY)
            .execute(sqlite)
            .await?;
    } else {
        run::save_server(sqlite, server)
            .await
            .map_err(|_| Error::invalid("server", Invalid::Choice))?;
    }
    sqlx::query(
        "INSERT INTO app_settings (key, value) VALUES (?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(INTERVAL_KEY)
    .bind(interval_minutes.to_string())
    .execute(sqlite)
    .await?;
    overview(sqlite).await
}

/// Whether an automatic sync is due at `now`: a server is set, the interval is on and it has
/// passed since the last sync.
pub async fn sync_due(sqlite: &SqlitePool, now: DateTime<Utc>) -> Result<bool> {
    let minutes = interval(sqlite).await?;
    if minutes == 0 || run::saved_server(sqlite).await?.is_none() {
        return Ok(false);
    }
    let last = sync::last_sync(sqlite)
        .await?
        .and_then(|at| DateTime::parse_from_rfc3339(&at).ok());
    Ok(match last {
        Some(last) => {
            now.signed_duration_since(last) >= chrono::TimeDelta::minutes(i64::from(minutes))
        }
        None => true,
    })
}
