//! Demo data shows lessons: three on closed cases, one turned into a drill scenario and one
//! into a measure, each with its audit lines; group mode's outbox carries them; a second run
//! adds none.

use crate::support::{TempDb, set_up_branch, text};

async fn scalar(pool: &sqlx::SqlitePool, sql: &'static str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(pool)
        .await
        .expect("count")
}

#[tokio::test]
async fn demo_data_writes_lessons_on_closed_cases_and_converts_two() {
    let db = TempDb::new();
    set_up_branch(&db).await.close().await;
    let out = db.cli(&["demo-data", "--cases", "200", "--months", "6"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("Added demo lessons learned: 3 lessons, 2 turned into"),
        "{stdout}"
    );

    let pool = db.open().await;
    assert_eq!(scalar(&pool, "SELECT count(*) FROM lessons").await, 3);
    assert_eq!(
        scalar(
            &pool,
            "SELECT count(*) FROM lessons l JOIN cases c ON c.id = l.case_id WHERE c.status = 'closed'"
        )
        .await,
        3
    );
    assert_eq!(
        scalar(
            &pool,
            "SELECT count(*) FROM lessons WHERE drill_scenario_id IS NOT NULL"
        )
        .await,
        1
    );
    assert_eq!(
        scalar(
            &pool,
            "SELECT count(*) FROM lessons WHERE measure_id IS NOT NULL"
        )
        .await,
        1
    );
    // Three texts each, plus the two conversions.
    assert_eq!(
        scalar(
            &pool,
            "SELECT count(*) FROM case_audit WHERE field LIKE 'lesson%'"
        )
        .await,
        11
    );
    assert_eq!(
        scalar(
            &pool,
            "SELECT count(*) FROM group_outbox WHERE tbl = 'lessons'"
        )
        .await,
        5,
        "three inserts and two links"
    );
    pool.close().await;

    let again = text(
        &db.cli(&["demo-data", "--cases", "5", "--months", "1"])
            .stdout,
    );
    assert!(!again.contains("demo lessons"), "{again}");
}
