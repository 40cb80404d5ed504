use chrono_tz::{America, Asia, Europe, Pacific};

use super::*;

fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("an RFC 3339 instant")
        .with_timezone(&Utc)
}

fn local(tz: Tz, text: &str) -> DateTime<Utc> {
    let naive =
        chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("a local time");
    tz.from_local_datetime(&naive)
        .single()
        .expect("an unambiguous local time")
        .with_timezone(&Utc)
}

fn limit(acknowledge_hours: u32, resolve_days: u32) -> TimeLimit {
    TimeLimit {
        grade: 4,
        acknowledge_hours,
        resolve_days,
    }
}

fn resolve_by(received_at: DateTime<Utc>, days: u32, tz: Tz) -> DateTime<Utc> {
    deadlines(received_at, &limit(24, days), tz).resolve_by
}

#[test]
fn late_evening_on_the_last_day_of_a_month_counts_from_that_local_day() {
    let received = local(Asia::Shanghai, "2024-10-31 23:30");
    assert_eq!(received, utc("2024-10-31T15:30:00Z"));
    let due = deadlines(received, &limit(4, 3), Asia::Shanghai);
    assert_eq!(due.acknowledge_by, utc("2024-10-31T19:30:00Z"));
    // End of 3 November in Shanghai.
    assert_eq!(due.resolve_by, utc("2024-11-03T16:00:00Z"));
    let london = local(Europe::London, "2024-10-31 23:30");
    assert_eq!(
        resolve_by(london, 3, Europe::London),
        utc("2024-11-04T00:00:00Z")
    );
}

#[test]
fn the_local_date_not_the_utc_date_starts_the_count() {
    // Already 1 January in Shanghai while still 31 December in UTC.
    let received = utc("2024-12-31T20:00:00Z");
    assert_eq!(
        resolve_by(received, 1, Asia::Shanghai),
        utc("2025-01-02T16:00:00Z")
    );
    // Still 31 December in New York while already 1 January in UTC.
    let received = utc("2025-01-01T03:00:00Z");
    assert_eq!(
        resolve_by(received, 1, America::New_York),
        utc("2025-01-02T05:00:00Z")
    );
}

#[test]
fn month_and_year_ends_roll_over() {
    let tz = Asia::Shanghai;
    assert_eq!(
        resolve_by(local(tz, "2024-01-31 10:00"), 1, tz),
        utc("2024-02-01T16:00:00Z")
    );
    assert_eq!(
        resolve_by(local(tz, "2024-02-28 10:00"), 1, tz),
        utc("2024-02-29T16:00:00Z")
    );
    assert_eq!(
        resolve_by(local(tz, "2023-02-28 10:00"), 1, tz),
        utc("2023-03-01T16:00:00Z")
    );
    assert_eq!(
        resolve_by(local(tz, "2024-12-31 23:30"), 1, tz),
        utc("2025-01-01T16:00:00Z")
    );
    assert_eq!(
        resolve_by(local(tz, "2024-12-20 00:00"), 14, tz),
        utc("2025-01-03T16:00:00Z")
    );
    assert_eq!(
        resolve_by(local(tz, "2024-06-01 09:00"), 365, tz),
        utc("2025-06-01T16:00:00Z")
    );
}

#[test]
fn london_deadlines_follow_summer_time() {
    let tz = Europe::London;
    // Clocks go forward on 30 March 2025: the deadline is midnight BST, 23:00 UTC.
    assert_eq!(
        resolve_by(utc("2025-03-28T10:00:00Z"), 3, tz),
        utc("2025-03-31T23:00:00Z")
    );
    // Clocks go back on 26 October 2025: the deadline is midnight GMT again.
    assert_eq!(
        resolve_by(local(tz, "2025-10-24 12:00"), 2, tz),
        utc("2025-10-27T00:00:00Z")
    );
    // Acknowledging counts real hours, even across the lost hour.
    let received = utc("2025-03-30T00:30:00Z");
    assert_eq!(
        deadlines(received, &limit(2, 1), tz).acknowledge_by,
        utc("2025-03-30T02:30:00Z")
    );
}

#[test]
fn midnights_that_do_not_exist_or_happen_twice_take_the_earliest_valid_instant() {
    // Chile jumps from 00:00 to 01:00 on 8 September 2024: that day starts at 01:00 -03.
    let skipped = NaiveDate::from_ymd_opt(2024, 9, 8).expect("a date");
    assert!(
        America::Santiago
            .from_local_datetime(&skipped.and_time(chrono::NaiveTime::MIN))
            .earliest()
            .is_none()
    );
    assert_eq!(
        start_of_local_day(skipped, America::Santiago),
        utc("2024-09-08T04:00:00Z")
    );
    // Cuba sets clocks back from 01:00 to 00:00 on 3 November 2024: the first midnight counts.
    let doubled = NaiveDate::from_ymd_opt(2024, 11, 3).expect("a date");
    assert_eq!(
        start_of_local_day(doubled, America::Havana),
        utc("2024-11-03T04:00:00Z")
    );
    // Samoa skipped 30 December 2011 altogether: the next day that exists starts the count.
    let gone = NaiveDate::from_ymd_opt(2011, 12, 30).expect("a date");
    assert_eq!(
        start_of_local_day(gone, Pacific::Apia),
        utc("2011-12-30T10:00:00Z")
    );
}

#[test]
fn a_grade_change_recomputes_from_when_the_case_was_received() {
    let received = local(Asia::Shanghai, "2024-05-10 09:00");
    let general = deadlines(received, &limit(24, 14), Asia::Shanghai);
    let serious = deadlines(received, &limit(4, 3), Asia::Shanghai);
    assert_eq!(general.resolve_by, utc("2024-05-24T16:00:00Z"));
    assert_eq!(serious.resolve_by, utc("2024-05-13T16:00:00Z"));
    assert_eq!(serious.acknowledge_by, utc("2024-05-10T05:00:00Z"));
}

#[test]
fn pauses_move_the_deadline_by_the_time_spent_waiting() {
    let base = utc("2024-11-10T16:00:00Z");
    let now = utc("2024-11-08T12:00:00Z");
    assert_eq!(effective_resolve_by(base, &[], now), base);
    let closed = Pause {
        start: utc("2024-11-02T00:00:00Z"),
        end: Some(utc("2024-11-04T00:00:00Z")),
    };
    assert_eq!(
        effective_resolve_by(base, &[closed], now),
        utc("2024-11-12T16:00:00Z")
    );
    let open = Pause {
        start: utc("2024-11-08T00:00:00Z"),
        end: None,
    };
    assert_eq!(
        effective_resolve_by(base, &[open], now),
        utc("2024-11-11T04:00:00Z")
    );
    assert_eq!(
        effective_resolve_by(base, &[open, closed], now),
        utc("2024-11-13T04:00:00Z")
    );
}

#[test]
fn odd_pauses_do_not_inflate_the_deadline() {
    let base = utc("2024-11-10T00:00:00Z");
    let now = utc("2024-11-20T00:00:00Z");
    let pause = |start: &str, end: Option<&str>| Pause {
        start: utc(start),
        end: end.map(utc),
    };
    // Overlapping and nested pauses count once: 1–4 November is three days.
    let overlapping = [
        pause("2024-11-01T00:00:00Z", Some("2024-11-03T00:00:00Z")),
        pause("2024-11-02T00:00:00Z", Some("2024-11-04T00:00:00Z")),
        pause("2024-11-02T06:00:00Z", Some("2024-11-02T07:00:00Z")),
    ];
    assert_eq!(
        effective_resolve_by(base, &overlapping, now),
        utc("2024-11-13T00:00:00Z")
    );
    // A pause begun after the deadline had passed, a future one, and a backwards one: nothing.
    let ignored = [
        pause("2024-11-15T00:00:00Z", None),
        pause("2024-11-25T00:00:00Z", None),
        pause("2024-11-05T00:00:00Z", Some("2024-11-04T00:00:00Z")),
    ];
    assert_eq!(effective_resolve_by(base, &ignored, now), base);
    // A pause that starts before the moved deadline still counts.
    let chained = [
        pause("2024-11-05T00:00:00Z", Some("2024-11-07T00:00:00Z")),
        pause("2024-11-11T00:00:00Z", Some("2024-11-12T00:00:00Z")),
    ];
    assert_eq!(
        effective_resolve_by(base, &chained, now),
        utc("2024-11-13T00:00:00Z")
    );
}

#[test]
fn the_countdown_names_the_state_and_the_seconds_left() {
    let tz = Asia::Shanghai;
    let base = utc("2024-11-03T16:00:00Z"); // end of 3 November in Shanghai
    let at = |now: &str| countdown(base, &[], utc(now), tz);
    let on_track = at("2024-11-02T15:59:59Z"); // 23:59:59 on 2 November local
    assert_eq!(on_track.state, DeadlineState::OnTrack);
    assert_eq!(on_track.remaining_seconds, 86_401);
    let due_today = at("2024-11-02T16:00:00Z"); // local midnight starting 3 November
    assert_eq!(
        (due_today.state, due_today.remaining_seconds),
        (DeadlineState::DueToday, 86_400)
    );
    assert_eq!(at("2024-11-03T15:59:59Z").state, DeadlineState::DueToday);
    let overdue = at("2024-11-03T16:00:00Z");
    assert_eq!(
        (overdue.state, overdue.remaining_seconds),
        (DeadlineState::Overdue, 0)
    );
    assert_eq!(at("2024-11-04T16:00:00Z").remaining_seconds, -86_400);
    let json = serde_json::to_value(on_track).unwrap();
    assert_eq!(json["state"], "on_track");
    assert_eq!(json["dueAt"], "2024-11-03T16:00:00Z");
}

#[test]
fn a_paused_countdown_freezes_but_a_late_case_stays_overdue() {
    let tz = Asia::Shanghai;
    let base = utc("2024-11-03T16:00:00Z");
    let waiting = [Pause {
        start: utc("2024-11-03T10:00:00Z"),
        end: None,
    }];
    let early = countdown(base, &waiting, utc("2024-11-03T12:00:00Z"), tz);
    let later = countdown(base, &waiting, utc("2024-11-05T12:00:00Z"), tz);
    assert_eq!(early.state, DeadlineState::Paused);
    assert_eq!(later.state, DeadlineState::Paused);
    assert_eq!(early.remaining_seconds, 6 * 3600);
    assert_eq!(later.remaining_seconds, 6 * 3600);
    let resumed = [Pause {
        start: utc("2024-11-03T10:00:00Z"),
        end: Some(utc("2024-11-05T12:00:00Z")),
    }];
    // Resumed, the deadline is 18:00 UTC on 5 November: 02:00 on 6 November in Shanghai.
    let evening = countdown(base, &resumed, utc("2024-11-05T13:00:00Z"), tz);
    assert_eq!(
        (evening.state, evening.remaining_seconds),
        (DeadlineState::OnTrack, 5 * 3600)
    );
    let after_midnight = countdown(base, &resumed, utc("2024-11-05T17:00:00Z"), tz);
    assert_eq!(after_midnight.state, DeadlineState::DueToday);
    let too_late = [Pause {
        start: utc("2024-11-04T00:00:00Z"),
        end: None,
    }];
    let late = countdown(base, &too_late, utc("2024-11-04T01:00:00Z"), tz);
    assert_eq!(late.state, DeadlineState::Overdue);
}
