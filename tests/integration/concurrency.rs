//! A backup taken by the command-line tool while the app keeps saving complaints: both succeed,
//! and the app never meets "database is locked".

use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use branchdesk::cases::intake::CaseInput;
use branchdesk::cases::repo::create::create_case;
use branchdesk::settings::repo::list_categories;
use branchdesk::store::backup;

use super::support::{TempDb, set_up_branch};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cli_backups_while_the_app_writes_never_lock_it_out() {
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

    for n in 0..4 {
        let out = db.dir.path().join(format!("copy-{n}.sqlite"));
        let db_path = db.path.clone();
        let backed_up = tokio::task::spawn_blocking(move || {
            Command::new(env!("CARGO_BIN_EXE_branchdesk-cli"))
                .arg("--db")
                .arg(&db_path)
                .args(["backup", "--out"])
                .arg(&out)
                .env_remove("BRANCHDESK_DB")
                .output()
                .unwrap()
        })
        .await
        .unwrap();
        assert!(
            backed_up.status.success(),
            "backup {n}: {}",
            String::from_utf8_lossy(&backed_up.stderr)
        );
        backup::check_backup(&db.dir.path().join(format!("copy-{n}.sqlite")))
            .await
            .unwrap();
    }
    stop.store(true, Ordering::Relaxed);
    let saved = writer.await.unwrap().unwrap();
    assert!(saved > 0, "the app kept saving meanwhile");
}
