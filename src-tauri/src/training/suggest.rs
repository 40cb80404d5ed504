//! When a case's handling went wrong, a drill on the same kind of customer helps the staff
//! involved. This decides "went wrong"; the repo picks the scenario.

use chrono::{DateTime, Utc};
use serde::Serialize;

/// Why a case counts as handled badly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WentWrong {
    /// The case was reopened: the problem came back.
    Reopened,
    /// The customer rated the handling 1 or 2 out of 5.
    LowSatisfaction,
    /// The customer did not accept the resolution.
    NotAccepted,
    /// It was resolved after its deadline, or is still open past it.
    Overdue,
}

/// What the rule looks at in a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handling {
    /// Status code.
    pub status: String,
    /// Times reopened.
    pub reopen_count: i64,
    /// Satisfaction 1–5, if rated.
    pub satisfaction: Option<i64>,
    /// Whether the customer accepted the resolution, if asked.
    pub customer_accepted: Option<bool>,
    /// The resolve deadline (moved by finished pauses).
    pub due_at: DateTime<Utc>,
    /// When the case entered follow-up.
    pub resolved_at: Option<DateTime<Utc>>,
    /// Whether it is waiting on the customer now (the clock is stopped).
    pub paused: bool,
}

/// Every reason the handling went wrong, in a fixed order; empty when it went fine. An invalid
/// complaint never calls for a drill.
pub fn went_wrong(case: &Handling, now: DateTime<Utc>) -> Vec<WentWrong> {
    if case.status == "invalid" {
        return Vec::new();
    }
    let mut reasons = Vec::new();
    if case.reopen_count > 0 {
        reasons.push(WentWrong::Reopened);
    }
    if case.satisfaction.is_some_and(|s| s <= 2) {
        reasons.push(WentWrong::LowSatisfaction);
    }
    if case.customer_accepted == Some(false) {
        reasons.push(WentWrong::NotAccepted);
    }
    let late = match case.resolved_at {
        Some(resolved) => resolved > case.due_at,
        None => case.status != "closed" && !case.paused && now > case.due_at,
    };
    if late {
        reasons.push(WentWrong::Overdue);
    }
    reasons
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeDelta;

    fn fine(now: DateTime<Utc>) -> Handling {
        Handling {
            status: "closed".into(),
            reopen_count: 0,
            satisfaction: Some(4),
            customer_accepted: Some(true),
            due_at: now,
            resolved_at: Some(now - TimeDelta::hours(1)),
            paused: false,
        }
    }

    #[test]
    fn a_well_handled_case_suggests_nothing_and_each_failure_is_named() {
        let now = Utc::now();
        assert!(went_wrong(&fine(now), now).is_empty());
        let bad = Handling {
            reopen_count: 1,
            satisfaction: Some(2),
            customer_accepted: Some(false),
            resolved_at: Some(now + TimeDelta::hours(1)),
            ..fine(now)
        };
        assert_eq!(
            went_wrong(&bad, now),
            [
                WentWrong::Reopened,
                WentWrong::LowSatisfaction,
                WentWrong::NotAccepted,
                WentWrong::Overdue
            ]
        );
        let invalid = Handling {
            status: "invalid".into(),
            ..bad
        };
        assert!(went_wrong(&invalid, now).is_empty());
    }

    #[test]
    fn an_open_case_is_late_only_past_its_deadline_and_not_while_paused() {
        let now = Utc::now();
        let open = Handling {
            status: "in_progress".into(),
            satisfaction: None,
            customer_accepted: None,
            resolved_at: None,
            due_at: now - TimeDelta::minutes(1),
            ..fine(now)
        };
        assert_eq!(went_wrong(&open, now), [WentWrong::Overdue]);
        assert!(
            went_wrong(
                &Handling {
                    paused: true,
                    ..open.clone()
                },
                now
            )
            .is_empty()
        );
        assert!(
            went_wrong(
                &Handling {
                    due_at: now + TimeDelta::days(1),
                    ..open
                },
                now
            )
            .is_empty()
        );
    }
}
