//! Reading plans: the list, one plan's page (measures, evidence, history, effect) and the
//! plans a case page shows.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use sqlx::{SqliteConnection, SqlitePool};

use super::measures::{Measure, plan_measures};
use super::training_link::add_training_links;
use super::{branch_tz, local_today};
use crate::cases::repo::{parse_stamp, stamp};
use crate::error::{Error, Result};
use crate::prevention::effect::{Effect, EffectInput, effect, instants_needed};

/// The columns of [`Plan`], selected from `prevention_plans p LEFT JOIN staff o`.
pub(super) const PLAN_COLUMNS: &str = "p.id, p.title, p.category_id, p.root_cause, p.goal_percent, \
     p.goal_days, p.owner_id, o.name AS owner_name, p.start_date, p.review_date, p.phase, p.status, \
     p.notes, p.conclusion, p.next_step, p.evaluated_at, p.parent_id, \
     (SELECT title FROM prevention_plans WHERE id = p.parent_id) AS parent_title, p.created_at";

/// A plan as stored.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    /// Row id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Target category.
    pub category_id: Option<i64>,
    /// Target root cause code.
    pub root_cause: Option<String>,
    /// Percent fewer complaints aimed for.
    pub goal_percent: i64,
    /// Days to reach it.
    pub goal_days: i64,
    /// Owner.
    pub owner_id: Option<i64>,
    /// Owner's name.
    pub owner_name: Option<String>,
    /// First day, `YYYY-MM-DD`.
    pub start_date: String,
    /// Review day.
    pub review_date: String,
    /// Phase code.
    pub phase: String,
    /// Status code.
    pub status: String,
    /// Notes.
    pub notes: String,
    /// Evaluation verdict code.
    pub conclusion: Option<String>,
    /// What happens next, from the evaluation.
    pub next_step: Option<String>,
    /// When the evaluation was recorded (UTC).
    pub evaluated_at: Option<String>,
    /// The plan this one follows on from.
    pub parent_id: Option<i64>,
    /// Its title.
    pub parent_title: Option<String>,
    /// When the plan was written (UTC).
    pub created_at: String,
}

/// A row of the plan list: the plan with its measures' progress.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanRow {
    /// The plan.
    #[serde(flatten)]
    pub plan: Plan,
    /// Measures not dropped.
    pub measures_total: i64,
    /// Measures done.
    pub measures_done: i64,
    /// Open measures past their due date.
    pub measures_overdue: i64,
}

/// A case attached to a plan as evidence.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
pub struct LinkedCase {
    /// Case id.
    pub id: i64,
    /// Case number.
    pub number: String,
    /// When received (UTC).
    pub received_at: String,
    /// Status code.
    pub status: String,
    /// Category id.
    pub category_id: i64,
    /// Root cause code.
    pub root_cause: Option<String>,
    /// When it was attached (UTC).
    pub added_at: String,
}

/// One line of a plan's history.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
pub struct HistoryLine {
    /// When (UTC).
    pub at: String,
    /// Who, if known.
    pub actor_name: Option<String>,
    /// What changed (`phase`, `status`, `measure.added`…).
    pub field: String,
    /// The value before.
    pub old_value: Option<String>,
    /// The value after.
    pub new_value: Option<String>,
}

/// A follow-on plan.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
pub struct PlanLink {
    /// Plan id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Status code.
    pub status: String,
}

/// Everything the plan page shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanDetail {
    /// The plan.
    pub plan: Plan,
    /// Its measures, by due date.
    pub measures: Vec<Measure>,
    /// Cases attached as evidence, newest first.
    pub cases: Vec<LinkedCase>,
    /// Its history, newest first.
    pub history: Vec<HistoryLine>,
    /// Plans that follow on from it.
    pub follow_ons: Vec<PlanLink>,
    /// The measured effect.
    pub effect: Effect,
    /// Today in the branch's calendar, `YYYY-MM-DD`.
    pub today: NaiveDate,
}

/// Every plan: open ones first (by review date), then done and cancelled ones, newest first.
pub async fn list_plans(pool: &SqlitePool, now: DateTime<Utc>) -> Result<Vec<PlanRow>> {
    let mut conn = pool.acquire().await?;
    let today = local_today(now, branch_tz(&mut conn).await?).to_string();
    let sql = format!(
        "SELECT {PLAN_COLUMNS},
            (SELECT COUNT(*) FROM prevention_measures m WHERE m.plan_id = p.id AND m.status <> 'dropped') AS total,
            (SELECT COUNT(*) FROM prevention_measures m WHERE m.plan_id = p.id AND m.status = 'done') AS done,
            (SELECT COUNT(*) FROM prevention_measures m WHERE m.plan_id = p.id
                AND m.status IN ('planned', 'in_progress') AND m.due_date < ?) AS overdue
         FROM prevention_plans p LEFT JOIN staff o ON o.id = p.owner_id
         ORDER BY CASE WHEN p.status IN ('draft', 'active') THEN 0 ELSE 1 END,
            CASE WHEN p.status IN ('draft', 'active') THEN p.review_date END ASC,
            p.id DESC"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(today)
        .fetch_all(&mut *conn)
        .await?;
    rows.into_iter()
        .map(|row| {
            use sqlx::Row;
            Ok(PlanRow {
                plan: <Plan as sqlx::FromRow<_>>::from_row(&row)?,
                measures_total: row.try_get("total")?,
                measures_done: row.try_get("done")?,
                measures_overdue: row.try_get("overdue")?,
            })
        })
        .collect()
}

/// One plan.
pub(super) async fn load_plan(conn: &mut SqliteConnection, id: i64) -> Result<Plan> {
    let sql = format!(
        "SELECT {PLAN_COLUMNS} FROM prevention_plans p LEFT JOIN staff o ON o.id = p.owner_id
         WHERE p.id = ?"
    );
    sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(conn)
        .await?
        .ok_or(Error::NotFound)
}

/// The plan page at `now`, read from one snapshot; then what its measures' training links show.
pub async fn get_plan(pool: &SqlitePool, id: i64, now: DateTime<Utc>) -> Result<PlanDetail> {
    let mut tx = pool.begin().await?;
    let tz = branch_tz(&mut tx).await?;
    let plan = load_plan(&mut tx, id).await?;
    let today = local_today(now, tz);
    let mut measures = plan_measures(&mut tx, id, today).await?;
    let cases: Vec<LinkedCase> = sqlx::query_as(
        "SELECT c.id, c.number, c.received_at, c.status, c.category_id, c.root_cause, l.added_at
         FROM prevention_plan_cases l JOIN cases c ON c.id = l.case_id
         WHERE l.plan_id = ? ORDER BY c.received_at DESC, c.id DESC",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    let history: Vec<HistoryLine> = sqlx::query_as(
        "SELECT a.at, s.name AS actor_name, a.field, a.old_value, a.new_value
         FROM prevention_audit a LEFT JOIN staff s ON s.id = a.actor_id
         WHERE a.plan_id = ? ORDER BY a.at DESC, a.id DESC",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    let follow_ons: Vec<PlanLink> = sqlx::query_as(
        "SELECT id, title, status FROM prevention_plans WHERE parent_id = ? ORDER BY id",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    let effect = plan_effect(&mut tx, &plan, today, tz).await?;
    tx.commit().await?;
    add_training_links(pool, &mut measures, stored_day(&plan.start_date)?, now).await?;
    Ok(PlanDetail {
        plan,
        measures,
        cases,
        history,
        follow_ons,
        effect,
        today,
    })
}

/// A plan and its effect at `now`, without the rest of its page (for the monthly workbook).
pub async fn plan_and_effect(
    pool: &SqlitePool,
    id: i64,
    now: DateTime<Utc>,
) -> Result<(Plan, Effect)> {
    let mut conn = pool.acquire().await?;
    let tz = branch_tz(&mut conn).await?;
    let plan = load_plan(&mut conn, id).await?;
    let effect = plan_effect(&mut conn, &plan, local_today(now, tz), tz).await?;
    Ok((plan, effect))
}

fn stored_day(text: &str) -> Result<NaiveDate> {
    text.parse()
        .map_err(|_| Error::Database(sqlx::Error::Decode(format!("bad date {text:?}").into())))
}

/// The plan's effect: the receipt instants of the valid cases in its target around its start.
async fn plan_effect(
    conn: &mut SqliteConnection,
    plan: &Plan,
    today: NaiveDate,
    tz: chrono_tz::Tz,
) -> Result<Effect> {
    let first: Option<String> = sqlx::query_scalar("SELECT MIN(received_at) FROM cases")
        .fetch_one(&mut *conn)
        .await?;
    let records_begin = first
        .as_deref()
        .map(parse_stamp)
        .transpose()?
        .map(|t| local_today(t, tz));
    let input = EffectInput {
        start: stored_day(&plan.start_date)?,
        review: stored_day(&plan.review_date)?,
        goal_percent: plan.goal_percent,
        today,
        records_begin,
        tz,
    };
    let (from, to) = instants_needed(&input);
    let received: Vec<String> = sqlx::query_scalar(
        "SELECT received_at FROM cases
         WHERE received_at >= ? AND received_at < ? AND status <> 'invalid'
           AND (? IS NULL OR category_id = ?) AND (? IS NULL OR root_cause = ?)",
    )
    .bind(stamp(from))
    .bind(stamp(to))
    .bind(plan.category_id)
    .bind(plan.category_id)
    .bind(&plan.root_cause)
    .bind(&plan.root_cause)
    .fetch_all(&mut *conn)
    .await?;
    let received = received
        .iter()
        .map(|t| parse_stamp(t))
        .collect::<Result<Vec<_>>>()?;
    Ok(effect(&input, &received))
}

/// A plan a case page shows: an active plan that addresses the case's category (whatever
/// root cause it also names, since a case's cause is often not known yet), an active plan on
/// the case's root cause alone, or any plan the case is attached to.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
pub struct CasePlan {
    /// Plan id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Phase code.
    pub phase: String,
    /// Status code.
    pub status: String,
    /// Whether the case is attached to it as evidence.
    pub attached: bool,
}

/// The plans case `case_id`'s page shows, active ones first.
pub async fn plans_for_case(pool: &SqlitePool, case_id: i64) -> Result<Vec<CasePlan>> {
    let mut conn = pool.acquire().await?;
    let found: Option<(i64, Option<String>)> =
        sqlx::query_as("SELECT category_id, root_cause FROM cases WHERE id = ?")
            .bind(case_id)
            .fetch_optional(&mut *conn)
            .await?;
    let (category, root_cause) = found.ok_or(Error::NotFound)?;
    Ok(sqlx::query_as(
        "SELECT p.id, p.title, p.phase, p.status,
            EXISTS (SELECT 1 FROM prevention_plan_cases l WHERE l.plan_id = p.id AND l.case_id = ?1) AS attached
         FROM prevention_plans p
         WHERE (p.status = 'active'
                AND (p.category_id = ?2 OR (p.category_id IS NULL AND p.root_cause = ?3)))
            OR EXISTS (SELECT 1 FROM prevention_plan_cases l WHERE l.plan_id = p.id AND l.case_id = ?1)
         ORDER BY CASE p.status WHEN 'active' THEN 0 ELSE 1 END, p.id DESC",
    )
    .bind(case_id)
    .bind(category)
    .bind(root_cause)
    .fetch_all(&mut *conn)
    .await?)
}
