//! First run in Chinese, switching to English, a hostile staff name, and a restart.

use super::dictionary::text;
use super::driver::{App, guard};

const HOSTILE: &str = "<img src=x onerror=alert(1)>";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn first_run_language_switch_hostile_staff_and_restart() {
    let Some((_lock, tauri_driver)) = guard().await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.db");

    let app = App::launch(&tauri_driver, &db).await;
    // First run: the welcome form, filled in Chinese.
    app.find("#welcome-form").await;
    app.select("#welcome-form [name=language]", "zh-CN").await;
    app.type_into("#welcome-form [name=name]", "徐汇快递服务点")
        .await;
    app.type_into("#welcome-form [name=code]", "xh01").await;
    app.select("#welcome-form [name=industry]", "postal").await;
    app.click("#welcome-submit").await;
    app.create_first_manager().await;
    app.wait_text("#branch-name", "徐汇快递服务点").await;
    app.wait_text("a[data-nav=staff]", &text("zh-CN", "nav.staff"))
        .await;

    // Switch the whole UI to English without a restart.
    app.click("a[data-nav=settings]").await;
    app.select("#settings-language", "en").await;
    app.wait_text("a[data-nav=staff]", &text("en", "nav.staff"))
        .await;
    app.wait_text("a[data-nav=settings]", &text("en", "nav.settings"))
        .await;

    // A staff member whose name is an HTML payload is shown as text.
    app.click("a[data-nav=staff]").await;
    app.click("#staff-add").await;
    app.type_into("#staff-form [name=name]", HOSTILE).await;
    app.type_into("#staff-form [name=position]", "Counter clerk")
        .await;
    app.click("#staff-save").await;
    app.wait_text("#staff-table td.staff-name", HOSTILE).await;
    assert_eq!(
        app.count("#staff-table img").await,
        0,
        "the name must not become an element"
    );
    app.quit().await;

    // Restart on the same database: no welcome, English, the person is still there.
    let app = App::launch(&tauri_driver, &db).await;
    app.wait_text("#branch-name", "徐汇快递服务点").await;
    assert_eq!(app.count("#welcome-form").await, 0);
    app.wait_text("a[data-nav=staff]", &text("en", "nav.staff"))
        .await;
    app.click("a[data-nav=staff]").await;
    app.wait_text("#staff-table td.staff-name", HOSTILE).await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn welcome_shows_a_field_error_and_saves_nothing() {
    let Some((_lock, tauri_driver)) = guard().await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.db");

    let app = App::launch(&tauri_driver, &db).await;
    app.find("#welcome-form").await;
    app.select("#welcome-form [name=language]", "en").await;
    app.type_into("#welcome-form [name=name]", "Harbour Hotel")
        .await;
    app.type_into("#welcome-form [name=code]", "'; DROP TABLE staff;--")
        .await;
    app.click("#welcome-submit").await;
    app.wait_text_containing(
        ".field-error[data-error-for=code]",
        &text("en", "error.invalid.branch_code"),
    )
    .await;
    assert_eq!(
        app.count("#branch-name:not(:empty)").await,
        0,
        "still on the welcome screen"
    );
    app.quit().await;

    let pool = branchdesk::store::open(&db).await.unwrap();
    let branches: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM branch")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(branches, 0);
}
