//! Timeliness: acknowledgement, resolution against the deadline, within 7 and 14 days, and
//! the days taken.

use super::*;

#[test]
fn acknowledgement_counts_only_cases_whose_answer_is_known() {
    let received = "2026-10-31T14:00:00Z"; // deadline 15:00 UTC, month ends 16:00 UTC
    let cases = [
        walk(case(1, received), &[("2026-10-31T14:40:00Z", Acknowledged)]),
        // Exactly at the deadline is late: the app shows it overdue from then on.
        walk(case(2, received), &[("2026-10-31T15:00:00Z", Acknowledged)]),
        // Not acknowledged, deadline passed: late.
        case(3, received),
        // Not acknowledged, deadline after the month's end: not judged yet.
        case(4, "2026-10-31T15:30:00Z"),
    ];
    let f = figures(&cases, &october(LATER));
    assert_eq!(f.acknowledged_on_time.parts, Some((1, 3)));
    // Seen at 14:50 UTC, only the first is known (on time); the others still have time.
    let early = figures(&cases, &october("2026-10-31T14:50:00Z"));
    assert_eq!(early.acknowledged_on_time.parts, Some((1, 1)));
}

#[test]
fn waiting_on_the_customer_stops_the_resolve_clock() {
    // Due 3 days after receipt; resolved after 4 days, but 2 of them were spent waiting.
    let mut paused = handled(
        1,
        "2026-10-05T02:00:00Z",
        "2026-10-09T02:00:00Z",
        "2026-10-10T02:00:00Z",
    );
    paused.pauses = vec![Pause {
        start: utc("2026-10-06T02:00:00Z"),
        end: Some(utc("2026-10-08T02:00:00Z")),
    }];
    // Same without the wait: late.
    let late = handled(
        2,
        "2026-10-05T02:00:00Z",
        "2026-10-09T02:00:00Z",
        "2026-10-10T02:00:00Z",
    );
    // Unresolved and past its 3 days at the month's end, but waiting on the customer since
    // the day after receipt: its clock is stopped, so it is not judged.
    let mut waiting = case(3, "2026-10-25T02:00:00Z");
    waiting.pauses = vec![Pause {
        start: utc("2026-10-26T02:00:00Z"),
        end: None,
    }];
    // Unresolved, past its deadline and not waiting: late.
    let overdue = case(4, "2026-10-25T02:00:00Z");
    let f = figures(&[paused, late, waiting, overdue], &october(LATER));
    assert_eq!(f.resolved_on_time.parts, Some((1, 3)));
}

#[test]
fn within_7_and_14_days_count_local_calendar_days() {
    // Received 23:30 on 1 October local (15:30 UTC); 7 days after that day ends at midnight
    // starting 9 October local = 16:00 UTC on 8 October.
    let received = "2026-10-01T15:30:00Z";
    let cases = [
        handled(1, received, "2026-10-08T15:59:59Z", "2026-10-09T00:00:00Z"),
        handled(2, received, "2026-10-08T16:00:00Z", "2026-10-09T00:00:00Z"),
        handled(3, received, "2026-10-15T15:59:59Z", "2026-10-16T00:00:00Z"),
        // Received late in the month, unresolved: its 7 days are not over by the month's end.
        case(4, "2026-10-28T02:00:00Z"),
        // Unresolved with 7 days over but 14 not: late for 7, not judged for 14.
        case(5, "2026-10-20T02:00:00Z"),
    ];
    let f = figures(&cases, &october(LATER));
    assert_eq!(f.resolved_within_7_days.parts, Some((1, 4)));
    assert_eq!(f.resolved_within_14_days.parts, Some((3, 3)));
}

#[test]
fn days_to_resolve_are_the_mean_and_median_from_receipt_to_first_resolution() {
    let cases = [
        handled(
            1,
            "2026-10-01T00:00:00Z",
            "2026-10-02T00:00:00Z",
            "2026-10-03T00:00:00Z",
        ),
        handled(
            2,
            "2026-10-01T00:00:00Z",
            "2026-10-03T12:00:00Z",
            "2026-10-04T00:00:00Z",
        ),
        handled(
            3,
            "2026-10-01T00:00:00Z",
            "2026-10-09T00:00:00Z",
            "2026-10-10T00:00:00Z",
        ),
        // Resolved after the month's end: not in this month's times.
        handled(
            4,
            "2026-10-30T00:00:00Z",
            "2026-11-09T00:00:00Z",
            "2026-11-10T00:00:00Z",
        ),
    ];
    let f = figures(&cases, &october(LATER));
    assert_eq!(f.mean_days_to_resolve.value, Some((1.0 + 2.5 + 8.0) / 3.0));
    assert_eq!(f.median_days_to_resolve.value, Some(2.5));
    let two = figures(&cases[..2], &october(LATER));
    assert_eq!(two.median_days_to_resolve.value, Some(1.75));
    // A reopened and re-resolved case is measured to its first resolution.
    let again = walk(
        cases[0].clone(),
        &[
            ("2026-10-05T00:00:00Z", Reopened),
            ("2026-10-05T00:00:00Z", Investigating),
            ("2026-10-05T00:00:00Z", Resolving),
            ("2026-10-20T00:00:00Z", FollowUp),
        ],
    );
    assert_eq!(again.resolved_at, Some(utc("2026-10-20T00:00:00Z")));
    let f = figures(&[again], &october(LATER));
    assert_eq!(f.mean_days_to_resolve.value, Some(1.0));
}
