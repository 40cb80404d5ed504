//! SQL for the monthly report: load what the month and its two comparison months need, then
//! hand it to the pure figures, breakdowns and trend.

mod load;

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sqlx::{SqliteConnection, SqlitePool};

use super::breakdown::{breakdown_members, breakdowns};
use super::figures::{Figure, MonthFigures, month_figures};
use super::kpi::kpis;
use super::month::Period;
use super::report::{Month, MonthlyReport, ReportBranch, TrendPoint};
use super::sets::{Members, MonthSets, received_and_closed};
use crate::cases::repo::{branch_context, parse_stamp, stamp};
use crate::error::{Error, Invalid, Result};
use crate::prevention::repo::figures::{measures_overdue_at, plans_active_at};
use crate::training::repo::drills::drills_between;
use crate::training::repo::matrix;
use load::{Span, load_cases, load_customers, load_timelines};

/// How many months the trend shows, ending with the report's month.
pub const TREND_MONTHS: usize = 12;

/// The report of `month` as it stands at `now` (a month under way is reported "so far").
/// Reads one consistent snapshot of the database.
pub async fn monthly_report(
    pool: &SqlitePool,
    month: Month,
    now: DateTime<Utc>,
) -> Result<MonthlyReport> {
    let mut tx = pool.begin().await?;
    let ctx = branch_context(&mut tx).await?;
    let branch = report_branch(&mut tx).await?;
    let [this, previous, last_year] = [month, month.previous(), month.same_month_last_year()]
        .map(|m| Period::new(m, ctx.tz, now));
    // The month and the one before are adjacent: one span covers both.
    let spans: [Span; 2] = [(previous.start, this.end), (last_year.start, last_year.end)];
    let mut instants: Vec<DateTime<Utc>> = [this, previous, last_year]
        .iter()
        .flat_map(|p| [p.start, p.until])
        .collect();
    instants.sort();
    instants.dedup();
    let cases = load_cases(&mut tx, &ctx, &spans, &instants).await?;
    let customers = load_customers(&mut tx, &cases, &spans).await?;

    let first_case: Option<String> = sqlx::query_scalar("SELECT MIN(received_at) FROM cases")
        .fetch_one(&mut *tx)
        .await?;
    let first_case = first_case.as_deref().map(parse_stamp).transpose()?;
    // A month that ended before the branch's first case has no data: dashes, not zeros.
    let figures = |period: &Period| -> Option<MonthFigures> {
        first_case
            .is_some_and(|first| first < period.end)
            .then(|| month_figures(&cases, &customers, period))
    };
    let [
        mut this_figures,
        mut previous_figures,
        mut last_year_figures,
    ] = [&this, &previous, &last_year].map(figures);
    for (figures, period) in [
        (&mut this_figures, &this),
        (&mut previous_figures, &previous),
        (&mut last_year_figures, &last_year),
    ] {
        if let Some(figures) = figures.as_mut() {
            add_work_figures(&mut tx, figures, period, ctx.tz).await?;
        }
    }
    let names = category_names(&mut tx).await?;
    let report = MonthlyReport {
        branch,
        month,
        computed_at: stamp(now),
        kpis: kpis(
            this_figures.as_ref(),
            previous_figures.as_ref(),
            last_year_figures.as_ref(),
        ),
        breakdowns: breakdowns(&cases, &this, |id| {
            names.get(&id).cloned().flatten().unwrap_or_default()
        }),
        trend: trend(&mut tx, month, ctx.tz, now).await?,
    };
    tx.commit().await?;
    Ok(report)
}

/// The figures that are not case facts: training completion as at the month's last instant
/// (now, for the month under way) and the drills held in it, from the training tables; the
/// prevention plans active and measures overdue at its end, from the prevention tables.
async fn add_work_figures(
    conn: &mut SqliteConnection,
    figures: &mut MonthFigures,
    period: &Period,
    tz: chrono_tz::Tz,
) -> Result<()> {
    let last_instant = period.until - chrono::TimeDelta::seconds(1);
    let (signed, assigned) = matrix::item_completion_at(conn, last_instant).await?;
    figures.training_completion = Figure::share(signed, assigned);
    figures.drills_held = Figure::count(drills_between(conn, period.start, period.until).await?);
    figures.plans_active = Figure::count(plans_active_at(conn, period.until).await?);
    figures.measures_overdue = Figure::count(measures_overdue_at(conn, period.until, tz).await?);
    Ok(())
}

async fn report_branch(conn: &mut SqliteConnection) -> Result<ReportBranch> {
    let (name, code, industry, timezone): (String, String, String, String) =
        sqlx::query_as("SELECT name, code, industry, timezone FROM branch WHERE id = 1")
            .fetch_optional(conn)
            .await?
            .ok_or(Error::NotInitialized)?;
    Ok(ReportBranch {
        name,
        code,
        industry,
        timezone,
    })
}

/// Category names by id; `None` for a seeded category the UI names itself.
async fn category_names(conn: &mut SqliteConnection) -> Result<HashMap<i64, Option<String>>> {
    let rows: Vec<(i64, Option<String>)> = sqlx::query_as("SELECT id, name FROM categories")
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().collect())
}

/// The ids of the cases in `month`'s "closed" figure as it stands at `now`, by the report's own
/// definition ([`received_and_closed`]), read from the light timelines the trend uses: what the
/// workbook's Cases sheet needs, without the figures' other facts.
pub async fn closed_case_ids(
    pool: &SqlitePool,
    month: Month,
    now: DateTime<Utc>,
) -> Result<Vec<i64>> {
    let mut tx = pool.begin().await?;
    let ctx = branch_context(&mut tx).await?;
    let period = Period::new(month, ctx.tz, now);
    let cases = load_timelines(&mut tx, (period.start, period.end)).await?;
    Ok(received_and_closed(&cases, &period)
        .closed
        .into_iter()
        .map(|c| c.id)
        .collect())
}

/// Received and closed in each of the [`TREND_MONTHS`] local months ending with `month`, by
/// the report's own definitions ([`received_and_closed`], the `received` and `closed` figures
/// of each month), so a trend point and that month's figures always agree.
async fn trend(
    conn: &mut SqliteConnection,
    month: Month,
    tz: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> Result<Vec<TrendPoint>> {
    let months = month.ending_with(TREND_MONTHS);
    let first = months.first().map_or(month, |m| *m);
    let cases = load_timelines(conn, (first.start(tz), month.end(tz))).await?;
    Ok(months
        .into_iter()
        .map(|month| {
            let counted = received_and_closed(&cases, &Period::new(month, tz, now));
            TrendPoint {
                month,
                received: counted.received.len() as i64,
                closed: counted.closed.len() as i64,
            }
        })
        .collect())
}

/// The cases behind one figure of `month` as it stands at `now`: a report figure by its key
/// (`closed`, `closure_rate`…), or with `code` the row `code` of the breakdown `key`
/// (`category` and a category id, `department` and a name…). Runs on the caller's connection,
/// so the case list can filter by it in the same read. A key that is neither is refused as
/// `invalid.choice` on `figure`.
pub async fn figure_members(
    conn: &mut SqliteConnection,
    month: Month,
    key: &str,
    code: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Members> {
    let ctx = branch_context(&mut *conn).await?;
    let period = Period::new(month, ctx.tz, now);
    let spans: [Span; 1] = [(period.start, period.end)];
    let cases = load_cases(conn, &ctx, &spans, &[period.start, period.until]).await?;
    let refused = || Error::invalid("figure", Invalid::Choice);
    if let Some(code) = code {
        let all = breakdown_members(&cases, &period, key, code).ok_or_else(refused)?;
        return Ok(Members { all, hits: None });
    }
    let customers = load_customers(conn, &cases, &spans).await?;
    MonthSets::new(&cases, &customers, &period)
        .members(key)
        .ok_or_else(refused)
}
