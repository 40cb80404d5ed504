//! Progress updates to the customer of a late case: stored with how and what was said, logged
//! on the timeline as a `progress` entry and in the audit trail.

use chrono::{DateTime, Utc};
use sqlx::{SqliteConnection, SqlitePool};

use super::columns::{Edit, status_of};
use super::journal::{Event, record_audit};
use super::{branch_context, parse_stamp, stamp};
use crate::cases::Status;
use crate::cases::progress::{LateFacts, ProgressInput, ProgressPrompt, prompt};
use crate::error::{Error, Invalid, Result};

/// Records that the customer of case `id` was told how it is going.
pub async fn add_progress(
    pool: &SqlitePool,
    id: i64,
    input: &ProgressInput,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut tx = crate::store::begin_write(pool).await?;
    let ctx = branch_context(&mut tx).await?;
    if status_of(&mut tx, id).await? == Status::Invalid {
        return Err(Error::invalid("method", Invalid::Choice));
    }
    let received: String = sqlx::query_scalar("SELECT received_at FROM cases WHERE id = ?")
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
    let update = input.parse(ctx.tz, parse_stamp(&received)?, now)?;
    let at = stamp(now);
    let told_at = stamp(update.told_at);
    sqlx::query(
        "INSERT INTO case_progress_updates (case_id, method, said, told_at, author_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(id)
    .bind(update.method.as_str())
    .bind(&update.said)
    .bind(&told_at)
    .bind(actor)
    .bind(&at)
    .execute(&mut *tx)
    .await?;
    record_audit(
        &mut tx,
        id,
        &at,
        actor,
        "progress_update",
        None,
        Some(&format!("{} {told_at}", update.method.as_str())),
    )
    .await?;
    let edit = Edit { id, at: &at, actor };
    let event = Event {
        kind: "progress",
        body: &update.said,
        old_value: Some(&told_at),
        new_value: Some(update.method.as_str()),
    };
    edit.record(&mut tx, event).await?;
    tx.commit().await?;
    Ok(())
}

/// The prompt for case `id` at `now`, or `None` when the customer need not hear more yet.
pub async fn progress_prompt(
    conn: &mut SqliteConnection,
    id: i64,
    now: DateTime<Utc>,
) -> Result<Option<ProgressPrompt>> {
    type Row = (
        String,
        Option<String>,
        Option<String>,
        String,
        String,
        Option<String>,
    );
    let (status, paused, acknowledged, acknowledge_by, due_at, last): Row = sqlx::query_as(
        "SELECT status, paused_since, acknowledged_at, acknowledge_by, due_at,
                (SELECT MAX(told_at) FROM case_progress_updates p WHERE p.case_id = cases.id)
         FROM cases WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?
    .ok_or(Error::NotFound)?;
    let stamp_of = |text: Option<String>| text.as_deref().map(parse_stamp).transpose();
    let facts = LateFacts {
        status: Status::parse("status", &status)?,
        paused: paused.is_some(),
        acknowledged_at: stamp_of(acknowledged)?,
        acknowledge_by: parse_stamp(&acknowledge_by)?,
        due_at: parse_stamp(&due_at)?,
    };
    Ok(prompt(&facts, stamp_of(last)?, now))
}
