//! Prevention figures on a real database: a plan's effect against plain SQL counts, the
//! analysis against plain SQL (and the case list's root cause and reference filters behind its
//! links), and the monthly report's prevention figures as at each month's end.

use chrono::TimeDelta;

use super::prevention_support::{
    categories, classify, day, local, measure, new_plan, receive, status, utc,
};
use super::support::{TempDb, set_up_branch};
use branchdesk::cases::repo::list::{CaseQuery, list_cases};
use branchdesk::error::{Error, Invalid};
use branchdesk::prevention::EffectState;
use branchdesk::prevention::PlanStatus;
use branchdesk::prevention::repo::analysis::analysis;
use branchdesk::prevention::repo::changes::set_status;
use branchdesk::prevention::repo::measures::{add_measure, set_measure_status};
use branchdesk::prevention::repo::plans::get_plan;
use branchdesk::stats::{Month, monthly_report};

#[tokio::test]
async fn the_effect_counts_the_targets_valid_cases_around_the_start_like_plain_sql() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let cats = categories(&pool).await;
    // Records begin 1 November; the plan starts 1 March, so the baseline is the full 90 days.
    receive(&pool, local("2025-11-01", 9), cats[1], "").await;
    let mut in_target = Vec::new();
    for (date, hours) in [
        ("2025-12-05", 10),
        ("2026-01-15", 12),
        ("2026-02-28", 23),
        ("2026-03-02", 8),
        ("2026-03-20", 15),
    ] {
        in_target.push(receive(&pool, local(date, hours), cats[0], "").await);
    }
    // 23:30 on the last day before the start is still "before"; 00:10 on the start is "since".
    in_target.push(
        receive(
            &pool,
            local("2026-02-28", 23) + TimeDelta::minutes(30),
            cats[0],
            "",
        )
        .await,
    );
    in_target.push(
        receive(
            &pool,
            local("2026-03-01", 0) + TimeDelta::minutes(10),
            cats[0],
            "",
        )
        .await,
    );
    for id in &in_target {
        classify(&pool, *id, Some("delay"), false).await;
    }
    // Outside the target: another cause, another category, and a voided case.
    let other_cause = receive(&pool, local("2026-01-10", 10), cats[0], "").await;
    classify(&pool, other_cause, Some("price"), false).await;
    let other_category = receive(&pool, local("2026-01-10", 11), cats[2], "").await;
    classify(&pool, other_category, Some("delay"), false).await;
    let voided = receive(&pool, local("2026-01-11", 11), cats[0], "").await;
    classify(&pool, voided, Some("delay"), true).await;

    let now = local("2026-03-30", 12);
    let id = new_plan(&pool, Some(cats[0]), Some("delay"), "2026-03-01", now).await;
    let effect = get_plan(&pool, id, now).await.unwrap().effect;
    let count = |from: &str, to: &str| {
        let (from, to) = (local(from, 0), local(to, 0));
        let pool = pool.clone();
        let cat = cats[0];
        async move {
            sqlx::query_scalar::<_, i64>(
                "SELECT COUNT(*) FROM cases WHERE category_id = ? AND root_cause = 'delay'
                 AND status <> 'invalid' AND received_at >= ? AND received_at < ?",
            )
            .bind(cat)
            .bind(from.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
            .bind(to.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
            .fetch_one(&pool)
            .await
            .unwrap()
        }
    };
    let before = effect.before.clone().unwrap();
    let since = effect.since.clone().unwrap();
    assert_eq!(
        (before.from, before.to, before.days),
        (day("2025-12-01"), day("2026-02-28"), 90)
    );
    assert_eq!(before.count, count("2025-12-01", "2026-03-01").await);
    assert_eq!(before.count, 4);
    assert_eq!(
        (since.days, since.count),
        (30, count("2026-03-01", "2026-03-31").await)
    );
    assert_eq!(since.count, 3);
    assert_eq!(effect.state, EffectState::Measured);
    assert!((effect.change.unwrap() - (3.0 / (4.0 / 3.0) - 1.0)).abs() < 1e-9);

    // A plan starting in the future shows only its baseline; a target nobody complained about
    // has nothing to reduce.
    let future = new_plan(&pool, Some(cats[0]), None, "2026-04-15", now).await;
    assert_eq!(
        get_plan(&pool, future, now).await.unwrap().effect.state,
        EffectState::NotStarted
    );
    let quiet = new_plan(&pool, Some(cats[5]), None, "2026-03-01", now).await;
    assert_eq!(
        get_plan(&pool, quiet, now).await.unwrap().effect.state,
        EffectState::NoComplaintsBefore
    );
    // Before the first record there is no baseline at all.
    let early = new_plan(&pool, Some(cats[0]), None, "2025-11-01", now).await;
    assert_eq!(
        get_plan(&pool, early, now).await.unwrap().effect.state,
        EffectState::NoBaseline
    );
}

#[tokio::test]
async fn the_analysis_matches_plain_sql_and_finds_repeat_references() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let cats = categories(&pool).await;
    let now = utc("2026-04-10T04:00:00Z");
    // Window: January–March 2026; before it: October–December 2025.
    let causes = ["delay", "staff", "price"];
    for i in 0..36_i64 {
        let month = 10 + (i % 6);
        let (year, month) = if month > 12 {
            (2026, month - 12)
        } else {
            (2025, month)
        };
        let date = format!("{year}-{month:02}-{:02}", 1 + (i % 27));
        let reference = match i % 9 {
            0 => "3栋 1203",
            1 => " 3栋1203 ",
            2 => "SF123",
            _ => "",
        };
        let id = receive(&pool, local(&date, 10), cats[(i % 4) as usize], reference).await;
        classify(
            &pool,
            id,
            (i % 5 != 0).then(|| causes[(i % 3) as usize]),
            i % 11 == 0,
        )
        .await;
    }
    // Received in the current month and at 00:30 on 1 April local: outside the window.
    receive(
        &pool,
        local("2026-04-01", 0) + TimeDelta::minutes(30),
        cats[0],
        "3栋1203",
    )
    .await;
    // 23:30 on 31 March local (15:30 UTC): inside.
    let edge = receive(
        &pool,
        local("2026-03-31", 23) + TimeDelta::minutes(30),
        cats[0],
        "",
    )
    .await;
    classify(&pool, edge, Some("delay"), false).await;

    let result = analysis(&pool, now).await.unwrap();
    assert_eq!(
        (result.windows.first, result.windows.last),
        (Month::new(2026, 1).unwrap(), Month::new(2026, 3).unwrap())
    );
    let sql_count = |clause: &'static str, from: &'static str, to: &'static str| {
        let pool = pool.clone();
        async move {
            sqlx::query_as::<_, (Option<String>, i64)>(sqlx::AssertSqlSafe(format!(
                "SELECT {clause}, COUNT(*) FROM cases WHERE status <> 'invalid'
                 AND received_at >= ? AND received_at < ? GROUP BY 1 ORDER BY 2 DESC, 1"
            )))
            .bind(local(from, 0).to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
            .bind(local(to, 0).to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
            .fetch_all(&pool)
            .await
            .unwrap()
        }
    };
    let categories_now = sql_count("CAST(category_id AS TEXT)", "2026-01-01", "2026-04-01").await;
    let got: Vec<(Option<String>, i64)> = result
        .categories
        .iter()
        .map(|r| (Some(r.key.to_string()), r.count))
        .collect();
    assert_eq!(got, categories_now);
    assert_eq!(
        result.total,
        categories_now.iter().map(|(_, n)| n).sum::<i64>()
    );
    let before = sql_count("CAST(category_id AS TEXT)", "2025-10-01", "2026-01-01").await;
    for row in &result.categories {
        let expected = before
            .iter()
            .find(|(k, _)| k.as_deref() == Some(&row.key.to_string()))
            .map_or(0, |(_, n)| *n);
        assert_eq!(row.previous, expected);
        assert!((row.share - row.count as f64 / result.total as f64).abs() < 1e-9);
    }
    let causes_now = sql_count("root_cause", "2026-01-01", "2026-04-01").await;
    let mut got: Vec<(Option<String>, i64)> = result
        .root_causes
        .iter()
        .map(|r| (r.key.clone(), r.count))
        .collect();
    let mut expected = causes_now.clone();
    got.sort();
    expected.sort();
    assert_eq!(got, expected);
    assert!(
        result.root_causes.iter().any(|r| r.key.is_none()),
        "unclassified cases have their own row"
    );

    let mut spots: Vec<(String, i64)> = result
        .hot_spots
        .iter()
        .map(|h| (h.key.clone(), h.count))
        .collect();
    spots.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let expected: Vec<(String, i64)> = sqlx::query_as(
        "SELECT reference_key, COUNT(*) FROM cases WHERE status <> 'invalid' AND reference_key IS NOT NULL
         AND received_at >= ? AND received_at < ? GROUP BY 1 HAVING COUNT(*) >= 2 ORDER BY 2 DESC, 1",
    )
    .bind(local("2026-01-01", 0).to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
    .bind(local("2026-04-01", 0).to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(spots, expected);
    assert!(
        spots.iter().any(|(key, _)| key == "3栋1203"),
        "spaces are folded: {spots:?}"
    );

    // Each figure's link filters the case list to the same cases.
    let spot = &result.hot_spots[0];
    let query = CaseQuery {
        reference: Some(spot.reference.clone()),
        from: Some("2026-01-01".into()),
        to: Some("2026-03-31".into()),
        status: None,
        ..Default::default()
    };
    let listed = list_cases(&pool, &query, now).await.unwrap();
    let invalid_there: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM cases WHERE reference_key = ? AND status = 'invalid' AND received_at >= ? AND received_at < ?",
    )
    .bind(&spot.key)
    .bind(local("2026-01-01", 0).to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
    .bind(local("2026-04-01", 0).to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(listed.total, spot.count + invalid_there);
    let delay = result
        .root_causes
        .iter()
        .find(|r| r.key.as_deref() == Some("delay"))
        .unwrap();
    let by_cause = CaseQuery {
        root_cause: Some("delay".into()),
        from: Some("2026-01-01".into()),
        to: Some("2026-03-31".into()),
        ..Default::default()
    };
    // The list shows voided cases too, counted apart under their own status.
    let listed = list_cases(&pool, &by_cause, now).await.unwrap();
    let valid: i64 = listed
        .status_counts
        .iter()
        .filter(|(s, _)| s != "invalid")
        .map(|(_, n)| n)
        .sum();
    assert_eq!(valid, delay.count);
    let unclassified = CaseQuery {
        root_cause: Some("none".into()),
        ..Default::default()
    };
    let none_total: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM cases WHERE root_cause IS NULL")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(
        list_cases(&pool, &unclassified, now).await.unwrap().total,
        none_total
    );
    let bad = CaseQuery {
        root_cause: Some("weather".into()),
        ..Default::default()
    };
    assert!(matches!(
        list_cases(&pool, &bad, now).await,
        Err(Error::Invalid {
            kind: Invalid::Choice,
            ..
        })
    ));
}

fn kpi(report: &branchdesk::stats::MonthlyReport, key: &str) -> (Option<f64>, Option<f64>) {
    let kpi = report.kpis.iter().find(|k| k.key == key).expect("kpi");
    (kpi.value, kpi.previous)
}

#[tokio::test]
async fn the_report_counts_active_plans_and_overdue_measures_as_at_each_months_end() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let cats = categories(&pool).await;
    receive(&pool, local("2026-01-05", 9), cats[0], "").await;
    // Started in January, cancelled in March. A second plan stays a draft.
    let plan = new_plan(
        &pool,
        Some(cats[0]),
        None,
        "2026-01-10",
        local("2026-01-10", 9),
    )
    .await;
    set_status(
        &pool,
        plan,
        PlanStatus::Active,
        None,
        local("2026-01-10", 10),
    )
    .await
    .unwrap();
    new_plan(
        &pool,
        Some(cats[1]),
        None,
        "2026-01-10",
        local("2026-01-10", 9),
    )
    .await;
    // Due on 31 January, done on 1 February at 00:20 local: overdue at January's end.
    let first = add_measure(
        &pool,
        plan,
        &measure("training", "2026-01-31").parse().unwrap(),
        None,
        local("2026-01-10", 11),
    )
    .await
    .unwrap();
    set_measure_status(
        &pool,
        first,
        &status("done"),
        None,
        local("2026-02-01", 0) + TimeDelta::minutes(20),
    )
    .await
    .unwrap();
    // Due 15 February, never done: overdue at February's end, dropped by the March cancel.
    add_measure(
        &pool,
        plan,
        &measure("notice", "2026-02-15").parse().unwrap(),
        None,
        local("2026-01-10", 11),
    )
    .await
    .unwrap();
    set_status(
        &pool,
        plan,
        PlanStatus::Cancelled,
        None,
        local("2026-03-03", 9),
    )
    .await
    .unwrap();

    let now = local("2026-04-02", 9);
    let february = monthly_report(&pool, Month::new(2026, 2).unwrap(), now)
        .await
        .unwrap();
    assert_eq!(kpi(&february, "plans_active"), (Some(1.0), Some(1.0)));
    assert_eq!(kpi(&february, "measures_overdue"), (Some(1.0), Some(1.0)));
    let march = monthly_report(&pool, Month::new(2026, 3).unwrap(), now)
        .await
        .unwrap();
    assert_eq!(kpi(&march, "plans_active"), (Some(0.0), Some(1.0)));
    assert_eq!(kpi(&march, "measures_overdue"), (Some(0.0), Some(1.0)));
    // Before the branch's first case a month has no figures at all.
    let january = monthly_report(&pool, Month::new(2026, 1).unwrap(), now)
        .await
        .unwrap();
    assert_eq!(kpi(&january, "plans_active"), (Some(1.0), None));
}
