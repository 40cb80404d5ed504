//! Closing the real window with a complaint half typed: the window asks first, staying keeps
//! every typed word, and leaving closes the app with its database fully written back.

use branchdesk::settings::Language;
use branchdesk::store;

use super::dictionary::text;
use super::driver::{App, guard};
use super::fixtures::set_up_branch;

/// What the window's close button does: a close request, which the page may answer.
const PRESS_CLOSE: &str = "window.__TAURI__.window.getCurrentWindow().close(); return true;";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn closing_the_window_mid_intake_asks_and_staying_keeps_the_text() {
    let Some((_lock, tauri_driver)) = guard().await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("unsaved.db");
    let pool = set_up_branch(&db, ("Riverside Homes", "rh01", "property"), Language::En).await;
    store::close(pool).await;

    let app = App::launch(&tauri_driver, &db).await;
    app.click("a[data-nav=cases]").await;
    app.click("#case-new").await;
    app.wait_for("#case-form").await;
    app.type_into(
        "#case-form [name=description]",
        "Water leaking from the flat above",
    )
    .await;

    app.client.execute(PRESS_CLOSE, vec![]).await.unwrap();
    app.wait_text("#confirm-title", &text("en", "unsaved.title"))
        .await;
    app.click("#confirm-cancel").await;
    app.wait_for("#confirm-dialog:not([open])").await;
    let kept = app
        .client
        .execute(
            "return document.querySelector('#case-form [name=description]').value;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(kept, "Water leaking from the flat above");

    app.client.execute(PRESS_CLOSE, vec![]).await.unwrap();
    app.wait_text("#confirm-ok", &text("en", "unsaved.discard"))
        .await;
    // The window goes away with the click, so the click's own answer may never come.
    let _ = app
        .client
        .execute(
            "setTimeout(() => document.querySelector('#confirm-ok').click(), 0); return true;",
            vec![],
        )
        .await;
    assert!(app.wait_until_exited(&db).await, "leaving closes the app");
    let log = db.with_file_name("unsaved.db-wal");
    assert_eq!(
        std::fs::metadata(&log).map_or(0, |m| m.len()),
        0,
        "on quitting, the app wrote its log back into the database file"
    );
    let pool = store::open(&db).await.unwrap();
    let cases: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM cases")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(cases, 0, "nothing was saved behind the user's back");
    app.quit().await;
}
