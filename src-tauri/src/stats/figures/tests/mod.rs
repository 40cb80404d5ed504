use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;

use super::*;
use crate::cases::Status::{self, *};
use crate::cases::deadlines::Pause;
use crate::cases::vocab::{Channel, CustomerType};
use crate::stats::Month;
use crate::stats::facts::{
    CaseFacts, CustomerHistory, Outcome, OutcomeChange, OutcomeField, StatusMove,
};
use crate::stats::sets::MonthSets;

const SHANGHAI: Tz = chrono_tz::Asia::Shanghai;

fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

/// A new case received at `received` (UTC), acknowledge within 1 hour, resolve within 3 days.
fn case(id: i64, received: &str) -> CaseFacts {
    let received_at = utc(received);
    CaseFacts {
        id,
        received_at,
        status: New,
        history: Vec::new(),
        acknowledged_at: None,
        acknowledge_by: received_at + TimeDelta::hours(1),
        resolved_at: None,
        resolve_by: received_at + TimeDelta::days(3),
        pauses: Vec::new(),
        grade: 4,
        category_id: 1,
        channel: Channel::Phone,
        department: String::new(),
        customer_type: CustomerType::Unknown,
        outcome: Outcome::default(),
        outcome_changes: Vec::new(),
        phone_key: None,
        reference_key: None,
        judgement: None,
        progress_updates: Vec::new(),
    }
}

/// Moves the case as the app does, setting the columns each move sets.
fn walk(mut case: CaseFacts, moves: &[(&str, Status)]) -> CaseFacts {
    for &(at, to) in moves {
        let at = utc(at);
        case.history.push(StatusMove {
            at,
            from: case.status,
            to,
        });
        case.status = to;
        match to {
            Acknowledged => case.acknowledged_at = Some(at),
            FollowUp => case.resolved_at = Some(at),
            Reopened => case.resolved_at = None,
            _ => {}
        }
    }
    case
}

/// Received, acknowledged 30 minutes later, resolved at `resolved`, closed at `closed`.
fn handled(id: i64, received: &str, resolved: &str, closed: &str) -> CaseFacts {
    let ack = utc(received) + TimeDelta::minutes(30);
    let ack = crate::cases::repo::stamp(ack);
    walk(
        case(id, received),
        &[
            (&ack, Acknowledged),
            (&ack, Investigating),
            (&ack, Resolving),
            (resolved, FollowUp),
            (closed, Closed),
        ],
    )
}

fn october(now: &str) -> Period {
    Period::new(Month::new(2026, 10).unwrap(), SHANGHAI, utc(now))
}

fn figures(cases: &[CaseFacts], period: &Period) -> MonthFigures {
    month_figures(cases, &CustomerHistory::of_cases(cases), period)
}

const LATER: &str = "2027-03-01T00:00:00Z";

#[test]
fn a_month_without_valid_cases_has_counts_of_zero_and_no_shares() {
    let voided = walk(
        case(1, "2026-10-10T02:00:00Z"),
        &[("2026-10-10T03:00:00Z", Invalid)],
    );
    for cases in [vec![], vec![voided]] {
        let f = figures(&cases, &october(LATER));
        assert_eq!(f.valid.value, Some(0.0));
        assert_eq!(f.closed.value, Some(0.0));
        assert_eq!(f.closure_rate, Figure::share(0, 0));
        assert_eq!(f.closure_rate.value, None);
        for share in [
            f.acknowledged_on_time,
            f.resolved_on_time,
            f.resolved_within_7_days,
            f.follow_up_rate,
            f.average_satisfaction,
            f.satisfied_share,
            f.mean_days_to_resolve,
            f.median_days_to_resolve,
        ] {
            assert_eq!(share.value, None);
        }
        assert_eq!(f.goodwill_total.value, Some(0.0));
        assert_eq!(f.received.value, Some(cases.len() as f64));
    }
}

#[test]
fn a_case_received_at_23_30_on_the_last_local_day_belongs_to_that_month() {
    // 23:30 on 31 October in Shanghai is 15:30 UTC; 00:10 on 1 November is 16:10 UTC.
    let cases = [
        case(1, "2026-10-31T15:30:00Z"),
        case(2, "2026-10-31T16:10:00Z"),
        case(3, "2026-09-30T16:00:00Z"),
        case(4, "2026-09-30T15:59:59Z"),
    ];
    let f = figures(&cases, &october(LATER));
    assert_eq!(f.received.value, Some(2.0));
    let november = Period::new(Month::new(2026, 11).unwrap(), SHANGHAI, utc(LATER));
    assert_eq!(figures(&cases, &november).received.value, Some(1.0));
}

#[test]
fn london_months_follow_the_clock_change() {
    let london: Tz = chrono_tz::Europe::London;
    // 23:30 UTC on 31 October is 23:30 local (winter time): October. 23:30 UTC on 31 March
    // is 00:30 on 1 April local (summer time): April.
    let cases = [
        case(1, "2026-10-31T23:30:00Z"),
        case(2, "2026-03-31T23:30:00Z"),
    ];
    let at = |m| {
        figures(
            &cases,
            &Period::new(Month::new(2026, m).unwrap(), london, utc(LATER)),
        )
    };
    assert_eq!(at(10).received.value, Some(1.0));
    assert_eq!(at(3).received.value, Some(0.0));
    assert_eq!(at(4).received.value, Some(1.0));
}

#[test]
fn a_case_reopened_in_a_later_month_still_counts_as_closed_with_its_outcome_then() {
    let mut reopened = handled(
        1,
        "2026-10-05T02:00:00Z",
        "2026-10-07T02:00:00Z",
        "2026-10-20T02:00:00Z",
    );
    reopened = walk(reopened, &[("2026-11-03T02:00:00Z", Reopened)]);
    // Reopening cleared the outcome; the audit trail remembers what October saw.
    let line = |field, old: &str, new: Option<&str>, at: &str| OutcomeChange {
        at: utc(at),
        field,
        old: (!old.is_empty()).then(|| old.to_owned()),
        new: new.map(str::to_owned),
    };
    reopened.outcome_changes = vec![
        line(
            OutcomeField::Satisfaction,
            "",
            Some("5"),
            "2026-10-20T02:00:00Z",
        ),
        line(
            OutcomeField::FollowUpKind,
            "",
            Some("called"),
            "2026-10-20T02:00:00Z",
        ),
        line(
            OutcomeField::GoodwillFen,
            "0",
            Some("5000"),
            "2026-10-07T02:00:00Z",
        ),
        line(
            OutcomeField::Satisfaction,
            "5",
            None,
            "2026-11-03T02:00:00Z",
        ),
        line(
            OutcomeField::FollowUpKind,
            "called",
            None,
            "2026-11-03T02:00:00Z",
        ),
        line(
            OutcomeField::GoodwillFen,
            "5000",
            Some("0"),
            "2026-11-03T02:00:00Z",
        ),
    ];
    let open = case(2, "2026-10-06T02:00:00Z");
    let cases = [reopened, open];
    let f = figures(&cases, &october(LATER));
    assert_eq!(f.closed.value, Some(1.0));
    assert_eq!(f.closure_rate.parts, Some((1, 2)));
    assert_eq!(f.closure_rate.value, Some(0.5));
    assert_eq!(f.open_at_end.value, Some(1.0));
    assert_eq!(f.follow_up_rate.parts, Some((1, 1)));
    assert_eq!(f.average_satisfaction.value, Some(5.0));
    assert_eq!(f.satisfied_share.parts, Some((1, 1)));
    assert_eq!(f.goodwill_total.value, Some(50.0));
    // November sees it open again at its end.
    let november = Period::new(Month::new(2026, 11).unwrap(), SHANGHAI, utc(LATER));
    let n = figures(&cases, &november);
    assert_eq!(n.open_at_start.value, Some(1.0));
    assert_eq!(n.open_at_end.value, Some(2.0));
}

#[test]
fn the_current_month_is_judged_at_now() {
    let c = handled(
        1,
        "2026-10-05T02:00:00Z",
        "2026-10-07T02:00:00Z",
        "2026-10-20T02:00:00Z",
    );
    let before_close = figures(std::slice::from_ref(&c), &october("2026-10-15T00:00:00Z"));
    assert_eq!(before_close.closed.value, Some(0.0));
    assert_eq!(before_close.open_at_end.value, Some(1.0));
    // A move stamped in the very second of `now` is included.
    let at_close = figures(std::slice::from_ref(&c), &october("2026-10-20T02:00:00Z"));
    assert_eq!(at_close.closed.value, Some(1.0));
    assert_eq!(at_close.open_at_end.value, Some(0.0));
}

#[test]
fn open_at_start_and_end_read_the_status_history() {
    let cases = [
        // Received in September, closed in October: open at the start only.
        handled(
            1,
            "2026-09-20T02:00:00Z",
            "2026-09-25T02:00:00Z",
            "2026-10-03T02:00:00Z",
        ),
        // Received and closed in September: neither.
        handled(
            2,
            "2026-09-02T02:00:00Z",
            "2026-09-03T02:00:00Z",
            "2026-09-04T02:00:00Z",
        ),
        // Received in August, still open: both.
        case(3, "2026-08-10T02:00:00Z"),
        // Voided: never counted as open.
        walk(
            case(4, "2026-09-10T02:00:00Z"),
            &[("2026-10-10T02:00:00Z", Invalid)],
        ),
        // Received in October, open at the end.
        case(5, "2026-10-10T02:00:00Z"),
    ];
    let f = figures(&cases, &october(LATER));
    assert_eq!(f.open_at_start.value, Some(2.0));
    assert_eq!(f.open_at_end.value, Some(2.0));
}

#[test]
fn a_partial_timeline_with_only_the_closing_move_still_dates_the_close() {
    // Generated data keeps only the last move: before it the case stood in follow-up.
    let mut c = case(1, "2026-10-05T02:00:00Z");
    c.status = Closed;
    c.acknowledged_at = Some(utc("2026-10-05T02:30:00Z"));
    c.resolved_at = Some(utc("2026-10-30T02:00:00Z"));
    c.history = vec![StatusMove {
        at: utc("2026-11-02T02:00:00Z"),
        from: FollowUp,
        to: Closed,
    }];
    let f = figures(std::slice::from_ref(&c), &october(LATER));
    assert_eq!(f.closed.value, Some(0.0));
    assert_eq!(f.open_at_end.value, Some(1.0));
    assert_eq!(f.mean_days_to_resolve.value, Some(25.0));
}

#[test]
fn every_case_figure_is_the_size_of_its_set_and_other_figures_have_none() {
    let mut crisis = handled(
        3,
        "2026-10-12T02:00:00Z",
        "2026-10-20T02:00:00Z",
        "2026-10-21T02:00:00Z",
    );
    crisis.grade = 1;
    crisis.outcome.satisfaction = Some(5);
    crisis.outcome.goodwill_fen = 2000;
    let cases = [
        handled(
            1,
            "2026-10-02T02:00:00Z",
            "2026-10-03T02:00:00Z",
            "2026-10-04T02:00:00Z",
        ),
        walk(
            case(2, "2026-10-05T02:00:00Z"),
            &[("2026-10-05T03:00:00Z", Invalid)],
        ),
        crisis,
        case(4, "2026-09-28T02:00:00Z"),
        walk(
            case(5, "2026-10-30T02:00:00Z"),
            &[("2026-10-30T02:10:00Z", Acknowledged)],
        ),
    ];
    let period = october(LATER);
    let customers = CustomerHistory::of_cases(&cases);
    let sets = MonthSets::new(&cases, &customers, &period);
    let f = figures_of(&sets);
    for def in crate::stats::kpi::KPIS {
        let figure = (def.read)(&f);
        let Some(members) = sets.members(def.key) else {
            assert!(
                figure.value.is_none(),
                "{} counts no cases, so the loader fills it",
                def.key
            );
            continue;
        };
        let all = members.all.len() as i64;
        match (figure.parts, members.hits) {
            (Some((sum, count)), None) => {
                assert_eq!(def.key, "average_satisfaction");
                assert_eq!((sum, count), (5, all));
            }
            (Some((num, den)), Some(hits)) => {
                assert_eq!((num, den), (hits.len() as i64, all), "{}", def.key);
                assert!(
                    hits.iter().all(|id| members.all.contains(id)),
                    "{}",
                    def.key
                );
            }
            (None, _) if def.key.ends_with("days_to_resolve") => {
                assert_eq!(all, 2, "{}: the cases resolved by the month's end", def.key);
            }
            (None, _) if def.key == "goodwill_total" => {
                assert_eq!((figure.value, members.all.clone()), (Some(20.0), vec![3]));
            }
            (None, hits) => {
                assert_eq!(hits, None, "{}", def.key);
                assert_eq!(figure.value, Some(all as f64), "{}", def.key);
            }
        }
    }
    assert_eq!(sets.members("received").unwrap().all, [1, 2, 3, 5]);
    assert_eq!(sets.members("valid").unwrap().all, [1, 3, 5]);
    assert_eq!(sets.members("open_at_start").unwrap().all, [4]);
    assert_eq!(sets.members("crises").unwrap().all, [3]);
    assert_eq!(sets.members("no_such_figure"), None);
}

mod casework;
mod outcomes;
mod timeliness;
