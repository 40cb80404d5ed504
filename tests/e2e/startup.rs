//! A damaged data file at start-up: the window explains it and restores a backup, after which
//! the branch opens as it was when the backup was made.

use branchdesk::settings::Language;
use branchdesk::store::{self, backup};

use super::dictionary::text;
use super::driver::{App, guard};
use super::fixtures::set_up_branch;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_damaged_data_file_is_explained_and_a_backup_restores_it() {
    let Some((_lock, tauri_driver)) = guard().await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.db");
    let pool = set_up_branch(&db, ("静安酒店", "ja01", "hotel"), Language::En).await;
    backup::back_up(&pool, &db, backup::BackupKind::Manual, chrono::Utc::now())
        .await
        .unwrap();
    // Everything in the file itself, so the ruined header is not masked by the log.
    store::close(pool).await;
    let mut bytes = std::fs::read(&db).unwrap();
    bytes[..100].fill(0);
    std::fs::write(&db, &bytes).unwrap();

    let app = App::launch(&tauri_driver, &db).await;
    // The file is unreadable, so the screen is in the system's language: check the code instead.
    app.wait_text("#fatal-code", "startup.corrupt").await;
    assert_eq!(app.count("#fatal-backups .backup-row").await, 1);
    app.click("#fatal-backups .backup-row button").await;
    app.wait_for("#confirm-dialog[open]").await;
    app.click("#confirm-ok").await;
    app.sign_in_again().await;
    app.wait_text("#branch-name", "静安酒店").await;
    app.wait_text("a[data-nav=settings]", &text("en", "nav.settings"))
        .await;
    app.quit().await;

    let kept = backup::list_backups(&db).unwrap();
    assert!(
        kept.iter().any(|b| b.kind == backup::BackupKind::PreRestore
            && std::fs::read(&b.path).unwrap() == bytes),
        "the damaged file is kept in the backups folder"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_from_a_newer_app_is_replaced_by_a_backup_from_the_fault_screen() {
    let Some((_lock, tauri_driver)) = guard().await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.db");
    let pool = set_up_branch(&db, ("徐汇酒店", "xh01", "hotel"), Language::En).await;
    backup::back_up(&pool, &db, backup::BackupKind::Manual, chrono::Utc::now())
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
         VALUES (9999, 'from the future', 1, x'00', 0)",
    )
    .execute(&pool)
    .await
    .unwrap();
    store::close(pool).await;

    let app = App::launch(&tauri_driver, &db).await;
    app.wait_text("#fatal-code", "startup.newer").await;
    app.click("#fatal-backups .backup-row button").await;
    app.wait_for("#confirm-dialog[open]").await;
    app.click("#confirm-ok").await;
    app.sign_in_again().await;
    app.wait_text("#branch-name", "徐汇酒店").await;
    app.quit().await;

    let kept = backup::list_backups(&db).unwrap();
    let newer = kept
        .iter()
        .find(|b| b.kind == backup::BackupKind::PreRestore)
        .expect("the newer database is kept");
    let copy = sqlx::SqlitePool::connect(&format!("sqlite:{}?mode=ro", newer.path.display()))
        .await
        .unwrap();
    let version: i64 = sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations")
        .fetch_one(&copy)
        .await
        .unwrap();
    copy.close().await;
    assert_eq!(version, 9999, "kept as the newer app left it");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_programs_database_is_refused_and_left_as_it_was() {
    let Some((_lock, tauri_driver)) = guard().await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("notes.db");
    let other = sqlx::SqlitePool::connect(&format!("sqlite:{}?mode=rwc", db.display()))
        .await
        .unwrap();
    sqlx::raw_sql("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me');")
        .execute(&other)
        .await
        .unwrap();
    other.close().await;
    let before = std::fs::read(&db).unwrap();

    let app = App::launch(&tauri_driver, &db).await;
    app.wait_text("#fatal-code", "startup.not_branchdesk").await;
    assert_eq!(app.count("#fatal-restore-file").await, 0);
    app.quit().await;

    assert_eq!(std::fs::read(&db).unwrap(), before, "byte-identical");
    // The driver keeps each test's log in a `logs` folder beside its database (the app's own
    // log lives in the app-data folder), so that one is the test's, not the app's doing.
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|name| name != "logs")
        .collect();
    assert_eq!(left, ["notes.db"], "nothing beside it");
}
