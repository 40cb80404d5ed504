//! What a case keeps beside its fields: attachments copied into the data folder, and the name
//! of whoever made each change.

use chrono::{TimeZone, Utc};

use super::support::{TempDb, set_up_branch};
use branchdesk::cases::intake::CaseInput;
use branchdesk::cases::repo::attachments::{add_attachment, attachment_path, attachments_dir};
use branchdesk::cases::repo::workflow::{StatusChange, add_entry, change_status, tick_escalation};
use branchdesk::cases::repo::{create::create_case, detail::get_case};
use branchdesk::settings::repo::list_categories;
use branchdesk::staff::{StaffInput, repo as staff_repo};

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 2, 0, 0).unwrap()
}

async fn new_case(pool: &sqlx::SqlitePool, actor: Option<i64>) -> i64 {
    let category = list_categories(pool).await.expect("categories")[0].id;
    let input = CaseInput {
        channel: "walk_in".into(),
        customer_type: "talker".into(),
        category_id: category,
        description: "柜台排队太久".into(),
        ..Default::default()
    };
    create_case(pool, &input, actor, now()).await.expect("case")
}

#[tokio::test]
async fn attachments_are_copied_and_bad_files_refused() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let id = new_case(&pool, None).await;
    let dir = attachments_dir(&db.path);
    let photo = db.dir.path().join("现场 照片.jpg");
    std::fs::write(&photo, b"\xFF\xD8\xFFjpeg bytes").unwrap();

    let attachment = add_attachment(&pool, id, &photo, &dir, None, now())
        .await
        .unwrap();
    std::fs::remove_file(&photo).unwrap();
    let copy = attachment_path(&pool, attachment, &dir).await.unwrap();
    assert!(copy.starts_with(&dir));
    assert_eq!(
        std::fs::read(&copy).unwrap(),
        b"\xFF\xD8\xFFjpeg bytes",
        "the copy survives the original"
    );
    let detail = get_case(&pool, id, now()).await.unwrap();
    assert_eq!(detail.attachments[0].file_name, "现场 照片.jpg");
    assert!(detail.timeline.iter().any(|e| e.kind == "attachment"));

    let script = db.dir.path().join("evil.exe");
    std::fs::write(&script, b"MZ").unwrap();
    let err = add_attachment(&pool, id, &script, &dir, None, now())
        .await
        .unwrap_err();
    assert_eq!(
        (err.field(), err.code()),
        (Some("attachment"), "invalid.choice")
    );
    assert_eq!(
        attachment_path(&pool, 999, &dir).await.unwrap_err().code(),
        "not_found"
    );
}

#[tokio::test]
async fn every_change_is_recorded_in_the_name_of_who_made_it() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let input = StaffInput {
        name: "林芳".into(),
        ..Default::default()
    };
    let staff = staff_repo::add_staff(&pool, &input.parse().unwrap())
        .await
        .unwrap();
    let id = new_case(&pool, Some(staff.id)).await;
    let ack = StatusChange {
        to: "acknowledged".into(),
        ..Default::default()
    };
    change_status(&pool, id, &ack, Some(staff.id), now())
        .await
        .unwrap();
    add_entry(&pool, id, "call", "已电话联系客户", Some(staff.id), now())
        .await
        .unwrap();
    tick_escalation(&pool, id, "team_meeting", Some(staff.id), now())
        .await
        .unwrap();
    assert_eq!(
        tick_escalation(&pool, id, "party", Some(staff.id), now())
            .await
            .unwrap_err()
            .code(),
        "invalid.choice"
    );

    let detail = get_case(&pool, id, now()).await.unwrap();
    assert!(
        detail
            .timeline
            .iter()
            .all(|e| e.author_name.as_deref() == Some("林芳"))
    );
    assert!(
        detail
            .audit
            .iter()
            .all(|a| a.actor_name.as_deref() == Some("林芳"))
    );
    assert_eq!(
        detail.escalation_ticks[0].ticked_by_name.as_deref(),
        Some("林芳")
    );
}

#[tokio::test]
async fn an_edit_audits_each_changed_field_once() {
    use branchdesk::cases::repo::workflow::update_case;
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let id = new_case(&pool, None).await;
    let category = list_categories(&pool).await.unwrap()[1].id;
    let edit = CaseInput {
        channel: "walk_in".into(),
        customer_type: "angry".into(),
        category_id: category,
        description: "柜台排队太久".into(),
        phone: Some("139 1111 2222".into()),
        ..Default::default()
    };
    update_case(&pool, id, &edit, None, now()).await.unwrap();
    let detail = get_case(&pool, id, now()).await.unwrap();
    let mut fields: Vec<&str> = detail
        .audit
        .iter()
        .map(|a| a.field.as_str())
        .filter(|f| *f != "created")
        .collect();
    fields.sort_unstable();
    assert_eq!(fields, ["category_id", "customer_type", "phone"]);
    assert_eq!(detail.fields["phone"], "139 1111 2222");
}
