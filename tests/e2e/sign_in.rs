//! Sign-in in the real window: a wrong password, signing in and acting, Ctrl+L locking the
//! window (nothing of the data on screen, and Rust refusing data commands), switching to a
//! staff member, that staff member refused a manager action with the translated message, and
//! the window locking itself after the branch's idle minutes.

use std::time::Duration;

use branchdesk::access::{NewSignIn, Role, SecretKind, SignInSettings};
use branchdesk::settings::Language;
use branchdesk::staff::{StaffInput, repo as staff_repo};

use super::dictionary::text;
use super::driver::{App, guard};
use super::fixtures::{MANAGER, set_up_branch};

/// Calls a command from the page as the UI would and returns its error code (or "ok").
const INVOKE: &str = "const done = arguments[arguments.length - 1];
    window.__TAURI__.core.invoke(arguments[0], arguments[1])
      .then(() => done('ok'), (e) => done(e && e.code ? e.code : String(e)));";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_act_lock_switch_user_and_a_staff_member_refused() {
    let Some((_lock, tauri_driver)) = guard().await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.db");
    let pool = set_up_branch(&db, ("Harbour Hotel", "hh01", "hotel"), Language::En).await;
    let input = StaffInput {
        name: "Li Na".into(),
        ..Default::default()
    };
    let li = staff_repo::add_staff(&pool, &input.parse().unwrap())
        .await
        .unwrap();
    let sign_in = NewSignIn {
        staff_id: li.id,
        username: "lina".into(),
        role: Role::Staff,
        secret: "lina-password".into(),
    };
    branchdesk::access::repo::create_sign_in(&pool, &sign_in)
        .await
        .unwrap();
    branchdesk::store::close(pool).await;

    let app = App::launch_signed_out(&tauri_driver, &db).await;
    app.wait_text("#signin-title", &text("en/access", "signin.title"))
        .await;
    assert_eq!(app.count("#app-shell:not([hidden])").await, 0);
    app.sign_in(MANAGER.0, "not-the-password").await;
    app.wait_text(
        "#signin-form .form-error",
        &text("en/access", "error.access.wrong_sign_in"),
    )
    .await;

    // Sign in and act: the manager adds a person.
    app.sign_in(MANAGER.0, MANAGER.1).await;
    app.wait_text("#signed-in-as", "E2E Manager · Manager")
        .await;
    app.click("a[data-nav=staff]").await;
    app.click("#staff-add").await;
    app.type_into("#staff-form [name=name]", "Ann Lee").await;
    app.click("#staff-save").await;
    app.wait_text_containing("#staff-table", "Ann Lee").await;

    // Ctrl+L: the sign-in screen, no view left in the page, and Rust refuses data commands.
    app.press_lock_shortcut().await;
    app.wait_text("#signin-title", &text("en/access", "signin.lockedTitle"))
        .await;
    assert_eq!(
        app.count("#view *").await,
        0,
        "the locked window holds no view"
    );
    let body = app.text_of("body").await.unwrap_or_default();
    assert!(
        !body.contains("Ann Lee"),
        "nothing of the data shows: {body}"
    );
    let refused = app
        .client
        .execute_async(
            INVOKE,
            vec![
                "list_staff".into(),
                serde_json::json!({ "includeInactive": true }),
            ],
        )
        .await
        .expect("invoke");
    assert_eq!(refused, "access.locked");

    // Switch user on the locked screen: a staff member signs in.
    app.sign_in("lina", "lina-password").await;
    app.wait_text("#signed-in-as", "Li Na · Staff").await;
    app.click("a[data-nav=staff]").await;
    app.click("#staff-add").await;
    app.type_into("#staff-form [name=name]", "Someone Else")
        .await;
    app.click("#staff-save").await;
    app.wait_text(
        "#staff-form .form-error",
        &text("en/access", "error.access.denied"),
    )
    .await;
    app.quit().await;

    let pool = branchdesk::store::open(&db).await.unwrap();
    let added: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM staff WHERE name = 'Someone Else'")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(added, 0, "the refused action changed nothing");
}

/// Left alone for the branch's idle minutes, the window locks by itself: the sign-in screen,
/// no view in the page, Rust refusing data commands; signing in again opens the app.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_idle_window_locks_itself_after_the_branch_minutes() {
    let Some((_lock, tauri_driver)) = guard().await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.db");
    let pool = set_up_branch(&db, ("Harbour Hotel", "hh01", "hotel"), Language::En).await;
    let settings = SignInSettings {
        secret_kind: SecretKind::Password,
        idle_minutes: 1,
    };
    branchdesk::access::repo::set_settings(&pool, settings)
        .await
        .unwrap();
    branchdesk::store::close(pool).await;

    let app = App::launch(&tauri_driver, &db).await;
    app.click("a[data-nav=staff]").await;
    app.wait_for("#staff-table").await;
    // One idle minute plus the UI's 15-second look at its clock, with room for a busy machine.
    let locked = app
        .wait_up_to(
            Duration::from_secs(120),
            "#signin:not([hidden]) #signin-form",
        )
        .await;
    assert!(locked, "the window never locked itself");
    app.wait_text("#signin-title", &text("en/access", "signin.lockedTitle"))
        .await;
    assert_eq!(
        app.count("#view *").await,
        0,
        "the locked window holds no view"
    );
    let refused = app
        .client
        .execute_async(
            INVOKE,
            vec![
                "list_staff".into(),
                serde_json::json!({ "includeInactive": true }),
            ],
        )
        .await
        .expect("invoke");
    assert_eq!(refused, "access.locked");

    app.sign_in_again().await;
    app.wait_text("#signed-in-as", "E2E Manager · Manager")
        .await;
    app.quit().await;
}
