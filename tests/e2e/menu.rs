//! The native menu end to end. WebDriver cannot click a native menu, so the test names an item
//! in `BRANCHDESK_TEST_MENU_ACTION` (read by debug builds only): once the window is up, the
//! backend carries it out through the same function a click calls (`menu::perform`), which sends
//! the item to the window; the window must go to the page the item names. The branch is in
//! Chinese, so the menu is relabelled in place on start as well.

use super::driver::{App, guard};
use super::fixtures::set_up_branch;
use branchdesk::settings::Language;

/// The same variable as `desktop::menu::TEST_ACTION_ENV` (the desktop module is private).
const TEST_ACTION_ENV: &str = "BRANCHDESK_TEST_MENU_ACTION";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn file_export_month_opens_the_reports_export_card() {
    let Some((_lock, tauri_driver)) = guard().await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.db");
    let pool = set_up_branch(
        &db,
        ("静安物业服务中心", "ja01", "property"),
        Language::ZhCn,
    )
    .await;
    branchdesk::store::close(pool).await;

    let app = App::launch_with_env(
        &tauri_driver,
        &db,
        &[(TEST_ACTION_ENV, "file.export-month")],
    )
    .await;

    // The item arrives while the sign-in screen shows; once the driver has signed in, the
    // window carries it out: Reports' export card, with the focus in the card.
    app.find("#report-export").await;
    let hash = app
        .client
        .execute("return location.hash;", vec![])
        .await
        .unwrap();
    assert_eq!(hash, serde_json::json!("#/reports"));
    let mut focused = serde_json::Value::Null;
    for _ in 0..50 {
        focused = app
            .client
            .execute(
                "return document.getElementById('report-export').contains(document.activeElement);",
                vec![],
            )
            .await
            .unwrap();
        if focused == serde_json::json!(true) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(
        focused,
        serde_json::json!(true),
        "the export card has the focus"
    );
    app.quit().await;

    // The backend's side of the click is on record (ids only, nothing personal).
    let logs = dir.path().join("logs");
    let newest = branchdesk::logging::newest_file(&logs, branchdesk::logging::Program::App)
        .expect("the app wrote its log");
    let log = std::fs::read_to_string(newest).unwrap();
    assert!(log.contains("file.export-month"), "{log}");
}
