//! A past month's prevention figures count each plan and measure as it stood at the month's
//! end in the branch's zone (Shanghai): reopening a measure, giving it a new date or cancelling
//! a plan just after the month's end (still the month's last day in UTC) leaves the month as
//! it was, in the report and in the workbook's Prevention sheet.

use chrono::{DateTime, TimeDelta, Utc};
use sqlx::SqlitePool;

use super::prevention_support::{categories, local, measure, new_plan, receive, status};
use super::support::{TempDb, set_up_branch};
use branchdesk::prevention::repo::changes::set_status;
use branchdesk::prevention::repo::measures::{add_measure, set_measure_status, update_measure};
use branchdesk::prevention::{MeasureInput, PlanStatus};
use branchdesk::stats::{Month, MonthlyReport, monthly_report};

fn kpi(report: &MonthlyReport, key: &str) -> Option<f64> {
    report
        .kpis
        .iter()
        .find(|k| k.key == key)
        .expect("kpi")
        .value
}

/// Just after February's end in Shanghai: 1 March local, still 28 February in UTC.
fn after_february(minutes: i64) -> DateTime<Utc> {
    local("2026-03-01", 0) + TimeDelta::minutes(minutes)
}

fn named(description: &str, due: &str) -> MeasureInput {
    MeasureInput {
        description: description.into(),
        ..measure("procedure", due)
    }
}

async fn add(pool: &SqlitePool, plan: i64, description: &str, due: &str) -> i64 {
    let input = named(description, due).parse().expect("valid measure");
    add_measure(pool, plan, &input, None, local("2026-02-10", 11))
        .await
        .expect("saved")
}

/// Two active plans; measures "reopened" (done in February, reopened on 1 March), "moved A"
/// and "moved B" (due in February, given a date in April on 1 March) and "done" (done in time).
/// The second plan is cancelled on 1 March.
async fn branch_with_later_changes(db: &TempDb) -> SqlitePool {
    let pool = set_up_branch(db).await;
    let cats = categories(&pool).await;
    receive(&pool, local("2026-01-05", 9), cats[0], "").await;
    let at = local("2026-02-10", 10);
    let plan = new_plan(&pool, Some(cats[0]), None, "2026-02-10", at).await;
    let other = new_plan(&pool, Some(cats[1]), None, "2026-02-10", at).await;
    for id in [plan, other] {
        set_status(&pool, id, PlanStatus::Active, None, at)
            .await
            .expect("saved");
    }
    let reopened = add(&pool, plan, "reopened", "2026-02-20").await;
    let moved_a = add(&pool, plan, "moved A", "2026-02-15").await;
    let moved_b = add(&pool, plan, "moved B", "2026-02-16").await;
    let done = add(&pool, plan, "done", "2026-02-12").await;
    for id in [reopened, done] {
        set_measure_status(&pool, id, &status("done"), None, local("2026-02-11", 9))
            .await
            .expect("saved");
    }

    set_measure_status(
        &pool,
        reopened,
        &status("in_progress"),
        None,
        after_february(30),
    )
    .await
    .expect("saved");
    for (id, text) in [(moved_a, "moved A"), (moved_b, "moved B")] {
        let input = named(text, "2026-04-30").parse().expect("valid measure");
        update_measure(&pool, id, &input, None, after_february(10))
            .await
            .expect("saved");
    }
    set_status(&pool, other, PlanStatus::Cancelled, None, after_february(5))
        .await
        .expect("saved");
    pool
}

#[tokio::test]
async fn a_past_month_counts_measures_and_plans_as_they_stood_at_its_end() {
    let db = TempDb::new();
    let pool = branch_with_later_changes(&db).await;
    let now = local("2026-05-02", 9);

    let february = monthly_report(&pool, Month::new(2026, 2).unwrap(), now)
        .await
        .unwrap();
    // Both moved measures were overdue then; the reopened one was done.
    assert_eq!(kpi(&february, "measures_overdue"), Some(2.0));
    // The plan cancelled on 1 March was still active at February's end.
    assert_eq!(kpi(&february, "plans_active"), Some(2.0));

    let march = monthly_report(&pool, Month::new(2026, 3).unwrap(), now)
        .await
        .unwrap();
    // Only the reopened measure (due 20 February) is overdue at March's end.
    assert_eq!(kpi(&march, "measures_overdue"), Some(1.0));
    assert_eq!(kpi(&march, "plans_active"), Some(1.0));

    // The moved measures fall due again on 30 April: overdue at April's end.
    let april = monthly_report(&pool, Month::new(2026, 4).unwrap(), now)
        .await
        .unwrap();
    assert_eq!(kpi(&april, "measures_overdue"), Some(3.0));
}

#[tokio::test]
async fn the_prevention_sheet_lists_the_measures_overdue_then_with_the_dates_they_had() {
    use branchdesk::export::{self, ExportOptions};
    use branchdesk::settings::Language;
    use calamine::{Data, Reader, Xlsx};

    let db = TempDb::new();
    let pool = branch_with_later_changes(&db).await;
    let options = ExportOptions::new(Language::En, false);
    let february = Month::new(2026, 2).unwrap();
    let bytes = export::export_month(&pool, february, &options, local("2026-05-02", 9))
        .await
        .unwrap();
    let mut book = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let sheet = book
        .worksheet_range("Prevention")
        .expect("a Prevention sheet");
    let rows: Vec<Vec<String>> = sheet
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::String(text) => text.clone(),
                    _ => String::new(),
                })
                .collect()
        })
        .collect();
    let listed: Vec<(String, String)> = rows
        .iter()
        .filter(|row| {
            row.iter()
                .any(|c| c.starts_with("moved") || c == "reopened")
        })
        .map(|row| {
            let name = row
                .iter()
                .find(|c| c.starts_with("moved") || *c == "reopened");
            let date = row.iter().find(|c| c.starts_with("2026-"));
            (name.cloned().unwrap(), date.cloned().unwrap_or_default())
        })
        .collect();
    assert_eq!(
        listed,
        [
            ("moved A".to_owned(), "2026-02-15".to_owned()),
            ("moved B".to_owned(), "2026-02-16".to_owned())
        ],
        "overdue then, with February's dates; the reopened measure was done then"
    );
}
