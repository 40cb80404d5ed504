//! The staff directory on a real database.

use super::support::{TempDb, set_up_branch};
use branchdesk::staff::{StaffInput, repo};

fn person(name: &str) -> StaffInput {
    StaffInput {
        name: name.into(),
        position: Some("客服专员".into()),
        department: Some("前台".into()),
        phone: Some("138 0000 1234".into()),
        start_date: Some("2024-09-01".into()),
    }
}

#[tokio::test]
async fn staff_round_trip_with_hostile_text_stored_exactly() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let hostile = "<img src=x onerror=alert(1)>'; DROP TABLE staff;-- 😀";
    let added = repo::add_staff(&pool, &person(hostile).parse().unwrap())
        .await
        .unwrap();
    pool.close().await;

    let pool = db.open().await;
    let listed = repo::list_staff(&pool, false).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0], added);
    assert_eq!(listed[0].name, hostile);
    assert_eq!(listed[0].start_date.as_deref(), Some("2024-09-01"));
}

#[tokio::test]
async fn editing_changes_only_that_person() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let a = repo::add_staff(&pool, &person("张伟").parse().unwrap())
        .await
        .unwrap();
    let b = repo::add_staff(&pool, &person("Li Na").parse().unwrap())
        .await
        .unwrap();
    let mut edit = person("张伟");
    edit.position = Some("值班经理".into());
    edit.phone = None;
    let edited = repo::update_staff(&pool, a.id, &edit.parse().unwrap())
        .await
        .unwrap();
    assert_eq!(edited.position, "值班经理");
    assert_eq!(edited.phone, None);
    assert_eq!(repo::get_staff(&pool, b.id).await.unwrap(), b);
    assert_eq!(
        repo::update_staff(&pool, 999, &edit.parse().unwrap())
            .await
            .unwrap_err()
            .code(),
        "not_found"
    );
}

#[tokio::test]
async fn deactivated_people_keep_their_record_but_leave_the_picker() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let a = repo::add_staff(&pool, &person("王芳").parse().unwrap())
        .await
        .unwrap();
    repo::add_staff(&pool, &person("赵磊").parse().unwrap())
        .await
        .unwrap();
    let off = repo::set_staff_active(&pool, a.id, false).await.unwrap();
    assert!(!off.active);
    let active: Vec<String> = repo::list_staff(&pool, false)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(active, vec!["赵磊"]);
    let everyone = repo::list_staff(&pool, true).await.unwrap();
    assert_eq!(everyone.len(), 2);
    assert_eq!(
        everyone.last().unwrap().name,
        "王芳",
        "former staff are listed after active staff"
    );
    assert!(
        repo::set_staff_active(&pool, a.id, true)
            .await
            .unwrap()
            .active
    );
}

#[tokio::test]
async fn bad_input_is_rejected_by_field_and_nothing_is_saved() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let cases = [
        (
            StaffInput {
                name: "".into(),
                ..person("x")
            },
            "name",
            "invalid.required",
        ),
        (
            StaffInput {
                name: "x".repeat(10_000),
                ..person("x")
            },
            "name",
            "invalid.too_long",
        ),
        (
            StaffInput {
                name: "a\u{7}b".into(),
                ..person("x")
            },
            "name",
            "invalid.control_chars",
        ),
        (
            StaffInput {
                phone: Some("=cmd|' /C calc'!A0".into()),
                ..person("x")
            },
            "phone",
            "invalid.phone",
        ),
        (
            StaffInput {
                start_date: Some("2025-02-30".into()),
                ..person("x")
            },
            "startDate",
            "invalid.date",
        ),
    ];
    for (input, field, code) in cases {
        let err = input.parse().unwrap_err();
        assert_eq!((err.field(), err.code()), (Some(field), code));
    }
    assert!(repo::list_staff(&pool, true).await.unwrap().is_empty());
}
