//! Small shared steps of every change to a case: read its status, set a column with its audit
//! line, and the pauses that move its deadline.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::journal::{Event, record_audit, record_event};
use super::{BranchContext, parse_stamp, stamp};
use crate::cases::Status;
use crate::cases::deadlines::{Pause, effective_resolve_by};
use crate::error::{Error, Result};

pub(super) async fn status_of(conn: &mut SqliteConnection, id: i64) -> Result<Status> {
    let status: String = sqlx::query_scalar("SELECT status FROM cases WHERE id = ?")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(Error::NotFound)?;
    Status::parse("status", &status)
}

/// Where the current resolve window of a case starts, as stored text: when it was last
/// reopened (reopening restarts the window), else when it was received.
const WINDOW_START: &str =
    "COALESCE((SELECT MAX(e.at) FROM case_events e WHERE e.case_id = cases.id
     AND e.kind = 'status' AND e.new_value = 'reopened'), cases.received_at)";

/// When the current resolve window of a case began: its last reopening, else its receipt.
pub(super) async fn window_start(conn: &mut SqliteConnection, id: i64) -> Result<DateTime<Utc>> {
    let start: String = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT {WINDOW_START} FROM cases WHERE id = ?"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await?
    .ok_or(Error::NotFound)?;
    parse_stamp(&start)
}

/// Finished pauses of a case in its current resolve window, for moving its deadline. Waits
/// before a reopening belong to the old window and do not move the new one.
pub(super) async fn finished_pauses(conn: &mut SqliteConnection, id: i64) -> Result<Vec<Pause>> {
    let rows: Vec<(String, String)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT p.start_at, p.end_at FROM case_pauses p JOIN cases ON cases.id = p.case_id
         WHERE p.case_id = ? AND p.end_at IS NOT NULL AND p.start_at >= {WINDOW_START}"
    )))
    .bind(id)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(start, end)| {
            Ok(Pause {
                start: parse_stamp(&start)?,
                end: Some(parse_stamp(&end)?),
            })
        })
        .collect()
}

/// One edit of a case: which case, when and by whom. Every column it sets and every timeline
/// entry it records carries the same three, so the audit trail shows the edit as one act.
#[derive(Debug, Clone, Copy)]
pub(super) struct Edit<'a> {
    pub id: i64,
    pub at: &'a str,
    pub actor: Option<i64>,
}

impl Edit<'_> {
    /// Sets `column` to `value` and writes its audit line, when the value changes.
    pub async fn set(
        &self,
        conn: &mut SqliteConnection,
        column: &'static str,
        value: Option<String>,
    ) -> Result<()> {
        set_column(conn, self.id, self.at, self.actor, column, value).await
    }

    /// Adds a timeline entry.
    pub async fn record(&self, conn: &mut SqliteConnection, event: Event<'_>) -> Result<()> {
        record_event(conn, self.id, self.at, self.actor, event).await
    }
}

/// Updates one column and writes its audit line when the value changes.
async fn set_column(
    conn: &mut SqliteConnection,
    id: i64,
    at: &str,
    actor: Option<i64>,
    column: &'static str,
    value: Option<String>,
) -> Result<()> {
    let old: Option<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT CAST({column} AS TEXT) FROM cases WHERE id = ?"
    )))
    .bind(id)
    .fetch_one(&mut *conn)
    .await?;
    if old == value {
        return Ok(());
    }
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "UPDATE cases SET {column} = ?, updated_at = ? WHERE id = ?"
    )))
    .bind(&value)
    .bind(at)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    if column.ends_with("_key") {
        // Matching keys are derived from the phone and reference, whose own lines say it all.
        return Ok(());
    }
    record_audit(
        conn,
        id,
        at,
        actor,
        column,
        old.as_deref(),
        value.as_deref(),
    )
    .await
}

pub(super) async fn received_on(
    conn: &mut SqliteConnection,
    id: i64,
    ctx: &BranchContext,
) -> Result<chrono::NaiveDate> {
    let received: String = sqlx::query_scalar("SELECT received_at FROM cases WHERE id = ?")
        .bind(id)
        .fetch_one(conn)
        .await?;
    Ok(parse_stamp(&received)?.with_timezone(&ctx.tz).date_naive())
}

/// Ends the open pause of a case, if it has one: the pause gets its end, `paused_since` is
/// cleared with its audit line, and the deadline moves later by the time spent waiting.
/// Returns whether there was a pause to end.
pub(super) async fn end_pause(
    conn: &mut SqliteConnection,
    edit: Edit<'_>,
    now: DateTime<Utc>,
) -> Result<bool> {
    let (paused, resolve_by): (Option<String>, String) =
        sqlx::query_as("SELECT paused_since, resolve_by FROM cases WHERE id = ?")
            .bind(edit.id)
            .fetch_optional(&mut *conn)
            .await?
            .ok_or(Error::NotFound)?;
    if paused.is_none() {
        return Ok(false);
    }
    sqlx::query("UPDATE case_pauses SET end_at = ? WHERE case_id = ? AND end_at IS NULL")
        .bind(edit.at)
        .bind(edit.id)
        .execute(&mut *conn)
        .await?;
    edit.set(conn, "paused_since", None).await?;
    let pauses = finished_pauses(conn, edit.id).await?;
    let due = effective_resolve_by(parse_stamp(&resolve_by)?, &pauses, now);
    edit.set(conn, "due_at", Some(stamp(due))).await?;
    Ok(true)
}
