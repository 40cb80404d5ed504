//! A restore checks the backup completely before the current file is touched, and can replace a
//! current database that cannot be opened (damaged, or from a newer app) without opening it.

use std::path::{Path, PathBuf};

use branchdesk::staff::{StaffInput, repo};
use branchdesk::store::{self, backup};
use sqlx::SqlitePool;

use super::support::{TempDb, set_up_branch, text};

async fn add_person(pool: &SqlitePool, name: &str) {
    let input = StaffInput {
        name: name.into(),
        ..Default::default()
    };
    repo::add_staff(pool, &input.parse().expect("valid"))
        .await
        .expect("add person");
}

async fn names_in(path: &Path) -> Vec<String> {
    let pool = store::open_existing(path).await.expect("open");
    let names = repo::list_staff(&pool, true)
        .await
        .expect("staff")
        .into_iter()
        .map(|p| p.name)
        .collect();
    store::close(pool).await;
    names
}

/// A branch with one person, closed, and a sound backup of it made beside it.
async fn branch_and_backup(db: &TempDb, name: &str) -> PathBuf {
    let pool = set_up_branch(db).await;
    add_person(&pool, name).await;
    let copy = db.dir.path().join(format!("{name}.sqlite"));
    backup::back_up_to(
        &mut pool.acquire().await.expect("test set-up"),
        &db.path,
        &copy,
    )
    .await
    .expect("test set-up");
    store::close(pool).await;
    copy
}

/// A copy of `sound` changed by `sql`, run on a plain connection.
async fn tampered(sound: &Path, label: &str, sql: &str) -> PathBuf {
    let path = sound.with_file_name(format!("{label}.sqlite"));
    std::fs::copy(sound, &path).expect("test set-up");
    let pool = SqlitePool::connect(&format!("sqlite:{}", path.display()))
        .await
        .expect("test set-up");
    sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_owned()))
        .execute(&pool)
        .await
        .expect("test set-up");
    pool.close().await;
    path
}

#[tokio::test]
async fn every_backup_that_is_not_exactly_this_apps_is_refused_and_nothing_changes() {
    let db = TempDb::new();
    let sound = branch_and_backup(&db, "王芳").await;
    let newest = store::MIGRATOR.iter().map(|m| m.version).max().unwrap();
    let cases = [
        (
            tampered(&sound, "unfinished", "UPDATE _sqlx_migrations SET success = 0 WHERE version = 3").await,
            "backup.unfinished",
        ),
        (
            tampered(&sound, "altered", "UPDATE _sqlx_migrations SET checksum = x'00' WHERE version = 2").await,
            "backup.altered",
        ),
        (
            tampered(&sound, "gap", "DELETE FROM _sqlx_migrations WHERE version = 2").await,
            "backup.altered",
        ),
        (
            tampered(&sound, "foreign-sqlx", "UPDATE _sqlx_migrations SET checksum = x'01' WHERE version = 1").await,
            "backup.not_branchdesk",
        ),
        (
            tampered(&sound, "no-record", "DROP TABLE _sqlx_migrations").await,
            "backup.not_branchdesk",
        ),
        (
            tampered(
                &sound,
                "newer",
                &format!(
                    "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
                     VALUES ({}, 'from the future', 1, x'00', 0)",
                    newest + 1
                ),
            )
            .await,
            "backup.newer",
        ),
        (db.dir.path().to_path_buf(), "backup.not_branchdesk"),
    ];
    let before = std::fs::read(&db.path).unwrap();
    for (file, code) in &cases {
        let error = backup::stage_restore(&db.path, file).await.unwrap_err();
        assert_eq!(error.code(), *code, "{}", file.display());
        let cli = db.cli(&["restore", file.to_str().unwrap()]);
        assert_eq!(cli.status.code(), Some(1), "{}", file.display());
        assert!(
            text(&cli.stderr).contains("choose another")
                || text(&cli.stderr).contains("not a BranchDesk")
                || text(&cli.stderr).contains("newer version"),
            "{}: {}",
            file.display(),
            text(&cli.stderr)
        );
    }
    assert_eq!(
        std::fs::read(&db.path).unwrap(),
        before,
        "the current file is untouched"
    );
    assert!(backup::list_backups(&db.path).unwrap().is_empty());
    assert!(!db.path.with_file_name("branchdesk.db.restoring").exists());
    backup::check_backup(&sound)
        .await
        .expect("the sound one passes");
}

#[tokio::test]
async fn the_cli_restores_over_a_damaged_database_without_opening_it() {
    let db = TempDb::new();
    let saved = branch_and_backup(&db, "吴刚").await;
    let mut bytes = std::fs::read(&db.path).unwrap();
    bytes[..100].fill(0);
    std::fs::write(&db.path, &bytes).unwrap();

    let out = db.cli(&["restore", saved.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(names_in(&db.path).await, ["吴刚"]);
    let kept = backup::list_backups(&db.path).unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(
        std::fs::read(&kept[0].path).unwrap(),
        bytes,
        "kept as it was"
    );
}

#[tokio::test]
async fn the_cli_restores_over_a_database_from_a_newer_app() {
    let db = TempDb::new();
    let saved = branch_and_backup(&db, "李娜").await;
    let pool = store::open_existing(&db.path).await.unwrap();
    add_person(&pool, "赵磊").await;
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
         VALUES (9999, 'from the future', 1, x'00', 0)",
    )
    .execute(&pool)
    .await
    .unwrap();
    store::close(pool).await;
    assert_eq!(
        store::open(&db.path).await.unwrap_err().code(),
        "startup.newer"
    );

    let out = db.cli(&["restore", saved.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(names_in(&db.path).await, ["李娜"]);
    let kept = backup::list_backups(&db.path).unwrap();
    assert_eq!(kept.len(), 1, "{kept:?}");
    let copy = SqlitePool::connect(&format!("sqlite:{}?mode=ro", kept[0].path.display()))
        .await
        .unwrap();
    let newest: i64 = sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations")
        .fetch_one(&copy)
        .await
        .unwrap();
    assert_eq!(newest, 9999, "the newer database is kept, not migrated");
    copy.close().await;
}
