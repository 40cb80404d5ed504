//! Signing checklist items off for a person, and the person's training page with its full
//! history.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::SqlitePool;

use super::drills::{DrillSummary, StepAverage, person_drills, step_averages};
use super::matrix::load_snapshot;
use super::{branch_tz, local_day, require_staff};
use crate::cases::repo::stamp;
use crate::error::{Error, Invalid, Result};
use crate::staff::Staff;
use crate::staff::repo::get_staff;
use crate::training::input::SignOffInput;
use crate::training::model::Cell;

/// Records the sign-offs (one per item, dated and signed by the trainer) and returns the
/// person's page. Only items of a module's current version can be signed.
pub async fn sign_off(
    pool: &SqlitePool,
    input: &SignOffInput,
    now: DateTime<Utc>,
) -> Result<PersonTraining> {
    let mut tx = pool.begin().await?;
    let today = local_day(now, branch_tz(&mut tx).await?);
    let valid = input.parse(today)?;
    require_staff(&mut tx, "staffId", valid.staff_id).await?;
    require_staff(&mut tx, "trainerId", valid.trainer_id).await?;
    for item in &valid.item_ids {
        let current: Option<i64> = sqlx::query_scalar(
            "SELECT i.id FROM training_items i JOIN training_module_versions v ON v.id = i.version_id
             WHERE i.id = ? AND v.version = (SELECT MAX(version) FROM training_module_versions
                 WHERE module_id = v.module_id)",
        )
        .bind(item)
        .fetch_optional(&mut *tx)
        .await?;
        if current.is_none() {
            return Err(Error::invalid("itemIds", Invalid::Choice));
        }
        sqlx::query(
            "INSERT INTO training_signoffs (staff_id, item_id, signed_on, trainer_id, recorded_at)
             VALUES (?, ?, ?, ?, ?)",
        )
        .bind(valid.staff_id)
        .bind(item)
        .bind(valid.signed_on.to_string())
        .bind(valid.trainer_id)
        .bind(stamp(now))
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    person_training(pool, valid.staff_id, now).await
}

/// Withdraws a sign-off recorded by mistake and returns the person's page.
pub async fn withdraw_sign_off(
    pool: &SqlitePool,
    id: i64,
    now: DateTime<Utc>,
) -> Result<PersonTraining> {
    let staff_id: i64 = sqlx::query_scalar("SELECT staff_id FROM training_signoffs WHERE id = ?")
        .bind(id)
        .fetch_optional(pool)
        .await?
        .ok_or(Error::NotFound)?;
    sqlx::query("DELETE FROM training_signoffs WHERE id = ?")
        .bind(id)
        .execute(pool)
        .await?;
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
    /// Every sign-off ever recorded, newest first, with the texts as signed.
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
}

type HistoryRow = (
    i64,
    String,
    Option<String>,
    String,
    String,
    String,
    String,
    i64,
    i64,
);

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
        "SELECT s.id, s.signed_on, t.name, i.text_en, i.text_zh, v.title_en, v.title_zh, v.version,
                i.lineage_id
         FROM training_signoffs s JOIN training_items i ON i.id = s.item_id
         JOIN training_module_versions v ON v.id = i.version_id
         LEFT JOIN staff t ON t.id = s.trainer_id
         WHERE s.staff_id = ? ORDER BY s.signed_on DESC, s.id DESC",
    )
    .bind(staff_id)
    .fetch_all(&mut *conn)
    .await?;
    // The newest row per lineage comes first.
    let mut latest: HashMap<i64, (String, Option<String>)> = HashMap::new();
    for row in &rows {
        latest
            .entry(row.8)
            .or_insert_with(|| (row.1.clone(), row.2.clone()));
    }
    let titles: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT v.module_id, v.title_en, v.title_zh FROM training_module_versions v
         WHERE v.version = (SELECT MAX(version) FROM training_module_versions WHERE module_id = v.module_id)",
    )
    .fetch_all(&mut *conn)
    .await?;
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
            let (text_en, text_zh): (String, String) =
                sqlx::query_as("SELECT text_en, text_zh FROM training_items WHERE id = ?")
                    .bind(item)
                    .fetch_one(&mut *conn)
                    .await?;
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
        .map(
            |(id, signed_on, trainer_name, item_en, item_zh, module_en, module_zh, version, _)| {
                SignOffRecord {
                    id,
                    signed_on,
                    trainer_name,
                    item_en,
                    item_zh,
                    module_en,
                    module_zh,
                    version,
                }
            },
        )
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
