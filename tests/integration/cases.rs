//! Cases on a real database: intake and numbering, search, the workflow, deadlines, audit.

use chrono::{DateTime, TimeDelta, TimeZone, Utc};

use super::support::{TempDb, set_up_branch};
use branchdesk::cases::intake::CaseInput;
use branchdesk::cases::repo::list::{CaseQuery, list_cases};
use branchdesk::cases::repo::workflow::{
    StatusChange, change_status, pause_case, resume_case, set_grade,
};
use branchdesk::cases::repo::{create::check_intake, create::create_case, detail::get_case};
use branchdesk::cases::resolution::{FollowUpInput, ResolutionInput};
use branchdesk::cases::{DeadlineState, Status};
use branchdesk::settings::repo::list_categories;
use sqlx::SqlitePool;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 2, 0, 0).unwrap()
}

async fn intake(pool: &SqlitePool, description: &str) -> CaseInput {
    let category = list_categories(pool).await.expect("categories")[0].id;
    CaseInput {
        channel: "phone".into(),
        customer_type: "angry".into(),
        category_id: category,
        description: description.into(),
        complainant_name: Some("陈先生".into()),
        phone: Some("138 0013 8000".into()),
        reference: Some("SF1234567890".into()),
        ..Default::default()
    }
}

async fn search(pool: &SqlitePool, text: &str) -> Vec<String> {
    let query = CaseQuery {
        search: Some(text.into()),
        ..Default::default()
    };
    list_cases(pool, &query, now())
        .await
        .expect("list")
        .rows
        .into_iter()
        .map(|r| r.number)
        .collect()
}

#[tokio::test]
async fn numbers_follow_the_branch_local_month_and_are_never_reused() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let mut input = intake(&pool, "包裹延误").await;
    // 23:30 on 31 October in Shanghai is 15:30 UTC: an October case.
    input.received_at = Some("2026-10-31T23:30".into());
    let first = create_case(&pool, &input, None, now()).await.unwrap();
    input.received_at = Some("2026-11-01T00:10".into());
    let second = create_case(&pool, &input, None, now()).await.unwrap();
    let third = create_case(&pool, &input, None, now()).await.unwrap();
    let number = |id| {
        let pool = pool.clone();
        async move {
            get_case(&pool, id, now()).await.unwrap().fields["number"]
                .as_str()
                .unwrap()
                .to_owned()
        }
    };
    assert_eq!(number(first).await, "PD01-202610-0001");
    assert_eq!(number(second).await, "PD01-202611-0001");
    change_status(
        &pool,
        third,
        &StatusChange {
            to: "invalid".into(),
            reason: Some("重复登记".into()),
            ..Default::default()
        },
        None,
        now(),
    )
    .await
    .unwrap();
    let fourth = create_case(&pool, &input, None, now()).await.unwrap();
    assert_eq!(
        number(fourth).await,
        "PD01-202611-0003",
        "a voided number is not reused"
    );
    assert_eq!(
        search(&pool, "PD01-202611-0002").await,
        vec!["PD01-202611-0002"]
    );
}

#[tokio::test]
async fn search_finds_chinese_of_any_length_and_english_case_insensitively() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    create_case(
        &pool,
        &intake(&pool, "楼上卫生间漏水，天花板发霉").await,
        None,
        now(),
    )
    .await
    .unwrap();
    create_case(
        &pool,
        &intake(&pool, "Parcel arrived DAMAGED, box crushed").await,
        None,
        now(),
    )
    .await
    .unwrap();
    create_case(&pool, &intake(&pool, "前台服务态度差").await, None, now())
        .await
        .unwrap();
    let only = |n: &str| vec![n.to_owned()];
    assert_eq!(search(&pool, "漏").await, only("PD01-202611-0001"));
    assert_eq!(search(&pool, "漏水").await, only("PD01-202611-0001"));
    assert_eq!(search(&pool, "天花板发霉").await, only("PD01-202611-0001"));
    assert_eq!(search(&pool, "damaged").await, only("PD01-202611-0002"));
    assert_eq!(search(&pool, "Crush").await, only("PD01-202611-0002"));
    assert_eq!(search(&pool, "bo").await, only("PD01-202611-0002"));
    assert_eq!(search(&pool, "态度 前台").await, only("PD01-202611-0003"));
    assert_eq!(
        search(&pool, "陈先生").await.len(),
        3,
        "names are searchable"
    );
    assert_eq!(
        search(&pool, "0013").await.len(),
        3,
        "phones are searchable"
    );
    assert!(search(&pool, "停车").await.is_empty());
    assert!(search(&pool, "\"; DROP TABLE cases; --").await.is_empty());
}

#[tokio::test]
async fn a_case_moves_through_every_status_to_closed_and_reopens() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let id = create_case(
        &pool,
        &intake(&pool, "<img src=x onerror=alert(1)>").await,
        None,
        now(),
    )
    .await
    .unwrap();
    let step = |to: &str| StatusChange {
        to: to.into(),
        judgement: crate::support::judged_for(to),
        ..Default::default()
    };
    // Skipping a step is refused.
    assert_eq!(
        change_status(&pool, id, &step("resolving"), None, now())
            .await
            .unwrap_err()
            .code(),
        "invalid_transition"
    );
    for to in ["acknowledged", "investigating", "resolving"] {
        change_status(&pool, id, &step(to), None, now())
            .await
            .unwrap();
    }
    let resolution = ResolutionInput {
        action_taken: "补发包裹并致歉".into(),
        customer_accepted: true,
        goodwill: Some("50".into()),
        root_cause: "delay".into(),
    };
    change_status(
        &pool,
        id,
        &StatusChange {
            resolution: Some(resolution),
            ..step("follow_up")
        },
        None,
        now(),
    )
    .await
    .unwrap();
    // Closing needs the follow-up.
    assert_eq!(
        change_status(&pool, id, &step("closed"), None, now())
            .await
            .unwrap_err()
            .field(),
        Some("followUp")
    );
    let follow_up = FollowUpInput {
        called_on: Some("2026-11-20".into()),
        satisfaction: Some(4),
        ..Default::default()
    };
    change_status(
        &pool,
        id,
        &StatusChange {
            follow_up: Some(follow_up),
            ..step("closed")
        },
        None,
        now(),
    )
    .await
    .unwrap();
    let closed = get_case(&pool, id, now()).await.unwrap();
    assert_eq!(closed.status, Status::Closed);
    assert_eq!(closed.fields["goodwillFen"], 5000);
    assert_eq!(closed.fields["satisfaction"], 4);
    assert_eq!(closed.fields["description"], "<img src=x onerror=alert(1)>");
    assert_eq!(closed.allowed_next, vec![Status::Reopened]);

    change_status(
        &pool,
        id,
        &StatusChange {
            reason: Some("问题复发".into()),
            ..step("reopened")
        },
        None,
        now(),
    )
    .await
    .unwrap();
    change_status(&pool, id, &step("investigating"), None, now())
        .await
        .unwrap();
    let reopened = get_case(&pool, id, now()).await.unwrap();
    assert_eq!(reopened.fields["reopenCount"], 1);
    assert_eq!(
        reopened.fields["satisfaction"],
        serde_json::Value::Null,
        "a reopened case needs a new follow-up"
    );
    let statuses: Vec<_> = reopened
        .timeline
        .iter()
        .filter(|e| e.kind == "status")
        .filter_map(|e| e.new_value.clone())
        .collect();
    assert_eq!(
        statuses,
        [
            "acknowledged",
            "investigating",
            "resolving",
            "follow_up",
            "closed",
            "reopened",
            "investigating"
        ]
    );
    let audited: Vec<_> = reopened.audit.iter().map(|a| a.field.as_str()).collect();
    assert!(
        audited.contains(&"satisfaction")
            && audited.contains(&"status")
            && audited.contains(&"reopen_count")
    );
}

#[tokio::test]
async fn a_grade_2_case_received_ten_days_ago_is_overdue_and_filters_find_it() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let mut input = intake(&pool, "群诉：快递柜无法取件").await;
    input.households = Some(5);
    input.received_at = Some(
        (now() - TimeDelta::days(10))
            .with_timezone(&chrono_tz::Asia::Shanghai)
            .format("%Y-%m-%dT%H:%M")
            .to_string(),
    );
    let late = create_case(&pool, &input, None, now()).await.unwrap();
    let fresh = create_case(&pool, &intake(&pool, "今天的普通投诉").await, None, now())
        .await
        .unwrap();

    let detail = get_case(&pool, late, now()).await.unwrap();
    assert_eq!(detail.fields["grade"], 2);
    assert_eq!(detail.deadline.unwrap().state, DeadlineState::Overdue);
    assert_eq!(
        get_case(&pool, fresh, now())
            .await
            .unwrap()
            .deadline
            .unwrap()
            .state,
        DeadlineState::OnTrack
    );

    let overdue = list_cases(
        &pool,
        &CaseQuery {
            overdue: true,
            ..Default::default()
        },
        now(),
    )
    .await
    .unwrap();
    assert_eq!(
        overdue.rows.iter().map(|r| r.id).collect::<Vec<_>>(),
        vec![late]
    );
    let graded = list_cases(
        &pool,
        &CaseQuery {
            grade: Some(2),
            search: Some("快递柜".into()),
            ..Default::default()
        },
        now(),
    )
    .await
    .unwrap();
    assert_eq!(graded.total, 1);
    let counts = list_cases(
        &pool,
        &CaseQuery {
            status: Some("closed".into()),
            ..Default::default()
        },
        now(),
    )
    .await
    .unwrap();
    assert_eq!(counts.total, 0);
    assert_eq!(counts.status_counts, vec![("new".to_owned(), 2)]);
}

#[tokio::test]
async fn lowering_the_grade_needs_a_reason_and_moves_the_deadline() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let mut input = intake(&pool, "媒体可能曝光").await;
    input.media_exposure_risk = true;
    let check = check_intake(&pool, &input, now()).await.unwrap();
    assert_eq!(check.suggestion.grade.get(), 1);
    assert!(check.likely_duplicates.is_empty());
    input.grade = Some(3);
    assert_eq!(
        create_case(&pool, &input, None, now())
            .await
            .unwrap_err()
            .field(),
        Some("gradeReason")
    );
    input.grade_reason = Some("记者已确认不报道".into());
    let id = create_case(&pool, &input, None, now()).await.unwrap();
    let created = get_case(&pool, id, now()).await.unwrap();
    let reason = created
        .audit
        .iter()
        .find(|a| a.field == "grade_reason")
        .expect("reason audited");
    assert_eq!(reason.new_value.as_deref(), Some("记者已确认不报道"));
    let before = created.fields["dueAt"].clone();
    set_grade(&pool, id, 1, None, None, now()).await.unwrap();
    let after = get_case(&pool, id, now()).await.unwrap();
    assert_eq!(after.fields["grade"], 1);
    assert_ne!(
        after.fields["dueAt"], before,
        "a grade change recomputes the deadline"
    );
    assert!(
        after
            .audit
            .iter()
            .any(|a| a.field == "grade" && a.old_value.as_deref() == Some("3"))
    );

    // The same customer and category again within 7 days is flagged before saving.
    let again = check_intake(&pool, &intake(&pool, "又来了").await, now())
        .await
        .unwrap();
    assert_eq!(again.likely_duplicates.len(), 1);
}

#[tokio::test]
async fn waiting_on_the_customer_pauses_the_clock() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let id = create_case(&pool, &intake(&pool, "需要客户提供照片").await, None, now())
        .await
        .unwrap();
    let due = |detail: &branchdesk::cases::repo::detail::CaseDetail| {
        detail.fields["dueAt"].as_str().unwrap().to_owned()
    };
    let before = due(&get_case(&pool, id, now()).await.unwrap());
    pause_case(&pool, id, "等客户补充照片", None, now())
        .await
        .unwrap();
    assert_eq!(
        pause_case(&pool, id, "again", None, now())
            .await
            .unwrap_err()
            .code(),
        "invalid.choice"
    );
    let paused = get_case(&pool, id, now() + TimeDelta::days(30))
        .await
        .unwrap();
    assert_eq!(paused.deadline.unwrap().state, DeadlineState::Paused);
    assert_eq!(paused.pause_reason.as_deref(), Some("等客户补充照片"));
    resume_case(&pool, id, None, now() + TimeDelta::days(2))
        .await
        .unwrap();
    let resumed = get_case(&pool, id, now() + TimeDelta::days(2))
        .await
        .unwrap();
    let moved = DateTime::parse_from_rfc3339(&due(&resumed)).unwrap()
        - DateTime::parse_from_rfc3339(&before).unwrap();
    assert_eq!(moved, TimeDelta::days(2));
}
