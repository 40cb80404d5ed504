//! Case rules a manager would trip on (issue 12, points 3–7): closing a crisis with steps left
//! undone, grading by channel and by the customer's open cases, the repeat warning across
//! categories, deadlines after reopening and pauses that end with the case, and edits checked
//! like intake.

mod intake;

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use sqlx::SqlitePool;

use super::support::{TempDb, set_up_branch};
use branchdesk::cases::deadlines::deadlines;
use branchdesk::cases::intake::CaseInput;
use branchdesk::cases::repo::create::{check_intake, create_case};
use branchdesk::cases::repo::detail::{CaseDetail, get_case};
use branchdesk::cases::repo::workflow::{
    StatusChange, change_status, pause_case, set_grade, tick_escalation, update_case,
};
use branchdesk::cases::resolution::{FollowUpInput, ResolutionInput};
use branchdesk::cases::{DeadlineState, Status};
use branchdesk::settings::repo::{get_time_limits, list_categories, set_category_hidden};
use branchdesk::staff::{StaffInput, repo as staff_repo};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 2, 0, 0).unwrap()
}

/// `when` as the intake form writes it, in the branch's zone (Shanghai).
fn local(when: DateTime<Utc>) -> String {
    when.with_timezone(&chrono_tz::Asia::Shanghai)
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}

async fn category(pool: &SqlitePool, index: usize) -> i64 {
    list_categories(pool).await.expect("categories")[index].id
}

async fn intake(pool: &SqlitePool, description: &str) -> CaseInput {
    CaseInput {
        channel: "phone".into(),
        customer_type: "angry".into(),
        category_id: category(pool, 0).await,
        description: description.into(),
        complainant_name: Some("王女士".into()),
        phone: Some("139 2222 3333".into()),
        ..Default::default()
    }
}

fn to(status: &str) -> StatusChange {
    StatusChange {
        to: status.into(),
        judgement: crate::support::judged_for(status),
        ..Default::default()
    }
}

fn resolution() -> ResolutionInput {
    ResolutionInput {
        action_taken: "上门道歉并赔偿".into(),
        customer_accepted: true,
        goodwill: None,
        root_cause: "staff".into(),
    }
}

fn closing(called_on: &str) -> StatusChange {
    StatusChange {
        follow_up: Some(FollowUpInput {
            called_on: Some(called_on.into()),
            satisfaction: Some(3),
            ..Default::default()
        }),
        ..to("closed")
    }
}

/// Moves a new case to follow-up at `at`.
async fn resolve(pool: &SqlitePool, id: i64, at: DateTime<Utc>) {
    for status in ["acknowledged", "investigating", "resolving"] {
        change_status(pool, id, &to(status), None, at)
            .await
            .expect(status);
    }
    let follow_up = StatusChange {
        resolution: Some(resolution()),
        ..to("follow_up")
    };
    change_status(pool, id, &follow_up, None, at)
        .await
        .expect("follow-up");
}

fn audit_lines<'a>(detail: &'a CaseDetail, field: &str) -> Vec<&'a str> {
    detail
        .audit
        .iter()
        .filter(|a| a.field == field)
        .map(|a| a.new_value.as_deref().unwrap_or("∅"))
        .collect()
}

#[tokio::test]
async fn a_crisis_closes_with_steps_unticked_only_with_a_reason_the_audit_keeps() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let mut input = intake(&pool, "顾客在微博发帖投诉").await;
    input.media_exposure_risk = true;
    let id = create_case(&pool, &input, None, now()).await.unwrap();
    tick_escalation(&pool, id, "team_meeting", None, now())
        .await
        .unwrap();
    resolve(&pool, id, now()).await;

    let refused = change_status(&pool, id, &closing("2026-11-20"), None, now())
        .await
        .unwrap_err();
    assert_eq!(refused.code(), "crisis.steps_unticked");
    assert_eq!(refused.field(), Some("escalationReason"));
    assert!(
        refused
            .to_string()
            .contains("report_head_office, one_spokesperson"),
        "the refusal names the unticked steps: {refused}"
    );
    let blank = StatusChange {
        escalation_reason: Some("   ".into()),
        ..closing("2026-11-20")
    };
    assert_eq!(
        change_status(&pool, id, &blank, None, now())
            .await
            .unwrap_err()
            .code(),
        "crisis.steps_unticked"
    );
    let still = get_case(&pool, id, now()).await.unwrap();
    assert_eq!(
        still.status,
        Status::FollowUp,
        "a refused close changes nothing"
    );
    assert!(still.fields["satisfaction"].is_null());

    let with_reason = StatusChange {
        escalation_reason: Some("总部已电话知悉，帖子当天删除".into()),
        ..closing("2026-11-20")
    };
    change_status(&pool, id, &with_reason, None, now())
        .await
        .unwrap();
    let closed = get_case(&pool, id, now()).await.unwrap();
    assert_eq!(closed.status, Status::Closed);
    assert_eq!(
        audit_lines(&closed, "escalation_unticked"),
        ["report_head_office,one_spokesperson"]
    );
    assert_eq!(
        audit_lines(&closed, "escalation_reason"),
        ["总部已电话知悉，帖子当天删除"]
    );
    let close_entry = closed
        .timeline
        .iter()
        .rfind(|e| e.kind == "status")
        .expect("close on the timeline");
    assert_eq!(close_entry.new_value.as_deref(), Some("closed"));
    assert_eq!(close_entry.body, "总部已电话知悉，帖子当天删除");
}

#[tokio::test]
async fn a_crisis_with_every_step_ticked_or_a_lower_grade_closes_as_before() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let mut input = intake(&pool, "十户业主联名投诉").await;
    input.households = Some(12);
    let crisis = create_case(&pool, &input, None, now()).await.unwrap();
    for item in ["report_head_office", "team_meeting", "one_spokesperson"] {
        tick_escalation(&pool, crisis, item, None, now())
            .await
            .unwrap();
    }
    resolve(&pool, crisis, now()).await;
    change_status(&pool, crisis, &closing("2026-11-20"), None, now())
        .await
        .unwrap();
    let closed = get_case(&pool, crisis, now()).await.unwrap();
    assert_eq!(closed.status, Status::Closed);
    assert!(audit_lines(&closed, "escalation_unticked").is_empty());

    let general = create_case(&pool, &intake(&pool, "普通投诉").await, None, now())
        .await
        .unwrap();
    resolve(&pool, general, now()).await;
    change_status(&pool, general, &closing("2026-11-20"), None, now())
        .await
        .unwrap();
}

#[tokio::test]
async fn changing_the_grade_of_a_reopened_case_keeps_the_fresh_window() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let received = now() - TimeDelta::days(50);
    let mut input = intake(&pool, "空调维修后又坏了").await;
    input.received_at = Some(local(received));
    let id = create_case(&pool, &input, None, received).await.unwrap();
    let handled = received + TimeDelta::days(1);
    resolve(&pool, id, handled).await;
    change_status(&pool, id, &closing(&local(handled)[..10]), None, handled)
        .await
        .unwrap();
    let reopened_at = now() - TimeDelta::hours(2);
    change_status(&pool, id, &to("reopened"), None, reopened_at)
        .await
        .unwrap();
    let fresh = get_case(&pool, id, now()).await.unwrap();
    assert_eq!(fresh.deadline.unwrap().state, DeadlineState::OnTrack);

    // Open over 30 days counted from receipt: the rules now suggest grade 2; raising is free.
    set_grade(&pool, id, 2, None, None, now()).await.unwrap();
    let regraded = get_case(&pool, id, now()).await.unwrap();
    assert_eq!(regraded.fields["grade"], 2);
    let limit = get_time_limits(&pool).await.unwrap()[1];
    assert_eq!(limit.grade, 2);
    let window = deadlines(reopened_at, &limit, chrono_tz::Asia::Shanghai);
    assert_eq!(
        regraded.fields["resolveBy"],
        window
            .resolve_by
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    );
    assert_ne!(
        regraded.deadline.unwrap().state,
        DeadlineState::Overdue,
        "regrading a reopened case keeps the window reopening gave it"
    );
}

#[tokio::test]
async fn resolving_or_closing_a_paused_case_ends_the_pause_with_an_audit_line() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let id = create_case(&pool, &intake(&pool, "等客户寄回物品").await, None, now())
        .await
        .unwrap();
    for status in ["acknowledged", "investigating", "resolving"] {
        change_status(&pool, id, &to(status), None, now())
            .await
            .unwrap();
    }
    let due_before = get_case(&pool, id, now()).await.unwrap().fields["dueAt"].clone();
    let paused_at = now() + TimeDelta::hours(1);
    pause_case(&pool, id, "等客户寄回物品", None, paused_at)
        .await
        .unwrap();
    let resolved_at = paused_at + TimeDelta::hours(5);
    let follow_up = StatusChange {
        resolution: Some(resolution()),
        ..to("follow_up")
    };
    change_status(&pool, id, &follow_up, None, resolved_at)
        .await
        .unwrap();
    let resolved = get_case(&pool, id, resolved_at).await.unwrap();
    assert!(resolved.fields["pausedSince"].is_null());
    assert_ne!(resolved.deadline.unwrap().state, DeadlineState::Paused);
    assert_eq!(resolved.pause_reason, None);
    assert_eq!(
        audit_lines(&resolved, "paused_since"),
        ["2026-11-20T03:00:00Z", "∅"]
    );
    let moved = DateTime::parse_from_rfc3339(resolved.fields["dueAt"].as_str().unwrap()).unwrap()
        - DateTime::parse_from_rfc3339(due_before.as_str().unwrap()).unwrap();
    assert_eq!(moved, TimeDelta::hours(5), "the wait moved the deadline");

    let waiting_again = resolved_at + TimeDelta::hours(1);
    pause_case(&pool, id, "等客户回电", None, waiting_again)
        .await
        .unwrap();
    let closed_at = waiting_again + TimeDelta::hours(1);
    change_status(&pool, id, &closing("2026-11-20"), None, closed_at)
        .await
        .unwrap();
    let closed = get_case(&pool, id, closed_at).await.unwrap();
    assert!(closed.fields["pausedSince"].is_null());
    assert_eq!(
        audit_lines(&closed, "paused_since"),
        ["2026-11-20T03:00:00Z", "∅", "2026-11-20T09:00:00Z", "∅"]
    );
    let open_pauses: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM case_pauses WHERE case_id = ? AND end_at IS NULL")
            .bind(id)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(open_pauses, 0);
    // Reopened, the case is not paused.
    change_status(&pool, id, &to("reopened"), None, closed_at)
        .await
        .unwrap();
    let reopened = get_case(&pool, id, closed_at).await.unwrap();
    assert_eq!(reopened.deadline.unwrap().state, DeadlineState::OnTrack);
}

#[tokio::test]
async fn an_edit_is_checked_like_intake_but_keeps_what_it_already_had() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let add = |name: &str| StaffInput {
        name: name.into(),
        ..Default::default()
    };
    let leaver = staff_repo::add_staff(&pool, &add("张伟").parse().unwrap())
        .await
        .unwrap();
    let stayer = staff_repo::add_staff(&pool, &add("李娜").parse().unwrap())
        .await
        .unwrap();
    let mut input = intake(&pool, "前台服务态度差").await;
    input.taken_by_id = Some(leaver.id);
    input.assignee_id = Some(stayer.id);
    let id = create_case(&pool, &input, None, now()).await.unwrap();
    staff_repo::set_staff_active(&pool, leaver.id, false)
        .await
        .unwrap();
    let original_category = input.category_id;
    set_category_hidden(&pool, original_category, true)
        .await
        .unwrap();
    let hidden = category(&pool, 1).await;
    set_category_hidden(&pool, hidden, true).await.unwrap();

    // Kept as they were, a retired category and a departed colleague stay on the record.
    input.description = "前台服务态度差，补充：当班经理也在场".into();
    update_case(&pool, id, &input, None, now()).await.unwrap();

    let refused = |field: &'static str, edit: CaseInput| {
        let pool = pool.clone();
        async move {
            let err = update_case(&pool, id, &edit, None, now())
                .await
                .unwrap_err();
            assert_eq!((err.code(), err.field()), ("invalid.choice", Some(field)));
        }
    };
    refused(
        "categoryId",
        CaseInput {
            category_id: hidden,
            ..input.clone()
        },
    )
    .await;
    refused(
        "assigneeId",
        CaseInput {
            assignee_id: Some(leaver.id),
            ..input.clone()
        },
    )
    .await;
    refused(
        "takenById",
        CaseInput {
            taken_by_id: Some(stayer.id + 100),
            ..input.clone()
        },
    )
    .await;
    let detail = get_case(&pool, id, now()).await.unwrap();
    assert_eq!(detail.fields["categoryId"], original_category);
    assert_eq!(detail.fields["assigneeId"], stayer.id);
    assert_eq!(
        detail.fields["description"],
        "前台服务态度差，补充：当班经理也在场"
    );
}
