//! Reminders and the database: the settings (an `app_settings` row), the facts they are
//! decided on, and the record of what was sent (migration 0010).

use std::collections::HashSet;

use chrono::{DateTime, TimeDelta, Utc};
use sqlx::SqlitePool;

use super::model::{
    DueRefresher, Facts, LateMeasure, OpenCase, Reminder, ReminderSettings, SummaryFigures,
    due_reminders,
};
use crate::cases::repo::parse_stamp;
use crate::error::{Error, Invalid, Result};
use crate::settings::repo::{get_setting, put_setting};
use crate::training::model::CellStatus;

const SETTINGS_KEY: &str = "reminders";

/// The stored reminder settings, or the defaults (every kind on, summary at 08:30).
pub async fn get_settings(pool: &SqlitePool) -> Result<ReminderSettings> {
    Ok(get_setting(pool, SETTINGS_KEY)
        .await?
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default())
}

/// Stores the settings after checking the summary time reads as `HH:MM`.
pub async fn set_settings(
    pool: &SqlitePool,
    settings: &ReminderSettings,
) -> Result<ReminderSettings> {
    if settings.summary_at().is_none() {
        return Err(Error::invalid("summaryTime", Invalid::Range));
    }
    let mut clean = settings.clone();
    clean.summary_time = settings.summary_time.trim().to_owned();
    clean.off.dedup();
    let json = serde_json::to_string(&clean).map_err(|e| Error::Io(std::io::Error::other(e)))?;
    put_setting(pool, SETTINGS_KEY, &json).await?;
    Ok(clean)
}

/// Decides what is due at `now`, records each reminder as sent, and returns those this call
/// recorded with their row ids (the notification ids). Recording is `INSERT OR IGNORE` on the
/// event key, so a reminder another window already sent is left out.
pub async fn take_due(pool: &SqlitePool, now: DateTime<Utc>) -> Result<Vec<(i64, Reminder)>> {
    if crate::settings::repo::get_branch(pool).await?.is_none() {
        return Ok(Vec::new());
    }
    let settings = get_settings(pool).await?;
    let (facts, tz) = load_facts(pool, now).await?;
    forget_settled(pool, &facts, now, tz).await?;
    let sent: HashSet<String> = sqlx::query_scalar::<_, String>("SELECT key FROM reminders_sent")
        .fetch_all(pool)
        .await?
        .into_iter()
        .collect();
    let mut taken = Vec::new();
    for reminder in due_reminders(&facts, &settings, &sent, now, tz) {
        let id: Option<i64> = sqlx::query_scalar(
            "INSERT INTO reminders_sent (key, kind, route, sent_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (key) DO NOTHING RETURNING id",
        )
        .bind(&reminder.key)
        .bind(reminder.kind.as_str())
        .bind(&reminder.route)
        .bind(now.to_rfc3339())
        .fetch_optional(pool)
        .await?;
        if let Some(id) = id {
            taken.push((id, reminder));
        }
    }
    Ok(taken)
}

/// How long a sent reminder is remembered once its event is no longer due.
const REMEMBER_DAYS: i64 = 90;

/// Forgets reminders sent over [`REMEMBER_DAYS`] ago whose event is no longer due, so the record
/// does not grow for ever. Safe because an event's key names its deadline or day: a closed case,
/// a measure done, a past day's summary cannot fall due again, and a moved deadline is a new
/// key anyway. What is still due is judged with every kind on, so turning a kind off and on
/// again cannot make an old reminder come back.
async fn forget_settled(
    pool: &SqlitePool,
    facts: &Facts,
    now: DateTime<Utc>,
    tz: chrono_tz::Tz,
) -> Result<()> {
    let still_due: Vec<String> = due_reminders(
        facts,
        &ReminderSettings::default(),
        &HashSet::new(),
        now,
        tz,
    )
    .into_iter()
    .map(|reminder| reminder.key)
    .collect();
    let keys =
        serde_json::to_string(&still_due).map_err(|e| Error::Io(std::io::Error::other(e)))?;
    sqlx::query(
        "DELETE FROM reminders_sent
         WHERE sent_at < ? AND key NOT IN (SELECT value FROM json_each(?))",
    )
    .bind((now - TimeDelta::days(REMEMBER_DAYS)).to_rfc3339())
    .bind(keys)
    .execute(pool)
    .await?;
    Ok(())
}

/// The page of sent reminder `id`, for a click on its notification.
pub async fn route_of(pool: &SqlitePool, id: i64) -> Result<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT route FROM reminders_sent WHERE id = ?")
            .bind(id)
            .fetch_optional(pool)
            .await?,
    )
}

/// An open case's clock: id, number, grade, status, acknowledge_by, due_at, paused_since.
type CaseClock = (i64, String, i64, String, String, String, Option<String>);

async fn load_facts(pool: &SqlitePool, now: DateTime<Utc>) -> Result<(Facts, chrono_tz::Tz)> {
    let tz = {
        let mut conn = pool.acquire().await?;
        crate::cases::repo::branch_context(&mut conn).await?.tz
    };
    let rows: Vec<CaseClock> = sqlx::query_as(
        "SELECT id, number, grade, status, acknowledge_by, due_at, paused_since FROM cases
         WHERE status NOT IN ('closed', 'invalid')",
    )
    .fetch_all(pool)
    .await?;
    let mut cases = Vec::with_capacity(rows.len());
    for (id, number, grade, status, acknowledge_by, due_at, paused_since) in rows {
        cases.push(OpenCase {
            id,
            number,
            grade,
            unacknowledged: status == "new",
            acknowledge_by: parse_stamp(&acknowledge_by)?,
            resolve_by: if paused_since.is_some() {
                None
            } else {
                Some(parse_stamp(&due_at)?)
            },
        });
    }
    let measures = crate::prevention::repo::measures::overview(pool, now)
        .await?
        .overdue
        .into_iter()
        .map(|m| LateMeasure {
            id: m.id,
            plan_id: m.plan_id,
            description: m.description,
            due_date: m.due_date,
        })
        .collect();
    let matrix = crate::training::repo::matrix::matrix(pool, &Default::default(), now).await?;
    let mut refreshers = Vec::new();
    for person in &matrix.people {
        for (module, cell) in matrix.modules.iter().zip(&person.cells) {
            if let (CellStatus::DueSoon | CellStatus::Overdue, Some(due_on)) =
                (cell.status, cell.due_on)
            {
                refreshers.push(DueRefresher {
                    staff_id: person.id,
                    name: person.name.clone(),
                    module_id: module.id,
                    due_on,
                });
            }
        }
    }
    let counts = crate::cases::repo::case_counts(pool, now).await?;
    let summary = SummaryFigures {
        open: counts.open,
        overdue: counts.overdue,
        due_today: counts.due_today,
        crisis: counts.crisis,
    };
    Ok((
        Facts {
            cases,
            measures,
            refreshers,
            summary,
        },
        tz,
    ))
}
