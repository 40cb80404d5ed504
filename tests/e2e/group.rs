//! Head office's Group page in the real window: on a computer set up as head office the nav
//! shows "Group", and a server that cannot be reached is explained on the page (with a way to
//! try again) instead of leaving it blank; a branch's computer has no Group entry at all.

use branchdesk::settings::Language;

use super::driver::{App, guard};
use super::fixtures::set_up_branch;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn head_offices_group_page_explains_an_unreachable_server() {
    let Some((_lock, tauri_driver)) = guard().await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.db");
    let pool = set_up_branch(&db, ("集团总部", "hq01", "hotel"), Language::En).await;
    // Nothing listens on port 1: the connection is refused at once.
    branchdesk::group::office::save(&pool, "postgres://office@127.0.0.1:1/group", "")
        .await
        .unwrap();
    pool.close().await;
    let password_file = dir.path().join("office-password");
    let env = [(
        branchdesk::group::office::PASSWORD_FILE_VAR,
        password_file.to_str().unwrap(),
    )];

    let app = App::launch_with_env(&tauri_driver, &db, &env).await;
    app.wait_for("#nav-group-item:not([hidden])").await;
    app.click("a[data-nav=group]").await;
    app.wait_for("#group-error").await;
    app.wait_text_containing("#group-error", "head office server cannot be reached")
        .await;
    assert_eq!(
        app.text_of("#group-error")
            .await
            .map(|t| t.contains("postgres://")),
        Some(false),
        "the address is not shown as an error"
    );
    app.quit().await;

    // Cleared: the computer is a branch's again and the entry is gone.
    let pool = branchdesk::store::open_existing(&db).await.unwrap();
    branchdesk::group::office::save(&pool, "", "")
        .await
        .unwrap();
    pool.close().await;
    let app = App::launch_with_env(&tauri_driver, &db, &env).await;
    app.wait_for("a[data-nav=dashboard][aria-current=page]")
        .await;
    app.wait_for("#nav-group-item[hidden]").await;
    app.quit().await;
}
