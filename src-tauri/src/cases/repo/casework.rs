//! The case page's casework panel: the verdict, the supporting departments with what is
//! outstanding, the progress updates and whether the customer is due another.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use sqlx::SqlitePool;

use super::branch_context;
use super::judgement::stored_judgement;
use super::progress::progress_prompt;
use crate::cases::judgement::Judgement;
use crate::cases::progress::{PROMPT_AGAIN_AFTER_DAYS, ProgressPrompt};
use crate::cases::support::{Outstanding, is_overdue, outstanding};
use crate::error::Result;

/// One supporting department.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SupportLine {
    /// Row id.
    pub id: i64,
    /// Which department (`unspecified` for a line migrated from the old flag).
    pub department: String,
    /// What it is asked to do.
    pub task: String,
    /// Free-text owner.
    pub owner_name: Option<String>,
    /// Owner on staff.
    pub owner_staff_id: Option<i64>,
    /// Name of the owner on staff.
    pub owner_staff_name: Option<String>,
    /// Due local day.
    pub due_on: Option<String>,
    /// Local day it was done.
    pub done_on: Option<String>,
    /// Who marked it done.
    pub done_by_name: Option<String>,
    /// Not done and past its due day.
    pub overdue: bool,
}

/// One progress update.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProgressEntry {
    /// `call`, `message` or `visit`.
    pub method: String,
    /// What the customer was told.
    pub said: String,
    /// When.
    pub told_at: String,
    /// Who recorded it.
    pub author_name: Option<String>,
}

/// Everything the casework panel shows.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Casework {
    /// The verdict, once recorded.
    pub judgement: Option<Judgement>,
    /// Supporting departments, oldest first.
    pub supports: Vec<SupportLine>,
    /// How many lines are open and overdue.
    pub outstanding: Outstanding,
    /// Progress updates, newest first.
    pub progress: Vec<ProgressEntry>,
    /// Set while the customer is due an update.
    pub prompt: Option<ProgressPrompt>,
    /// Days a late case may go without an update before the prompt returns.
    pub prompt_again_after_days: i64,
}

type SupportRow = (
    i64,
    String,
    String,
    Option<String>,
    Option<i64>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// The casework panel of case `id` at `now`.
pub async fn get_casework(pool: &SqlitePool, id: i64, now: DateTime<Utc>) -> Result<Casework> {
    let mut conn = pool.acquire().await?;
    let tz = branch_context(&mut conn).await?.tz;
    let today = now.with_timezone(&tz).date_naive();
    let prompt = progress_prompt(&mut conn, id, now).await?;
    let rows: Vec<SupportRow> = sqlx::query_as(
        "SELECT l.id, l.department, l.task, l.owner_name, l.owner_staff_id, s.name, l.due_on,
                l.done_on, d.name
         FROM case_supports l LEFT JOIN staff s ON s.id = l.owner_staff_id
         LEFT JOIN staff d ON d.id = l.done_by WHERE l.case_id = ? ORDER BY l.id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let day = |text: &Option<String>| text.as_deref().and_then(|t| t.parse::<NaiveDate>().ok());
    let supports: Vec<SupportLine> = rows
        .into_iter()
        .map(
            |(
                id,
                department,
                task,
                owner_name,
                owner_staff_id,
                owner_staff_name,
                due_on,
                done_on,
                done_by_name,
            )| {
                let overdue = is_overdue(day(&due_on), done_on.is_some(), today);
                SupportLine {
                    id,
                    department,
                    task,
                    owner_name,
                    owner_staff_id,
                    owner_staff_name,
                    due_on,
                    done_on,
                    done_by_name,
                    overdue,
                }
            },
        )
        .collect();
    let outstanding = outstanding(
        supports
            .iter()
            .map(|l| (day(&l.due_on), l.done_on.is_some())),
        today,
    );
    let progress: Vec<(String, String, String, Option<String>)> = sqlx::query_as(
        "SELECT p.method, p.said, p.told_at, s.name FROM case_progress_updates p
         LEFT JOIN staff s ON s.id = p.author_id WHERE p.case_id = ? ORDER BY p.told_at DESC, p.id DESC",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(Casework {
        judgement: stored_judgement(&mut conn, id).await?,
        supports,
        outstanding,
        progress: progress
            .into_iter()
            .map(|(method, said, told_at, author_name)| ProgressEntry {
                method,
                said,
                told_at,
                author_name,
            })
            .collect(),
        prompt,
        prompt_again_after_days: PROMPT_AGAIN_AFTER_DAYS,
    })
}
