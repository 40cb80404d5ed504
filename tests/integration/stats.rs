//! The monthly report on a real database, with cases built and moved through the app's own
//! functions: hand-checked figures for a small branch, and figures of a busier one checked
//! against plain SQL counts written here, independently of the statistics code.

use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Asia::Shanghai;
use sqlx::SqlitePool;

use super::support::{TempDb, set_up_branch};
use branchdesk::cases::intake::CaseInput;
use branchdesk::cases::judgement::JudgementInput;
use branchdesk::cases::repo::create::create_case;
use branchdesk::cases::repo::workflow::{StatusChange, change_status, pause_case, resume_case};
use branchdesk::cases::resolution::{FollowUpInput, ResolutionInput};
use branchdesk::settings::repo::list_categories;
use branchdesk::stats::{Month, MonthlyReport, monthly_report};

fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("an RFC 3339 instant")
        .with_timezone(&Utc)
}

/// Records a complaint received at `received` (UTC) with `phone`, entered a minute later.
async fn receive(
    pool: &SqlitePool,
    received: DateTime<Utc>,
    edit: impl FnOnce(&mut CaseInput),
) -> i64 {
    let category_id = list_categories(pool).await.expect("categories")[0].id;
    let local = received.with_timezone(&Shanghai).format("%Y-%m-%dT%H:%M");
    let mut input = CaseInput {
        received_at: Some(local.to_string()),
        channel: "phone".into(),
        customer_type: "angry".into(),
        category_id,
        description: "包裹延误三天".into(),
        // Several similar complaints within a month would raise the suggested grade; these
        // tests choose the grade themselves.
        grade: Some(4),
        grade_reason: Some("按一般投诉处理".into()),
        ..Default::default()
    };
    edit(&mut input);
    create_case(pool, &input, None, received + TimeDelta::minutes(1))
        .await
        .expect("create case")
}

/// Moves a case at `at`: to follow-up with a resolution (20 yuan goodwill, cause `delay`), to
/// closed with a follow-up call scoring `satisfaction`, elsewhere as asked.
async fn move_to(pool: &SqlitePool, id: i64, to: &str, at: DateTime<Utc>, satisfaction: i64) {
    let mut change = StatusChange {
        to: to.into(),
        reason: Some("核实后处理".into()),
        ..Default::default()
    };
    match to {
        "follow_up" => {
            change.resolution = Some(ResolutionInput {
                action_taken: "重新派送并致歉".into(),
                customer_accepted: true,
                goodwill: Some("20".into()),
                root_cause: "delay".into(),
            });
        }
        "closed" => {
            // Crisis cases here never tick their crisis steps; closing them needs a reason.
            change.escalation_reason = Some("总部已知悉".into());
            change.follow_up = Some(FollowUpInput {
                called_on: Some(at.with_timezone(&Shanghai).format("%Y-%m-%d").to_string()),
                satisfaction: Some(satisfaction),
                ..Default::default()
            });
        }
        "resolving" => {
            // Verdicts vary with the score the caller passes, so fault shares are not all one.
            const FAULTS: [&str; 4] = ["branch", "other_department", "third_party", "customer"];
            let justified = satisfaction % 2 == 0;
            change.judgement = Some(JudgementInput {
                justified: Some(justified),
                cause: if justified {
                    "damage"
                } else {
                    "misunderstanding"
                }
                .into(),
                fault: FAULTS[(satisfaction % 4) as usize].into(),
            });
        }
        _ => {}
    }
    change_status(pool, id, &change, None, at)
        .await
        .expect("status change");
}

/// Acknowledges at `ack`, then investigates and starts resolving a minute later each.
async fn start(pool: &SqlitePool, id: i64, ack: DateTime<Utc>) {
    move_to(pool, id, "acknowledged", ack, 0).await;
    move_to(pool, id, "investigating", ack + TimeDelta::minutes(1), 0).await;
    move_to(pool, id, "resolving", ack + TimeDelta::minutes(2), 0).await;
}

fn kpi(report: &MonthlyReport, key: &str) -> (Option<f64>, Option<f64>, Option<f64>) {
    let k = report.kpis.iter().find(|k| k.key == key).expect(key);
    (k.value, k.previous, k.last_year)
}

fn parts(report: &MonthlyReport, key: &str) -> Option<(i64, i64)> {
    report.kpis.iter().find(|k| k.key == key).expect(key).parts
}

fn rows(report: &MonthlyReport, key: &str) -> Vec<(String, i64)> {
    let breakdown = report.breakdowns.iter().find(|b| b.key == key).expect(key);
    breakdown
        .rows
        .iter()
        .map(|r| (r.code.clone(), r.count))
        .collect()
}

#[tokio::test]
async fn a_small_branch_gets_hand_checked_figures() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let phone = |p: &str| {
        let p = p.to_owned();
        move |input: &mut CaseInput| input.phone = Some(p)
    };
    // 23:30 on 31 October local (15:30 UTC): an October case, resolved and closed that night.
    let a = receive(&pool, utc("2026-10-31T15:30:00Z"), |_| {}).await;
    start(&pool, a, utc("2026-10-31T15:40:00Z")).await;
    move_to(&pool, a, "follow_up", utc("2026-10-31T15:50:00Z"), 0).await;
    move_to(&pool, a, "closed", utc("2026-10-31T15:55:00Z"), 5).await;
    // Closed in October, reopened in November: still closed in October's report.
    let b = receive(&pool, utc("2026-10-05T02:00:00Z"), |_| {}).await;
    start(&pool, b, utc("2026-10-05T02:30:00Z")).await;
    move_to(&pool, b, "follow_up", utc("2026-10-07T02:00:00Z"), 0).await;
    move_to(&pool, b, "closed", utc("2026-10-20T02:00:00Z"), 3).await;
    move_to(&pool, b, "reopened", utc("2026-11-03T02:00:00Z"), 0).await;
    // Voided.
    let c = receive(&pool, utc("2026-10-10T01:00:00Z"), |_| {}).await;
    move_to(&pool, c, "invalid", utc("2026-10-10T02:00:00Z"), 0).await;
    // Received in September, closed in October: open as October began.
    let d = receive(&pool, utc("2026-09-20T01:00:00Z"), phone("13800138000")).await;
    start(&pool, d, utc("2026-09-20T01:30:00Z")).await;
    move_to(&pool, d, "follow_up", utc("2026-09-25T01:00:00Z"), 0).await;
    move_to(&pool, d, "closed", utc("2026-10-03T01:00:00Z"), 4).await;
    // The same customer again within 90 days, acknowledged three days late.
    let e = receive(&pool, utc("2026-10-12T01:00:00Z"), phone("138-0013-8000")).await;
    move_to(&pool, e, "acknowledged", utc("2026-10-15T01:00:00Z"), 0).await;
    // A crisis through the media, never touched.
    receive(&pool, utc("2026-10-15T01:00:00Z"), |input| {
        input.channel = "media".into();
        input.grade = Some(1);
    })
    .await;
    // Waited five days on the customer, so resolved in time although after 7 days + 3.
    let h = receive(&pool, utc("2026-10-20T01:00:00Z"), |_| {}).await;
    start(&pool, h, utc("2026-10-20T01:30:00Z")).await;
    pause_case(
        &pool,
        h,
        "等客户提供单据",
        None,
        utc("2026-10-21T01:00:00Z"),
    )
    .await
    .unwrap();
    resume_case(&pool, h, None, utc("2026-10-26T01:00:00Z"))
        .await
        .unwrap();
    move_to(&pool, h, "follow_up", utc("2026-10-30T01:00:00Z"), 0).await;
    // Last year's October.
    let g = receive(&pool, utc("2025-10-08T01:00:00Z"), |_| {}).await;
    start(&pool, g, utc("2025-10-08T01:10:00Z")).await;
    move_to(&pool, g, "follow_up", utc("2025-10-09T01:00:00Z"), 0).await;
    move_to(&pool, g, "closed", utc("2025-10-10T01:00:00Z"), 5).await;

    let now = utc("2026-11-20T02:00:00Z");
    let october = Month::parse("month", "2026-10").unwrap();
    let report = monthly_report(&pool, october, now).await.unwrap();
    assert_eq!(report.branch.code, "PD01");
    assert_eq!(report.branch.timezone, "Asia/Shanghai");
    assert_eq!(report.computed_at, "2026-11-20T02:00:00Z");
    assert_eq!(kpi(&report, "received"), (Some(6.0), Some(1.0), Some(1.0)));
    assert_eq!(kpi(&report, "valid"), (Some(5.0), Some(1.0), Some(1.0)));
    assert_eq!(kpi(&report, "closed"), (Some(2.0), Some(0.0), Some(1.0)));
    assert_eq!(
        kpi(&report, "closure_rate"),
        (Some(0.4), Some(0.0), Some(1.0))
    );
    assert_eq!(parts(&report, "closure_rate"), Some((2, 5)));
    assert_eq!(kpi(&report, "open_at_start").0, Some(1.0));
    assert_eq!(
        kpi(&report, "open_at_end"),
        (Some(3.0), Some(1.0), Some(0.0))
    );
    assert_eq!(parts(&report, "acknowledged_on_time"), Some((3, 5)));
    assert_eq!(parts(&report, "resolved_on_time"), Some((3, 5)));
    assert_eq!(parts(&report, "resolved_within_7_days"), Some((2, 5)));
    assert_eq!(parts(&report, "resolved_within_14_days"), Some((3, 5)));
    let mean = kpi(&report, "mean_days_to_resolve").0.unwrap();
    assert!(
        (mean - (20.0 / 1440.0 + 2.0 + 10.0) / 3.0).abs() < 1e-9,
        "{mean}"
    );
    assert_eq!(kpi(&report, "median_days_to_resolve").0, Some(2.0));
    // B's follow-up, score and goodwill were cleared by the reopening; October still has them.
    assert_eq!(parts(&report, "follow_up_rate"), Some((2, 2)));
    assert_eq!(kpi(&report, "average_satisfaction").0, Some(4.0));
    assert_eq!(parts(&report, "satisfied_share"), Some((1, 2)));
    assert_eq!(kpi(&report, "goodwill_total").0, Some(40.0));
    assert_eq!(kpi(&report, "repeat_complaints").0, Some(1.0));
    assert_eq!(kpi(&report, "crises").0, Some(1.0));
    assert_eq!(kpi(&report, "escalated_channels").0, Some(1.0));
    assert_eq!(kpi(&report, "training_completion"), (None, None, None));
    assert_eq!(report.kpis.len(), 29);

    assert_eq!(
        rows(&report, "channel"),
        [("phone".into(), 4), ("media".into(), 1)]
    );
    assert_eq!(rows(&report, "grade"), [("4".into(), 4), ("1".into(), 1)]);
    assert_eq!(rows(&report, "root_cause"), [("delay".into(), 2)]);
    assert_eq!(rows(&report, "department"), [("none".into(), 5)]);
    let category = &report.breakdowns[0].rows[0];
    assert_eq!(category.count, 5);
    assert_eq!(category.label, "", "seeded categories are named by the UI");

    assert_eq!(report.trend.len(), 12);
    assert_eq!(report.trend[0].month.to_string(), "2025-11");
    let point = |i: usize| (report.trend[i].received, report.trend[i].closed);
    // October's closed is October's figure: A and B. D, a September case closed in October,
    // counts in neither month's closed (September ended with it open).
    assert_eq!(
        point(11),
        (6, 2),
        "October: its received and closed figures"
    );
    assert_eq!(point(10), (1, 0));
    assert!((0..10).all(|i| point(i) == (0, 0)));

    // The current month, so far: B is open again, and H still waits for its call-back.
    let november = monthly_report(&pool, october.next(), now).await.unwrap();
    assert_eq!(kpi(&november, "open_at_start").0, Some(3.0));
    assert_eq!(kpi(&november, "open_at_end").0, Some(4.0));
    assert_eq!(
        kpi(&november, "received"),
        (Some(0.0), Some(6.0), Some(0.0))
    );
    assert_eq!(
        kpi(&november, "closure_rate").0,
        None,
        "no valid cases: no rate"
    );
    assert_eq!(november.trend[11].closed, 0);
}

#[tokio::test]
async fn months_before_the_first_case_are_dashes_not_zeros() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let now = utc("2026-11-20T02:00:00Z");
    let empty = monthly_report(&pool, Month::new(2026, 11).unwrap(), now)
        .await
        .unwrap();
    assert!(
        empty
            .kpis
            .iter()
            .all(|k| k.value.is_none() && k.previous.is_none())
    );
    assert!(empty.breakdowns.iter().all(|b| b.rows.is_empty()));
    receive(&pool, utc("2026-10-10T01:00:00Z"), |_| {}).await;
    let report = monthly_report(&pool, Month::new(2026, 11).unwrap(), now)
        .await
        .unwrap();
    assert_eq!(kpi(&report, "received"), (Some(0.0), Some(1.0), None));
    assert_eq!(kpi(&report, "open_at_start"), (Some(1.0), Some(0.0), None));
}

mod against_sql;
mod links;
mod property;
