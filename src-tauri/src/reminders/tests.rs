//! The reminder rules: when each kind falls due, the kinds turned off, never twice.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, TimeDelta, TimeZone, Utc};

use super::model::*;

fn now() -> DateTime<Utc> {
    // 10:00 in Shanghai.
    Utc.with_ymd_and_hms(2026, 12, 3, 2, 0, 0).unwrap()
}

fn case(
    id: i64,
    grade: i64,
    new: bool,
    ack_in: TimeDelta,
    resolve_in: Option<TimeDelta>,
) -> OpenCase {
    OpenCase {
        id,
        number: format!("SH01-202612-{id:04}"),
        grade,
        unacknowledged: new,
        acknowledge_by: now() + ack_in,
        resolve_by: resolve_in.map(|d| now() + d),
    }
}

fn due(facts: &Facts, settings: &ReminderSettings, sent: &HashSet<String>) -> Vec<Reminder> {
    due_reminders(facts, settings, sent, now(), chrono_tz::Asia::Shanghai)
}

fn kinds(reminders: &[Reminder]) -> Vec<(ReminderKind, String)> {
    reminders
        .iter()
        .map(|r| (r.kind, r.route.clone()))
        .collect()
}

fn no_summary() -> ReminderSettings {
    ReminderSettings {
        off: vec![ReminderKind::Summary],
        ..Default::default()
    }
}

#[test]
fn deadlines_are_reminded_of_within_their_lead_time_and_once_missed() {
    let facts = Facts {
        cases: vec![
            // Acknowledge in 30 minutes: due; resolve in 3 days: not yet.
            case(1, 3, true, TimeDelta::minutes(30), Some(TimeDelta::days(3))),
            // Acknowledge in 2 hours: not yet; resolve in 3 hours: due.
            case(2, 3, true, TimeDelta::hours(2), Some(TimeDelta::hours(3))),
            // Already acknowledged, resolve deadline missed yesterday: due.
            case(3, 4, false, -TimeDelta::days(3), Some(-TimeDelta::days(1))),
            // Paused: the resolve clock is stopped.
            case(4, 4, false, -TimeDelta::days(3), None),
        ],
        ..Default::default()
    };
    let found = due(&facts, &no_summary(), &HashSet::new());
    assert_eq!(
        kinds(&found),
        vec![
            (ReminderKind::Acknowledge, "#/cases/1".into()),
            (ReminderKind::Resolve, "#/cases/2".into()),
            (ReminderKind::Resolve, "#/cases/3".into()),
        ]
    );
    assert_eq!(found[0].subject, "SH01-202612-0001");
    assert_eq!(
        found[0].detail, "2026-12-03 10:30",
        "the deadline in the branch's time"
    );
}

#[test]
fn nothing_is_sent_twice_but_a_moved_deadline_is_a_new_event() {
    let mut facts = Facts {
        cases: vec![case(
            1,
            1,
            true,
            TimeDelta::minutes(10),
            Some(TimeDelta::hours(1)),
        )],
        ..Default::default()
    };
    let first = due(&facts, &no_summary(), &HashSet::new());
    assert_eq!(first.len(), 3, "crisis, acknowledge, resolve");
    let sent: HashSet<String> = first.iter().map(|r| r.key.clone()).collect();
    assert!(due(&facts, &no_summary(), &sent).is_empty());
    // The case was paused and resumed: its resolve deadline moved, which is news.
    facts.cases[0].resolve_by = Some(now() + TimeDelta::hours(2));
    assert_eq!(
        kinds(&due(&facts, &no_summary(), &sent)),
        vec![(ReminderKind::Resolve, "#/cases/1".into())]
    );
}

#[test]
fn each_kind_can_be_turned_off() {
    let facts = Facts {
        cases: vec![case(
            7,
            1,
            true,
            TimeDelta::minutes(5),
            Some(TimeDelta::hours(1)),
        )],
        measures: vec![LateMeasure {
            id: 3,
            plan_id: 9,
            description: "加装监控".into(),
            due_date: "2026-11-30".into(),
        }],
        refreshers: vec![DueRefresher {
            staff_id: 5,
            name: "李华".into(),
            module_id: 2,
            due_on: NaiveDate::from_ymd_opt(2026, 12, 10).unwrap(),
        }],
        summary: SummaryFigures {
            open: 4,
            overdue: 1,
            due_today: 2,
            crisis: 1,
        },
    };
    let all = due(&facts, &ReminderSettings::default(), &HashSet::new());
    assert_eq!(
        kinds(&all),
        vec![
            (ReminderKind::Crisis, "#/cases/7".into()),
            (ReminderKind::Acknowledge, "#/cases/7".into()),
            (ReminderKind::Resolve, "#/cases/7".into()),
            (ReminderKind::Measure, "#/prevention/plan/9".into()),
            (ReminderKind::Refresher, "#/training/person/5".into()),
            (ReminderKind::Summary, "#/dashboard".into()),
        ]
    );
    assert_eq!(all[5].detail, "4/1/2/1");
    for kind in ReminderKind::ALL {
        let settings = ReminderSettings {
            off: vec![kind],
            ..Default::default()
        };
        let left = due(&facts, &settings, &HashSet::new());
        assert!(left.iter().all(|r| r.kind != kind), "{kind:?} off");
        assert_eq!(left.len(), all.iter().filter(|r| r.kind != kind).count());
    }
}

#[test]
fn the_daily_summary_comes_once_a_day_from_the_chosen_time() {
    let facts = Facts::default();
    let at = |time: &str| ReminderSettings {
        summary_time: time.into(),
        ..Default::default()
    };
    // It is 10:00 local.
    assert!(
        due(&facts, &at("10:30"), &HashSet::new()).is_empty(),
        "not before its time"
    );
    let today = due(&facts, &at("09:00"), &HashSet::new());
    assert_eq!(today.len(), 1);
    assert_eq!(today[0].key, "summary:2026-12-03");
    let sent: HashSet<String> = [today[0].key.clone()].into();
    assert!(due(&facts, &at("09:00"), &sent).is_empty(), "once a day");
    assert!(
        due(&facts, &at("25:00"), &HashSet::new()).is_empty(),
        "an unreadable time sends none"
    );
}
