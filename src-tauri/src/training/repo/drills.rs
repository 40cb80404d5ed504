//! Drills: saving one as the runner scored it, a person's drills, per-step averages, the
//! team's progress, and the counts other areas read (the monthly report, prevention).

use chrono::{DateTime, Datelike, NaiveDate, TimeDelta, Utc};
use serde::Serialize;
use sqlx::{SqliteConnection, SqlitePool};

use super::matrix::refresher_counts;
use super::scenarios::{Bi, get_scenario};
use super::{branch_tz, local_day, require_staff};
use crate::cases::repo::stamp;
use crate::cases::start_of_local_day;
use crate::error::Result;
use crate::stats::{Month, current_month};
use crate::training::input::ValidDrill;
use crate::training::rubric::{Step, total};

/// A drill as lists show it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DrillSummary {
    /// Row id.
    pub id: i64,
    /// When it started.
    pub held_at: String,
    /// The scenario.
    pub scenario_id: i64,
    /// The scenario's title.
    pub scenario_title: Bi,
    /// The scenario's customer type.
    pub customer_type: String,
    /// Points.
    pub total: i64,
    /// Points possible.
    pub max_total: i64,
    /// How long it ran.
    pub duration_seconds: i64,
    /// Who observed.
    pub observer_name: Option<String>,
    /// Who was trained.
    pub trainee_names: Vec<String>,
    /// Debrief comments.
    pub comments: String,
}

/// The average score (0–3) of one rubric step.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StepAverage {
    /// The step.
    pub step: Step,
    /// Mean score; `None` when never scored.
    pub average: Option<f64>,
    /// How many drills scored it.
    pub count: i64,
}

/// Saves a drill. It is dated at its start: `now` less the timer's reading.
pub async fn save_drill(
    pool: &SqlitePool,
    drill: &ValidDrill,
    now: DateTime<Utc>,
) -> Result<DrillSummary> {
    save_drill_by(pool, drill, None, now).await
}

/// [`save_drill`] recorded by `recorded_by`, the signed-in person (who may not be the
/// observer).
pub async fn save_drill_by(
    pool: &SqlitePool,
    drill: &ValidDrill,
    recorded_by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<DrillSummary> {
    let mut tx = crate::store::begin_write(pool).await?;
    let id = save_drill_in(&mut tx, drill, recorded_by, now).await?;
    let saved = summaries(&mut tx, Some(id), None, None).await?;
    tx.commit().await?;
    saved
        .into_iter()
        .next()
        .ok_or(crate::error::Error::NotFound)
}

/// [`save_drill_by`] on the caller's connection (inside its transaction); returns the drill's
/// id.
pub async fn save_drill_in(
    conn: &mut SqliteConnection,
    drill: &ValidDrill,
    recorded_by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64> {
    get_scenario(conn, drill.scenario_id).await?;
    for id in &drill.trainee_ids {
        require_staff(conn, "traineeIds", *id).await?;
    }
    if let Some(id) = drill.observer_id {
        require_staff(conn, "observerId", id).await?;
    }
    if let Some(id) = drill.actor_id {
        require_staff(conn, "actorId", id).await?;
    }
    let sum = total(&drill.scores);
    let held_at = now - TimeDelta::seconds(i64::from(drill.duration_seconds));
    let id = sqlx::query(
        "INSERT INTO drills (scenario_id, held_at, duration_seconds, observer_id, actor_id, total,
             max_total, comments, created_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(drill.scenario_id)
    .bind(stamp(held_at))
    .bind(drill.duration_seconds)
    .bind(drill.observer_id)
    .bind(drill.actor_id)
    .bind(sum.total)
    .bind(sum.max)
    .bind(&drill.comments)
    .bind(stamp(now))
    .bind(recorded_by)
    .execute(&mut *conn)
    .await?
    .last_insert_rowid();
    for trainee in &drill.trainee_ids {
        sqlx::query("INSERT INTO drill_trainees (drill_id, staff_id) VALUES (?, ?)")
            .bind(id)
            .bind(trainee)
            .execute(&mut *conn)
            .await?;
    }
    for score in &drill.scores {
        sqlx::query("INSERT INTO drill_scores (drill_id, step, score, note) VALUES (?, ?, ?, ?)")
            .bind(id)
            .bind(score.step.as_str())
            .bind(score.score)
            .bind(&score.note)
            .execute(&mut *conn)
            .await?;
    }
    Ok(id)
}

type SummaryRow = (
    i64,
    String,
    i64,
    String,
    String,
    String,
    i64,
    i64,
    i64,
    Option<String>,
    String,
);

/// Drills, newest first: one (`drill`), a trainee's (`staff`), or the latest `limit`.
async fn summaries(
    conn: &mut SqliteConnection,
    drill: Option<i64>,
    staff: Option<i64>,
    limit: Option<i64>,
) -> Result<Vec<DrillSummary>> {
    let rows: Vec<SummaryRow> = sqlx::query_as(
        "SELECT d.id, d.held_at, d.scenario_id, sc.title_en, sc.title_zh, sc.customer_type, d.total,
                d.max_total, d.duration_seconds, o.name, d.comments
         FROM drills d JOIN drill_scenarios sc ON sc.id = d.scenario_id
         LEFT JOIN staff o ON o.id = d.observer_id
         WHERE (?1 IS NULL OR d.id = ?1)
           AND (?2 IS NULL OR d.id IN (SELECT drill_id FROM drill_trainees WHERE staff_id = ?2))
         ORDER BY d.held_at DESC, d.id DESC LIMIT COALESCE(?3, -1)",
    )
    .bind(drill)
    .bind(staff)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for (
        id,
        held_at,
        scenario_id,
        en,
        zh,
        customer_type,
        total,
        max_total,
        duration_seconds,
        observer_name,
        comments,
    ) in rows
    {
        let trainee_names: Vec<String> = sqlx::query_scalar(
            "SELECT s.name FROM drill_trainees t JOIN staff s ON s.id = t.staff_id
             WHERE t.drill_id = ? ORDER BY s.name COLLATE NOCASE",
        )
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
        out.push(DrillSummary {
            id,
            held_at,
            scenario_id,
            scenario_title: Bi { en, zh },
            customer_type,
            total,
            max_total,
            duration_seconds,
            observer_name,
            trainee_names,
            comments,
        });
    }
    Ok(out)
}

/// The drills a person was trained in, newest first.
pub async fn person_drills(
    conn: &mut SqliteConnection,
    staff_id: i64,
) -> Result<Vec<DrillSummary>> {
    summaries(conn, None, Some(staff_id), None).await
}

/// The latest drills of the branch, newest first.
pub async fn recent_drills(pool: &SqlitePool, limit: i64) -> Result<Vec<DrillSummary>> {
    summaries(&mut *pool.acquire().await?, None, None, Some(limit)).await
}

/// Average score per rubric step, in rubric order: one trainee's (`staff`) or everyone's, over
/// drills held from `since` on (or all).
pub async fn step_averages(
    conn: &mut SqliteConnection,
    staff: Option<i64>,
    since: Option<DateTime<Utc>>,
) -> Result<Vec<StepAverage>> {
    let rows: Vec<(String, f64, i64)> = sqlx::query_as(
        "SELECT sc.step, AVG(sc.score), COUNT(*) FROM drill_scores sc JOIN drills d ON d.id = sc.drill_id
         WHERE (?1 IS NULL OR d.id IN (SELECT drill_id FROM drill_trainees WHERE staff_id = ?1))
           AND (?2 IS NULL OR d.held_at >= ?2)
         GROUP BY sc.step",
    )
    .bind(staff)
    .bind(since.map(stamp))
    .fetch_all(conn)
    .await?;
    Ok(Step::ALL
        .iter()
        .map(|step| {
            let found = rows.iter().find(|(code, _, _)| code == step.as_str());
            StepAverage {
                step: *step,
                average: found.map(|r| (r.1 * 100.0).round() / 100.0),
                count: found.map_or(0, |r| r.2),
            }
        })
        .collect())
}

/// Drills held from `start` (inclusive) to `end` (exclusive).
pub async fn drills_between(
    conn: &mut SqliteConnection,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM drills WHERE held_at >= ? AND held_at < ?")
            .bind(stamp(start))
            .bind(stamp(end))
            .fetch_one(conn)
            .await?,
    )
}

/// How many drills were held with `scenario_id` from local day `since` on.
pub async fn drills_held_since(
    pool: &SqlitePool,
    scenario_id: i64,
    since: NaiveDate,
) -> Result<i64> {
    let mut conn = pool.acquire().await?;
    let tz = branch_tz(&mut conn).await?;
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM drills WHERE scenario_id = ? AND held_at >= ?")
            .bind(scenario_id)
            .bind(stamp(start_of_local_day(since, tz)))
            .fetch_one(&mut *conn)
            .await?,
    )
}

/// Drills held in one local month.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MonthCount {
    /// `YYYY-MM`.
    pub month: String,
    /// Drills held.
    pub count: i64,
}

/// The team's progress and the dashboard tile's figures.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    /// The first day of the current quarter (local).
    pub quarter_start: String,
    /// Steps scored this quarter, weakest first.
    pub weakest_steps: Vec<StepAverage>,
    /// Drills held in each of the last 12 months, oldest first.
    pub drills_per_month: Vec<MonthCount>,
    /// Drills held this month.
    pub drills_this_month: i64,
    /// People × modules whose refresher is due within 30 days.
    pub due_soon: usize,
    /// People × modules whose refresher is overdue.
    pub overdue: usize,
    /// The latest drills.
    pub recent: Vec<DrillSummary>,
}

/// The first day of the quarter `day` falls in.
pub fn quarter_start(day: NaiveDate) -> NaiveDate {
    let month = (day.month0() / 3) * 3 + 1;
    NaiveDate::from_ymd_opt(day.year(), month, 1).unwrap_or(day)
}

/// The team's progress as of `now`.
pub async fn progress(pool: &SqlitePool, now: DateTime<Utc>) -> Result<Progress> {
    let mut conn = pool.acquire().await?;
    let tz = branch_tz(&mut conn).await?;
    let quarter = quarter_start(local_day(now, tz));
    let mut weakest: Vec<StepAverage> =
        step_averages(&mut conn, None, Some(start_of_local_day(quarter, tz)))
            .await?
            .into_iter()
            .filter(|s| s.average.is_some())
            .collect();
    weakest.sort_by(|a, b| {
        a.average
            .partial_cmp(&b.average)
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let months: Vec<Month> = current_month(now, tz).ending_with(12);
    let mut drills_per_month = Vec::with_capacity(months.len());
    for month in &months {
        drills_per_month.push(MonthCount {
            month: month.to_string(),
            count: drills_between(&mut conn, month.start(tz), month.end(tz)).await?,
        });
    }
    drop(conn);
    let (due_soon, overdue) = refresher_counts(pool, now).await?;
    Ok(Progress {
        quarter_start: quarter.to_string(),
        weakest_steps: weakest,
        drills_this_month: drills_per_month.last().map_or(0, |m| m.count),
        drills_per_month,
        due_soon,
        overdue,
        recent: recent_drills(pool, 20).await?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters_start_in_january_april_july_and_october() {
        let day = |m, d| NaiveDate::from_ymd_opt(2025, m, d).unwrap();
        assert_eq!(quarter_start(day(1, 1)), day(1, 1));
        assert_eq!(quarter_start(day(3, 31)), day(1, 1));
        assert_eq!(quarter_start(day(4, 1)), day(4, 1));
        assert_eq!(quarter_start(day(9, 30)), day(7, 1));
        assert_eq!(quarter_start(day(12, 31)), day(10, 1));
    }
}
