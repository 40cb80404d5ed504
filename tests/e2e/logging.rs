//! The log file in the real window: a save that fails with the generic message leaves its cause
//! in the log, and the complaint's personal data (name, phone, description, notes) never does.

use sqlx::Connection;
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};

use super::dictionary::text;
use super::driver::{App, guard};
use super::fixtures::set_up_branch;
use branchdesk::settings::Language;

const NAME: &str = "欧阳思远";
const PHONE: &str = "13912345678";
const DESCRIPTION: &str = "包裹 SECRET-DESC-8b2e 在门口被淋湿";
const NOTE: &str = "回访 SECRET-NOTE-8b2e";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_save_logs_its_cause_and_never_the_complainants_data() {
    let Some((_lock, tauri_driver)) = guard().await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.db");
    let pool = set_up_branch(&db, ("滨江快递服务点", "bj01", "postal"), Language::En).await;
    branchdesk::store::close(pool).await;
    let app = App::launch(&tauri_driver, &db).await;

    app.wait_text("#branch-name", "滨江快递服务点").await;
    app.click("a[data-nav=cases]").await;
    app.click("#case-new").await;
    app.wait_for("#case-form").await;
    app.select("#case-form [name=channel]", "phone").await;
    app.select("#case-form [name=customerType]", "angry").await;
    let category = app.first_option("#case-form [name=categoryId]").await;
    app.select("#case-form [name=categoryId]", &category).await;
    app.type_into("#case-form [name=complainantName]", NAME)
        .await;
    app.type_into("#case-form [name=phone]", PHONE).await;
    app.type_into("#case-form [name=description]", DESCRIPTION)
        .await;
    app.click("#case-save").await;
    app.wait_text("#case-description", DESCRIPTION).await;

    // Another program's rule refuses the next timeline entry.
    let mut other = SqliteConnection::connect_with(&SqliteConnectOptions::new().filename(&db))
        .await
        .unwrap();
    sqlx::raw_sql(
        "CREATE TRIGGER refuse_events BEFORE INSERT ON case_events
         BEGIN SELECT RAISE(ABORT, 'refused by trigger e2e-8b2e'); END;",
    )
    .execute(&mut other)
    .await
    .unwrap();
    other.close().await.unwrap();
    app.type_into("#case-entry-body", NOTE).await;
    app.click("#case-entry-add").await;
    app.wait_text(
        "#case-entry-form .form-error",
        &text("en", "error.database"),
    )
    .await;
    app.quit().await;

    let log: String = std::fs::read_dir(dir.path().join("logs"))
        .unwrap()
        .map(|entry| std::fs::read_to_string(entry.unwrap().path()).unwrap())
        .collect();
    assert!(log.contains("refused by trigger e2e-8b2e"), "{log}");
    for personal in [NAME, PHONE, "SECRET-DESC-8b2e", "SECRET-NOTE-8b2e"] {
        assert!(!log.contains(personal), "{personal} is in the log:\n{log}");
    }
}
