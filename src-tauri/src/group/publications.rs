//! What head office publishes flows down: categories, curriculum modules and drill scenarios.
//! Each publication is a new version of its key; a branch takes each version once. A new key
//! becomes a new record beside the branch's own; a newer version of a key already taken edits
//! the record it made (a module gets a new version, so sign-offs stay with the items they were
//! given for). The branch's own records are never touched.

use sqlx::{PgPool, SqlitePool};

use super::pg_error;
use crate::error::{Error, Result};
use crate::training::input::{ItemInput, ModuleInput, ScenarioInput};
use crate::training::repo::{curriculum, scenarios};

/// What a sync took from head office.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Taken {
    /// Categories added to the branch's list.
    pub categories: u32,
    /// Curriculum modules added or given a new version.
    pub modules: u32,
    /// Drill scenarios added or updated.
    pub scenarios: u32,
    /// Publications that could not be taken (their content fails the branch's rules); logged.
    pub refused: u32,
}

/// The `app_settings` key remembering which version of a publication was taken, as
/// `<version>` or `<version>:<local id>` (not itself sent).
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
        let (had_version, local_id) = match had.as_deref().map(|h| h.split_once(':')) {
            Some(Some((v, id))) => (v.parse::<i32>().ok(), id.parse::<i64>().ok()),
            Some(None) => (had.as_deref().and_then(|v| v.parse().ok()), None),
            None => (None, None),
        };
        if had_version >= Some(version) {
            continue;
        }
        let outcome = match kind.as_str() {
            "category" => take_category(sqlite, &data).await.map(|()| {
                taken.categories += 1;
                None
            }),
            "module" => take_module(sqlite, &data, local_id).await.map(|id| {
                taken.modules += 1;
                Some(id)
            }),
            "scenario" => take_scenario(sqlite, &data, local_id).await.map(|id| {
                taken.scenarios += 1;
                Some(id)
            }),
            _ => continue,
        };
        let local = match outcome {
            Ok(local) => local,
            Err(Error::Invalid { field, kind: why }) => {
                tracing::warn!(%kind, %key, version, %field, code = why.code(), "publication refused");
                taken.refused += 1;
                local_id
            }
            Err(other) => return Err(other),
        };
        let value = match local {
            Some(id) => format!("{version}:{id}"),
            None => version.to_string(),
        };
        sqlx::query(
            "INSERT INTO app_settings (key, value) VALUES (?, ?)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )
        .bind(&setting)
        .bind(value)
        .execute(sqlite)
        .await?;
    }
    Ok(taken)
}

/// `{"name": …}`: added unless the branch has a category of that name already.
async fn take_category(sqlite: &SqlitePool, data: &str) -> Result<()> {
    let name = serde_json::from_str::<serde_json::Value>(data)
        .ok()
        .and_then(|v| v.get("name").and_then(|n| n.as_str()).map(str::to_owned))
        .unwrap_or_default();
    match crate::settings::repo::add_category(sqlite, &name).await {
        Ok(_) | Err(Error::Duplicate { .. }) => Ok(()),
        Err(other) => Err(other),
    }
}

/// A module as the app's own form sends it (`{"title", "refresherMonths", "items": [{"text"}]}`).
/// An item whose text the current version has continues that item.
async fn take_module(sqlite: &SqlitePool, data: &str, local: Option<i64>) -> Result<i64> {
    let mut input: ModuleInput = serde_json::from_str(data)
        .map_err(|_| Error::invalid("publication", crate::error::Invalid::Choice))?;
    let mut existing = None;
    if let Some(id) = local {
        let mut conn = sqlite.acquire().await?;
        match curriculum::get_module(&mut conn, id).await {
            Ok(module) => existing = Some(module),
            Err(Error::NotFound) => {}
            Err(other) => return Err(other),
        }
    }
    if let Some(module) = &existing {
        input.items = input
            .items
            .into_iter()
            .map(|item| ItemInput {
                lineage_id: module
                    .items
                    .iter()
                    .find(|i| i.text_en == item.text || i.text_zh == item.text)
                    .map(|i| i.lineage_id),
                text: item.text,
            })
            .collect();
    }
    let valid = input.parse()?;
    let saved =
        curriculum::save_module(sqlite, existing.map(|m| m.id), &valid, chrono::Utc::now()).await?;
    Ok(saved.id)
}

/// A scenario as the app's own form sends it.
async fn take_scenario(sqlite: &SqlitePool, data: &str, local: Option<i64>) -> Result<i64> {
    let input: ScenarioInput = serde_json::from_str(data)
        .map_err(|_| Error::invalid("publication", crate::error::Invalid::Choice))?;
    let valid = input.parse()?;
    let mut existing = None;
    if let Some(id) = local {
        let mut conn = sqlite.acquire().await?;
        match scenarios::get_scenario(&mut conn, id).await {
            Ok(scenario) => existing = Some(scenario.id),
            Err(Error::NotFound) => {}
            Err(other) => return Err(other),
        }
    }
    Ok(scenarios::save_scenario(sqlite, existing, &valid).await?.id)
}

/// Publishes `data` (JSON, as the app's own form would send it) as the next version of
/// (`kind`, `key`), after checking it against the rules a branch applies when it takes it.
/// Needs a head-office role. Returns the version.
pub async fn publish(pg: &PgPool, kind: &str, key: &str, data: &str) -> Result<i32> {
    let invalid = |field: &str| Error::invalid(field, crate::error::Invalid::Choice);
    let key_ok = (1..=64).contains(&key.len())
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if !key_ok {
        return Err(invalid("key"));
    }
    match kind {
        "category" => {
            let value: serde_json::Value =
                serde_json::from_str(data).map_err(|_| invalid("file"))?;
            let name = value
                .get("name")
                .and_then(|n| n.as_str())
                .unwrap_or_default();
            crate::input::required_line("name", name, crate::input::MAX_NAME_CHARS)?;
        }
        "module" => {
            serde_json::from_str::<ModuleInput>(data)
                .map_err(|_| invalid("file"))?
                .parse()?;
        }
        "scenario" => {
            serde_json::from_str::<ScenarioInput>(data)
                .map_err(|_| invalid("file"))?
                .parse()?;
        }
        _ => return Err(invalid("kind")),
    }
    sqlx::query_scalar(
        "INSERT INTO publications (kind, key, version, data)
         SELECT $1, $2, COALESCE(max(version), 0) + 1, $3::jsonb FROM publications
         WHERE kind = $1 AND key = $2
         RETURNING version",
    )
    .bind(kind)
    .bind(key)
    .bind(data)
    .fetch_one(pg)
    .await
    .map_err(pg_error)
}
