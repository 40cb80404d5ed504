//! Every command-line write leaves the data in the `.db` file itself when the command ends, so
//! copying that file alone is always a complete copy.

use branchdesk::store;

use super::import::CLEAN;
use super::support::{TempDb, text};

/// Checks that the log beside the database is gone or empty and that a copy of the `.db` file
/// alone answers `sql` with `expected`.
async fn the_file_alone_holds(db: &TempDb, after: &str, sql: &str, expected: i64) {
    let wal = db.path.with_file_name("branchdesk.db-wal");
    let log = std::fs::metadata(&wal).map_or(0, |m| m.len());
    assert_eq!(
        log, 0,
        "after {after}, {log} bytes are still only in the log"
    );
    let copy = db.dir.path().join(format!("copy-after-{after}.db"));
    std::fs::copy(&db.path, &copy).expect("test set-up");
    let pool = store::open_existing(&copy).await.expect("test set-up");
    let found: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned()))
        .fetch_one(&pool)
        .await
        .expect("test set-up");
    store::close(pool).await;
    assert_eq!(found, expected, "after {after}");
}

fn run(db: &TempDb, args: &[&str]) {
    let out = db.cli(args);
    assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
}

#[tokio::test]
async fn after_each_writing_command_the_database_file_alone_is_complete() {
    let db = TempDb::new();
    run(
        &db,
        &[
            "init",
            "--name",
            "静安",
            "--code",
            "JA01",
            "--industry",
            "postal",
            "--tz",
            "Asia/Shanghai",
        ],
    );
    the_file_alone_holds(&db, "init", "SELECT COUNT(*) FROM branch", 1).await;

    run(&db, &["demo-data", "--cases", "30", "--months", "2"]);
    the_file_alone_holds(&db, "demo-data", "SELECT COUNT(*) FROM cases", 30).await;

    let log = db.dir.path().join("log.csv");
    std::fs::write(&log, CLEAN).unwrap();
    run(
        &db,
        &["import", log.to_str().unwrap(), "--unknown-category-other"],
    );
    the_file_alone_holds(&db, "import", "SELECT COUNT(*) FROM cases", 33).await;

    let saved = db.dir.path().join("saved.sqlite");
    run(&db, &["backup", "--out", saved.to_str().unwrap()]);
    run(
        &db,
        &["demo-data", "--cases", "5", "--months", "1", "--seed", "2"],
    );
    the_file_alone_holds(&db, "more demo-data", "SELECT COUNT(*) FROM cases", 38).await;
    run(&db, &["restore", saved.to_str().unwrap()]);
    the_file_alone_holds(&db, "restore", "SELECT COUNT(*) FROM cases", 33).await;
}
