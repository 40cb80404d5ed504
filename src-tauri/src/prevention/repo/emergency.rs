//! SQL for emergency plans and their drills.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use sqlx::{SqliteConnection, SqlitePool};

use super::{branch_tz, check_staff, local_today};
use crate::cases::repo::{parse_stamp, stamp};
use crate::error::{Error, Result};
use crate::prevention::emergency::{NextDrill, ValidDrill, ValidEmergency, next_drill};

/// An emergency plan as stored, with its drills and when the next is due.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EmergencyPlan {
    /// Row id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// When it applies.
    pub scenario: String,
    /// Contacts, one per line.
    pub contacts: String,
    /// Steps, one per line.
    pub steps: String,
    /// The one person who speaks to the media.
    pub spokesperson_id: Option<i64>,
    /// Their name.
    pub spokesperson_name: Option<String>,
    /// What they may and may not say.
    pub media_note: String,
    /// Days between drills.
    pub drill_every_days: i64,
    /// Drills held, newest first.
    pub drills: Vec<Drill>,
    /// When the next drill is due.
    pub next_drill: NextDrill,
}

/// A drill held.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
pub struct Drill {
    /// Row id.
    pub id: i64,
    /// Day held.
    pub held_on: String,
    /// Who took part.
    pub participants: String,
    /// What it showed.
    pub findings: String,
}

type EmergencyRow = (
    i64,
    String,
    String,
    String,
    String,
    Option<i64>,
    Option<String>,
    String,
    i64,
    String,
);

/// Every emergency plan, by title, with its drills.
pub async fn list_emergency(pool: &SqlitePool, now: DateTime<Utc>) -> Result<Vec<EmergencyPlan>> {
    let mut tx = pool.begin().await?;
    let tz = branch_tz(&mut tx).await?;
    let today = local_today(now, tz);
    let rows: Vec<EmergencyRow> = sqlx::query_as(
        "SELECT e.id, e.title, e.scenario, e.contacts, e.steps, e.spokesperson_id, s.name,
            e.media_note, e.drill_every_days, e.created_at
         FROM emergency_plans e LEFT JOIN staff s ON s.id = e.spokesperson_id
         ORDER BY e.title COLLATE NOCASE, e.id",
    )
    .fetch_all(&mut *tx)
    .await?;
    let mut plans = Vec::with_capacity(rows.len());
    for row in rows {
        let (id, title, scenario, contacts, steps, spokesperson_id, spokesperson_name) =
            (row.0, row.1, row.2, row.3, row.4, row.5, row.6);
        let (media_note, drill_every_days, created_at) = (row.7, row.8, row.9);
        let drills: Vec<Drill> = sqlx::query_as(
            "SELECT id, held_on, participants, findings FROM emergency_drills
             WHERE emergency_plan_id = ? ORDER BY held_on DESC, id DESC",
        )
        .bind(id)
        .fetch_all(&mut *tx)
        .await?;
        let last_held = drills
            .first()
            .and_then(|d| d.held_on.parse::<NaiveDate>().ok());
        let written_on = local_today(parse_stamp(&created_at)?, tz);
        plans.push(EmergencyPlan {
            id,
            title,
            scenario,
            contacts,
            steps,
            spokesperson_id,
            spokesperson_name,
            media_note,
            drill_every_days,
            next_drill: next_drill(last_held, written_on, drill_every_days, today),
            drills,
        });
    }
    tx.commit().await?;
    Ok(plans)
}

/// Writes a new emergency plan (`id` None) or replaces one; returns its id.
pub async fn save_emergency(
    pool: &SqlitePool,
    id: Option<i64>,
    plan: &ValidEmergency,
    now: DateTime<Utc>,
) -> Result<i64> {
    let mut tx = crate::store::begin_write(pool).await?;
    let out = save_emergency_in(&mut tx, id, plan, now).await?;
    tx.commit().await?;
    Ok(out)
}

/// [`save_emergency`] within the caller's transaction (the demo writes all its plans in one).
pub async fn save_emergency_in(
    conn: &mut SqliteConnection,
    id: Option<i64>,
    plan: &ValidEmergency,
    now: DateTime<Utc>,
) -> Result<i64> {
    check_staff(&mut *conn, "spokespersonId", plan.spokesperson_id).await?;
    let at = stamp(now);
    let id = match id {
        Some(id) => {
            let changed = sqlx::query(
                "UPDATE emergency_plans SET title = ?, scenario = ?, contacts = ?, steps = ?,
                    spokesperson_id = ?, media_note = ?, drill_every_days = ?, updated_at = ?
                 WHERE id = ?",
            )
            .bind(&plan.title)
            .bind(&plan.scenario)
            .bind(&plan.contacts)
            .bind(&plan.steps)
            .bind(plan.spokesperson_id)
            .bind(&plan.media_note)
            .bind(plan.drill_every_days)
            .bind(&at)
            .bind(id)
            .execute(&mut *conn)
            .await?
            .rows_affected();
            if changed == 0 {
                return Err(Error::NotFound);
            }
            id
        }
        None => sqlx::query(
            "INSERT INTO emergency_plans (title, scenario, contacts, steps, spokesperson_id,
                media_note, drill_every_days, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(&plan.title)
        .bind(&plan.scenario)
        .bind(&plan.contacts)
        .bind(&plan.steps)
        .bind(plan.spokesperson_id)
        .bind(&plan.media_note)
        .bind(plan.drill_every_days)
        .bind(&at)
        .bind(&at)
        .execute(&mut *conn)
        .await?
        .last_insert_rowid(),
    };
    Ok(id)
}

/// Logs a drill of emergency plan `plan_id`.
pub async fn log_drill(
    pool: &SqlitePool,
    plan_id: i64,
    drill: &ValidDrill,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut tx = crate::store::begin_write(pool).await?;
    log_drill_in(&mut tx, plan_id, drill, actor, now).await?;
    tx.commit().await?;
    Ok(())
}

/// [`log_drill`] within the caller's transaction (the demo writes all its plans in one).
pub async fn log_drill_in(
    conn: &mut SqliteConnection,
    plan_id: i64,
    drill: &ValidDrill,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM emergency_plans WHERE id = ?")
        .bind(plan_id)
        .fetch_optional(&mut *conn)
        .await?;
    exists.ok_or(Error::NotFound)?;
    sqlx::query(
        "INSERT INTO emergency_drills (emergency_plan_id, held_on, participants, findings,
            created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(plan_id)
    .bind(drill.held_on.to_string())
    .bind(&drill.participants)
    .bind(&drill.findings)
    .bind(stamp(now))
    .bind(actor)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Today in the branch's calendar (drills cannot be logged for a day after it).
pub async fn branch_today(pool: &SqlitePool, now: DateTime<Utc>) -> Result<NaiveDate> {
    let mut conn = pool.acquire().await?;
    Ok(local_today(now, branch_tz(&mut conn).await?))
}
