//! The list's counts per status, which come from running tallies and covering indexes
//! (migration 0003), agree with counting the cases one by one, after every kind of change.

use chrono::{DateTime, TimeZone, Utc};

use super::support::{TempDb, set_up_branch};
use branchdesk::cases::demo::{self, DemoOptions};
use branchdesk::cases::repo::list::{CaseQuery, list_cases};
use sqlx::SqlitePool;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 2, 0, 0).unwrap()
}

async fn scalar(pool: &SqlitePool, sql: &'static str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(pool)
        .await
        .expect("count")
}

type Tally = (String, i64, i64, String, String, i64);

#[tokio::test]
async fn status_counts_agree_with_counting_every_case() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let options = DemoOptions {
        cases: 500,
        months: 2,
        seed: 3,
    };
    demo::generate(&pool, &options, now()).await.unwrap();
    // Each tallied column changes, as the workflow changes them, to and from no assignee too.
    for sql in [
        "UPDATE cases SET status = 'acknowledged' WHERE id IN (SELECT id FROM cases WHERE status = 'new' LIMIT 3)",
        "UPDATE cases SET grade = 1 WHERE id IN (SELECT id FROM cases WHERE grade = 4 LIMIT 5)",
        "UPDATE cases SET assignee_id = NULL WHERE id IN (SELECT id FROM cases WHERE assignee_id IS NOT NULL LIMIT 4)",
        "UPDATE cases SET assignee_id = (SELECT MIN(id) FROM staff), channel = 'media'
         WHERE id IN (SELECT id FROM cases WHERE assignee_id IS NULL LIMIT 2)",
        "UPDATE cases SET category_id = (SELECT MAX(id) FROM categories) WHERE id = 7",
    ] {
        sqlx::query(sql).execute(&pool).await.unwrap();
    }
    let tallies: Vec<Tally> = sqlx::query_as(
        "SELECT status, grade, category_id, channel, CAST(assignee_id AS TEXT), cases
         FROM case_tallies WHERE cases <> 0 ORDER BY 1, 2, 3, 4, 5",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let counted: Vec<Tally> = sqlx::query_as(
        "SELECT status, grade, category_id, channel, CAST(COALESCE(assignee_id, '') AS TEXT), COUNT(*)
         FROM cases GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(tallies, counted);

    let staff = scalar(&pool, "SELECT MIN(id) FROM staff").await;
    let checks = [
        (CaseQuery::default(), "1".to_owned()),
        (
            CaseQuery {
                grade: Some(4),
                ..Default::default()
            },
            "grade = 4".to_owned(),
        ),
        (
            CaseQuery {
                assignee_id: Some(staff),
                ..Default::default()
            },
            format!("assignee_id = {staff}"),
        ),
        (
            CaseQuery {
                channel: Some("phone".into()),
                status: Some("open".into()),
                ..Default::default()
            },
            "channel = 'phone'".to_owned(),
        ),
        (
            CaseQuery {
                from: Some("2026-11-01".into()),
                status: Some("closed".into()),
                ..Default::default()
            },
            "received_at >= '2026-10-31T16:00:00Z'".to_owned(),
        ),
    ];
    for (query, condition) in checks {
        let page = list_cases(&pool, &query, now()).await.unwrap();
        let expected: Vec<(String, i64)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT status, COUNT(*) FROM cases WHERE {condition} GROUP BY status ORDER BY status"
        )))
        .fetch_all(&pool)
        .await
        .unwrap();
        assert_eq!(page.status_counts, expected, "{condition}");
        let total: i64 = expected
            .iter()
            .filter(|(status, _)| match query.status.as_deref() {
                Some("open") => status != "closed" && status != "invalid",
                Some(code) => status == code,
                None => true,
            })
            .map(|(_, count)| count)
            .sum();
        assert_eq!(page.total, total, "{condition}");
    }
}
