//! The monthly report's prevention figures, as the work stood at an instant (a month's end,
//! or now for the month under way).

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use sqlx::SqliteConnection;

use super::local_today;
use crate::cases::repo::stamp;
use crate::error::Result;

/// Plans that were active at `until`: the last status each had been given before it.
pub async fn plans_active_at(conn: &mut SqliteConnection, until: DateTime<Utc>) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM prevention_plans p
         WHERE (SELECT a.new_value FROM prevention_audit a
                WHERE a.plan_id = p.id AND a.field = 'status' AND a.at < ?
                ORDER BY a.at DESC, a.id DESC LIMIT 1) = 'active'",
    )
    .bind(stamp(until))
    .fetch_one(conn)
    .await?)
}

/// Measures that were overdue at `until`: written before it, due on a local day before the
/// day `until` falls on, and not done or dropped before it. (A measure reopened later counts
/// from its current record: reopening clears when it was closed.)
pub async fn measures_overdue_at(
    conn: &mut SqliteConnection,
    until: DateTime<Utc>,
    tz: Tz,
) -> Result<i64> {
    let at = stamp(until);
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM prevention_measures
         WHERE created_at < ?1 AND due_date < ?2 AND (closed_at IS NULL OR closed_at >= ?1)",
    )
    .bind(&at)
    .bind(local_today(until, tz).to_string())
    .fetch_one(conn)
    .await?)
}
