//! How a measure stood at a past instant, rebuilt from its plan's history, so that a past
//! month's figures do not change when a measure is reopened or given a new date later.
//!
//! The history (`prevention_audit`) records every status a measure was moved to
//! (`measure.<id>.status`, also when a closing plan drops it) and every new due date
//! (`measure.<id>.edited` with the old and new date; an edit that kept the date has no old
//! value). A measure starts planned; before its first new date it had the date that change
//! replaced, and with no change of date it always had the one it has now.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use super::model::{MeasureStatus, is_overdue};

/// One recorded change of a measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeasureChange {
    /// Moved to this status.
    Status(MeasureStatus),
    /// Given a new due date.
    Due {
        /// The date it had.
        from: NaiveDate,
        /// The date it got.
        to: NaiveDate,
    },
}

/// A change and when it was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MeasureEvent {
    /// When it was written.
    pub at: DateTime<Utc>,
    /// What changed.
    pub change: MeasureChange,
}

/// A measure's status and due date at one instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    /// Its status then.
    pub status: MeasureStatus,
    /// Its due date then.
    pub due_date: NaiveDate,
}

/// How a measure written at `created_at`, due on `current_due` now, with `events` in the
/// order written, stood just before `at`; `None` if it did not exist yet. A change written at
/// `at` itself is not yet counted, as a month's end is the first instant of the next month.
pub fn standing_at(
    created_at: DateTime<Utc>,
    current_due: NaiveDate,
    events: &[MeasureEvent],
    at: DateTime<Utc>,
) -> Option<Standing> {
    if created_at >= at {
        return None;
    }
    let (before, after): (Vec<&MeasureEvent>, Vec<&MeasureEvent>) =
        events.iter().partition(|e| e.at < at);
    let status = before
        .iter()
        .rev()
        .find_map(|e| match e.change {
            MeasureChange::Status(status) => Some(status),
            MeasureChange::Due { .. } => None,
        })
        .unwrap_or(MeasureStatus::Planned);
    let due_of = |e: &&MeasureEvent, earlier: bool| match e.change {
        MeasureChange::Due { from, to } => Some(if earlier { to } else { from }),
        MeasureChange::Status(_) => None,
    };
    let due_date = before
        .iter()
        .rev()
        .find_map(|e| due_of(e, true))
        .or_else(|| after.iter().find_map(|e| due_of(e, false)))
        .unwrap_or(current_due);
    Some(Standing { status, due_date })
}

/// The due date the measure had at `at` if it was overdue then: open, with that date over in
/// the branch's calendar on the day `at` falls on; `None` if it was not overdue.
pub fn overdue_at(
    created_at: DateTime<Utc>,
    current_due: NaiveDate,
    events: &[MeasureEvent],
    at: DateTime<Utc>,
    tz: Tz,
) -> Option<NaiveDate> {
    standing_at(created_at, current_due, events, at)
        .filter(|s| is_overdue(s.status, s.due_date, at.with_timezone(&tz).date_naive()))
        .map(|s| s.due_date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Asia::Shanghai;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn status(at: &str, status: MeasureStatus) -> MeasureEvent {
        MeasureEvent {
            at: utc(at),
            change: MeasureChange::Status(status),
        }
    }

    fn due(at: &str, from: &str, to: &str) -> MeasureEvent {
        MeasureEvent {
            at: utc(at),
            change: MeasureChange::Due {
                from: day(from),
                to: day(to),
            },
        }
    }

    /// The end of March 2026 in Shanghai: the first instant of 1 April there.
    fn march_end() -> DateTime<Utc> {
        utc("2026-03-31T16:00:00Z")
    }

    const CREATED: &str = "2026-03-01T02:00:00Z";

    #[test]
    fn a_measure_without_changes_is_planned_with_its_date_from_when_it_was_written() {
        let created = utc(CREATED);
        let standing = standing_at(created, day("2026-03-20"), &[], march_end()).unwrap();
        assert_eq!(standing.status, MeasureStatus::Planned);
        assert_eq!(standing.due_date, day("2026-03-20"));
        assert_eq!(
            standing_at(created, day("2026-03-20"), &[], created),
            None,
            "not counted before it was written"
        );
        assert!(overdue_at(created, day("2026-03-20"), &[], march_end(), Shanghai).is_some());
    }

    #[test]
    fn done_in_the_month_and_reopened_after_it_still_counts_as_done_then() {
        let events = [
            status("2026-03-25T03:00:00Z", MeasureStatus::Done),
            status("2026-04-03T03:00:00Z", MeasureStatus::Planned),
        ];
        let created = utc(CREATED);
        let then = standing_at(created, day("2026-03-20"), &events, march_end()).unwrap();
        assert_eq!(then.status, MeasureStatus::Done);
        assert!(overdue_at(created, day("2026-03-20"), &events, march_end(), Shanghai).is_none());
        let april_end = utc("2026-04-30T16:00:00Z");
        assert!(overdue_at(created, day("2026-03-20"), &events, april_end, Shanghai).is_some());
    }

    #[test]
    fn a_date_moved_later_still_counts_the_old_date_before_the_move() {
        // Due 20 March, moved on 5 April to 30 June: March's end saw it overdue.
        let events = [due("2026-04-05T01:00:00Z", "2026-03-20", "2026-06-30")];
        let created = utc(CREATED);
        let then = standing_at(created, day("2026-06-30"), &events, march_end()).unwrap();
        assert_eq!(then.due_date, day("2026-03-20"));
        assert!(overdue_at(created, day("2026-06-30"), &events, march_end(), Shanghai).is_some());
        let april_end = utc("2026-04-30T16:00:00Z");
        assert!(overdue_at(created, day("2026-06-30"), &events, april_end, Shanghai).is_none());
    }

    #[test]
    fn several_moves_take_the_last_before_the_instant_and_the_first_after_it() {
        let events = [
            due("2026-02-10T00:00:00Z", "2026-02-20", "2026-03-10"),
            status("2026-03-05T00:00:00Z", MeasureStatus::InProgress),
            due("2026-03-12T00:00:00Z", "2026-03-10", "2026-04-10"),
            due("2026-04-20T00:00:00Z", "2026-04-10", "2026-05-10"),
        ];
        let created = utc("2026-02-01T00:00:00Z");
        let current = day("2026-05-10");
        let at = |text| standing_at(created, current, &events, utc(text)).unwrap();
        assert_eq!(at("2026-02-05T00:00:00Z").due_date, day("2026-02-20"));
        assert_eq!(at("2026-03-01T00:00:00Z").due_date, day("2026-03-10"));
        let march = at("2026-03-31T16:00:00Z");
        assert_eq!(
            (march.status, march.due_date),
            (MeasureStatus::InProgress, day("2026-04-10"))
        );
        assert_eq!(at("2026-06-01T00:00:00Z").due_date, current);
    }

    #[test]
    fn the_day_is_the_branch_day_the_instant_falls_on_and_a_change_at_the_instant_is_after_it() {
        // Due on 31 March: at Shanghai's month end (already 1 April there) it is overdue.
        let created = utc(CREATED);
        assert!(overdue_at(created, day("2026-03-31"), &[], march_end(), Shanghai).is_some());
        // One second earlier it was still 31 March in Shanghai.
        let before = march_end() - chrono::TimeDelta::seconds(1);
        assert!(overdue_at(created, day("2026-03-31"), &[], before, Shanghai).is_none());
        // Closed at the very instant of the month's end: that belongs to the next month.
        let events = [status("2026-03-31T16:00:00Z", MeasureStatus::Done)];
        assert!(overdue_at(created, day("2026-03-20"), &events, march_end(), Shanghai).is_some());
    }
}
