use chrono::{Datelike, TimeZone, Timelike};

use super::*;
use crate::cases::deadlines;
use crate::cases::demo::outcome::FollowUp;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 6, 30, 0).unwrap()
}

fn context(industry: Industry) -> BranchContext {
    BranchContext {
        code: "SH01".into(),
        tz: "Asia/Shanghai".parse().unwrap(),
        limits: industry.default_time_limits().to_vec(),
    }
}

fn catalog(industry: Industry) -> Catalog {
    Catalog {
        industry,
        categories: industry
            .default_categories()
            .into_iter()
            .enumerate()
            .map(|(i, key)| (i as i64 + 1, Some(key.to_owned())))
            .chain([(99, None)])
            .collect(),
        staff: (1..=8).collect(),
    }
}

fn plan(seed: u64, count: usize, months: u32, industry: Industry) -> Vec<PlannedCase> {
    Planner::new(
        seed,
        count,
        months,
        now(),
        context(industry),
        catalog(industry),
    )
    .collect::<Result<Vec<_>>>()
    .unwrap()
}

fn share(cases: &[PlannedCase], test: impl Fn(&PlannedCase) -> bool) -> f64 {
    cases.iter().filter(|c| test(c)).count() as f64 / cases.len() as f64
}

#[test]
fn the_same_seed_gives_the_same_cases() {
    let first = plan(7, 300, 6, Industry::Postal);
    assert_eq!(first, plan(7, 300, 6, Industry::Postal));
    let other = plan(8, 300, 6, Industry::Postal);
    assert_ne!(first, other);
    // Within a run the words vary.
    let distinct: std::collections::HashSet<&str> = first
        .iter()
        .map(|c| c.intake.description.as_str())
        .collect();
    assert!(distinct.len() > 150, "{}", distinct.len());
}

#[test]
fn cases_spread_over_the_months_weekdays_and_office_hours() {
    let cases = plan(1, 6000, 12, Industry::Property);
    let tz: chrono_tz::Tz = "Asia/Shanghai".parse().unwrap();
    let start = now()
        .with_timezone(&tz)
        .checked_sub_months(Months::new(12))
        .unwrap();
    assert!(
        cases
            .windows(2)
            .all(|w| w[0].intake.received_at <= w[1].intake.received_at)
    );
    assert!(
        cases
            .iter()
            .all(|c| c.intake.received_at >= start && c.intake.received_at <= now())
    );
    assert!(
        cases
            .iter()
            .all(|c| c.recorded_at >= c.intake.received_at && c.recorded_at <= now())
    );
    let local = |c: &PlannedCase| c.intake.received_at.with_timezone(&tz);
    let weekend = share(&cases, |c| local(c).weekday().number_from_monday() >= 6);
    // Per day, a weekday is busier than a weekend day.
    assert!(
        (1.0 - weekend) / 5.0 > weekend / 2.0 * 1.3,
        "weekend share {weekend}"
    );
    let office = share(&cases, |c| (9..18).contains(&local(c).hour()));
    assert!(office > 0.55, "office-hours share {office}");
    let months: std::collections::HashSet<u32> = cases.iter().map(|c| local(c).month()).collect();
    assert_eq!(months.len(), 12);
}

#[test]
fn grades_follow_the_flags_and_are_mostly_general() {
    let cases = plan(2, 6000, 12, Industry::Property);
    let grade = |g: u8| share(&cases, move |c| c.grade == g);
    assert!(grade(4) > 0.7, "grade 4 {}", grade(4));
    assert!((0.001..0.03).contains(&grade(1)), "grade 1 {}", grade(1));
    assert!(grade(2) > 0.005 && grade(3) > 0.03);
    assert!(share(&cases, |c| c.grade == c.suggested_grade) > 0.85);
    for case in &cases {
        let facts = GradingFacts {
            media_exposure_risk: case.intake.media_exposure_risk,
            lawsuit_risk: case.intake.lawsuit_risk,
            households: case.intake.households,
            has_supporting_departments: case.intake.needs_other_departments,
            channel: Some(case.intake.channel),
            ..GradingFacts::default()
        };
        assert_eq!(suggest_grade(&facts).grade.get(), case.suggested_grade);
        let lowered = case.grade > case.suggested_grade;
        assert_eq!(lowered, case.intake.grade_reason.is_some());
    }
}

#[test]
fn channels_customers_and_languages_are_mixed() {
    let cases = plan(3, 6000, 12, Industry::Hotel);
    for channel in Channel::ALL {
        assert!(
            cases.iter().any(|c| c.intake.channel == *channel),
            "{channel:?}"
        );
    }
    for kind in CustomerType::ALL {
        assert!(
            cases.iter().any(|c| c.intake.customer_type == *kind),
            "{kind:?}"
        );
    }
    let escalated = share(&cases, |c| c.intake.channel.is_escalated());
    assert!((0.03..0.2).contains(&escalated), "{escalated}");
    let english = share(&cases, |c| c.intake.description.is_ascii());
    assert!((0.1..0.35).contains(&english), "{english}");
    assert!(share(&cases, |c| c.intake.category_id == 99) > 0.0);
    let repeat_phones = cases.len()
        - cases
            .iter()
            .filter_map(|c| c.intake.phone.as_deref())
            .collect::<std::collections::HashSet<_>>()
            .len();
    assert!(repeat_phones > 50, "customers come back: {repeat_phones}");
}

#[test]
fn statuses_follow_age_and_their_columns_agree() {
    let cases = plan(4, 6000, 6, Industry::Postal);
    for status in Status::ALL {
        assert!(cases.iter().any(|c| c.life.status == *status), "{status:?}");
    }
    let old: Vec<&PlannedCase> = cases
        .iter()
        .filter(|c| now() - c.intake.received_at > TimeDelta::days(60))
        .collect();
    let settled = old.iter().filter(|c| !c.life.status.is_open()).count();
    assert!(settled as f64 / old.len() as f64 > 0.93);
    let ctx = context(Industry::Postal);
    let mut overdue = 0;
    let mut scores = Vec::new();
    for case in &cases {
        let life = &case.life;
        let closed = life.status == Status::Closed;
        assert_eq!(closed, life.closed_at.is_some());
        assert_eq!(closed, life.follow_up.is_some());
        assert_eq!(
            closed || life.status == Status::FollowUp,
            life.outcome.is_some()
        );
        assert_eq!(
            life.status == Status::Invalid,
            life.invalid_reason.is_some()
        );
        assert_eq!(life.status == Status::New, life.last_move.is_none());
        if let Some(step) = &life.last_move {
            assert!(
                step.from.can_go_to(life.status),
                "{:?} -> {:?}",
                step.from,
                life.status
            );
            assert!(step.at > case.intake.received_at && step.at <= now());
        }
        if let Some((since, _)) = &life.paused {
            assert!(life.status.is_open() && *since <= now());
        }
        let due = deadlines(
            case.intake.received_at,
            &ctx.limit(case.grade).unwrap(),
            ctx.tz,
        );
        if life.status.is_open() && life.reopened_at.is_none() && due.resolve_by < now() {
            overdue += 1;
        }
        if let Some(FollowUp::Called {
            on, satisfaction, ..
        }) = &life.follow_up
        {
            assert!(*on <= now().date_naive() + TimeDelta::days(1));
            scores.push(f64::from(*satisfaction));
        }
    }
    assert!(overdue > 10, "{overdue}");
    let mean = scores.iter().sum::<f64>() / scores.len() as f64;
    assert!(mean > 3.7, "satisfaction {mean}");
    assert!(cases.iter().any(|c| c.life.paused.is_some()));
    assert!(cases.iter().any(|c| c.life.reopened_at.is_some()));
}
