//! Demo data on a real database: every status, overdue cases, search, numbering, the timeline,
//! and a database that passes SQLite's own integrity check.

use std::collections::HashSet;

use chrono::{DateTime, TimeZone, Utc};

use super::support::{TempDb, set_up_branch};
use branchdesk::Error;
use branchdesk::cases::Status;
use branchdesk::cases::demo::{self, DemoOptions};
use branchdesk::cases::repo::detail::get_case;
use branchdesk::cases::repo::list::{CaseQuery, list_cases};
use branchdesk::settings::Industry;
use sqlx::SqlitePool;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 2, 0, 0).unwrap()
}

const OPTIONS: DemoOptions = DemoOptions {
    cases: 500,
    months: 2,
    seed: 11,
};

async fn scalar(pool: &SqlitePool, sql: &'static str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(pool)
        .await
        .expect("count")
}

async fn search(pool: &SqlitePool, words: &str) -> Vec<i64> {
    let query = CaseQuery {
        search: Some(words.into()),
        page_size: Some(200),
        ..Default::default()
    };
    let page = list_cases(pool, &query, now()).await.expect("list");
    page.rows.into_iter().map(|row| row.id).collect()
}

#[tokio::test]
async fn demo_data_fills_a_branch_with_every_kind_of_case() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let report = demo::generate(&pool, &OPTIONS, now()).await.unwrap();
    assert_eq!((report.cases, report.staff_added), (500, 8));
    assert!(report.rate() > 0.0);

    let page = list_cases(&pool, &CaseQuery::default(), now())
        .await
        .unwrap();
    assert_eq!(page.total, 500);
    let present: HashSet<&str> = page.status_counts.iter().map(|(s, _)| s.as_str()).collect();
    for status in Status::ALL {
        assert!(present.contains(status.as_str()), "no {status:?} case");
    }

    let overdue = CaseQuery {
        overdue: true,
        page_size: Some(200),
        ..Default::default()
    };
    let overdue = list_cases(&pool, &overdue, now()).await.unwrap();
    assert!(overdue.total > 0);
    assert!(overdue.rows.iter().all(|row| row.status.is_open()));

    // The postal phrase tables write 延误 (delay) and "parcel"; search must find them.
    let [_, two, _, english] = demo::sample_queries(Industry::Postal);
    let found = search(&pool, two).await;
    assert!(!found.is_empty());
    let case = get_case(&pool, found[0], now()).await.unwrap();
    assert!(case.fields["description"].as_str().unwrap().contains(two));
    assert!(!search(&pool, english).await.is_empty());

    assert_eq!(
        scalar(&pool, "SELECT COUNT(DISTINCT number) FROM cases").await,
        500
    );
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(integrity, "ok");
}

#[tokio::test]
async fn every_case_has_its_timeline_audit_and_consistent_columns() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    demo::generate(&pool, &OPTIONS, now()).await.unwrap();
    for (sql, expected) in [
        (
            "SELECT COUNT(*) FROM case_events WHERE kind = 'created'",
            500,
        ),
        ("SELECT COUNT(*) FROM case_audit WHERE field = 'created'", 500),
        (
            "SELECT COUNT(*) FROM cases c WHERE status <> 'new' AND NOT EXISTS
             (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.kind = 'status' AND e.new_value = c.status)",
            0,
        ),
        (
            "SELECT COUNT(*) FROM cases WHERE status = 'closed' AND (closed_at IS NULL OR resolved_at IS NULL
             OR action_taken IS NULL OR root_cause IS NULL OR follow_up_kind IS NULL
             OR closed_at < resolved_at OR resolved_at < acknowledged_at OR acknowledged_at < received_at)",
            0,
        ),
        (
            "SELECT COUNT(*) FROM cases WHERE (status = 'invalid') <> (invalid_reason IS NOT NULL)",
            0,
        ),
        (
            "SELECT COUNT(*) FROM cases WHERE (status = 'reopened') AND reopen_count <> 1",
            0,
        ),
        (
            "SELECT COUNT(*) FROM cases c WHERE paused_since IS NOT NULL AND NOT EXISTS
             (SELECT 1 FROM case_pauses p WHERE p.case_id = c.id AND p.end_at IS NULL AND p.start_at = c.paused_since)",
            0,
        ),
        (
            "SELECT COUNT(*) FROM cases WHERE paused_since IS NOT NULL AND status IN ('new', 'closed', 'invalid')",
            0,
        ),
        ("SELECT COUNT(*) FROM cases WHERE taken_by_id IS NULL", 0),
        // A closed crisis went through its checklist, each tick on the timeline.
        (
            "SELECT COUNT(*) FROM cases c WHERE grade = 1 AND status = 'closed'
             AND (SELECT COUNT(*) FROM case_escalation_ticks t WHERE t.case_id = c.id) <> 3",
            0,
        ),
        (
            "SELECT COUNT(*) FROM case_escalation_ticks t WHERE NOT EXISTS (SELECT 1 FROM case_events e
             WHERE e.case_id = t.case_id AND e.kind = 'escalation' AND e.new_value = t.item)",
            0,
        ),
    ] {
        assert_eq!(scalar(&pool, sql).await, expected, "{sql}");
    }
    assert!(
        scalar(
            &pool,
            "SELECT COUNT(*) FROM cases WHERE paused_since IS NOT NULL"
        )
        .await
            > 0
    );
    assert!(scalar(&pool, "SELECT COUNT(*) FROM cases WHERE grade < 4").await > 0);
    let closed_crises = "SELECT COUNT(*) FROM cases WHERE grade = 1 AND status = 'closed'";
    assert!(scalar(&pool, closed_crises).await > 0);

    // A case page opens, with the created and status entries on its timeline.
    let closed = scalar(&pool, "SELECT MIN(id) FROM cases WHERE status = 'closed'").await;
    let case = get_case(&pool, closed, now()).await.unwrap();
    let kinds: Vec<&str> = case.timeline.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, ["created", "status"]);
    assert_eq!(
        case.audit[0].new_value,
        case.fields["number"].as_str().map(String::from)
    );
}

#[tokio::test]
async fn the_same_seed_gives_the_same_database_and_a_second_run_adds_more() {
    let (first, second) = (TempDb::new(), TempDb::new());
    let mut snapshots = Vec::new();
    for db in [&first, &second] {
        let pool = set_up_branch(db).await;
        demo::generate(&pool, &OPTIONS, now()).await.unwrap();
        let rows: Vec<(String, String, String, i64)> =
            sqlx::query_as("SELECT number, description, status, grade FROM cases ORDER BY id")
                .fetch_all(&pool)
                .await
                .unwrap();
        snapshots.push(rows);
    }
    assert_eq!(snapshots[0], snapshots[1]);

    let pool = first.open().await;
    let again = DemoOptions {
        seed: 12,
        ..OPTIONS
    };
    let report = demo::generate(&pool, &again, now()).await.unwrap();
    assert_eq!(
        report.staff_added, 0,
        "staff are added only to a nearly empty branch"
    );
    assert_eq!(
        scalar(&pool, "SELECT COUNT(DISTINCT number) FROM cases").await,
        1000
    );
}

#[tokio::test]
async fn demo_data_needs_a_branch_and_sane_sizes() {
    let db = TempDb::new();
    let pool = db.open().await;
    let result = demo::generate(&pool, &OPTIONS, now()).await;
    assert!(matches!(result, Err(Error::NotInitialized)), "{result:?}");
    let other = TempDb::new();
    let pool = set_up_branch(&other).await;
    for (options, field) in [
        (
            DemoOptions {
                cases: 0,
                ..OPTIONS
            },
            "cases",
        ),
        (
            DemoOptions {
                months: 0,
                ..OPTIONS
            },
            "months",
        ),
        (
            DemoOptions {
                months: 121,
                ..OPTIONS
            },
            "months",
        ),
    ] {
        let err = demo::generate(&pool, &options, now()).await.unwrap_err();
        assert_eq!(err.field(), Some(field));
    }
    assert_eq!(scalar(&pool, "SELECT COUNT(*) FROM cases").await, 0);
}
