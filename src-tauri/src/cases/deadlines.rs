//! Deadlines of a case, computed in the branch's own time zone: "resolve within 3 days" means
//! by the end of the third local calendar day, whatever the UTC clock says. Instants are UTC.

use chrono::{DateTime, Days, NaiveDate, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::settings::TimeLimit;

/// When a case must be acknowledged and resolved, before any pause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Deadlines {
    /// `acknowledge_hours` real hours after the complaint was received.
    pub acknowledge_by: DateTime<Utc>,
    /// The end (local midnight) of the local day `resolve_days` after the day it was received.
    pub resolve_by: DateTime<Utc>,
}

/// Computes both deadlines from when the complaint was received. Always counted from
/// `received_at`, so after a grade change call it again with the new grade's limit.
pub fn deadlines(received_at: DateTime<Utc>, limit: &TimeLimit, tz: Tz) -> Deadlines {
    let acknowledge_by = received_at
        .checked_add_signed(TimeDelta::hours(i64::from(limit.acknowledge_hours)))
        .unwrap_or(DateTime::<Utc>::MAX_UTC);
    let received_on = received_at.with_timezone(&tz).date_naive();
    // The day after the last allowed day starts exactly when the last allowed day ends.
    let resolve_by = received_on
        .checked_add_days(Days::new(u64::from(limit.resolve_days) + 1))
        .map_or(DateTime::<Utc>::MAX_UTC, |day| start_of_local_day(day, tz));
    Deadlines {
        acknowledge_by,
        resolve_by,
    }
}

/// The first instant of a local calendar day: local midnight, or when midnight happens twice
/// (clocks set back) the earlier one, or when it never happens (clocks jump forward over it)
/// the first local time that does exist that day.
pub fn start_of_local_day(day: NaiveDate, tz: Tz) -> DateTime<Utc> {
    let midnight = day.and_time(chrono::NaiveTime::MIN);
    // Gaps last an hour or so; Samoa skipping all of 30 Dec 2011 is the longest on record.
    (0..=48 * 60)
        .find_map(|minutes| {
            let local = midnight.checked_add_signed(TimeDelta::minutes(minutes))?;
            tz.from_local_datetime(&local).earliest()
        })
        .map_or_else(|| midnight.and_utc(), |instant| instant.with_timezone(&Utc))
}

/// A time the case waited on the customer; the clock stops meanwhile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Pause {
    /// When the wait began.
    pub start: DateTime<Utc>,
    /// When it ended; `None` while still waiting.
    pub end: Option<DateTime<Utc>>,
}

/// The resolve deadline after pauses: later by the time spent waiting, an open pause counting up
/// to `now`. Overlapping pauses count once, and a pause that began after the (already moved)
/// deadline does not count: waiting on the customer cannot turn a late case into an on-time one.
pub fn effective_resolve_by(
    base: DateTime<Utc>,
    pauses: &[Pause],
    now: DateTime<Utc>,
) -> DateTime<Utc> {
    let mut spans: Vec<(DateTime<Utc>, DateTime<Utc>)> = pauses
        .iter()
        .map(|pause| (pause.start, pause.end.unwrap_or(now).min(now)))
        .filter(|(start, end)| start < end)
        .collect();
    spans.sort();
    let mut deadline = base;
    // Pauses already counted reach up to here; later overlapping spans only add what lies beyond.
    let mut counted_to = DateTime::<Utc>::MIN_UTC;
    for (start, end) in spans {
        let start = start.max(counted_to);
        if start >= deadline {
            break;
        }
        if end > start {
            deadline = deadline
                .checked_add_signed(end - start)
                .unwrap_or(DateTime::<Utc>::MAX_UTC);
            counted_to = end;
        }
    }
    deadline
}

/// Where a case stands against its resolve deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineState {
    /// Waiting on the customer; the clock is stopped.
    Paused,
    /// The deadline has passed.
    Overdue,
    /// Due before the end of today, local time.
    DueToday,
    /// Due on a later day.
    OnTrack,
}

/// The countdown the UI shows for a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Countdown {
    /// Where the case stands.
    pub state: DeadlineState,
    /// The resolve deadline after pauses.
    pub due_at: DateTime<Utc>,
    /// Seconds from `now` to `due_at`; negative once overdue, frozen while paused.
    pub remaining_seconds: i64,
}

/// The countdown at `now` for a case whose resolve deadline before pauses is `base`.
/// Being late outranks being paused: a case paused after its deadline is still overdue.
pub fn countdown(base: DateTime<Utc>, pauses: &[Pause], now: DateTime<Utc>, tz: Tz) -> Countdown {
    let due_at = effective_resolve_by(base, pauses, now);
    let paused = pauses
        .iter()
        .any(|pause| pause.end.is_none() && pause.start <= now);
    let today = now.with_timezone(&tz).date_naive();
    let end_of_today = today
        .succ_opt()
        .map_or(DateTime::<Utc>::MAX_UTC, |tomorrow| {
            start_of_local_day(tomorrow, tz)
        });
    let state = if due_at <= now {
        DeadlineState::Overdue
    } else if paused {
        DeadlineState::Paused
    } else if due_at <= end_of_today {
        DeadlineState::DueToday
    } else {
        DeadlineState::OnTrack
    };
    Countdown {
        state,
        due_at,
        remaining_seconds: (due_at - now).num_seconds(),
    }
}

#[cfg(test)]
mod tests;
