//! SQL for prevention. Every change to a plan, its measures or its evidence is written in one
//! transaction together with its line in `prevention_audit`.

pub mod analysis;
pub mod changes;
pub mod emergency;
pub mod evidence;
pub mod figures;
pub mod measures;
pub mod plans;
pub mod training_link;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use sqlx::SqliteConnection;

use crate::cases::repo::{branch_context, stamp};
use crate::error::{Error, Invalid, Result};

/// The branch's time zone; `NotInitialized` before first-run setup.
pub(crate) async fn branch_tz(conn: &mut SqliteConnection) -> Result<Tz> {
    Ok(branch_context(conn).await?.tz)
}

/// Today in the branch's calendar.
pub(crate) fn local_today(now: DateTime<Utc>, tz: Tz) -> NaiveDate {
    now.with_timezone(&tz).date_naive()
}

/// One line of a plan's history.
pub(crate) async fn audit(
    conn: &mut SqliteConnection,
    plan_id: i64,
    actor: Option<i64>,
    now: DateTime<Utc>,
    field: &str,
    old: Option<&str>,
    new: Option<&str>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO prevention_audit (plan_id, at, actor_id, field, old_value, new_value)
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(plan_id)
    .bind(stamp(now))
    .bind(actor)
    .bind(field)
    .bind(old)
    .bind(new)
    .execute(conn)
    .await?;
    Ok(())
}

/// Refuses an id of a staff member who does not exist (former staff keep their old links but
/// are not offered for new ones by the UI).
pub(crate) async fn check_staff(
    conn: &mut SqliteConnection,
    field: &str,
    id: Option<i64>,
) -> Result<()> {
    let Some(id) = id else { return Ok(()) };
    let found: Option<i64> = sqlx::query_scalar("SELECT id FROM staff WHERE id = ?")
        .bind(id)
        .fetch_optional(conn)
        .await?;
    found
        .map(|_| ())
        .ok_or_else(|| Error::invalid(field, Invalid::Choice))
}
