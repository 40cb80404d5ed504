//! Changing plans: writing one, editing it, moving its phase, starting or cancelling it, and
//! recording its evaluation. Each change and its history line are written in one transaction
//! (the `_in` versions write within the caller's). Cases as evidence are in `evidence`.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use sqlx::{SqliteConnection, SqlitePool};

use super::plans::{Plan, load_plan};
use super::{audit, check_staff};
use crate::cases::repo::stamp;
use crate::error::{Error, Invalid, PlanRefusal, Result};
use crate::prevention::model::{
    EvaluationInput, Phase, PlanStatus, ValidPlan, check_status_change,
};

fn status_of(plan: &Plan) -> Result<PlanStatus> {
    PlanStatus::parse("status", &plan.status)
}

/// An open plan (draft or active), or `plan.not_open` naming its status.
pub(super) async fn open_plan(conn: &mut SqliteConnection, id: i64) -> Result<(Plan, PlanStatus)> {
    let plan = load_plan(conn, id).await?;
    let status = status_of(&plan)?;
    if !status.is_open() {
        return Err(not_open(status));
    }
    Ok((plan, status))
}

/// The refusal of any change to a plan that is done or cancelled.
pub(super) fn not_open(status: PlanStatus) -> Error {
    Error::Plan {
        refusal: PlanRefusal::NotOpen,
        at: status.as_str(),
    }
}

async fn check_references(conn: &mut SqliteConnection, plan: &ValidPlan) -> Result<()> {
    if let Some(category) = plan.category_id {
        let found: Option<i64> = sqlx::query_scalar("SELECT id FROM categories WHERE id = ?")
            .bind(category)
            .fetch_optional(&mut *conn)
            .await?;
        found.ok_or_else(|| Error::invalid("categoryId", Invalid::Choice))?;
    }
    check_staff(conn, "ownerId", plan.owner_id).await
}

/// Writes a new plan as a draft in the collect phase; returns its id.
pub async fn create_plan(
    pool: &SqlitePool,
    plan: &ValidPlan,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64> {
    let mut tx = crate::store::begin_write(pool).await?;
    let out = create_plan_in(&mut tx, plan, actor, now).await?;
    tx.commit().await?;
    Ok(out)
}

/// [`create_plan`] within the caller's transaction (the demo writes all its plans in one).
pub async fn create_plan_in(
    conn: &mut SqliteConnection,
    plan: &ValidPlan,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64> {
    check_references(&mut *conn, plan).await?;
    if let Some(parent) = plan.parent_id {
        load_plan(&mut *conn, parent)
            .await
            .map_err(|_| Error::invalid("parentId", Invalid::Choice))?;
    }
    let at = stamp(now);
    let id = sqlx::query(
        "INSERT INTO prevention_plans (title, category_id, root_cause, goal_percent, goal_days,
            owner_id, start_date, review_date, phase, status, notes, parent_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'collect', 'draft', ?, ?, ?, ?)",
    )
    .bind(&plan.title)
    .bind(plan.category_id)
    .bind(plan.root_cause.map(|c| c.as_str()))
    .bind(plan.goal_percent)
    .bind(plan.goal_days)
    .bind(plan.owner_id)
    .bind(plan.start_date.to_string())
    .bind(plan.review_date.to_string())
    .bind(&plan.notes)
    .bind(plan.parent_id)
    .bind(&at)
    .bind(&at)
    .execute(&mut *conn)
    .await?
    .last_insert_rowid();
    audit(&mut *conn, id, actor, now, "status", None, Some("draft")).await?;
    if let Some(parent) = plan.parent_id {
        let parent = parent.to_string();
        audit(&mut *conn, id, actor, now, "parent", None, Some(&parent)).await?;
    }
    Ok(id)
}

/// Replaces an open plan's details (not its parent), recording each field that changed.
pub async fn update_plan(
    pool: &SqlitePool,
    id: i64,
    new: &ValidPlan,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut tx = crate::store::begin_write(pool).await?;
    let (old, _) = open_plan(&mut tx, id).await?;
    check_references(&mut tx, new).await?;
    let text = |v: Option<i64>| v.map(|n| n.to_string());
    let changes: [(&str, Option<String>, Option<String>); 9] = [
        ("title", Some(old.title.clone()), Some(new.title.clone())),
        ("categoryId", text(old.category_id), text(new.category_id)),
        (
            "rootCause",
            old.root_cause.clone(),
            new.root_cause.map(|c| c.as_str().to_owned()),
        ),
        (
            "goalPercent",
            text(Some(old.goal_percent)),
            text(Some(new.goal_percent)),
        ),
        (
            "goalDays",
            text(Some(old.goal_days)),
            text(Some(new.goal_days)),
        ),
        ("ownerId", text(old.owner_id), text(new.owner_id)),
        (
            "startDate",
            Some(old.start_date.clone()),
            Some(new.start_date.to_string()),
        ),
        (
            "reviewDate",
            Some(old.review_date.clone()),
            Some(new.review_date.to_string()),
        ),
        ("notes", Some(old.notes.clone()), Some(new.notes.clone())),
    ];
    sqlx::query(
        "UPDATE prevention_plans SET title = ?, category_id = ?, root_cause = ?, goal_percent = ?,
            goal_days = ?, owner_id = ?, start_date = ?, review_date = ?, notes = ?, updated_at = ?
         WHERE id = ?",
    )
    .bind(&new.title)
    .bind(new.category_id)
    .bind(new.root_cause.map(|c| c.as_str()))
    .bind(new.goal_percent)
    .bind(new.goal_days)
    .bind(new.owner_id)
    .bind(new.start_date.to_string())
    .bind(new.review_date.to_string())
    .bind(&new.notes)
    .bind(stamp(now))
    .bind(id)
    .execute(&mut *tx)
    .await?;
    for (field, before, after) in changes {
        if before != after {
            audit(
                &mut tx,
                id,
                actor,
                now,
                field,
                before.as_deref(),
                after.as_deref(),
            )
            .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// One change to a plan's phase or status: which plan, by whom, when.
struct PlanChange {
    id: i64,
    actor: Option<i64>,
    now: DateTime<Utc>,
}

impl PlanChange {
    /// Sets `column` (`phase` or `status`, never user input) from `from` to `to`, with its
    /// history line.
    async fn set(
        &self,
        conn: &mut SqliteConnection,
        column: &'static str,
        from: &str,
        to: &str,
    ) -> Result<()> {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE prevention_plans SET {column} = ?, updated_at = ? WHERE id = ?"
        )))
        .bind(to)
        .bind(stamp(self.now))
        .bind(self.id)
        .execute(&mut *conn)
        .await?;
        audit(
            conn,
            self.id,
            self.actor,
            self.now,
            column,
            Some(from),
            Some(to),
        )
        .await
    }
}

/// Which way a phase moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// To the next phase.
    Forward,
    /// Back to the previous phase.
    Back,
}

/// Moves an open plan one phase forward or back.
pub async fn move_phase(
    pool: &SqlitePool,
    id: i64,
    direction: Direction,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut tx = crate::store::begin_write(pool).await?;
    move_phase_in(&mut tx, id, direction, actor, now).await?;
    tx.commit().await?;
    Ok(())
}

/// [`move_phase`] within the caller's transaction (the demo writes all its plans in one).
pub async fn move_phase_in(
    conn: &mut SqliteConnection,
    id: i64,
    direction: Direction,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let (plan, _) = open_plan(&mut *conn, id).await?;
    let from = Phase::parse("phase", &plan.phase)?;
    let to = from.step(direction == Direction::Forward)?;
    let change = PlanChange { id, actor, now };
    change
        .set(&mut *conn, "phase", from.as_str(), to.as_str())
        .await?;
    Ok(())
}

/// Drops a closing plan's open measures, each recorded, so that a finished or cancelled plan
/// leaves nothing counted as overdue.
async fn drop_open_measures(
    conn: &mut SqliteConnection,
    plan_id: i64,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let at = stamp(now);
    let open: Vec<(i64, String)> = sqlx::query_as(
        "SELECT id, status FROM prevention_measures
         WHERE plan_id = ? AND status IN ('planned', 'in_progress')",
    )
    .bind(plan_id)
    .fetch_all(&mut *conn)
    .await?;
    for (measure, status) in open {
        sqlx::query(
            "UPDATE prevention_measures SET status = 'dropped', closed_at = ?, updated_at = ?
             WHERE id = ?",
        )
        .bind(&at)
        .bind(&at)
        .bind(measure)
        .execute(&mut *conn)
        .await?;
        let field = format!("measure.{measure}.status");
        audit(
            conn,
            plan_id,
            actor,
            now,
            &field,
            Some(&status),
            Some("dropped"),
        )
        .await?;
    }
    Ok(())
}

/// Starts a draft or cancels a plan. Cancelling drops the plan's open measures.
pub async fn set_status(
    pool: &SqlitePool,
    id: i64,
    to: PlanStatus,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut tx = crate::store::begin_write(pool).await?;
    set_status_in(&mut tx, id, to, actor, now).await?;
    tx.commit().await?;
    Ok(())
}

/// [`set_status`] within the caller's transaction (the demo writes all its plans in one).
pub async fn set_status_in(
    conn: &mut SqliteConnection,
    id: i64,
    to: PlanStatus,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let plan = load_plan(&mut *conn, id).await?;
    let from = status_of(&plan)?;
    check_status_change(from, to)?;
    let change = PlanChange { id, actor, now };
    change
        .set(&mut *conn, "status", from.as_str(), to.as_str())
        .await?;
    if to == PlanStatus::Cancelled {
        drop_open_measures(&mut *conn, id, actor, now).await?;
    }
    Ok(())
}

/// Records the evaluation of an active plan in the evaluate phase and closes it (`done`);
/// measures still open are dropped (the history says which).
pub async fn record_evaluation(
    pool: &SqlitePool,
    id: i64,
    input: &EvaluationInput,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut tx = crate::store::begin_write(pool).await?;
    record_evaluation_in(&mut tx, id, input, actor, now).await?;
    tx.commit().await?;
    Ok(())
}

/// [`record_evaluation`] within the caller's transaction (the demo writes all its plans in one).
pub async fn record_evaluation_in(
    conn: &mut SqliteConnection,
    id: i64,
    input: &EvaluationInput,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let (conclusion, next_step) = input.parse()?;
    let plan = load_plan(&mut *conn, id).await?;
    let status = status_of(&plan)?;
    if !status.is_open() {
        return Err(not_open(status));
    }
    if status != PlanStatus::Active || plan.phase != Phase::Evaluate.as_str() {
        return Err(Error::Plan {
            refusal: PlanRefusal::NotEvaluating,
            at: status.as_str(),
        });
    }
    let at = stamp(now);
    sqlx::query(
        "UPDATE prevention_plans SET conclusion = ?, next_step = ?, evaluated_at = ?,
            status = 'done', updated_at = ? WHERE id = ?",
    )
    .bind(conclusion.as_str())
    .bind(&next_step)
    .bind(&at)
    .bind(&at)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    audit(
        &mut *conn,
        id,
        actor,
        now,
        "conclusion",
        None,
        Some(conclusion.as_str()),
    )
    .await?;
    audit(
        &mut *conn,
        id,
        actor,
        now,
        "nextStep",
        None,
        Some(&next_step),
    )
    .await?;
    audit(
        &mut *conn,
        id,
        actor,
        now,
        "status",
        Some("active"),
        Some("done"),
    )
    .await?;
    drop_open_measures(&mut *conn, id, actor, now).await?;
    Ok(())
}
