//! The training and prevention screens on the bench database, each opened as its command
//! opens it, after the demo training records and prevention plans are added beside the cases.
//! No issue sets a budget for them; they are reported so that a slow screen shows up.

use chrono::Utc;
use sqlx::SqlitePool;

use super::table::{Budget, Line};
use super::{RUNS, time};
use crate::error::Result;
use crate::prevention::repo::{analysis, measures, plans};
use crate::training::repo::{drills, matrix, signoffs};

/// Adds the demo training and prevention records, then times each screen.
pub async fn lines(pool: &SqlitePool) -> Result<Vec<Line>> {
    crate::cli::demo_work(pool).await?;
    let person: i64 = sqlx::query_scalar(
        "SELECT staff_id FROM drill_trainees GROUP BY staff_id ORDER BY COUNT(*) DESC LIMIT 1",
    )
    .fetch_one(pool)
    .await?;
    let plan: i64 = sqlx::query_scalar("SELECT MIN(id) FROM prevention_plans")
        .fetch_one(pool)
        .await?;
    let filter = matrix::MatrixFilter::default();
    let mut lines = Vec::new();
    let (samples, shown) = time(RUNS, |_| matrix::matrix(pool, &filter, Utc::now())).await?;
    lines.push(Line::timed(
        format!("training matrix ({} people)", shown.people.len()),
        &samples,
        Budget::None,
    ));
    let (samples, _) = time(RUNS, |_| {
        signoffs::person_training(pool, person, Utc::now())
    })
    .await?;
    lines.push(Line::timed(
        "a person's training page",
        &samples,
        Budget::None,
    ));
    let (samples, _) = time(RUNS, |_| drills::progress(pool, Utc::now())).await?;
    lines.push(Line::timed("training progress", &samples, Budget::None));
    let (samples, _) = time(RUNS, |_| analysis::analysis(pool, Utc::now())).await?;
    lines.push(Line::timed(
        "prevention analysis (6 months of cases)",
        &samples,
        Budget::None,
    ));
    let (samples, _) = time(RUNS, |_| plans::list_plans(pool, Utc::now())).await?;
    lines.push(Line::timed(
        "prevention plans with their effect",
        &samples,
        Budget::None,
    ));
    let (samples, _) = time(RUNS, |_| plans::get_plan(pool, plan, Utc::now())).await?;
    lines.push(Line::timed(
        "a prevention plan's page",
        &samples,
        Budget::None,
    ));
    let (samples, _) = time(RUNS, |_| measures::overview(pool, Utc::now())).await?;
    lines.push(Line::timed(
        "dashboard prevention tile",
        &samples,
        Budget::None,
    ));
    Ok(lines)
}
