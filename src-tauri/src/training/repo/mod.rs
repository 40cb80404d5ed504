//! SQL for training. One function per query or write; multi-statement writes run in one
//! transaction.

pub mod curriculum;
pub mod drills;
pub mod matrix;
pub mod scenarios;
pub mod signoffs;
pub mod suggestion;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use sqlx::SqliteConnection;

use crate::error::{Error, Result};

/// The branch's time zone (UTC before the branch is set up, so tools work on a bare database).
pub(crate) async fn branch_tz(conn: &mut SqliteConnection) -> Result<Tz> {
    let zone: Option<String> = sqlx::query_scalar("SELECT timezone FROM branch WHERE id = 1")
        .fetch_optional(conn)
        .await?;
    Ok(zone.and_then(|z| z.parse().ok()).unwrap_or(Tz::UTC))
}

/// The local calendar day of `at` in `tz`.
pub(crate) fn local_day(at: DateTime<Utc>, tz: Tz) -> NaiveDate {
    at.with_timezone(&tz).date_naive()
}

/// Reads a stored `YYYY-MM-DD`.
pub(crate) fn parse_day(text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| Error::Database(sqlx::Error::Decode(format!("bad date {text:?}").into())))
}

/// Refuses an id that names no active staff member.
pub(crate) async fn require_staff(conn: &mut SqliteConnection, field: &str, id: i64) -> Result<()> {
    let found: Option<i64> = sqlx::query_scalar("SELECT id FROM staff WHERE id = ?")
        .bind(id)
        .fetch_optional(conn)
        .await?;
    found
        .map(|_| ())
        .ok_or_else(|| Error::invalid(field, crate::error::Invalid::Choice))
}
