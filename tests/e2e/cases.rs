//! A complaint's whole life in the real window: intake with hostile text, every status to
//! closed with a follow-up, reopening, an overdue grade 2 case, and the list's filter and search.

use chrono::{TimeDelta, Utc};

use super::driver::{App, guard};

const HOSTILE: &str = "<img src=x onerror=alert(1)>";

/// First-run setup in English for a postal outlet.
async fn set_up(app: &App) {
    app.find("#welcome-form").await;
    app.select("#welcome-form [name=language]", "en").await;
    app.type_into("#welcome-form [name=name]", "滨江快递服务点")
        .await;
    app.type_into("#welcome-form [name=code]", "BJ01").await;
    app.select("#welcome-form [name=industry]", "postal").await;
    app.set_value("#welcome-form [name=timezone]", "Asia/Shanghai")
        .await;
    app.click("#welcome-submit").await;
    app.create_first_manager().await;
    app.wait_text("#branch-name", "滨江快递服务点").await;
}

/// Fills the intake form's required fields and saves; returns the new case's number.
async fn record_case(app: &App, description: &str, extra: &[(&str, &str)]) -> String {
    app.click("a[data-nav=cases]").await;
    app.click("#case-new").await;
    app.wait_for("#case-form").await;
    app.select("#case-form [name=channel]", "phone").await;
    app.select("#case-form [name=customerType]", "angry").await;
    let category = app.first_option("#case-form [name=categoryId]").await;
    app.select("#case-form [name=categoryId]", &category).await;
    app.type_into("#case-form [name=complainantName]", "陈先生")
        .await;
    app.type_into("#case-form [name=description]", description)
        .await;
    for (name, value) in extra {
        app.set_value(&format!("#case-form [name={name}]"), value)
            .await;
    }
    app.click("#case-save").await;
    app.wait_for("#case-page-loaded, #case-number:not(:empty)")
        .await;
    let number = app.text_of("#case-number").await.unwrap_or_default();
    assert!(number.starts_with("BJ01-"), "case number {number:?}");
    number
}

/// Clicks the move to `status` and waits for the page to show it.
async fn move_to(app: &App, status: &str) {
    app.click(&format!("button[data-transition={status}]"))
        .await;
    app.wait_for(&format!(
        "#case-status[data-status={status}], #transition-form"
    ))
    .await;
    if status == "resolving" {
        // Leaving investigation asks for the verdict: justified or not, cause, fault.
        app.select("#transition-form [name=justified]", "yes").await;
        app.select("#transition-form [name=judgementCause]", "service_delay")
            .await;
        app.select("#transition-form [name=fault]", "branch").await;
        app.click("#transition-save").await;
    }
}

async fn wait_status(app: &App, status: &str) {
    app.wait_for(&format!("#case-status[data-status={status}]"))
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_case_from_intake_to_closed_reopened_and_found_again() {
    let Some((_lock, tauri_driver)) = guard().await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let app = App::launch(&tauri_driver, &dir.path().join("e2e.db")).await;
    set_up(&app).await;

    // Intake: hostile text is shown as text, never as markup.
    let first = record_case(&app, HOSTILE, &[("reference", "3栋1203")]).await;
    app.wait_text("#case-description", HOSTILE).await;
    assert_eq!(app.count("#case-description img").await, 0);

    // Every status to closed, with the resolution and the follow-up call.
    for status in ["acknowledged", "investigating", "resolving"] {
        move_to(&app, status).await;
        wait_status(&app, status).await;
    }
    move_to(&app, "follow_up").await;
    app.type_into("#transition-form [name=actionTaken]", "补发包裹，当面致歉")
        .await;
    app.click("#transition-form [name=customerAccepted]").await;
    app.type_into("#transition-form [name=goodwill]", "50")
        .await;
    app.select("#transition-form [name=rootCause]", "delay")
        .await;
    app.click("#transition-save").await;
    wait_status(&app, "follow_up").await;
    move_to(&app, "closed").await;
    let today = Utc::now()
        .with_timezone(&chrono_tz::Asia::Shanghai)
        .format("%Y-%m-%d")
        .to_string();
    app.set_value("#transition-form [name=calledOn]", &today)
        .await;
    app.select("#transition-form [name=satisfaction]", "5")
        .await;
    app.click("#transition-save").await;
    wait_status(&app, "closed").await;

    // Reopen it.
    move_to(&app, "reopened").await;
    if app.count("#transition-save").await > 0 {
        app.click("#transition-save").await;
    }
    wait_status(&app, "reopened").await;
    app.wait_for("#case-timeline li[data-kind=status]").await;

    // A grade 2 case (a group of 5 households) received 10 days ago is overdue.
    let ten_days_ago = (Utc::now() - TimeDelta::days(10))
        .with_timezone(&chrono_tz::Asia::Shanghai)
        .format("%Y-%m-%dT%H:%M")
        .to_string();
    let late = record_case(
        &app,
        "楼上漏水，五户一起投诉",
        &[("receivedAt", &ten_days_ago), ("households", "5")],
    )
    .await;
    app.wait_for("#case-grade[data-grade='2']").await;
    app.wait_for("#case-deadline[data-state=overdue]").await;

    // The list's overdue filter and a two-character Chinese search both find it, alone.
    app.click("a[data-nav=cases]").await;
    app.click("#case-filter-overdue").await;
    app.wait_text("#case-table tr[data-case-id] td.case-number", &late)
        .await;
    assert_eq!(app.count("#case-table tr[data-case-id]").await, 1);
    assert_eq!(app.count("#case-table tr.case-overdue").await, 1);
    app.click("#case-filter-overdue").await;
    app.type_into("#case-search", "漏水\n").await;
    app.wait_text("#case-table tr[data-case-id] td.case-number", &late)
        .await;
    assert_eq!(app.count("#case-table tr[data-case-id]").await, 1);
    app.type_into("#case-search", "3栋1203\n").await;
    app.wait_text("#case-table tr[data-case-id] td.case-number", &first)
        .await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn closing_a_crisis_with_steps_not_done_names_them_needs_a_reason_and_is_audited() {
    let Some((_lock, tauri_driver)) = guard().await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let app = App::launch(&tauri_driver, &dir.path().join("e2e.db")).await;
    set_up(&app).await;

    // Twelve households together: a crisis, with its checklist; one step is done.
    record_case(&app, "十二户业主联名投诉停水", &[("households", "12")]).await;
    app.wait_for("#case-grade[data-grade='1']").await;
    app.wait_text(
        "#case-crisis-title",
        "Grade 1 (crisis): start crisis handling now",
    )
    .await;
    app.click("input[data-escalation=team_meeting]").await;
    app.wait_for("input[data-escalation=team_meeting][disabled]")
        .await;
    for status in ["acknowledged", "investigating", "resolving"] {
        move_to(&app, status).await;
        wait_status(&app, status).await;
    }
    move_to(&app, "follow_up").await;
    app.type_into("#transition-form [name=actionTaken]", "当天恢复供水并公告")
        .await;
    app.select("#transition-form [name=rootCause]", "facilities")
        .await;
    app.click("#transition-save").await;
    wait_status(&app, "follow_up").await;

    // Closing asks first, naming the two steps not done.
    move_to(&app, "closed").await;
    app.click("#transition-form [name=unreachable]").await;
    app.type_into(
        "#transition-form [name=unreachableNote]",
        "业主群三天无人回复",
    )
    .await;
    app.click("#transition-save").await;
    app.wait_for("#reason-dialog[open] #reason-items").await;
    assert_eq!(app.count("#reason-items li").await, 2);
    assert_eq!(
        app.text_of("#reason-items li:first-child").await.as_deref(),
        Some("Reported to head office")
    );
    assert_eq!(
        app.text_of("#reason-items li:last-child").await.as_deref(),
        Some("One spokesperson named")
    );
    // Without a reason nothing closes.
    app.click("#reason-ok").await;
    app.wait_for("#reason-error:not([hidden])").await;
    assert_eq!(app.count("#case-status[data-status=follow_up]").await, 1);
    app.type_into(
        "#reason-text",
        "Head office was told by phone; no spokesperson was needed",
    )
    .await;
    app.click("#reason-ok").await;
    wait_status(&app, "closed").await;

    // A closed crisis is a record, no longer a call to act; the audit keeps steps and reason.
    app.wait_text("#case-crisis-title", "Grade 1 (crisis): handling record")
        .await;
    app.click("#case-audit-toggle").await;
    app.wait_text_containing(
        "#case-audit tr[data-field=escalation_unticked]",
        "Reported to head office and One spokesperson named",
    )
    .await;
    app.wait_text_containing(
        "#case-audit tr[data-field=escalation_reason]",
        "Head office was told by phone; no spokesperson was needed",
    )
    .await;
    app.quit().await;
}
