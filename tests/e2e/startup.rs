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
