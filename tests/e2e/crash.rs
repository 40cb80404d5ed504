//! Crash safety: the app is killed outright (SIGKILL) again and again while it saves a stream
//! of complaints. Every complaint the app had reported saved must be there afterwards, and
//! SQLite's integrity check must pass.

use std::time::Duration;

use branchdesk::settings::Language;
use branchdesk::store;

use super::driver::{App, guard};
use super::fixtures::set_up_branch;

/// Rounds of write-then-kill, and how long each round writes before the kill (varied, so the
/// kill lands at different points of a save).
const ROUNDS: [u64; 5] = [350, 600, 450, 800, 520];

/// Starts saving complaints one after another inside the window, as the intake form does, and
/// records each id the app reports saved.
const STREAM: &str = r#"
    const [categoryId] = arguments;
    window.__saved = [];
    (async () => {
        for (let i = 0; ; i++) {
            const detail = await window.__TAURI__.core.invoke('create_case', { input: {
                channel: 'phone', customerType: 'angry', categoryId,
                complainantName: '测试' + i, phone: '138 0013 ' + String(8000 + i),
                description: '崩溃测试：第 ' + i + ' 条投诉，楼上漏水',
            } });
            window.__saved.push(detail.fields.id);
        }
    })();
    return true;
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_reported_save_survives_repeated_sigkill() {
    let Some((_lock, tauri_driver)) = guard().await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.db");
    let pool = set_up_branch(&db, ("崩溃测试物业", "cr01", "property"), Language::ZhCn).await;
    let category: i64 = sqlx::query_scalar("SELECT MIN(id) FROM categories")
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;

    let mut reported: Vec<i64> = Vec::new();
    for (round, writing_ms) in ROUNDS.into_iter().enumerate() {
        let app = App::launch(&tauri_driver, &db).await;
        app.client
            .execute(STREAM, vec![category.into()])
            .await
            .unwrap();
        // The round's writing time starts at the first reported save, so a slow start (a busy
        // machine, the sign-in's password hashing) cannot leave a round with nothing saved.
        let mut started = false;
        for _ in 0..300 {
            let count = app
                .client
                .execute("return window.__saved.length;", vec![])
                .await
                .unwrap();
            if count.as_u64().unwrap_or(0) > 0 {
                started = true;
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(started, "round {round}: no save was reported within 30 s");
        tokio::time::sleep(Duration::from_millis(writing_ms)).await;
        let saved: Vec<i64> = serde_json::from_value(
            app.client
                .execute("return window.__saved.slice();", vec![])
                .await
                .unwrap(),
        )
        .unwrap();
        // Kill at once: saves in flight after this read are not counted, and must not harm.
        assert!(
            app.kill_app(&db),
            "round {round}: the app process was found"
        );
        assert!(!saved.is_empty(), "round {round}: some saves were reported");
        reported.extend(saved);
        app.quit().await;
    }

    let pool = store::open(&db).await.unwrap();
    let check: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(check, "ok");
    let stored: Vec<i64> = sqlx::query_scalar("SELECT id FROM cases ORDER BY id")
        .fetch_all(&pool)
        .await
        .unwrap();
    let missing: Vec<&i64> = reported.iter().filter(|id| !stored.contains(id)).collect();
    assert!(missing.is_empty(), "reported saved but lost: {missing:?}");
    // Numbers stay unique and the search index still finds the stored cases.
    let numbers: i64 = sqlx::query_scalar("SELECT COUNT(DISTINCT number) FROM cases")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(numbers as usize, stored.len());
    let found: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM case_search_grams WHERE case_search_grams MATCH '漏水'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(found as usize, stored.len());
    eprintln!(
        "crash test: {} saves reported over {} kills, {} stored",
        reported.len(),
        ROUNDS.len(),
        stored.len()
    );
}
