//! Supporting departments: add, change, done and undone, remove, each audited; what is
//! outstanding; the grade rule; the old flag migrated and the intake tick box.

use super::*;
use crate::support::{add_person, migrated_before};
use branchdesk::cases::repo::support::{
    add_support, remove_support, set_support_done, update_support,
};
use branchdesk::cases::support::SupportInput;

fn line(department: &str, task: &str, due_on: Option<&str>) -> SupportInput {
    SupportInput {
        department: department.into(),
        task: task.into(),
        owner_name: Some("王师傅".into()),
        due_on: due_on.map(str::to_owned),
        ..Default::default()
    }
}

#[tokio::test]
async fn supporting_departments_are_listed_changed_done_and_removed_with_audit() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let clerk = add_person(&pool, "李娜").await;
    let id = case_at(&pool, now(), &["acknowledged"]).await;
    let before = get_case(&pool, id, now()).await.unwrap();
    assert_eq!(before.suggestion.grade.get(), 4);

    let hostile = "<img src=x onerror=alert(1)>";
    let overdue = add_support(
        &pool,
        id,
        &line("工程部", "更换阀门", Some("2026-11-18")),
        Some(clerk),
        now(),
    )
    .await
    .unwrap();
    let due_later = add_support(
        &pool,
        id,
        &line(hostile, "=cmd|' /C calc'!A0", Some("2026-11-25")),
        Some(clerk),
        now(),
    )
    .await
    .unwrap();
    let err = add_support(&pool, id, &line(" ", "x", None), None, now())
        .await
        .unwrap_err();
    assert_eq!(
        (err.code(), err.field()),
        ("invalid.required", Some("department"))
    );

    let panel = get_casework(&pool, id, now()).await.unwrap();
    assert_eq!(panel.supports.len(), 2);
    assert_eq!((panel.outstanding.open, panel.outstanding.overdue), (2, 1));
    assert!(panel.supports[0].overdue && !panel.supports[1].overdue);
    assert_eq!(panel.supports[1].department, hostile, "stored as written");
    assert_eq!(panel.supports[1].task, "=cmd|' /C calc'!A0");
    let page = get_case(&pool, id, now()).await.unwrap();
    assert_eq!(page.suggestion.reason_code(), "has_supporting_departments");
    assert_eq!(page.suggestion.grade.get(), 3);

    let staffed = SupportInput {
        owner_staff_id: Some(clerk),
        ..line("工程部", "更换阀门并试压", Some("2026-11-22"))
    };
    update_support(&pool, id, overdue, &staffed, Some(clerk), now())
        .await
        .unwrap();
    set_support_done(&pool, id, due_later, true, Some(clerk), now())
        .await
        .unwrap();
    // A second "done" changes nothing and writes nothing.
    set_support_done(&pool, id, due_later, true, Some(clerk), now())
        .await
        .unwrap();
    let panel = get_casework(&pool, id, now()).await.unwrap();
    assert_eq!((panel.outstanding.open, panel.outstanding.overdue), (1, 0));
    assert_eq!(panel.supports[0].owner_staff_name.as_deref(), Some("李娜"));
    assert_eq!(
        panel.supports[0].owner_name, None,
        "one owner, the member of staff"
    );
    let done = &panel.supports[1];
    assert_eq!(
        (done.done_on.as_deref(), done.done_by_name.as_deref()),
        (Some("2026-11-20"), Some("李娜"))
    );
    set_support_done(&pool, id, due_later, false, Some(clerk), now())
        .await
        .unwrap();
    remove_support(&pool, id, overdue, Some(clerk), now())
        .await
        .unwrap();

    let page = get_case(&pool, id, now()).await.unwrap();
    let changes: Vec<_> = page
        .timeline
        .iter()
        .filter(|e| e.kind == "support")
        .map(|e| e.new_value.as_deref().unwrap())
        .collect();
    assert_eq!(
        changes,
        ["added", "added", "changed", "done", "undone", "removed"]
    );
    let audited: Vec<_> = page.audit.iter().filter(|a| a.field == "support").collect();
    assert_eq!(audited.len(), 6);
    assert!(
        audited
            .iter()
            .all(|a| a.actor_name.as_deref() == Some("李娜"))
    );
    assert_eq!(
        audited[2].old_value.as_deref(),
        Some("工程部 | 更换阀门 | 王师傅 | 2026-11-18 | ")
    );
    assert_eq!(
        audited[5].old_value.as_deref(),
        Some("工程部 | 更换阀门并试压 | 李娜 | 2026-11-22 | "),
        "the removed line's last words stay in the audit trail"
    );
    let panel = get_casework(&pool, id, now()).await.unwrap();
    assert_eq!(panel.supports.len(), 1);
    // A line of another case is not this case's to change.
    let other = case_at(&pool, now(), &[]).await;
    let err = remove_support(&pool, other, due_later, None, now())
        .await
        .unwrap_err();
    assert_eq!(err.code(), "not_found");
}

#[tokio::test]
async fn the_intake_tick_box_adds_an_unspecified_line() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let mut input = intake(&pool, "包裹丢失，需要转运中心协查").await;
    input.needs_other_departments = true;
    let id = create_case(&pool, &input, None, now()).await.unwrap();
    let panel = get_casework(&pool, id, now()).await.unwrap();
    assert_eq!(panel.supports.len(), 1);
    assert_eq!(panel.supports[0].department, "unspecified");
    assert_eq!(panel.outstanding.open, 1);
    let page = get_case(&pool, id, now()).await.unwrap();
    assert_eq!(page.suggestion.reason_code(), "has_supporting_departments");
}

#[tokio::test]
async fn an_upgrade_turns_the_old_flag_into_one_unspecified_line() {
    let db = TempDb::new();
    let raw = migrated_before(&db, "0013").await;
    sqlx::query(
        "INSERT INTO categories (id, seed_key, position, created_at) VALUES (1, 'other', 1, '2026-01-01T00:00:00Z')",
    )
    .execute(&raw)
    .await
    .unwrap();
    for (number, flag) in [("SH01-202611-0001", 1), ("SH01-202611-0002", 0)] {
        sqlx::query(
            "INSERT INTO cases (number, received_at, received_month, channel, customer_type,
                category_id, description, needs_other_departments, suggested_grade, grade, status,
                acknowledge_by, resolve_by, due_at, created_at, updated_at)
             VALUES (?, '2026-11-01T02:00:00Z', 202611, 'phone', 'unknown', 1, '漏水', ?, 3, 3,
                'investigating', '2026-11-01T06:00:00Z', '2026-11-08T16:00:00Z',
                '2026-11-08T16:00:00Z', '2026-11-01T02:00:00Z', '2026-11-02T02:00:00Z')",
        )
        .bind(number)
        .bind(flag)
        .execute(&raw)
        .await
        .unwrap();
    }
    raw.close().await;
    let pool = db.open().await;
    let lines: Vec<(i64, String, String, String)> = sqlx::query_as(
        "SELECT case_id, department, task, created_at FROM case_supports ORDER BY id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        lines,
        [(
            1,
            "unspecified".into(),
            String::new(),
            "2026-11-02T02:00:00Z".into()
        )]
    );
    let sent: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM group_outbox WHERE tbl = 'case_supports' AND op = 'I'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(sent, 1, "migrated lines go to head office like any other");
}
