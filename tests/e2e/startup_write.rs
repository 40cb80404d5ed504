//! A data file that cannot be written at start-up: the window explains it before anything is
//! typed. A locked one names the program holding it and opens once it lets go; a read-only one
//! says so.

use std::process::{Child, Command, Stdio};

use branchdesk::settings::Language;
use branchdesk::store::{self, lock_holder};

use super::driver::{App, guard};
use super::fixtures::set_up_branch;
use super::read_only::{ReadOnlyFile, have, skip_unless_ci};

/// The sqlite3 shell holding a write lock on `db` until killed, as another program would.
async fn hold_write_lock(db: &std::path::Path) -> Child {
    let mut shell = Command::new("sqlite3")
        .arg(db)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("this test needs the sqlite3 command-line shell");
    {
        use std::io::Write;
        let stdin = shell.stdin.as_mut().expect("stdin");
        writeln!(stdin, "BEGIN IMMEDIATE; SELECT 1;").expect("write");
        stdin.flush().expect("flush");
    }
    for _ in 0..100 {
        if lock_holder::lock_holder(db).is_some() {
            return shell;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let _ = shell.kill();
    let _ = shell.wait();
    panic!("the sqlite3 shell did not take the lock");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_locked_data_file_is_explained_at_start_up_and_opens_once_released() {
    let Some((_lock, tauri_driver)) = guard().await else {
        return;
    };
    if !have("sqlite3") {
        return skip_unless_ci("the sqlite3 command-line shell is not installed");
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.db");
    let pool = set_up_branch(&db, ("静安酒店", "ja01", "hotel"), Language::En).await;
    store::close(pool).await;
    let mut shell = hold_write_lock(&db).await;

    let app = App::launch(&tauri_driver, &db).await;
    app.wait_text("#fatal-code", "startup.locked").await;
    app.wait_text_containing("#fatal-next", "sqlite3").await;
    let _ = shell.kill();
    let _ = shell.wait();
    app.click("#fatal-retry").await;
    app.sign_in_again().await;
    app.wait_text("#branch-name", "静安酒店").await;

    // Settings › About shows this run's log, which kept the cause of the refused start.
    app.click("a[data-nav=settings]").await;
    let logs = dir.path().join("logs");
    app.wait_text("#log-folder", &logs.display().to_string())
        .await;
    app.wait_text_containing("#log-file", "branchdesk-app.")
        .await;
    app.quit().await;
    let log = std::fs::read_dir(&logs)
        .unwrap()
        .map(|entry| std::fs::read_to_string(entry.unwrap().path()).unwrap())
        .collect::<String>();
    assert!(log.contains("the start-up write check failed"), "{log}");
    assert!(log.contains("database is locked"), "{log}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_read_only_data_file_is_explained_at_start_up() {
    let Some((_lock, tauri_driver)) = guard().await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.db");
    let pool = set_up_branch(&db, ("静安酒店", "ja01", "hotel"), Language::En).await;
    store::close(pool).await;
    let Some(_read_only) = ReadOnlyFile::new(&db) else {
        return;
    };

    let app = App::launch(&tauri_driver, &db).await;
    app.wait_text("#fatal-code", "startup.read_only").await;
    assert!(
        app.text_of("#branch-name")
            .await
            .unwrap_or_default()
            .is_empty()
    );
    app.quit().await;
}
