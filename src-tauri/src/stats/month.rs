//! Months of the branch's local calendar: naming them (`2026-10`), stepping between them and
//! turning them into the UTC instants they start and end at in a given time zone.

use std::fmt;

use chrono::{DateTime, Datelike, NaiveDate, TimeDelta, Timelike, Utc};
use chrono_tz::Tz;

use super::report::Month;
use crate::cases::deadlines::start_of_local_day;
use crate::error::{Error, Invalid, Result};

impl Month {
    /// A month from its year and number; `None` unless the month is 1–12 and the year one
    /// chrono can represent.
    pub fn new(year: i32, month: u32) -> Option<Month> {
        NaiveDate::from_ymd_opt(year, month, 1).map(|_| Month { year, month })
    }

    /// Parses `YYYY-MM` (e.g. `2026-10`); anything else is `invalid.date` on `field`.
    pub fn parse(field: &str, text: &str) -> Result<Month> {
        let bad = || Error::invalid(field, Invalid::Date);
        let (year, month) = text.trim().split_once('-').ok_or_else(bad)?;
        if year.len() != 4 || month.len() != 2 {
            return Err(bad());
        }
        let year = year.parse().map_err(|_| bad())?;
        let month = month.parse().map_err(|_| bad())?;
        Month::new(year, month).ok_or_else(bad)
    }

    /// The local month an instant falls in.
    pub fn of(instant: DateTime<Utc>, tz: Tz) -> Month {
        let local = instant.with_timezone(&tz);
        Month {
            year: local.year(),
            month: local.month(),
        }
    }

    /// The month before.
    pub fn previous(self) -> Month {
        if self.month == 1 {
            Month {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Month {
                month: self.month - 1,
                ..self
            }
        }
    }

    /// The month after.
    pub fn next(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                month: self.month + 1,
                ..self
            }
        }
    }

    /// The same month a year before.
    pub fn same_month_last_year(self) -> Month {
        Month {
            year: self.year - 1,
            ..self
        }
    }

    /// The `count` months ending with this one, oldest first.
    pub fn ending_with(self, count: usize) -> Vec<Month> {
        let mut months: Vec<Month> = std::iter::successors(Some(self), |m| Some(m.previous()))
            .take(count)
            .collect();
        months.reverse();
        months
    }

    /// The first day of the month.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or(NaiveDate::MIN)
    }

    /// The first instant of the month in `tz` (local midnight of the 1st).
    pub fn start(self, tz: Tz) -> DateTime<Utc> {
        start_of_local_day(self.first_day(), tz)
    }

    /// The first instant after the month in `tz`: the start of the next month. A month is the
    /// half-open span `start..end`, so 23:59:59 on the last day is inside and midnight is not.
    pub fn end(self, tz: Tz) -> DateTime<Utc> {
        self.next().start(tz)
    }
}

impl fmt::Display for Month {
    /// `YYYY-MM`, the form [`Month::parse`] reads.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// The local month `now` falls in: the month a report "so far" is about.
pub fn current_month(now: DateTime<Utc>, tz: Tz) -> Month {
    Month::of(now, tz)
}

/// The instants a month's figures are computed over, in one time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// The month.
    pub month: Month,
    /// The branch's time zone.
    pub tz: Tz,
    /// The month's first instant.
    pub start: DateTime<Utc>,
    /// The first instant after the month.
    pub end: DateTime<Utc>,
    /// The state the figures describe is the one left by everything recorded before this
    /// instant: the month's end, or for the current month the end of the current second.
    pub until: DateTime<Utc>,
}

impl Period {
    /// The period of `month` as seen at `now`. A month still under way is judged as it stands
    /// now (stamps have whole seconds, so what was stamped this very second is included);
    /// a month not begun yet has nothing in it.
    pub fn new(month: Month, tz: Tz, now: DateTime<Utc>) -> Period {
        let start = month.start(tz);
        let end = month.end(tz);
        let this_second = now.with_nanosecond(0).unwrap_or(now);
        let until = (this_second + TimeDelta::seconds(1)).clamp(start, end);
        Period {
            month,
            tz,
            start,
            end,
            until,
        }
    }

    /// Whether `instant` lies in the month.
    pub fn contains(&self, instant: DateTime<Utc>) -> bool {
        self.start <= instant && instant < self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn months_parse_print_and_step_across_years() {
        let october = Month::parse("month", " 2026-10 ").unwrap();
        assert_eq!(october, Month::new(2026, 10).unwrap());
        assert_eq!(october.to_string(), "2026-10");
        assert_eq!(
            Month::parse("m", "2026-01").unwrap().previous().to_string(),
            "2025-12"
        );
        assert_eq!(Month::new(2025, 12).unwrap().next().to_string(), "2026-01");
        assert_eq!(october.same_month_last_year().to_string(), "2025-10");
        for bad in [
            "2026-13", "2026-00", "2026-1", "26-10", "2026/10", "", "2026-1a",
        ] {
            let err = Month::parse("month", bad).unwrap_err();
            assert_eq!(err.code(), "invalid.date", "{bad}");
            assert_eq!(err.field(), Some("month"));
        }
        let trend = october.ending_with(12);
        assert_eq!(trend.len(), 12);
        assert_eq!(trend[0].to_string(), "2025-11");
        assert_eq!(trend[11], october);
        assert_eq!(
            serde_json::to_value(october).unwrap(),
            serde_json::json!({"year": 2026, "month": 10})
        );
    }

    #[test]
    fn a_month_starts_and_ends_at_local_midnight() {
        let shanghai = chrono_tz::Asia::Shanghai;
        let october = Month::new(2026, 10).unwrap();
        assert_eq!(october.start(shanghai), utc("2026-09-30T16:00:00Z"));
        assert_eq!(october.end(shanghai), utc("2026-10-31T16:00:00Z"));
        // 23:30 on 31 October in Shanghai is still October.
        assert_eq!(Month::of(utc("2026-10-31T15:30:00Z"), shanghai), october);
        assert_eq!(
            Month::of(utc("2026-10-31T16:00:00Z"), shanghai),
            october.next()
        );
    }

    #[test]
    fn london_months_follow_summer_time() {
        let london = chrono_tz::Europe::London;
        // October 2026 starts in summer time (UTC+1) and ends in winter time (UTC+0).
        let october = Month::new(2026, 10).unwrap();
        assert_eq!(october.start(london), utc("2026-09-30T23:00:00Z"));
        assert_eq!(october.end(london), utc("2026-11-01T00:00:00Z"));
        assert_eq!(Month::of(utc("2026-10-31T23:30:00Z"), london), october);
        // April starts after the clocks went forward.
        assert_eq!(
            Month::new(2026, 4).unwrap().start(london),
            utc("2026-03-31T23:00:00Z")
        );
    }

    #[test]
    fn the_current_month_is_judged_up_to_the_current_second() {
        let tz = chrono_tz::Asia::Shanghai;
        let now =
            Utc.with_ymd_and_hms(2026, 10, 20, 2, 0, 0).unwrap() + TimeDelta::milliseconds(400);
        assert_eq!(current_month(now, tz), Month::new(2026, 10).unwrap());
        let current = Period::new(current_month(now, tz), tz, now);
        assert_eq!(current.until, utc("2026-10-20T02:00:01Z"));
        let past = Period::new(Month::new(2026, 9).unwrap(), tz, now);
        assert_eq!(past.until, past.end);
        let future = Period::new(Month::new(2026, 12).unwrap(), tz, now);
        assert_eq!(future.until, future.start);
        assert!(current.contains(utc("2026-09-30T16:00:00Z")));
        assert!(!current.contains(utc("2026-10-31T16:00:00Z")));
    }
}
