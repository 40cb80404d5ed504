//! The store: migrations, pragmas, reopening, SQLite version.

use super::support::TempDb;
use branchdesk::store;
use sqlx::Connection;
use sqlx::sqlite::SqliteConnection;

#[tokio::test]
async fn migrations_create_every_table_on_an_empty_file() {
    let db = TempDb::new();
    let pool = db.open().await;
    assert!(db.path.exists());
    let tables: Vec<String> =
        sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .fetch_all(&pool)
            .await
            .unwrap();
    for expected in [
        "app_settings",
        "branch",
        "categories",
        "grade_time_limits",
        "staff",
    ] {
        assert!(
            tables.iter().any(|t| t == expected),
            "missing table {expected}: {tables:?}"
        );
    }
    let newest = store::MIGRATOR.iter().map(|m| m.version).max().unwrap();
    assert_eq!(store::schema_version(&pool).await.unwrap(), newest);
}

#[tokio::test]
async fn reopening_is_idempotent_and_keeps_data() {
    let db = TempDb::new();
    let pool = super::support::set_up_branch(&db).await;
    pool.close().await;
    for _ in 0..3 {
        let pool = db.open().await;
        let branches: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM branch")
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(branches, 1);
        let migrations: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations")
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(migrations as usize, store::MIGRATOR.iter().count());
        pool.close().await;
    }
}

#[tokio::test]
async fn every_connection_has_the_safety_pragmas() {
    let db = TempDb::new();
    let pool = db.open().await;
    // Hold several connections at once so more than one is checked.
    let mut held = Vec::new();
    for _ in 0..3 {
        let mut conn = pool.acquire().await.unwrap();
        let journal: String = sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(&mut *conn)
            .await
            .unwrap();
        let synchronous: i64 = sqlx::query_scalar("PRAGMA synchronous")
            .fetch_one(&mut *conn)
            .await
            .unwrap();
        let foreign_keys: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
            .fetch_one(&mut *conn)
            .await
            .unwrap();
        let busy: i64 = sqlx::query_scalar("PRAGMA busy_timeout")
            .fetch_one(&mut *conn)
            .await
            .unwrap();
        assert_eq!(journal, "wal");
        assert_eq!(synchronous, 2, "synchronous=FULL");
        assert_eq!(foreign_keys, 1);
        assert!(busy >= 5_000, "busy timeout {busy} ms");
        held.push(conn);
    }
}

#[tokio::test]
async fn bundled_sqlite_is_at_least_3_51_3() {
    let db = TempDb::new();
    let pool = db.open().await;
    let version = store::sqlite_version(&pool).await.unwrap();
    let parts: Vec<u32> = version.split('.').map(|p| p.parse().unwrap()).collect();
    assert!(
        parts >= vec![3, 51, 3],
        "SQLite {version} is older than 3.51.3"
    );
}

#[tokio::test]
async fn a_path_that_is_a_folder_is_an_error_not_a_panic() {
    let db = TempDb::new();
    let err = store::open(db.dir.path()).await.unwrap_err();
    assert_eq!(err.code(), "startup.unreadable");
}

#[tokio::test]
async fn after_closing_the_database_file_alone_holds_everything() {
    let db = TempDb::new();
    let pool = super::support::set_up_branch(&db).await;
    // Another connection still open when the pool closes (a command-line run, a second
    // connection closing at the same moment) stops a plain close from writing the log back.
    let mut other = SqliteConnection::connect(&format!("sqlite:{}", db.path.display()))
        .await
        .unwrap();
    let branches: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM branch")
        .fetch_one(&mut other)
        .await
        .unwrap();
    assert_eq!(branches, 1);
    sqlx::query("UPDATE branch SET name = '只在日志里'")
        .execute(&pool)
        .await
        .unwrap();
    store::close(pool).await;

    let wal = db.path.with_file_name("branchdesk.db-wal");
    let log_len = std::fs::metadata(&wal).map_or(0, |m| m.len());
    assert_eq!(log_len, 0, "nothing is left in the log");
    let copy = db.dir.path().join("copied-alone.db");
    std::fs::copy(&db.path, &copy).unwrap();
    let copied = store::open(&copy).await.unwrap();
    let name: String = sqlx::query_scalar("SELECT name FROM branch")
        .fetch_one(&copied)
        .await
        .unwrap();
    assert_eq!(name, "只在日志里");
    other.close().await.unwrap();
}
