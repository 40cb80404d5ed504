//! A backup holds the case attachments as well as the database, a restore brings them back,
//! and an interrupted backup never looks like, or counts as, a backup.

use std::time::{Duration, SystemTime};

use branchdesk::cases::intake::CaseInput;
use branchdesk::cases::repo::attachments::{add_attachment, attachment_path, attachments_dir};
use branchdesk::cases::repo::create::create_case;
use branchdesk::settings::repo::list_categories;
use branchdesk::store::{self, backup};
use chrono::{DateTime, TimeZone, Utc};
use sqlx::SqlitePool;

use super::support::{TempDb, set_up_branch, text};

fn at(hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, hour, 0, 0)
        .single()
        .expect("a real time")
}

/// A case with one photo attached; returns the attachment's id.
async fn case_with_photo(db: &TempDb, pool: &SqlitePool, bytes: &[u8]) -> i64 {
    let input = CaseInput {
        channel: "walk_in".into(),
        customer_type: "talker".into(),
        category_id: list_categories(pool).await.expect("test set-up")[0].id,
        description: "门口漏水".into(),
        ..Default::default()
    };
    let case = create_case(pool, &input, None, at(1))
        .await
        .expect("test set-up");
    let photo = db.dir.path().join("漏水.jpg");
    std::fs::write(&photo, bytes).expect("test set-up");
    add_attachment(pool, case, &photo, &attachments_dir(&db.path), None, at(1))
        .await
        .expect("test set-up")
}

async fn tables(path: &std::path::Path) -> Vec<String> {
    let pool = SqlitePool::connect(&format!("sqlite:{}?mode=ro", path.display()))
        .await
        .expect("test set-up");
    let names = sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table'")
        .fetch_all(&pool)
        .await
        .expect("test set-up");
    pool.close().await;
    names
}

#[tokio::test]
async fn a_backup_carries_the_attachments_and_restore_brings_them_back() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let photo = case_with_photo(&db, &pool, b"\xFF\xD8\xFF the leak").await;
    let made = backup::back_up(&pool, &db.path, backup::BackupKind::Manual, at(2))
        .await
        .unwrap();
    let stored = attachment_path(&pool, photo, &attachments_dir(&db.path))
        .await
        .unwrap();
    store::close(pool).await;

    // The folder is lost (a new computer, a deleted folder): the backup alone restores it.
    std::fs::remove_dir_all(attachments_dir(&db.path)).unwrap();
    let out = db.cli(&["restore", made.path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(std::fs::read(&stored).unwrap(), b"\xFF\xD8\xFF the leak");
    assert!(
        !tables(&db.path)
            .await
            .contains(&"backup_attachments".to_owned()),
        "the restored database is the database alone"
    );
    assert!(
        tables(&made.path)
            .await
            .contains(&"backup_attachments".to_owned())
    );
}

#[tokio::test]
async fn a_backup_that_fails_part_way_leaves_no_file() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let photo = case_with_photo(&db, &pool, b"photo").await;
    let stored = attachment_path(&pool, photo, &attachments_dir(&db.path))
        .await
        .unwrap();
    // The attachment cannot be read (a folder in its place): the copy cannot be completed.
    std::fs::remove_file(&stored).unwrap();
    std::fs::create_dir(&stored).unwrap();
    assert!(
        backup::back_up(&pool, &db.path, backup::BackupKind::Manual, at(2))
            .await
            .is_err()
    );
    let left: Vec<_> = std::fs::read_dir(backup::backups_dir(&db.path))
        .unwrap()
        .collect();
    assert!(left.is_empty(), "{left:?}");
    store::close(pool).await;
}

#[tokio::test]
async fn interrupted_backups_never_count_and_are_cleaned_up() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let folder = backup::backups_dir(&db.path);
    std::fs::create_dir_all(&folder).unwrap();
    // What a backup killed mid-way leaves: its name with `.partial`, newer than any backup.
    let stale = folder.join("branchdesk_20261130-080000_daily.sqlite.partial");
    let fresh = folder.join("branchdesk_20261130-090000_manual.sqlite.partial");
    for path in [&stale, &fresh] {
        std::fs::write(path, b"SQLite format 3\0half").unwrap();
    }
    std::fs::File::options()
        .write(true)
        .open(&stale)
        .unwrap()
        .set_modified(SystemTime::now() - Duration::from_secs(2 * 3600))
        .unwrap();
    for hour in 1..=3 {
        backup::back_up(&pool, &db.path, backup::BackupKind::Manual, at(hour))
            .await
            .unwrap();
    }
    assert_eq!(backup::list_backups(&db.path).unwrap().len(), 3);
    backup::set_keep_count(&pool, &db.path, 2).await.unwrap();
    let kept: Vec<u32> = backup::list_backups(&db.path)
        .unwrap()
        .iter()
        .map(|b| chrono::Timelike::hour(&b.made_at))
        .collect();
    assert_eq!(
        kept,
        [3, 2],
        "two real backups kept; leftovers did not count"
    );
    assert!(!stale.exists(), "an old leftover is cleaned up");
    assert!(fresh.exists(), "one still being written is left alone");
    store::close(pool).await;
}

#[tokio::test]
async fn a_backup_naming_a_file_outside_the_attachments_folder_is_refused() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    case_with_photo(&db, &pool, b"photo").await;
    let copy = db.dir.path().join("crafted.sqlite");
    backup::back_up_to(&mut pool.acquire().await.unwrap(), &db.path, &copy)
        .await
        .unwrap();
    store::close(pool).await;
    let crafted = SqlitePool::connect(&format!("sqlite:{}", copy.display()))
        .await
        .unwrap();
    sqlx::query("UPDATE backup_attachments SET stored_name = '../../escape.jpg'")
        .execute(&crafted)
        .await
        .unwrap();
    crafted.close().await;

    let error = backup::stage_restore(&db.path, &copy).await.unwrap_err();
    assert_eq!(error.code(), "backup.altered");
    assert!(!db.dir.path().join("escape.jpg").exists());
}
