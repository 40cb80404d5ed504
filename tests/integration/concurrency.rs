//! Backups and exports made by the command-line tool while the app keeps saving complaints: all
//! succeed, and the app never meets "database is locked".

use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use branchdesk::cases::intake::CaseInput;
use branchdesk::cases::repo::create::create_case;
use branchdesk::settings::repo::list_categories;
use branchdesk::store::backup;

use super::support::{TempDb, set_up_branch};

/// Runs `branchdesk-cli --db <db> <args>` off the async runtime and fails the test unless it succeeds.
async fn run_cli(db: &TempDb, args: &[&str]) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_branchdesk-cli"));
    command
        .arg("--db")
        .arg(&db.path)
        .args(args)
        .env_remove("BRANCHDESK_DB");
    let output = tokio::task::spawn_blocking(move || command.output().expect("run the CLI"))
        .await
        .expect("CLI task");
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cli_backups_and_exports_while_the_app_writes_never_lock_it_out() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let category = list_categories(&pool).await.unwrap()[0].id;
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (pool, stop) = (pool.clone(), stop.clone());
        tokio::spawn(async move {
            let mut saved = 0u32;
            while !stop.load(Ordering::Relaxed) {
                let input = CaseInput {
                    channel: "phone".into(),
                    customer_type: "unknown".into(),
                    category_id: category,
                    description: format!("并发测试 {saved}：快递延误"),
                    ..Default::default()
                };
                // Any error here (such as "database is locked") fails the test.
                create_case(&pool, &input, None, chrono::Utc::now())
                    .await
                    .map_err(|e| format!("save {saved} failed: {e}"))?;
                saved += 1;
            }
            Ok::<u32, String>(saved)
        })
    };

    let month = branchdesk::stats::current_month(chrono::Utc::now(), chrono_tz::Asia::Shanghai);
    for n in 0..4 {
        let copy = db.dir.path().join(format!("copy-{n}.sqlite"));
        run_cli(&db, &["backup", "--out", &copy.display().to_string()]).await;
        backup::check_backup(&copy).await.unwrap();
    }
    for n in 0..2 {
        let out = db.dir.path().join(format!("export-{n}.xlsx"));
        let out_text = out.display().to_string();
        run_cli(
            &db,
            &["export", "--month", &month.to_string(), "--out", &out_text],
        )
        .await;
        assert!(out.is_file());
    }
    stop.store(true, Ordering::Relaxed);
    let saved = writer.await.unwrap().unwrap();
    assert!(saved > 0, "the app kept saving meanwhile");
}
