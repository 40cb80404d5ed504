//! A plan's measures: adding, editing and moving them on, and the overdue ones the dashboard
//! shows. A measure is overdue once its due date is over in the branch's calendar and it is
//! still planned or in progress.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use sqlx::{SqliteConnection, SqlitePool};

use super::changes::not_open;
use super::plans::load_plan;
use super::training_link::{MeasureTraining, check_training_links};
use super::{audit, branch_tz, check_staff, local_today};
use crate::cases::repo::stamp;
use crate::error::{Error, Result};
use crate::prevention::model::{MeasureStatus, MeasureStatusInput, PlanStatus, ValidMeasure};

const MEASURE_COLUMNS: &str = "m.id, m.plan_id, m.description, m.kind, m.owner_id, \
     o.name AS owner_name, m.due_date, m.status, m.done_on, m.evidence, m.training_module_id, \
     m.drill_scenario_id, (m.status IN ('planned', 'in_progress') AND m.due_date < ?) AS overdue";

/// A measure as stored, with whether it is overdue today.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
pub struct Measure {
    /// Row id.
    pub id: i64,
    /// Its plan.
    pub plan_id: i64,
    /// What will be done.
    pub description: String,
    /// Kind code.
    pub kind: String,
    /// Owner.
    pub owner_id: Option<i64>,
    /// Owner's name.
    pub owner_name: Option<String>,
    /// Due date, `YYYY-MM-DD`.
    pub due_date: String,
    /// Status code.
    pub status: String,
    /// Day done.
    pub done_on: Option<String>,
    /// Evidence note.
    pub evidence: String,
    /// Linked training module.
    pub training_module_id: Option<i64>,
    /// Linked drill scenario.
    pub drill_scenario_id: Option<i64>,
    /// Open and past its due date today.
    pub overdue: bool,
    /// What the training link shows (filled in on the plan page).
    #[sqlx(skip)]
    pub training: Option<MeasureTraining>,
}

/// A plan's measures, by due date.
pub(super) async fn plan_measures(
    conn: &mut SqliteConnection,
    plan_id: i64,
    today: NaiveDate,
) -> Result<Vec<Measure>> {
    let sql = format!(
        "SELECT {MEASURE_COLUMNS} FROM prevention_measures m LEFT JOIN staff o ON o.id = m.owner_id
         WHERE m.plan_id = ? ORDER BY m.due_date, m.id"
    );
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(today.to_string())
        .bind(plan_id)
        .fetch_all(conn)
        .await?)
}

/// The plan of measure `id`, refusing a plan that is no longer open; returns
/// `(plan id, measure's current status)`.
async fn open_measure(conn: &mut SqliteConnection, id: i64) -> Result<(i64, MeasureStatus)> {
    let row: Option<(i64, String)> =
        sqlx::query_as("SELECT plan_id, status FROM prevention_measures WHERE id = ?")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    let (plan_id, status) = row.ok_or(Error::NotFound)?;
    check_plan_open(conn, plan_id).await?;
    Ok((plan_id, MeasureStatus::parse("status", &status)?))
}

async fn check_plan_open(conn: &mut SqliteConnection, plan_id: i64) -> Result<()> {
    let plan = load_plan(conn, plan_id).await?;
    let status = PlanStatus::parse("status", &plan.status)?;
    if status.is_open() {
        Ok(())
    } else {
        Err(not_open(status))
    }
}

/// Adds a measure (planned) to an open plan; returns its id.
pub async fn add_measure(
    pool: &SqlitePool,
    plan_id: i64,
    measure: &ValidMeasure,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64> {
    let mut tx = crate::store::begin_write(pool).await?;
    let out = add_measure_in(&mut tx, plan_id, measure, actor, now).await?;
    tx.commit().await?;
    Ok(out)
}

/// [`add_measure`] within the caller's transaction (the demo writes all its plans in one).
pub async fn add_measure_in(
    conn: &mut SqliteConnection,
    plan_id: i64,
    measure: &ValidMeasure,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64> {
    check_plan_open(&mut *conn, plan_id).await?;
    check_staff(&mut *conn, "ownerId", measure.owner_id).await?;
    check_training_links(&mut *conn, measure).await?;
    let at = stamp(now);
    let id = sqlx::query(
        "INSERT INTO prevention_measures (plan_id, description, kind, owner_id, due_date, status,
            evidence, training_module_id, drill_scenario_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'planned', ?, ?, ?, ?, ?)",
    )
    .bind(plan_id)
    .bind(&measure.description)
    .bind(measure.kind.as_str())
    .bind(measure.owner_id)
    .bind(measure.due_date.to_string())
    .bind(&measure.evidence)
    .bind(measure.training_module_id)
    .bind(measure.drill_scenario_id)
    .bind(&at)
    .bind(&at)
    .execute(&mut *conn)
    .await?
    .last_insert_rowid();
    audit(
        &mut *conn,
        plan_id,
        actor,
        now,
        "measure.added",
        None,
        Some(&measure.description),
    )
    .await?;
    Ok(id)
}

/// Replaces a measure's details (not its status); returns its plan's id.
pub async fn update_measure(
    pool: &SqlitePool,
    id: i64,
    measure: &ValidMeasure,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64> {
    let mut tx = crate::store::begin_write(pool).await?;
    let (plan_id, _) = open_measure(&mut tx, id).await?;
    check_staff(&mut tx, "ownerId", measure.owner_id).await?;
    check_training_links(&mut tx, measure).await?;
    let old_due: String =
        sqlx::query_scalar("SELECT due_date FROM prevention_measures WHERE id = ?")
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
    sqlx::query(
        "UPDATE prevention_measures SET description = ?, kind = ?, owner_id = ?, due_date = ?,
            evidence = ?, training_module_id = ?, drill_scenario_id = ?, updated_at = ?
         WHERE id = ?",
    )
    .bind(&measure.description)
    .bind(measure.kind.as_str())
    .bind(measure.owner_id)
    .bind(measure.due_date.to_string())
    .bind(&measure.evidence)
    .bind(measure.training_module_id)
    .bind(measure.drill_scenario_id)
    .bind(stamp(now))
    .bind(id)
    .execute(&mut *tx)
    .await?;
    let new_due = measure.due_date.to_string();
    let field = format!("measure.{id}.edited");
    let (old, new) = if old_due == new_due {
        (None, Some(measure.description.as_str()))
    } else {
        (Some(old_due.as_str()), Some(new_due.as_str()))
    };
    audit(&mut tx, plan_id, actor, now, &field, old, new).await?;
    tx.commit().await?;
    Ok(plan_id)
}

/// Moves a measure to a new status; returns its plan's id. Done records the day done (and
/// the evidence when given); going back to planned or in progress clears the day.
pub async fn set_measure_status(
    pool: &SqlitePool,
    id: i64,
    input: &MeasureStatusInput,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64> {
    let mut tx = crate::store::begin_write(pool).await?;
    let out = set_measure_status_in(&mut tx, id, input, actor, now).await?;
    tx.commit().await?;
    Ok(out)
}

/// [`set_measure_status`] within the caller's transaction (the demo writes all its plans in one).
pub async fn set_measure_status_in(
    conn: &mut SqliteConnection,
    id: i64,
    input: &MeasureStatusInput,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64> {
    let tz = branch_tz(&mut *conn).await?;
    let change = input.parse(local_today(now, tz))?;
    let (plan_id, from) = open_measure(&mut *conn, id).await?;
    let at = stamp(now);
    let closed_at = (!change.status.is_open()).then_some(at.clone());
    sqlx::query(
        "UPDATE prevention_measures SET status = ?, done_on = ?, closed_at = ?,
            evidence = COALESCE(?, evidence), updated_at = ?
         WHERE id = ?",
    )
    .bind(change.status.as_str())
    .bind(change.done_on.map(|d| d.to_string()))
    .bind(closed_at)
    .bind(&change.evidence)
    .bind(&at)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    let field = format!("measure.{id}.status");
    audit(
        &mut *conn,
        plan_id,
        actor,
        now,
        &field,
        Some(from.as_str()),
        Some(change.status.as_str()),
    )
    .await?;
    Ok(plan_id)
}

/// An overdue measure, for the dashboard.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
pub struct OverdueMeasure {
    /// Measure id.
    pub id: i64,
    /// Its plan.
    pub plan_id: i64,
    /// The plan's title.
    pub plan_title: String,
    /// What was to be done.
    pub description: String,
    /// Due date.
    pub due_date: String,
    /// Owner's name.
    pub owner_name: Option<String>,
}

/// What the dashboard shows of prevention.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PreventionOverview {
    /// Active plans.
    pub active_plans: i64,
    /// Draft plans.
    pub draft_plans: i64,
    /// Open measures past their due date, oldest due first.
    pub overdue: Vec<OverdueMeasure>,
}

/// The dashboard's prevention figures at `now`.
pub async fn overview(pool: &SqlitePool, now: DateTime<Utc>) -> Result<PreventionOverview> {
    let mut conn = pool.acquire().await?;
    let today = local_today(now, branch_tz(&mut conn).await?);
    let (active_plans, draft_plans): (i64, i64) = sqlx::query_as(
        "SELECT COALESCE(SUM(status = 'active'), 0), COALESCE(SUM(status = 'draft'), 0)
         FROM prevention_plans",
    )
    .fetch_one(&mut *conn)
    .await?;
    let overdue = sqlx::query_as(
        "SELECT m.id, m.plan_id, p.title AS plan_title, m.description, m.due_date,
            o.name AS owner_name
         FROM prevention_measures m JOIN prevention_plans p ON p.id = m.plan_id
         LEFT JOIN staff o ON o.id = m.owner_id
         WHERE m.status IN ('planned', 'in_progress') AND m.due_date < ?
         ORDER BY m.due_date, m.id",
    )
    .bind(today.to_string())
    .fetch_all(&mut *conn)
    .await?;
    Ok(PreventionOverview {
        active_plans,
        draft_plans,
        overdue,
    })
}
