//! A write that cannot proceed says why: a read-only data file or folder, another program's
//! lock, a full disk. The window's start-up check finds a read-only file and a held write lock
//! before anything is typed, instead of every later save failing with "try again; restart".
//!
//! Files and folders are made read-only for the test's own user, root included
//! (`tests/common/read_only.rs`); each is undone when the test ends, even on failure.

use std::path::Path;
use std::time::Duration;

use branchdesk::Error;
use branchdesk::store::{self, startup};
use sqlx::Connection;
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};

#[cfg(unix)]
use super::read_only::{ReadOnlyFile, ReadOnlyFolder, have, skip_unless_ci};
use super::support::{TempDb, set_up_branch};

/// A branch database with everything in the file itself (no log beside it).
async fn closed_branch() -> TempDb {
    let db = TempDb::new();
    store::close(set_up_branch(&db).await).await;
    db
}

#[cfg(unix)]
async fn open_code(path: &Path) -> String {
    startup::open_for_writing(path)
        .await
        .expect_err("must not open for writing")
        .code()
        .to_owned()
}

/// A connection of "another program" to the database.
async fn other_program(path: &Path) -> SqliteConnection {
    SqliteConnection::connect_with(&SqliteConnectOptions::new().filename(path))
        .await
        .expect("connect")
}

// Unix only: the file or folder is made read-only with Unix modes, `chattr +i` or a bind mount.
#[cfg(unix)]
#[tokio::test]
async fn a_read_only_data_file_is_caught_at_start_up_and_a_write_says_why() {
    let db = closed_branch().await;
    let before = std::fs::read(&db.path).unwrap();
    let Some(_read_only) = ReadOnlyFile::new(&db.path) else {
        return;
    };

    assert_eq!(open_code(&db.path).await, "startup.read_only");

    // Opened without the check (as the CLI does for reading), the file reads fine, and a save
    // says the file is read-only instead of the generic database failure.
    let pool = store::open(&db.path).await.expect("reading still works");
    let refused = branchdesk::settings::repo::add_category(&pool, "新分类")
        .await
        .expect_err("cannot write");
    assert_eq!(refused.code(), "write.read_only");
    assert!(refused.public_message().contains("read-only"));
    pool.close().await;
    assert_eq!(std::fs::read(&db.path).unwrap(), before, "untouched");
}

// Unix only: the file or folder is made read-only with Unix modes, `chattr +i` or a bind mount.
#[cfg(unix)]
#[tokio::test]
async fn a_read_only_folder_is_caught_at_start_up() {
    let db = closed_branch().await;
    let folder = db.path.parent().unwrap();
    let Some(_read_only) = ReadOnlyFolder::new(folder) else {
        return;
    };
    assert_eq!(open_code(&db.path).await, "startup.read_only");
}

#[tokio::test]
async fn a_write_lock_held_by_another_program_is_caught_at_start_up_within_moments() {
    let db = closed_branch().await;
    let mut other = other_program(&db.path).await;
    sqlx::query("BEGIN IMMEDIATE")
        .execute(&mut other)
        .await
        .unwrap();
    // The check waits two seconds, not the fifteen a save waits; the limit here only stops
    // a hang from stalling the run.
    let opened = tokio::time::timeout(Duration::from_secs(12), startup::open_for_writing(&db.path))
        .await
        .expect("the check gives up long before a save would");
    assert_eq!(opened.expect_err("locked").code(), "startup.locked");

    sqlx::query("ROLLBACK").execute(&mut other).await.unwrap();
    other.close().await.unwrap();
    let pool = startup::open_for_writing(&db.path)
        .await
        .expect("opens once released");
    let tables: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM sqlite_master WHERE name = '_branchdesk_write_probe'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(tables, 0, "the check leaves nothing behind");
    store::close(pool).await;
}

#[tokio::test]
async fn a_save_that_waited_out_a_lock_or_ran_out_of_space_says_which() {
    let db = closed_branch().await;
    let mut other = other_program(&db.path).await;
    sqlx::query("BEGIN IMMEDIATE")
        .execute(&mut other)
        .await
        .unwrap();
    // A short wait stands in for the app's fifteen seconds: the code is SQLite's either way.
    let mut saver = SqliteConnection::connect_with(
        &SqliteConnectOptions::new()
            .filename(&db.path)
            .busy_timeout(Duration::from_millis(100)),
    )
    .await
    .unwrap();
    let busy = sqlx::query("INSERT INTO categories (name, position, created_at) VALUES ('x', 99, '2026-01-01T00:00:00Z')")
        .execute(&mut saver)
        .await
        .expect_err("locked");
    let busy = Error::from(busy);
    assert_eq!(busy.code(), "write.locked");
    assert!(busy.public_message().contains("another program"));
    sqlx::query("ROLLBACK").execute(&mut other).await.unwrap();

    // SQLite's page limit gives the same "database or disk is full" a full disk gives.
    let pages: i64 = sqlx::query_scalar("PRAGMA page_count")
        .fetch_one(&mut saver)
        .await
        .unwrap();
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "PRAGMA max_page_count = {pages}"
    )))
    .execute(&mut saver)
    .await
    .unwrap();
    let filler = "x".repeat(64 * 1024);
    let full = sqlx::query("INSERT INTO categories (name, position, created_at) VALUES (?, 98, '2026-01-01T00:00:00Z')")
        .bind(&filler)
        .execute(&mut saver)
        .await
        .expect_err("full");
    assert_eq!(Error::from(full).code(), "write.disk_full");
}

// Unix only: the file or folder is made read-only with Unix modes, `chattr +i` or a bind mount.
#[cfg(unix)]
#[tokio::test]
async fn the_cli_says_the_data_file_is_read_only() {
    let db = closed_branch().await;
    let Some(_read_only) = ReadOnlyFile::new(&db.path) else {
        return;
    };
    let out = db.cli(&["demo-data", "--cases", "3", "--months", "1"]);
    assert_eq!(out.status.code(), Some(1));
    let err = super::support::text(&out.stderr);
    assert!(
        err.starts_with("error: the data file or its folder is read-only"),
        "{err}"
    );
}

// Linux only: the holder is read from /proc/locks, and the test runs the sqlite3 shell.
#[cfg(target_os = "linux")]
#[tokio::test]
async fn the_program_holding_the_lock_is_named() {
    if !have("sqlite3") {
        return skip_unless_ci("the sqlite3 command-line shell is not installed");
    }
    let db = closed_branch().await;
    use std::process::{Command, Stdio};
    let mut sqlite = Command::new("sqlite3")
        .arg(&db.path)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("this test needs the sqlite3 command-line shell");
    {
        use std::io::Write;
        let stdin = sqlite.stdin.as_mut().unwrap();
        writeln!(stdin, "BEGIN IMMEDIATE; SELECT 1;").unwrap();
        stdin.flush().unwrap();
    }
    // Wait (at most ten seconds) for the shell to take the lock.
    let mut named = None;
    for _ in 0..100 {
        named = store::lock_holder::lock_holder(&db.path);
        if named.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let _ = sqlite.kill();
    let _ = sqlite.wait();
    assert_eq!(named.as_deref(), Some("sqlite3"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_multi_step_write_waits_for_another_writer_instead_of_failing_part_way() {
    use branchdesk::cases::demo::{self, DemoOptions};
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let now = chrono::Utc::now();
    let options = DemoOptions {
        cases: 5,
        months: 1,
        seed: 1,
    };
    demo::generate(&pool, &options, now).await.expect("staff");

    // Another program is in the middle of a write when the training demo starts.
    let mut other = other_program(&db.path).await;
    sqlx::query("BEGIN IMMEDIATE")
        .execute(&mut other)
        .await
        .unwrap();
    sqlx::query("UPDATE branch SET name = name")
        .execute(&mut other)
        .await
        .unwrap();
    let today = now.date_naive();
    let demo_pool = pool.clone();
    let training = tokio::spawn(async move {
        branchdesk::training::demo::add_demo_training(&demo_pool, today, now).await
    });
    // Give the demo time to reach its first statement, then let the other write commit. A
    // transaction begun DEFERRED read its snapshot first and now fails with
    // SQLITE_BUSY_SNAPSHOT; one begun IMMEDIATE waited for the lock and goes on.
    tokio::time::sleep(Duration::from_millis(500)).await;
    sqlx::query("COMMIT").execute(&mut other).await.unwrap();
    let added = training
        .await
        .unwrap()
        .expect("the demo waits, then runs whole");
    assert!(added.assignments > 0 && added.drills > 0, "{added:?}");
    store::close(pool).await;
}
