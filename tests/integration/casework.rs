//! Casework depth (issue 16 points 2–4) on real database files: the verdict that verification
//! records and the grade rule that reads it, supporting departments with their audit, the old
//! flag migrated, and progress updates with the "kept informed" figure.

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use sqlx::SqlitePool;

use crate::support::{TempDb, judged, set_up_branch};
use branchdesk::cases::intake::CaseInput;
use branchdesk::cases::judgement::JudgementInput;
use branchdesk::cases::repo::casework::get_casework;
use branchdesk::cases::repo::create::create_case;
use branchdesk::cases::repo::detail::{CaseDetail, get_case};
use branchdesk::cases::repo::judgement::set_judgement;
use branchdesk::cases::repo::workflow::{StatusChange, change_status};
use branchdesk::settings::repo::list_categories;

mod progress;
mod supports;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 2, 0, 0).unwrap()
}

async fn intake(pool: &SqlitePool, description: &str) -> CaseInput {
    CaseInput {
        channel: "phone".into(),
        customer_type: "angry".into(),
        category_id: list_categories(pool).await.expect("categories")[0].id,
        description: description.into(),
        complainant_name: Some("王女士".into()),
        phone: Some("139 2222 3333".into()),
        ..Default::default()
    }
}

/// A case received at `received`, moved through each status of `path` at `received`.
async fn case_at(pool: &SqlitePool, received: DateTime<Utc>, path: &[&str]) -> i64 {
    let mut input = intake(pool, "暖气不热，报修三次无人处理").await;
    input.received_at = Some(
        received
            .with_timezone(&chrono_tz::Asia::Shanghai)
            .format("%Y-%m-%dT%H:%M")
            .to_string(),
    );
    let id = create_case(pool, &input, None, received)
        .await
        .expect("case");
    for to in path {
        let change = StatusChange {
            to: (*to).into(),
            judgement: crate::support::judged_for(to),
            ..Default::default()
        };
        change_status(pool, id, &change, None, received)
            .await
            .expect(to);
    }
    id
}

fn audit<'a>(detail: &'a CaseDetail, field: &str) -> Vec<(Option<&'a str>, Option<&'a str>)> {
    detail
        .audit
        .iter()
        .filter(|a| a.field == field)
        .map(|a| (a.old_value.as_deref(), a.new_value.as_deref()))
        .collect()
}

fn verdict(justified: bool, cause: &str, fault: &str) -> JudgementInput {
    JudgementInput {
        justified: Some(justified),
        cause: cause.into(),
        fault: fault.into(),
    }
}

#[tokio::test]
async fn leaving_verification_needs_the_verdict_and_records_it_with_audit_and_timeline() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let id = case_at(&pool, now(), &["acknowledged", "investigating"]).await;
    let bare = StatusChange {
        to: "resolving".into(),
        ..Default::default()
    };
    let err = change_status(&pool, id, &bare, None, now())
        .await
        .unwrap_err();
    assert_eq!(
        (err.code(), err.field()),
        ("invalid.required", Some("justified"))
    );
    let half = StatusChange {
        judgement: Some(verdict(false, "damage", "customer")),
        ..bare.clone()
    };
    let err = change_status(&pool, id, &half, None, now())
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("judgementCause"));
    let page = get_case(&pool, id, now()).await.unwrap();
    assert_eq!(
        page.status.as_str(),
        "investigating",
        "a refused move changes nothing"
    );
    assert!(audit(&page, "fault").is_empty());

    let judged_move = StatusChange {
        judgement: Some(verdict(false, "unreasonable_expectation", "customer")),
        ..bare
    };
    change_status(&pool, id, &judged_move, None, now())
        .await
        .unwrap();
    let page = get_case(&pool, id, now()).await.unwrap();
    assert_eq!(page.status.as_str(), "resolving");
    assert_eq!(audit(&page, "justified"), [(None, Some("0"))]);
    assert_eq!(
        audit(&page, "judgement_cause"),
        [(None, Some("unreasonable_expectation"))]
    );
    assert_eq!(audit(&page, "fault"), [(None, Some("customer"))]);
    let entry = page
        .timeline
        .iter()
        .find(|e| e.kind == "judgement")
        .unwrap();
    assert_eq!(
        entry.new_value.as_deref(),
        Some("unjustified/unreasonable_expectation/customer")
    );
    let panel = get_casework(&pool, id, now()).await.unwrap();
    let stored = panel.judgement.unwrap();
    assert_eq!(
        (stored.justified, stored.cause),
        (false, "unreasonable_expectation")
    );
}

#[tokio::test]
async fn a_recorded_verdict_changes_only_with_a_reason_and_a_voided_case_has_none() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let id = case_at(
        &pool,
        now(),
        &["acknowledged", "investigating", "resolving"],
    )
    .await;
    let change = verdict(true, "staff_conduct", "branch");
    let err = set_judgement(&pool, id, &change, Some("  "), None, now())
        .await
        .unwrap_err();
    assert_eq!(
        (err.code(), err.field()),
        ("invalid.reason_required", Some("judgementReason"))
    );
    let reason = "<img src=x onerror=alert(1)> 复核录音后更正";
    set_judgement(&pool, id, &change, Some(reason), None, now())
        .await
        .unwrap();
    let page = get_case(&pool, id, now()).await.unwrap();
    assert_eq!(
        audit(&page, "judgement_cause"),
        [
            (None, Some("service_delay")),
            (Some("service_delay"), Some("staff_conduct"))
        ]
    );
    let entries: Vec<_> = page
        .timeline
        .iter()
        .filter(|e| e.kind == "judgement")
        .collect();
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[1].body, reason, "hostile text is stored as written");
    assert_eq!(
        entries[1].old_value.as_deref(),
        Some("justified/service_delay/branch")
    );
    // A case found invalid has no verdict to give.
    let void = case_at(&pool, now(), &[]).await;
    let voiding = StatusChange {
        to: "invalid".into(),
        reason: Some("重复登记".into()),
        ..Default::default()
    };
    change_status(&pool, void, &voiding, None, now())
        .await
        .unwrap();
    let err = set_judgement(&pool, void, &judged(), None, None, now()).await;
    assert_eq!(err.unwrap_err().code(), "invalid.choice");
}

#[tokio::test]
async fn age_raises_the_grade_only_when_the_fault_is_the_branchs_own() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let received = now() - TimeDelta::days(40);
    let id = case_at(&pool, received, &["acknowledged", "investigating"]).await;
    let fired = |page: &CaseDetail| -> Vec<&'static str> {
        page.suggestion.fired.iter().map(|r| r.code()).collect()
    };
    // Not judged yet: age alone does not raise it.
    let page = get_case(&pool, id, now()).await.unwrap();
    assert_eq!((page.suggestion.grade.get(), fired(&page)), (4, vec![]));
    let move_on = StatusChange {
        to: "resolving".into(),
        judgement: Some(verdict(true, "damage", "third_party")),
        ..Default::default()
    };
    change_status(&pool, id, &move_on, None, now())
        .await
        .unwrap();
    let page = get_case(&pool, id, now()).await.unwrap();
    assert_eq!(page.suggestion.grade.get(), 4, "a third party's fault");
    set_judgement(
        &pool,
        id,
        &verdict(true, "damage", "branch"),
        Some("查明是本网点漏派"),
        None,
        now(),
    )
    .await
    .unwrap();
    let page = get_case(&pool, id, now()).await.unwrap();
    assert_eq!(page.suggestion.grade.get(), 2);
    assert_eq!(page.suggestion.reason_code(), "open_over_30_days_own_fault");
    // The same verdict on a fresh case changes nothing.
    let fresh = case_at(
        &pool,
        now(),
        &["acknowledged", "investigating", "resolving"],
    )
    .await;
    let page = get_case(&pool, fresh, now()).await.unwrap();
    assert_eq!(page.suggestion.grade.get(), 4);
}
