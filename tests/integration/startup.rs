//! Opening a database that cannot be used: each fault is named so the start-up screen can say
//! what happened, and none of them creates a new empty database in place of the user's.

use std::time::Duration;

use branchdesk::store;
use sqlx::Connection;
use sqlx::sqlite::SqliteConnection;

use super::support::{TempDb, set_up_branch};

async fn open_code(db: &TempDb) -> String {
    store::open(&db.path)
        .await
        .expect_err("must not open")
        .code()
        .to_owned()
}

#[tokio::test]
async fn a_damaged_file_is_reported_and_left_as_it_was() {
    let db = TempDb::new();
    store::close(set_up_branch(&db).await).await;
    let mut bytes = std::fs::read(&db.path).unwrap();
    // Keep the size, ruin the header: what a bad sector or a half-copied file looks like.
    bytes[..100].fill(0x5a);
    std::fs::write(&db.path, &bytes).unwrap();
    assert_eq!(open_code(&db).await, "startup.corrupt");
    assert_eq!(std::fs::read(&db.path).unwrap(), bytes, "untouched");
}

#[tokio::test]
async fn a_database_from_a_newer_app_is_reported_not_downgraded() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
         VALUES (9999, 'from the future', 1, x'00', 0)",
    )
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;
    assert_eq!(open_code(&db).await, "startup.newer");
    let mut conn = SqliteConnection::connect(&format!("sqlite:{}", db.path.display()))
        .await
        .unwrap();
    let branches: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM branch")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(branches, 1, "the newer data is still there");
}

#[tokio::test]
async fn a_folder_in_place_of_the_file_is_unreadable() {
    let db = TempDb::new();
    std::fs::create_dir_all(&db.path).unwrap();
    assert_eq!(open_code(&db).await, "startup.unreadable");
    assert!(db.path.is_dir());
}

#[tokio::test]
async fn a_database_locked_by_another_program_is_reported_after_the_wait() {
    let db = TempDb::new();
    set_up_branch(&db).await.close().await;
    // Another program takes the database for itself and holds on to it.
    let mut other = SqliteConnection::connect(&format!("sqlite:{}", db.path.display()))
        .await
        .unwrap();
    sqlx::query("PRAGMA locking_mode = EXCLUSIVE")
        .execute(&mut other)
        .await
        .unwrap();
    sqlx::query("BEGIN EXCLUSIVE")
        .execute(&mut other)
        .await
        .unwrap();
    let opened = tokio::time::timeout(Duration::from_secs(40), store::open(&db.path))
        .await
        .expect("gives up within the busy timeout");
    assert_eq!(opened.expect_err("locked").code(), "startup.locked");
    sqlx::query("COMMIT").execute(&mut other).await.unwrap();
    other.close().await.unwrap();
    store::open(&db.path)
        .await
        .expect("opens once released")
        .close()
        .await;
}
