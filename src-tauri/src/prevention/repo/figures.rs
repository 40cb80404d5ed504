//! The monthly report's prevention figures, as the work stood at an instant (a month's end,
//! or now for the month under way).

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use sqlx::SqliteConnection;

use crate::cases::repo::{parse_stamp, stamp};
use crate::error::{Error, Result};
use crate::prevention::history::{MeasureChange, MeasureEvent, overdue_at};
use crate::prevention::model::MeasureStatus;

/// Plans that were active at `until`: the last status each had been given before it (from the
/// history, so a plan cancelled or finished later still counts in the months it was active).
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

/// Measures that were overdue at `until`: written before it, open then and due on a local
/// day before the day `until` falls on, each as it stood then (see `prevention::history`), so
/// a measure reopened or given a new date later does not change a past month.
pub async fn measures_overdue_at(
    conn: &mut SqliteConnection,
    until: DateTime<Utc>,
    tz: Tz,
) -> Result<i64> {
    Ok(measures_overdue_then(conn, until, tz).await?.len() as i64)
}

/// A measure overdue at an instant, with the due date it had then.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverdueThen {
    /// Measure id.
    pub id: i64,
    /// Its due date at that instant.
    pub due_date: NaiveDate,
}

/// The measures overdue at `until` (as `measures_overdue_at` counts them), by id.
pub async fn measures_overdue_then(
    conn: &mut SqliteConnection,
    until: DateTime<Utc>,
    tz: Tz,
) -> Result<Vec<OverdueThen>> {
    // One row per measure with no history, else one per status or date line, in order.
    let rows: Vec<HistoryRow> = sqlx::query_as(
        "SELECT m.id, m.created_at, m.due_date, a.at, a.field, a.old_value, a.new_value
         FROM prevention_measures m
         LEFT JOIN prevention_audit a ON a.plan_id = m.plan_id
             AND a.field IN ('measure.' || m.id || '.status', 'measure.' || m.id || '.edited')
         WHERE m.created_at < ?
         ORDER BY m.id, a.at, a.id",
    )
    .bind(stamp(until))
    .fetch_all(conn)
    .await?;
    let mut overdue = Vec::new();
    for measure in rows.chunk_by(|a, b| a.id == b.id) {
        let mut events = Vec::new();
        for row in measure {
            let (Some(at), Some(field)) = (&row.at, &row.field) else {
                continue;
            };
            if let Some(change) =
                change_of(field, row.old_value.as_deref(), row.new_value.as_deref())
            {
                events.push(MeasureEvent {
                    at: parse_stamp(at)?,
                    change,
                });
            }
        }
        let first = &measure[0];
        let created = parse_stamp(&first.created_at)?;
        let due = parse_day(&first.due_date)?;
        if let Some(due_date) = overdue_at(created, due, &events, until, tz) {
            overdue.push(OverdueThen {
                id: first.id,
                due_date,
            });
        }
    }
    Ok(overdue)
}

/// A measure with one line of its history (none when it has no status or date line).
#[derive(sqlx::FromRow)]
struct HistoryRow {
    id: i64,
    created_at: String,
    due_date: String,
    at: Option<String>,
    field: Option<String>,
    old_value: Option<String>,
    new_value: Option<String>,
}

/// The change a measure's history line records; `None` for an edit that kept the date.
fn change_of(field: &str, old: Option<&str>, new: Option<&str>) -> Option<MeasureChange> {
    if field.ends_with(".status") {
        let status = MeasureStatus::parse("status", new?).ok()?;
        return Some(MeasureChange::Status(status));
    }
    let from = old?.parse().ok()?;
    let to = new?.parse().ok()?;
    Some(MeasureChange::Due { from, to })
}

fn parse_day(text: &str) -> Result<NaiveDate> {
    text.parse()
        .map_err(|_| Error::Database(sqlx::Error::Decode(format!("bad date {text:?}").into())))
}
