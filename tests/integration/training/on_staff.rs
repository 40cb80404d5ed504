//! Who counts in a past month's training figures: the people on staff at the month's end, as
//! recorded in `staff_activity`, not today's active flag. Deactivating someone after a month
//! leaves that month's figure and Training sheet as they were.

use calamine::{Data, Reader, Xlsx};
use chrono::Utc;
use sqlx::SqlitePool;

use super::{assign_since_new_year, completion_parts, january_and_technique, person, utc};
use crate::support::{TempDb, migrated_before, set_up_branch};
use branchdesk::export::{ExportOptions, export_month};
use branchdesk::settings::Language;
use branchdesk::staff::repo::set_staff_active;
use branchdesk::stats::Month;
use branchdesk::training::input::{Assignee, SignOffInput};
use branchdesk::training::repo::signoffs::sign_off;

/// The names in the first column of the month's Training sheet.
async fn sheet_names(pool: &SqlitePool, month: u32) -> Vec<String> {
    let options = ExportOptions::new(Language::En, false);
    let bytes = export_month(
        pool,
        Month::new(2026, month).expect("month"),
        &options,
        utc("2026-03-01T00:00:00Z"),
    )
    .await
    .expect("export");
    let mut book = Xlsx::new(std::io::Cursor::new(bytes)).expect("xlsx");
    let sheet = book.worksheet_range("Training").expect("Training sheet");
    (4..sheet.height() as u32)
        .filter_map(|row| match sheet.get_value((row, 0)) {
            Some(Data::String(name)) => Some(name.clone()),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn someone_deactivated_after_a_month_end_still_counts_in_that_month_only() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let trainer = person(&pool, "王经理", "店长").await;
    let stays = person(&pool, "李娜", "前台").await;
    let leaves = person(&pool, "赵磊", "前台").await;
    let technique = january_and_technique(&pool).await;
    assign_since_new_year(&pool, technique.id, &Assignee::Position("前台".into())).await;
    let input = SignOffInput {
        staff_id: stays,
        item_ids: technique.items[..3].iter().map(|i| i.id).collect(),
        signed_on: "2026-01-20".into(),
        trainer_id: Some(trainer),
    };
    sign_off(&pool, &input, Utc::now()).await.expect("sign");
    let total = technique.items.len() as i64;
    assert_eq!(completion_parts(&pool, 1).await, Some((3, 2 * total)));

    // 赵磊 leaves at 00:30 on 1 February, Shanghai time: after January's last instant.
    let off = set_staff_active(&pool, leaves, false)
        .await
        .expect("deactivate");
    assert!(!off.active);
    set_staff_active(&pool, leaves, false)
        .await
        .expect("again, no change");
    let changes: Vec<(i64, bool)> =
        sqlx::query_as("SELECT staff_id, active FROM staff_activity ORDER BY id")
            .fetch_all(&pool)
            .await
            .expect("activity");
    assert_eq!(changes, [(leaves, false)], "one change, written once");
    sqlx::query("UPDATE staff_activity SET changed_at = '2026-01-31T16:30:00Z'")
        .execute(&pool)
        .await
        .expect("backdate the change");

    assert_eq!(
        completion_parts(&pool, 1).await,
        Some((3, 2 * total)),
        "January still counts both clerks"
    );
    assert_eq!(
        completion_parts(&pool, 2).await,
        Some((3, total)),
        "February only one"
    );
    assert!(sheet_names(&pool, 1).await.contains(&"赵磊".to_owned()));
    let february = sheet_names(&pool, 2).await;
    assert!(february.contains(&"李娜".to_owned()));
    assert!(!february.contains(&"赵磊".to_owned()));
}

#[tokio::test]
async fn an_upgraded_database_seeds_staff_activity_from_the_current_state() {
    let db = TempDb::new();
    // A database as the previous release left it: migrations up to 0006.
    let raw = migrated_before(&db, "0007").await;
    sqlx::query(
        "INSERT INTO staff (name, position, department, active, created_at, updated_at) VALUES
         ('在职', '前台', '', 1, '2024-01-01T00:00:00Z', '2025-05-01T00:00:00Z'),
         ('离职', '前台', '', 0, '2024-01-01T00:00:00Z', '2025-06-01T00:00:00Z')",
    )
    .execute(&raw)
    .await
    .expect("staff");
    sqlx::query(
        "INSERT INTO training_signoffs (staff_id, item_id, signed_on, recorded_at)
         VALUES (1, 1, '2025-01-02', '2025-01-02T00:00:00Z')",
    )
    .execute(&raw)
    .await
    .expect("sign-off");
    raw.close().await;

    let pool = db.open().await;
    let seeded: Vec<(String, bool, String)> = sqlx::query_as(
        "SELECT s.name, a.active, a.changed_at FROM staff_activity a JOIN staff s ON s.id = a.staff_id
         ORDER BY a.staff_id",
    )
    .fetch_all(&pool)
    .await
    .expect("activity");
    assert_eq!(
        seeded,
        [
            ("在职".into(), true, "2024-01-01T00:00:00Z".into()),
            ("离职".into(), false, "2025-06-01T00:00:00Z".into()),
        ]
    );
    let in_force: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM training_signoffs WHERE withdrawn_at IS NULL")
            .fetch_one(&pool)
            .await
            .expect("sign-offs");
    assert_eq!(in_force, 1, "existing sign-offs stay in force");
}
