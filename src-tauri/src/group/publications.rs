//! What head office publishes flows down: each publication is a new version of its key, and a
//! branch takes each version once, adding to its own records and never replacing them.

use sqlx::{PgPool, SqlitePool};

use super::pg_error;
use crate::error::{Error, Result};

/// What a sync took from head office.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Taken {
    /// Categories added to the branch's list.
    pub categories: u32,
    /// Publications of kinds this version does not take yet (curriculum modules and drill
    /// scenarios): left on the server, counted so the sync can say so.
    pub skipped: u32,
}

/// The `app_settings` key remembering which version of a publication was taken.
fn taken_key(kind: &str, key: &str) -> String {
    format!("group.taken.{kind}.{key}")
}

/// Takes every publication newer than the version last taken.
pub async fn take(sqlite: &SqlitePool, pg: &PgPool) -> Result<Taken> {
    let latest: Vec<(String, String, i32, String)> = sqlx::query_as(
        "SELECT DISTINCT ON (kind, key) kind, key, version, data::text FROM publications
         ORDER BY kind, key, version DESC",
    )
    .fetch_all(pg)
    .await
    .map_err(pg_error)?;
    let mut taken = Taken::default();
    for (kind, key, version, data) in latest {
        let setting = taken_key(&kind, &key);
        let had: Option<String> =
            sqlx::query_scalar("SELECT value FROM app_settings WHERE key = ?")
                .bind(&setting)
                .fetch_optional(sqlite)
                .await?;
        if had.and_then(|v| v.parse::<i32>().ok()) >= Some(version) {
            continue;
        }
        if kind != "category" {
            taken.skipped += 1;
            continue;
        }
        let name = serde_json::from_str::<serde_json::Value>(&data)
            .ok()
            .and_then(|v| v.get("name").and_then(|n| n.as_str()).map(str::to_owned));
        let Some(name) = name else {
            continue;
        };
        match crate::settings::repo::add_category(sqlite, &name).await {
            Ok(_) => taken.categories += 1,
            // The branch already has a category of that name: its own stays as it is.
            Err(Error::Duplicate { .. } | Error::Invalid { .. }) => {}
            Err(other) => return Err(other),
        }
        sqlx::query(
            "INSERT INTO app_settings (key, value) VALUES (?, ?)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )
        .bind(&setting)
        .bind(version.to_string())
        .execute(sqlite)
        .await?;
    }
    Ok(taken)
}
