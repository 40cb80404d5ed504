//! Supporting departments of a case: add, change, mark done or not, remove. Every change is
//! audited (field `support`, the line before and after) and leaves a `support` timeline entry
//! whose new value says what happened (`added`, `changed`, `done`, `undone`, `removed`).

use chrono::{DateTime, Utc};
use sqlx::{SqliteConnection, SqlitePool};

use super::columns::{Edit, status_of};
use super::journal::{Event, record_audit};
use super::{branch_context, stamp};
use crate::cases::support::{SupportInput, ValidSupport};
use crate::error::{Error, Invalid, Result};

/// A line's department, task, owner, due day, done day and who marked it done.
type LineRow = (
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// A line as stored, for the audit trail: `department | task | owner | due | done`.
async fn line_text(conn: &mut SqliteConnection, case_id: i64, line: i64) -> Result<String> {
    let row: Option<LineRow> = sqlx::query_as(
        "SELECT l.department, l.task, COALESCE(s.name, l.owner_name), l.due_on, l.done_on,
                    d.name
             FROM case_supports l LEFT JOIN staff s ON s.id = l.owner_staff_id
             LEFT JOIN staff d ON d.id = l.done_by WHERE l.id = ? AND l.case_id = ?",
    )
    .bind(line)
    .bind(case_id)
    .fetch_optional(conn)
    .await?;
    let (department, task, owner, due, done, done_by) = row.ok_or(Error::NotFound)?;
    let done = done.map(|day| match done_by {
        Some(name) => format!("{day} {name}"),
        None => day,
    });
    Ok([Some(department), Some(task), owner, due, done]
        .map(Option::unwrap_or_default)
        .join(" | "))
}

/// Refuses an owner who is not an active member of staff.
async fn check_owner(conn: &mut SqliteConnection, line: &ValidSupport) -> Result<()> {
    let Some(staff) = line.owner_staff_id else {
        return Ok(());
    };
    let active: Option<bool> = sqlx::query_scalar("SELECT active FROM staff WHERE id = ?")
        .bind(staff)
        .fetch_optional(conn)
        .await?;
    if active == Some(true) {
        Ok(())
    } else {
        Err(Error::invalid("ownerStaffId", Invalid::Choice))
    }
}

/// Writes the audit line and the timeline entry of one change to a line.
async fn record(
    conn: &mut SqliteConnection,
    edit: Edit<'_>,
    what: &str,
    before: Option<&str>,
    after: Option<&str>,
) -> Result<()> {
    record_audit(conn, edit.id, edit.at, edit.actor, "support", before, after).await?;
    let body = after.or(before).unwrap_or_default();
    edit.record(
        conn,
        Event {
            kind: "support",
            body,
            old_value: None,
            new_value: Some(what),
        },
    )
    .await
}

/// Opens the write for a change to case `id`, refusing a voided case.
async fn open_case(pool: &SqlitePool, id: i64) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>> {
    let mut tx = crate::store::begin_write(pool).await?;
    if status_of(&mut tx, id).await? == crate::cases::Status::Invalid {
        return Err(Error::invalid("department", Invalid::Choice));
    }
    Ok(tx)
}

/// Adds a supporting department to case `id`; returns the line's id.
pub async fn add_support(
    pool: &SqlitePool,
    id: i64,
    input: &SupportInput,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64> {
    let line = input.parse()?;
    let mut tx = open_case(pool, id).await?;
    check_owner(&mut tx, &line).await?;
    let at = stamp(now);
    let line_id: i64 = sqlx::query_scalar(
        "INSERT INTO case_supports (case_id, department, task, owner_name, owner_staff_id, due_on,
                                    created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(id)
    .bind(&line.department)
    .bind(&line.task)
    .bind(&line.owner_name)
    .bind(line.owner_staff_id)
    .bind(line.due_on.map(|d| d.to_string()))
    .bind(&at)
    .bind(&at)
    .fetch_one(&mut *tx)
    .await?;
    let after = line_text(&mut tx, id, line_id).await?;
    let edit = Edit { id, at: &at, actor };
    record(&mut tx, edit, "added", None, Some(&after)).await?;
    tx.commit().await?;
    Ok(line_id)
}

/// Changes a line's department, task, owner or due day.
pub async fn update_support(
    pool: &SqlitePool,
    id: i64,
    line_id: i64,
    input: &SupportInput,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let line = input.parse()?;
    let mut tx = open_case(pool, id).await?;
    let before = line_text(&mut tx, id, line_id).await?;
    let (old_staff,): (Option<i64>,) =
        sqlx::query_as("SELECT owner_staff_id FROM case_supports WHERE id = ?")
            .bind(line_id)
            .fetch_one(&mut *tx)
            .await?;
    // A line keeps an owner who has since left; it cannot be given to one.
    if line.owner_staff_id != old_staff {
        check_owner(&mut tx, &line).await?;
    }
    let at = stamp(now);
    sqlx::query(
        "UPDATE case_supports SET department = ?, task = ?, owner_name = ?, owner_staff_id = ?,
                due_on = ?, updated_at = ? WHERE id = ? AND case_id = ?",
    )
    .bind(&line.department)
    .bind(&line.task)
    .bind(&line.owner_name)
    .bind(line.owner_staff_id)
    .bind(line.due_on.map(|d| d.to_string()))
    .bind(&at)
    .bind(line_id)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    let after = line_text(&mut tx, id, line_id).await?;
    if after != before {
        let edit = Edit { id, at: &at, actor };
        record(&mut tx, edit, "changed", Some(&before), Some(&after)).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Marks a line done today (local day) by the signed-in person, or not done again.
pub async fn set_support_done(
    pool: &SqlitePool,
    id: i64,
    line_id: i64,
    done: bool,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut tx = open_case(pool, id).await?;
    let tz = branch_context(&mut tx).await?.tz;
    let before = line_text(&mut tx, id, line_id).await?;
    let was_done: Option<String> =
        sqlx::query_scalar("SELECT done_on FROM case_supports WHERE id = ?")
            .bind(line_id)
            .fetch_one(&mut *tx)
            .await?;
    if was_done.is_some() == done {
        return Ok(());
    }
    let at = stamp(now);
    let today = now.with_timezone(&tz).date_naive().to_string();
    sqlx::query("UPDATE case_supports SET done_on = ?, done_by = ?, updated_at = ? WHERE id = ?")
        .bind(done.then_some(today))
        .bind(actor.filter(|_| done))
        .bind(&at)
        .bind(line_id)
        .execute(&mut *tx)
        .await?;
    let after = line_text(&mut tx, id, line_id).await?;
    let edit = Edit { id, at: &at, actor };
    let what = if done { "done" } else { "undone" };
    record(&mut tx, edit, what, Some(&before), Some(&after)).await?;
    tx.commit().await?;
    Ok(())
}

/// Removes a line entered by mistake; the audit trail keeps what it said.
pub async fn remove_support(
    pool: &SqlitePool,
    id: i64,
    line_id: i64,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut tx = open_case(pool, id).await?;
    let before = line_text(&mut tx, id, line_id).await?;
    sqlx::query("DELETE FROM case_supports WHERE id = ? AND case_id = ?")
        .bind(line_id)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let at = stamp(now);
    let edit = Edit { id, at: &at, actor };
    record(&mut tx, edit, "removed", Some(&before), None).await?;
    tx.commit().await?;
    Ok(())
}
