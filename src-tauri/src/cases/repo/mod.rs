//! SQL for cases: intake, the list and search, the case page, and every change to a case.

pub mod attachments;
pub(crate) mod bulk;
pub mod casework;
mod columns;
pub mod create;
pub mod customer;
pub mod detail;
pub mod insert;
pub(crate) mod journal;
pub mod judgement;
pub mod list;
pub mod progress;
mod suggest;
pub mod support;
pub mod transitions;
pub mod workflow;

use chrono_tz::Tz;
use sqlx::SqliteConnection;

use crate::error::{Error, Result};
use crate::settings::TimeLimit;
use crate::settings::model::parse_timezone;

/// What every case operation needs to know about the branch.
#[derive(Debug, Clone)]
pub struct BranchContext {
    /// Branch code, the case-number prefix.
    pub code: String,
    /// The branch's time zone: days, months and deadlines are counted in it.
    pub tz: Tz,
    /// Time limits for grades 1–4.
    pub limits: Vec<TimeLimit>,
}

impl BranchContext {
    /// The time limit of `grade` (1–4).
    pub fn limit(&self, grade: u8) -> Result<TimeLimit> {
        self.limits
            .iter()
            .find(|l| l.grade == grade)
            .copied()
            .ok_or(Error::NotInitialized)
    }
}

/// Loads the branch's code, zone and limits; `NotInitialized` before first-run setup.
pub async fn branch_context(conn: &mut SqliteConnection) -> Result<BranchContext> {
    let row: Option<(String, String)> =
        sqlx::query_as("SELECT code, timezone FROM branch WHERE id = 1")
            .fetch_optional(&mut *conn)
            .await?;
    let (code, timezone) = row.ok_or(Error::NotInitialized)?;
    let limits: Vec<(u8, u32, u32)> = sqlx::query_as(
        "SELECT grade, acknowledge_hours, resolve_days FROM grade_time_limits ORDER BY grade",
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(BranchContext {
        code,
        tz: parse_timezone("timezone", &timezone)?,
        limits: limits
            .into_iter()
            .map(|(grade, acknowledge_hours, resolve_days)| TimeLimit {
                grade,
                acknowledge_hours,
                resolve_days,
            })
            .collect(),
    })
}

/// RFC 3339 UTC text with second precision, as stored.
pub fn stamp(instant: chrono::DateTime<chrono::Utc>) -> String {
    instant.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Reads a stored RFC 3339 instant.
pub fn parse_stamp(text: &str) -> Result<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&chrono::Utc))
        .map_err(|_| Error::Database(sqlx::Error::Decode(format!("bad instant {text:?}").into())))
}

/// Counts for the dashboard: open, overdue, due today, and open crises (grade 1).
#[derive(Debug, Clone, Copy, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CaseCounts {
    /// Open cases.
    pub open: i64,
    /// Open cases past a deadline.
    pub overdue: i64,
    /// Open cases due before the end of today.
    pub due_today: i64,
    /// Open grade 1 cases.
    pub crisis: i64,
}

/// The dashboard counts at `now`.
pub async fn case_counts(
    pool: &sqlx::SqlitePool,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<CaseCounts> {
    use list::{CaseQuery, list_cases};
    let count = |query: CaseQuery| async move {
        let query = CaseQuery {
            status: Some("open".into()),
            page_size: Some(1),
            ..query
        };
        list_cases(pool, &query, now).await.map(|page| page.total)
    };
    Ok(CaseCounts {
        open: count(CaseQuery::default()).await?,
        overdue: count(CaseQuery {
            overdue: true,
            ..Default::default()
        })
        .await?,
        due_today: count(CaseQuery {
            due_today: true,
            ..Default::default()
        })
        .await?,
        crisis: count(CaseQuery {
            grade: Some(1),
            ..Default::default()
        })
        .await?,
    })
}
