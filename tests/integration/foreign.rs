//! Opening never changes a file that is not BranchDesk's, and only `init` (or the app's first
//! run) creates a database.

use std::path::Path;

use branchdesk::store::{self, backup};
use sqlx::SqlitePool;

use super::support::{TempDb, set_up_branch, text};

/// Every file in `dir`, with its bytes.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .expect("test set-up")
        .map(|entry| {
            let path = entry.expect("test set-up").path();
            let bytes = if path.is_file() {
                std::fs::read(&path).expect("test set-up")
            } else {
                b"<folder>".to_vec()
            };
            (
                path.file_name()
                    .expect("test set-up")
                    .to_string_lossy()
                    .into_owned(),
                bytes,
            )
        })
        .collect();
    files.sort();
    files
}

/// Another program's database at the test's path, in `journal` mode, closed cleanly.
async fn foreign_database(db: &TempDb, journal: &str) {
    std::fs::create_dir_all(db.path.parent().expect("test set-up")).expect("test set-up");
    let pool = SqlitePool::connect(&format!("sqlite:{}?mode=rwc", db.path.display()))
        .await
        .expect("test set-up");
    for sql in [
        format!("PRAGMA journal_mode = {journal}"),
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)".into(),
        "INSERT INTO notes (body) VALUES ('shopping list')".into(),
    ] {
        sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
            .execute(&pool)
            .await
            .expect("test set-up");
    }
    pool.close().await;
}

/// Every subcommand that reads or writes the `--db` database.
fn every_command(db: &TempDb) -> Vec<Vec<String>> {
    let file = |name: &str| db.dir.path().join(name).to_string_lossy().into_owned();
    std::fs::write(
        db.dir.path().join("log.csv"),
        "受理时间,投诉内容\n2024-03-01,太慢\n",
    )
    .expect("test set-up");
    let mut commands: Vec<Vec<&str>> = vec![
        vec!["info"],
        vec!["demo-data", "--cases", "5", "--months", "1"],
        vec!["backup"],
        vec!["restore"],
        vec!["import"],
        vec!["export", "--month", "2026-10", "--out"],
        vec!["training-export", "--out"],
    ];
    let extra = [
        vec![],
        vec![],
        vec![],
        vec![file("some-backup.sqlite")],
        vec![file("log.csv")],
        vec![file("month.xlsx")],
        vec![file("training.xlsx")],
    ];
    commands
        .iter_mut()
        .zip(extra)
        .map(|(args, extra)| args.iter().map(|a| a.to_string()).chain(extra).collect())
        .collect()
}

#[tokio::test]
async fn another_programs_database_is_refused_and_left_byte_identical() {
    for journal in ["DELETE", "WAL"] {
        let db = TempDb::new();
        foreign_database(&db, journal).await;
        // A sound backup to offer `restore`: it must not replace the other program's file.
        let other = TempDb::new();
        let pool = set_up_branch(&other).await;
        let offered = db.dir.path().join("some-backup.sqlite");
        backup::back_up_to(&mut pool.acquire().await.unwrap(), &other.path, &offered)
            .await
            .unwrap();
        store::close(pool).await;
        let folder = db.path.parent().unwrap();
        let before = snapshot(folder);
        assert_eq!(before.len(), 1, "{journal}: only the file itself");

        let error = store::open(&db.path).await.unwrap_err();
        assert_eq!(error.code(), "startup.not_branchdesk", "{journal}");
        assert_eq!(
            snapshot(folder),
            before,
            "{journal}: store::open changed nothing"
        );

        let mut commands = every_command(&db);
        commands.push(
            ["init", "--name", "A", "--code", "AA", "--industry", "other"]
                .map(String::from)
                .to_vec(),
        );
        for args in commands {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let out = db.cli(&args);
            assert_eq!(out.status.code(), Some(1), "{journal} {args:?}");
            let stderr = text(&out.stderr);
            assert!(
                stderr.contains("another program's database"),
                "{journal} {args:?}: {stderr}"
            );
            assert_eq!(
                snapshot(folder),
                before,
                "{journal} {args:?} changed the folder"
            );
        }
    }
}

#[tokio::test]
async fn only_init_creates_a_database_where_there_is_none() {
    let db = TempDb::new();
    for args in every_command(&db) {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = db.cli(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stderr = text(&out.stderr);
        assert!(
            stderr.contains("no BranchDesk database") && stderr.contains("branchdesk-cli init"),
            "{args:?}: {stderr}"
        );
        assert!(
            !db.path.parent().unwrap().exists(),
            "{args:?} created the database's folder"
        );
    }
    // An empty file (a creation cut short) is no database either.
    std::fs::create_dir_all(db.path.parent().unwrap()).unwrap();
    std::fs::write(&db.path, b"").unwrap();
    let info = db.cli(&["info"]);
    assert_eq!(info.status.code(), Some(1));
    assert_eq!(std::fs::metadata(&db.path).unwrap().len(), 0);

    let init = db.cli(&["init", "--name", "A", "--code", "AA", "--industry", "other"]);
    assert!(init.status.success(), "{}", text(&init.stderr));
    assert!(db.cli(&["info"]).status.success());
}
