//! The three disagreements users saw between a figure and the cases behind it, each on a real
//! database: a category bar counting fewer cases than the list it opened (a voided case), a
//! received count over category bars that add up to less, and a trend month showing a case
//! closed that the month's own figures do not count.

use super::{kpi, move_to, receive, rows, start, utc};
use crate::support::{TempDb, set_up_branch};
use branchdesk::cases::repo::list::{CaseQuery, FigureFilter, list_cases};
use branchdesk::stats::{Month, monthly_report};
use sqlx::SqlitePool;

fn figure(key: &str, code: Option<&str>, hits: bool) -> CaseQuery {
    CaseQuery {
        figure: Some(FigureFilter {
            month: "2026-10".into(),
            key: key.into(),
            code: code.map(str::to_owned),
            hits,
        }),
        ..Default::default()
    }
}

async fn listed(pool: &SqlitePool, query: CaseQuery) -> i64 {
    list_cases(pool, &query, utc("2026-11-20T02:00:00Z"))
        .await
        .expect("list")
        .total
}

#[tokio::test]
async fn bars_received_and_trend_open_exactly_the_cases_they_count() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    // Two valid October cases and one voided, all in the first category.
    receive(&pool, utc("2026-10-05T02:00:00Z"), |_| {}).await;
    receive(&pool, utc("2026-10-06T02:00:00Z"), |_| {}).await;
    let voided = receive(&pool, utc("2026-10-07T02:00:00Z"), |_| {}).await;
    move_to(&pool, voided, "invalid", utc("2026-10-07T03:00:00Z"), 0).await;
    // Received in September, closed in October.
    let late = receive(&pool, utc("2026-09-20T02:00:00Z"), |_| {}).await;
    start(&pool, late, utc("2026-09-20T03:00:00Z")).await;
    move_to(&pool, late, "follow_up", utc("2026-09-28T02:00:00Z"), 0).await;
    move_to(&pool, late, "closed", utc("2026-10-03T02:00:00Z"), 5).await;

    let now = utc("2026-11-20T02:00:00Z");
    let report = monthly_report(&pool, Month::new(2026, 10).unwrap(), now)
        .await
        .unwrap();
    // The bar counts valid cases, and its link lists exactly those (not the voided one).
    let bar = rows(&report, "category");
    assert_eq!(bar.len(), 1);
    let (code, count) = &bar[0];
    assert_eq!(*count, 2);
    assert_eq!(
        listed(&pool, figure("category", Some(code), false)).await,
        2
    );
    // Received counts the voided case too and lists it; valid is what the bars add up to.
    assert_eq!(kpi(&report, "received").0, Some(3.0));
    assert_eq!(listed(&pool, figure("received", None, false)).await, 3);
    assert_eq!(kpi(&report, "valid").0, Some(2.0));
    assert_eq!(listed(&pool, figure("valid", None, false)).await, 2);
    // October closed none of its own cases: its figure and its trend point both say 0, and
    // September's trend point shows none either (its case was still open at its end).
    assert_eq!(kpi(&report, "closed").0, Some(0.0));
    let trend: Vec<(String, i64, i64)> = report
        .trend
        .iter()
        .map(|p| (p.month.to_string(), p.received, p.closed))
        .collect();
    assert_eq!(trend[11], ("2026-10".into(), 3, 0));
    assert_eq!(trend[10], ("2026-09".into(), 1, 0));
    assert_eq!(listed(&pool, figure("closed", None, false)).await, 0);
    // A share links both to what it is taken over and to the part it counts.
    assert_eq!(listed(&pool, figure("closure_rate", None, false)).await, 2);
    assert_eq!(listed(&pool, figure("closure_rate", None, true)).await, 0);
    // Other filters narrow a figure's cases further.
    let mut open = figure("valid", None, false);
    open.status = Some("open".into());
    assert_eq!(listed(&pool, open).await, 2);
}

#[tokio::test]
async fn a_figure_the_list_cannot_show_is_refused_by_name() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let now = utc("2026-11-20T02:00:00Z");
    for query in [
        figure("no_such_figure", None, false),
        figure("training_completion", None, false),
        figure("received", None, true),
        figure("no_such_breakdown", Some("1"), false),
    ] {
        let err = list_cases(&pool, &query, now).await.unwrap_err();
        assert_eq!(err.code(), "invalid.choice");
        assert_eq!(err.field(), Some("figure"));
    }
    let mut bad_month = figure("received", None, false);
    bad_month.figure.as_mut().unwrap().month = "2026-13".into();
    let err = list_cases(&pool, &bad_month, now).await.unwrap_err();
    assert_eq!(err.code(), "invalid.date");
}
