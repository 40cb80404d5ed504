//! Backups and restore on real database files.

use branchdesk::staff::{StaffInput, repo};
use branchdesk::store::backup::{self, BackupKind};
use branchdesk::store::{self, MIGRATOR};
use chrono::{DateTime, TimeDelta, Utc};
use sqlx::SqlitePool;

use super::support::{TempDb, set_up_branch};

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("test time")
        .to_utc()
}

async fn add_person(pool: &SqlitePool, name: &str) {
    let input = StaffInput {
        name: name.into(),
        ..Default::default()
    };
    let valid = input.parse().expect("valid person");
    repo::add_staff(pool, &valid).await.expect("add person");
}

async fn names(pool: &SqlitePool) -> Vec<String> {
    repo::list_staff(pool, true)
        .await
        .expect("list staff")
        .into_iter()
        .map(|p| p.name)
        .collect()
}

/// Restores `from` as the app does: checked and staged first, then the pool (if the database
/// could be opened) is closed and the backup put in place.
pub async fn restore(
    pool: Option<SqlitePool>,
    db_path: &std::path::Path,
    from: &std::path::Path,
    now: DateTime<Utc>,
) -> branchdesk::Result<Option<backup::BackupInfo>> {
    let staged = backup::stage_restore(db_path, from).await?;
    if let Some(pool) = pool {
        store::close(pool).await;
    }
    staged.finish(now).await
}

async fn names_in(path: &std::path::Path) -> Vec<String> {
    let pool = store::open(path).await.expect("open copy");
    let found = names(&pool).await;
    pool.close().await;
    found
}

#[tokio::test]
async fn a_backup_is_a_sound_copy_in_the_backups_folder() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    add_person(&pool, "王芳").await;
    let made = backup::back_up(
        &pool,
        &db.path,
        BackupKind::Manual,
        at("2026-11-22T08:00:00Z"),
    )
    .await
    .unwrap();
    assert_eq!(
        made.path.parent(),
        Some(backup::backups_dir(&db.path).as_path())
    );
    assert!(made.size_bytes > 0);
    backup::check_backup(&made.path).await.unwrap();
    assert_eq!(names_in(&made.path).await, ["王芳"]);
    assert_eq!(backup::list_backups(&db.path).unwrap(), [made]);
}

#[tokio::test]
async fn the_daily_backup_runs_once_a_day_and_old_ones_are_pruned() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let first = at("2026-11-01T01:00:00Z");
    for day in 0..5 {
        let morning = first + TimeDelta::days(day);
        assert!(
            backup::daily_backup_if_due(&pool, &db.path, morning)
                .await
                .unwrap()
                .is_some()
        );
        let later = morning + TimeDelta::hours(9);
        assert!(
            backup::daily_backup_if_due(&pool, &db.path, later)
                .await
                .unwrap()
                .is_none()
        );
    }
    assert_eq!(backup::list_backups(&db.path).unwrap().len(), 5);
    assert_eq!(
        backup::keep_count(&pool).await.unwrap(),
        backup::DEFAULT_KEEP
    );

    assert!(backup::set_keep_count(&pool, &db.path, 0).await.is_err());
    assert_eq!(
        backup::keep_count(&pool).await.unwrap(),
        backup::DEFAULT_KEEP
    );
    backup::set_keep_count(&pool, &db.path, 3).await.unwrap();
    let kept = backup::list_backups(&db.path).unwrap();
    let days: Vec<String> = kept
        .iter()
        .map(|b| b.made_at.date_naive().to_string())
        .collect();
    assert_eq!(
        days,
        ["2026-11-05", "2026-11-04", "2026-11-03"],
        "the newest stay"
    );
}

#[tokio::test]
async fn restore_brings_back_the_backup_and_keeps_what_it_replaced() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    add_person(&pool, "李娜").await;
    let saved = backup::back_up(
        &pool,
        &db.path,
        BackupKind::Manual,
        at("2026-11-20T08:00:00Z"),
    )
    .await
    .unwrap();
    add_person(&pool, "赵磊").await;

    let kept = restore(
        Some(pool),
        &db.path,
        &saved.path,
        at("2026-11-22T08:00:00Z"),
    )
    .await
    .unwrap()
    .expect("the replaced database is kept");
    assert_eq!(kept.kind, BackupKind::PreRestore);
    assert_eq!(names_in(&db.path).await, ["李娜"]);
    assert_eq!(names_in(&kept.path).await, ["李娜", "赵磊"]);
    let pool = store::open(&db.path).await.unwrap();
    let check: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(check, "ok");
}

#[tokio::test]
async fn damaged_foreign_or_missing_backups_are_refused_and_nothing_changes() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    add_person(&pool, "陈静").await;

    let damaged = db.dir.path().join("damaged.sqlite");
    std::fs::write(&damaged, b"SQLite format 3\0 but then nonsense".repeat(200)).unwrap();
    let foreign = db.dir.path().join("foreign.sqlite");
    let other = SqlitePool::connect(&format!("sqlite:{}?mode=rwc", foreign.display()))
        .await
        .unwrap();
    sqlx::query("CREATE TABLE notes (body TEXT)")
        .execute(&other)
        .await
        .unwrap();
    other.close().await;
    let missing = db.dir.path().join("missing.sqlite");

    for (file, code) in [
        (&damaged, "backup.damaged"),
        (&foreign, "backup.not_branchdesk"),
        (&missing, "backup.missing"),
    ] {
        let error = backup::stage_restore(&db.path, file).await.unwrap_err();
        assert_eq!(error.code(), code, "{}", file.display());
    }
    assert!(
        !pool.is_closed(),
        "a refused restore leaves the database open"
    );
    assert_eq!(names(&pool).await, ["陈静"]);
    assert!(backup::list_backups(&db.path).unwrap().is_empty());
}

#[tokio::test]
async fn a_backup_from_a_newer_app_is_refused() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let newer = db.dir.path().join("newer.sqlite");
    backup::back_up_to(&mut pool.acquire().await.unwrap(), &db.path, &newer)
        .await
        .unwrap();
    let copy = SqlitePool::connect(&format!("sqlite:{}", newer.display()))
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
         VALUES (9999, 'from the future', 1, x'00', 0)",
    )
    .execute(&copy)
    .await
    .unwrap();
    copy.close().await;
    let error = backup::check_backup(&newer).await.unwrap_err();
    assert_eq!(error.code(), "backup.newer");
}

#[tokio::test]
async fn upgrading_an_older_database_backs_it_up_first() {
    let db = TempDb::new();
    std::fs::create_dir_all(db.path.parent().unwrap()).unwrap();
    let old = SqlitePool::connect(&format!("sqlite:{}?mode=rwc", db.path.display()))
        .await
        .unwrap();
    MIGRATOR.run_to(1, &old).await.unwrap();
    old.close().await;

    let pool = store::open(&db.path).await.unwrap();
    let backups = backup::list_backups(&db.path).unwrap();
    assert_eq!(backups.len(), 1);
    assert_eq!(backups[0].kind, BackupKind::PreMigration);
    let version: i64 = sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert!(version > 1, "the database itself was upgraded");
    pool.close().await;

    // Opening again (nothing left to apply) and a brand-new database make none.
    store::open(&db.path).await.unwrap().close().await;
    assert_eq!(backup::list_backups(&db.path).unwrap().len(), 1);
    let fresh = TempDb::new();
    fresh.open().await.close().await;
    assert!(backup::list_backups(&fresh.path).unwrap().is_empty());
}

#[tokio::test]
async fn the_cli_backs_up_and_restores() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    add_person(&pool, "周敏").await;
    pool.close().await;
    let out = db.dir.path().join("copy.sqlite");
    let cli = |args: &[&str]| db.cli(args);
    let made = cli(&["backup", "--out", out.to_str().unwrap()]);
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let again = cli(&["backup", "--out", out.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("--out"));

    let pool = store::open(&db.path).await.unwrap();
    add_person(&pool, "孙强").await;
    pool.close().await;
    let restored = cli(&["restore", out.to_str().unwrap()]);
    assert!(
        restored.status.success(),
        "{}",
        String::from_utf8_lossy(&restored.stderr)
    );
    assert_eq!(names_in(&db.path).await, ["周敏"]);

    let bogus = db.dir.path().join("bogus.sqlite");
    std::fs::write(&bogus, "not a database").unwrap();
    let refused = cli(&["restore", bogus.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("damaged"));
    assert_eq!(names_in(&db.path).await, ["周敏"]);
}

#[tokio::test]
async fn a_damaged_database_can_be_replaced_by_a_backup_and_is_kept_aside() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    add_person(&pool, "吴刚").await;
    let saved = backup::back_up(
        &pool,
        &db.path,
        BackupKind::Manual,
        at("2026-11-20T08:00:00Z"),
    )
    .await
    .unwrap();
    // Everything in the file itself, so the ruined header is not masked by the log.
    store::close(pool).await;
    let mut bytes = std::fs::read(&db.path).unwrap();
    bytes[..100].fill(0);
    std::fs::write(&db.path, &bytes).unwrap();
    assert_eq!(
        store::open(&db.path).await.unwrap_err().code(),
        "startup.corrupt"
    );

    let aside = restore(None, &db.path, &saved.path, at("2026-11-22T08:00:00Z"))
        .await
        .unwrap()
        .expect("the damaged file is kept");
    assert_eq!(
        std::fs::read(&aside.path).unwrap(),
        bytes,
        "the damaged file is kept as it was"
    );
    assert_eq!(names_in(&db.path).await, ["吴刚"]);
    let kinds: Vec<BackupKind> = backup::list_backups(&db.path)
        .unwrap()
        .iter()
        .map(|b| b.kind)
        .collect();
    assert_eq!(kinds, [BackupKind::PreRestore, BackupKind::Manual]);
}
