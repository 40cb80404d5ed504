//! Signing checklist items off for a person, and the person's training page with its full
//! history.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::{SqliteConnection, SqlitePool};

use super::drills::{DrillSummary, StepAverage, person_drills, step_averages};
use super::matrix::load_snapshot;
use super::{branch_tz, local_day, require_staff};
use crate::cases::repo::stamp;
use crate::error::{Error, Invalid, Result};
use crate::staff::Staff;
use crate::staff::repo::get_staff;
use crate::training::input::SignOffInput;
use crate::training::model::Cell;
use crate::training::withdrawal::{Withdrawal, withdrawal_reason};

/// Records the sign-offs (one per item, dated and signed by the trainer) and returns the
/// person's page. Only items of a module's current version can be signed.
pub async fn sign_off(
    pool: &SqlitePool,
    input: &SignOffInput,
    now: DateTime<Utc>,
) -> Result<PersonTraining> {
    sign_off_by(pool, input, None, now).await
}

/// [`sign_off`] recorded by `recorded_by`, the signed-in person (who may not be the trainer).
pub async fn sign_off_by(
    pool: &SqlitePool,
    input: &SignOffInput,
    recorded_by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<PersonTraining> {
    let mut tx = crate::store::begin_write(pool).await?;
    let staff_id = sign_off_in(&mut tx, input, recorded_by, now).await?;
    tx.commit().await?;
    person_training(pool, staff_id, now).await
}

/// [`sign_off_by`] on the caller's connection (inside its transaction); returns whose page it
/// is.
pub async fn sign_off_in(
    conn: &mut SqliteConnection,
    input: &SignOffInput,
    recorded_by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64> {
    let today = local_day(now, branch_tz(conn).await?);
    let valid = input.parse(today)?;
    require_staff(conn, "staffId", valid.staff_id).await?;
    require_staff(conn, "trainerId", valid.trainer_id).await?;
    for item in &valid.item_ids {
        let current: Option<i64> = sqlx::query_scalar(
            "SELECT i.id FROM training_items i JOIN training_module_versions v ON v.id = i.version_id
             WHERE i.id = ? AND v.version = (SELECT MAX(version) FROM training_module_versions
                 WHERE module_id = v.module_id)",
        )
        .bind(item)
        .fetch_optional(&mut *conn)
        .await?;
        if current.is_none() {
            return Err(Error::invalid("itemIds", Invalid::Choice));
        }
        sqlx::query(
            "INSERT INTO training_signoffs (staff_id, item_id, signed_on, trainer_id, recorded_at,
                 recorded_by) VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(valid.staff_id)
        .bind(item)
        .bind(valid.signed_on.to_string())
        .bind(valid.trainer_id)
        .bind(stamp(now))
        .bind(recorded_by)
        .execute(&mut *conn)
        .await?;
    }
    Ok(valid.staff_id)
}

/// Withdraws a sign-off recorded by mistake and returns the person's page. The row stays in
/// the history, marked with `reason`, `actor` (the person at the computer, if set) and `now`;
/// it no longer counts anywhere. A sign-off already withdrawn, or none, is `not_found`.
pub async fn withdraw_sign_off(
    pool: &SqlitePool,
    id: i64,
    reason: &str,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<PersonTraining> {
    let reason = withdrawal_reason(reason)?;
    let mut tx = crate::store::begin_write(pool).await?;
    let staff_id: i64 = sqlx::query_scalar(
        "SELECT staff_id FROM training_signoffs WHERE id = ? AND withdrawn_at IS NULL",
    )
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(Error::NotFound)?;
    sqlx::query(
        "UPDATE training_signoffs SET withdrawn_at = ?, withdrawn_by = ?, withdrawn_reason = ?
         WHERE id = ?",
    )
    .bind(stamp(now))
    .bind(actor)
    .bind(&reason)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    person_training(pool, staff_id, now).await
}

/// A person's training page.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PersonTraining {
    /// Who.
    pub staff: Staff,
    /// Completion over assigned modules, whole percent.
    pub percent: Option<u32>,
    /// Modules assigned to them or with a sign-off, in curriculum order.
    pub modules: Vec<PersonModule>,
    /// Every sign-off ever recorded, newest first, with the texts as signed (withdrawn ones
    /// too, marked).
    pub history: Vec<SignOffRecord>,
    /// Drills they were trained in, newest first.
    pub drills: Vec<DrillSummary>,
    /// Their average score per rubric step over all drills.
    pub step_averages: Vec<StepAverage>,
}

/// One module on the person's page.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PersonModule {
    /// Module id.
    pub id: i64,
    /// English title.
    pub title_en: String,
    /// Chinese title.
    pub title_zh: String,
    /// Refresher interval.
    pub refresher_months: Option<u32>,
    /// Where they stand.
    pub cell: Cell,
    /// The current checklist with their latest sign-off on each item.
    pub items: Vec<PersonItem>,
}

/// An item of the current version and the person's latest sign-off on it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PersonItem {
    /// Item id (to sign it off).
    pub id: i64,
    /// English text.
    pub text_en: String,
    /// Chinese text.
    pub text_zh: String,
    /// Latest sign-off day.
    pub signed_on: Option<String>,
    /// Who signed it.
    pub trainer_name: Option<String>,
}

/// A sign-off as recorded.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SignOffRecord {
    /// Row id (to withdraw it).
    pub id: i64,
    /// The day.
    pub signed_on: String,
    /// The trainer.
    pub trainer_name: Option<String>,
    /// The item's English text as it was signed.
    pub item_en: String,
    /// The item's Chinese text as it was signed.
    pub item_zh: String,
    /// The module's English title in that version.
    pub module_en: String,
    /// The module's Chinese title in that version.
    pub module_zh: String,
    /// The module's version number.
    pub version: i64,
    /// Set when the sign-off was withdrawn: it then counts nowhere.
    pub withdrawn: Option<Withdrawal>,
}

/// A history row: the sign-off and its texts, its lineage, and its withdrawal columns.
#[derive(sqlx::FromRow)]
struct HistoryRow {
    id: i64,
    signed_on: String,
    trainer_name: Option<String>,
    item_en: String,
    item_zh: String,
    module_en: String,
    module_zh: String,
    version: i64,
    lineage_id: i64,
    withdrawn_at: Option<String>,
    withdrawn_by: Option<String>,
    withdrawn_reason: Option<String>,
}

/// The person's page as of `now`.
pub async fn person_training(
    pool: &SqlitePool,
    staff_id: i64,
    now: DateTime<Utc>,
) -> Result<PersonTraining> {
    let staff = get_staff(pool, staff_id).await?;
    let mut conn = pool.acquire().await?;
    let (snapshot, _) = load_snapshot(&mut conn, now, false).await?;
    let rows: Vec<HistoryRow> = sqlx::query_as(
        "SELECT s.id, s.signed_on, t.name AS trainer_name, i.text_en AS item_en,
                i.text_zh AS item_zh, v.title_en AS module_en, v.title_zh AS module_zh, v.version,
                i.lineage_id, s.withdrawn_at, w.name AS withdrawn_by, s.withdrawn_reason
         FROM training_signoffs s JOIN training_items i ON i.id = s.item_id
         JOIN training_module_versions v ON v.id = i.version_id
         LEFT JOIN staff t ON t.id = s.trainer_id LEFT JOIN staff w ON w.id = s.withdrawn_by
         WHERE s.staff_id = ? ORDER BY s.signed_on DESC, s.id DESC",
    )
    .bind(staff_id)
    .fetch_all(&mut *conn)
    .await?;
    // The newest row per lineage comes first; a withdrawn one signs nothing.
    let mut latest: HashMap<i64, (String, Option<String>)> = HashMap::new();
    for row in rows.iter().filter(|r| r.withdrawn_at.is_none()) {
        latest
            .entry(row.lineage_id)
            .or_insert_with(|| (row.signed_on.clone(), row.trainer_name.clone()));
    }
    let titles: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT v.module_id, v.title_en, v.title_zh FROM training_module_versions v
         WHERE v.version = (SELECT MAX(version) FROM training_module_versions WHERE module_id = v.module_id)",
    )
    .fetch_all(&mut *conn)
    .await?;
    // Every current item's texts in one read, rather than one query per checklist line.
    let texts: HashMap<i64, (String, String)> = sqlx::query_as::<_, (i64, String, String)>(
        "SELECT i.id, i.text_en, i.text_zh FROM training_items i
         JOIN training_module_versions v ON v.id = i.version_id
         WHERE v.version = (SELECT MAX(version) FROM training_module_versions WHERE module_id = v.module_id)",
    )
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|(id, en, zh)| (id, (en, zh)))
    .collect();
    let person = crate::training::snapshot::PersonAt {
        id: staff.id,
        position: staff.position.clone(),
    };
    let mut modules = Vec::new();
    for module in &snapshot.modules {
        let cell = snapshot.cell(module, &person);
        let touched = module
            .items
            .iter()
            .any(|(_, lineage)| latest.contains_key(lineage));
        if !cell.status.is_assigned() && !touched {
            continue;
        }
        let mut items = Vec::with_capacity(module.items.len());
        for (item, lineage) in &module.items {
            let (text_en, text_zh) = texts.get(item).cloned().ok_or(Error::NotFound)?;
            let signed = latest.get(lineage);
            items.push(PersonItem {
                id: *item,
                text_en,
                text_zh,
                signed_on: signed.map(|s| s.0.clone()),
                trainer_name: signed.and_then(|s| s.1.clone()),
            });
        }
        let (title_en, title_zh) = titles
            .iter()
            .find(|(id, _, _)| *id == module.id)
            .map(|(_, en, zh)| (en.clone(), zh.clone()))
            .unwrap_or_default();
        modules.push(PersonModule {
            id: module.id,
            title_en,
            title_zh,
            refresher_months: module.refresher_months,
            cell,
            items,
        });
    }
    let assigned = modules
        .iter()
        .filter(|m| m.cell.status.is_assigned())
        .count();
    let complete = modules
        .iter()
        .filter(|m| m.cell.status.is_complete())
        .count();
    let history = rows
        .into_iter()
        .map(|row| SignOffRecord {
            id: row.id,
            signed_on: row.signed_on,
            trainer_name: row.trainer_name,
            item_en: row.item_en,
            item_zh: row.item_zh,
            module_en: row.module_en,
            module_zh: row.module_zh,
            version: row.version,
            withdrawn: Withdrawal::from_columns(
                row.withdrawn_at,
                row.withdrawn_by,
                row.withdrawn_reason,
            ),
        })
        .collect();
    Ok(PersonTraining {
        percent: crate::training::model::percent(complete, assigned),
        drills: person_drills(&mut conn, staff_id).await?,
        step_averages: step_averages(&mut conn, Some(staff_id), None).await?,
        staff,
        modules,
        history,
    })
}
