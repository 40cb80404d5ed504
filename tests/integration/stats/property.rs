//! Property: over random case histories (received, voided, resolved, closed and reopened at
//! random times across months, near month ends in the branch's zone too), every case figure
//! of the monthly report, every breakdown row and every trend point equals the number of cases
//! the case list shows through the filter its link makes; and received, valid, closed and the
//! open counts equal what a plain model of the histories written here says.

use std::collections::BTreeMap;

use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Asia::Shanghai;
use proptest::collection::vec;
use proptest::prelude::*;
use sqlx::SqlitePool;

use super::{move_to, receive, utc};
use crate::support::{TempDb, set_up_branch};
use branchdesk::cases::progress::ProgressInput;
use branchdesk::cases::repo::list::{CaseQuery, FigureFilter, list_cases};
use branchdesk::cases::repo::progress::add_progress;
use branchdesk::settings::repo::list_categories;
use branchdesk::stats::kpi::KPIS;
use branchdesk::stats::report::Unit;
use branchdesk::stats::{Month, MonthlyReport, Period, monthly_report};

fn now() -> DateTime<Utc> {
    utc("2026-11-20T02:00:00Z")
}

/// 1 July 2026, 00:00 in Shanghai.
fn window_start() -> DateTime<Utc> {
    utc("2026-06-30T16:00:00Z")
}

const CHANNELS: [&str; 4] = ["phone", "walk_in", "media", "lawyer"];

/// The ways a case can go; each step happens a random gap after the one before, and the steps
/// that would fall after `now` do not happen.
const PATHS: [&[&str]; 9] = [
    &[],
    &["invalid"],
    &["acknowledged", "investigating", "invalid"],
    &["acknowledged", "investigating", "resolving"],
    &["acknowledged", "investigating", "resolving", "follow_up"],
    &[
        "acknowledged",
        "investigating",
        "resolving",
        "follow_up",
        "closed",
    ],
    &[
        "acknowledged",
        "investigating",
        "resolving",
        "follow_up",
        "closed",
        "reopened",
    ],
    &[
        "acknowledged",
        "investigating",
        "resolving",
        "follow_up",
        "closed",
        "reopened",
        "investigating",
        "resolving",
        "follow_up",
        "closed",
    ],
    &[
        "acknowledged",
        "investigating",
        "resolving",
        "follow_up",
        "closed",
        "reopened",
        "investigating",
        "invalid",
    ],
];

#[derive(Debug, Clone)]
struct Plan {
    received: DateTime<Utc>,
    category: usize,
    channel: usize,
    grade: u8,
    phone: Option<u8>,
    path: usize,
    gaps: Vec<i64>,
}

/// A receipt anywhere in the window, or within 90 minutes of a local month's start.
fn received() -> impl Strategy<Value = DateTime<Utc>> {
    let span = (now() - window_start()).num_minutes() - 60;
    let anywhere = (0..span).prop_map(|m| window_start() + TimeDelta::minutes(m));
    let near_month_end = (1u32..5, -90i64..90).prop_map(|(i, m)| {
        let month = Month::new(2026, 7 + i).expect("month");
        month.start(Shanghai) + TimeDelta::minutes(m)
    });
    prop_oneof![anywhere, near_month_end]
}

fn plan() -> impl Strategy<Value = Plan> {
    (
        received(),
        0..3usize,
        0..CHANNELS.len(),
        2u8..=4,
        proptest::option::of(0u8..3),
        0..PATHS.len(),
        // Minutes to hours (a case closed within its month) or days to weeks (a month's end
        // between a close and a reopening).
        vec(prop_oneof![1i64..600, 1i64..60 * 24 * 25], 10),
    )
        .prop_map(
            |(received, category, channel, grade, phone, path, gaps)| Plan {
                received,
                category,
                channel,
                grade,
                phone,
                path,
                gaps,
            },
        )
}

/// What happened to one case, as the model sees it.
struct History {
    id: i64,
    received: DateTime<Utc>,
    category: i64,
    moves: Vec<(DateTime<Utc>, &'static str)>,
}

impl History {
    fn valid(&self) -> bool {
        self.moves.last().is_none_or(|m| m.1 != "invalid")
    }

    fn status_at(&self, until: DateTime<Utc>) -> &'static str {
        self.moves
            .iter()
            .rev()
            .find(|m| m.0 < until)
            .map_or("new", |m| m.1)
    }

    fn open_at(&self, until: DateTime<Utc>) -> bool {
        self.valid()
            && self.received < until
            && !matches!(self.status_at(until), "closed" | "invalid")
    }

    fn resolved_by(&self, until: DateTime<Utc>) -> bool {
        self.moves.iter().any(|m| m.1 == "follow_up" && m.0 < until)
    }
}

async fn record(pool: &SqlitePool, plans: &[Plan]) -> Vec<History> {
    let categories = list_categories(pool).await.expect("categories");
    let mut histories = Vec::new();
    for plan in plans {
        let category = categories[plan.category].id;
        let id = receive(pool, plan.received, |input| {
            input.category_id = category;
            input.channel = CHANNELS[plan.channel].into();
            input.grade = Some(plan.grade);
            input.phone = plan.phone.map(|p| format!("1390000000{p}"));
        })
        .await;
        let mut history = History {
            id,
            received: plan.received,
            category,
            moves: Vec::new(),
        };
        let mut at = plan.received + TimeDelta::minutes(1);
        for (step, gap) in PATHS[plan.path].iter().zip(&plan.gaps) {
            at += TimeDelta::minutes(*gap);
            if at >= now() {
                break;
            }
            move_to(pool, id, step, at, 1 + *gap % 5).await;
            history.moves.push((at, step));
        }
        // Some customers hear how it is going, some days in, late or not.
        let told = plan.received + TimeDelta::minutes(plan.gaps[9] * 7);
        if plan.gaps[9] % 2 == 0 && told < now() && history.valid() {
            let update = ProgressInput {
                method: "call".into(),
                said: "维修进度已告知".into(),
                told_at: None,
            };
            add_progress(pool, id, &update, None, told)
                .await
                .expect("progress update");
        }
        histories.push(history);
    }
    histories
}

/// How many cases the list shows for `key` (with `code`, a breakdown row) of `month`.
async fn listed(pool: &SqlitePool, month: Month, key: &str, code: Option<&str>, hits: bool) -> i64 {
    let query = CaseQuery {
        figure: Some(FigureFilter {
            month: month.to_string(),
            key: key.to_owned(),
            code: code.map(str::to_owned),
            hits,
        }),
        page_size: Some(1),
        ..Default::default()
    };
    let page = list_cases(pool, &query, now()).await.expect(key);
    let counted: i64 = page.status_counts.iter().map(|(_, n)| n).sum();
    assert_eq!(
        page.total, counted,
        "{month} {key}: total and status counts"
    );
    page.total
}

fn kpi_value(report: &MonthlyReport, key: &str) -> (Option<f64>, Option<(i64, i64)>) {
    let k = report.kpis.iter().find(|k| k.key == key).expect(key);
    (k.value, k.parts)
}

/// Every case figure, breakdown row and trend point of `month` against the list and the model.
async fn check_month(
    pool: &SqlitePool,
    histories: &[History],
    month: Month,
) -> Result<(), TestCaseError> {
    let report = monthly_report(pool, month, now()).await.expect("report");
    let period = Period::new(month, Shanghai, now());
    let in_month: Vec<&History> = histories
        .iter()
        .filter(|h| period.contains(h.received))
        .collect();
    let valid: Vec<&History> = in_month.iter().copied().filter(|h| h.valid()).collect();
    let count = |pred: &dyn Fn(&History) -> bool| histories.iter().filter(|h| pred(h)).count();
    let model = [
        ("received", in_month.len()),
        ("valid", valid.len()),
        (
            "closed",
            valid
                .iter()
                .filter(|h| h.status_at(period.until) == "closed")
                .count(),
        ),
        (
            "open_at_start",
            count(&|h| h.received < period.start && h.open_at(period.start)),
        ),
        ("open_at_end", count(&|h| h.open_at(period.until))),
        (
            "mean_days_to_resolve",
            valid.iter().filter(|h| h.resolved_by(period.until)).count(),
        ),
    ];
    let has_data = report.kpis[0].value.is_some();
    for (key, expected) in model {
        let listed = listed(pool, month, key, None, false).await as usize;
        prop_assert_eq!(listed, expected, "{} {}: list against model", month, key);
    }
    for def in KPIS {
        let (value, parts) = kpi_value(&report, def.key);
        let key = def.key;
        if matches!(
            key,
            "training_completion" | "drills_held" | "plans_active" | "measures_overdue"
        ) {
            continue;
        }
        let all = listed(pool, month, key, None, false).await;
        if !has_data {
            prop_assert_eq!(all, 0, "{} {}: a month before any case", month, key);
            continue;
        }
        match def.unit {
            Unit::Count => prop_assert_eq!(Some(all as f64), value, "{} {}", month, key),
            Unit::Share => {
                let hits = listed(pool, month, key, None, true).await;
                prop_assert_eq!(Some((hits, all)), parts, "{} {}", month, key);
            }
            Unit::Score => prop_assert_eq!(parts.map(|p| p.1), Some(all), "{} {}", month, key),
            // Every resolution in these histories pays 20 yuan.
            Unit::Yuan => prop_assert_eq!(value, Some(all as f64 * 20.0), "{} {}", month, key),
            Unit::Days => prop_assert_eq!(value.is_some(), all > 0, "{} {}", month, key),
        }
    }
    let mut by_category: BTreeMap<String, i64> = BTreeMap::new();
    for h in &valid {
        *by_category.entry(h.category.to_string()).or_default() += 1;
    }
    for breakdown in &report.breakdowns {
        let mut total = 0;
        for row in &breakdown.rows {
            let shown = listed(pool, month, &breakdown.key, Some(&row.code), false).await;
            prop_assert_eq!(shown, row.count, "{} {} {}", month, breakdown.key, row.code);
            total += row.count;
        }
        if breakdown.key != "root_cause" {
            prop_assert_eq!(
                total as usize,
                valid.len(),
                "{} {} adds up",
                month,
                breakdown.key
            );
        }
    }
    let category = report.breakdowns.iter().find(|b| b.key == "category");
    let rows: BTreeMap<String, i64> = category
        .map(|b| b.rows.iter().map(|r| (r.code.clone(), r.count)).collect())
        .unwrap_or_default();
    prop_assert_eq!(rows, by_category, "{} categories", month);
    for point in &report.trend {
        let received = listed(pool, point.month, "received", None, false).await;
        let closed = listed(pool, point.month, "closed", None, false).await;
        prop_assert_eq!(
            (point.received, point.closed),
            (received, closed),
            "trend {}",
            point.month
        );
    }
    let (closed, valid_count) = (model_count(&report, "closed"), valid.len() as i64);
    if has_data {
        prop_assert_eq!(
            kpi_value(&report, "closure_rate").1,
            Some((closed, valid_count)),
            "{} closure rate",
            month
        );
    }
    Ok(())
}

fn model_count(report: &MonthlyReport, key: &str) -> i64 {
    kpi_value(report, key).0.unwrap_or(0.0) as i64
}

fn check(plans: Vec<Plan>) -> Result<(), TestCaseError> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let db = TempDb::new();
        let pool = set_up_branch(&db).await;
        let histories = record(&pool, &plans).await;
        prop_assert!(histories.iter().all(|h| h.id > 0));
        for month in Month::new(2026, 11).expect("month").ending_with(6) {
            check_month(&pool, &histories, month).await?;
        }
        pool.close().await;
        Ok(())
    })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 16,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn every_figure_equals_the_cases_its_link_lists(plans in vec(plan(), 1..10)) {
        check(plans)?;
    }
}
