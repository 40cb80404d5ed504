//! Rules that follow the signed-in person: who entered a sign-off, names and phones masked
//! for roles that may not see them, and which cases are a staff member's own.

use chrono::Utc;

use branchdesk::access::{Role, repo};

use super::support::{TempDb, add_person, set_up_branch};

#[tokio::test]
async fn a_sign_off_records_who_entered_it_beside_the_trainer() {
    use branchdesk::training::input::SignOffInput;
    use branchdesk::training::repo::curriculum::list_modules;
    use branchdesk::training::repo::signoffs::sign_off_by;

    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let trainer = add_person(&pool, "王培训").await;
    let clerk = add_person(&pool, "李娜").await;
    let recorder = add_person(&pool, "赵店长").await;
    let module = list_modules(&pool, false).await.unwrap()[0].clone();
    let now = Utc::now();
    let input = SignOffInput {
        staff_id: clerk,
        item_ids: vec![module.items[0].id],
        signed_on: now
            .with_timezone(&chrono_tz::Asia::Shanghai)
            .date_naive()
            .to_string(),
        trainer_id: Some(trainer),
    };
    sign_off_by(&pool, &input, Some(recorder), now)
        .await
        .unwrap();
    let row: (i64, Option<i64>) =
        sqlx::query_as("SELECT trainer_id, recorded_by FROM training_signoffs")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(row, (trainer, Some(recorder)));
}

#[tokio::test]
async fn names_and_phones_are_masked_on_what_the_commands_return_to_roles_that_may_not_see_them() {
    use branchdesk::access::{Permission, mask};
    use branchdesk::cases::repo::{detail::get_case, list::list_cases};

    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let category: i64 = sqlx::query_scalar("SELECT id FROM categories LIMIT 1")
        .fetch_one(&pool)
        .await
        .unwrap();
    let input = branchdesk::cases::intake::CaseInput {
        channel: "phone".into(),
        customer_type: "talker".into(),
        category_id: category,
        complainant_name: Some("张三丰".into()),
        phone: Some("138 0013 8000".into()),
        description: "张三丰说快递丢了，请回电 13800138000".into(),
        ..Default::default()
    };
    let id = branchdesk::cases::repo::create::create_case(&pool, &input, None, Utc::now())
        .await
        .unwrap();
    assert!(!Role::Viewer.allows(Permission::SeePersonalData));
    assert!(!Role::Trainer.allows(Permission::SeePersonalData));

    let mut page = get_case(&pool, id, Utc::now()).await.unwrap();
    mask::case_detail(&mut page);
    let shown = serde_json::to_string(&page).unwrap();
    assert!(!shown.contains("张三丰"), "{shown}");
    assert!(
        !shown.contains("13800138000") && !shown.contains("0013 8000"),
        "{shown}"
    );
    assert_eq!(page.fields["complainantName"], "张**");
    assert_eq!(page.fields["phone"], "138****8000");

    let mut list = list_cases(&pool, &Default::default(), Utc::now())
        .await
        .unwrap();
    mask::case_page(&mut list);
    assert_eq!(list.rows[0].complainant_name, "张**");
}

#[tokio::test]
async fn a_case_is_a_staff_members_own_when_they_took_it_or_are_assigned_to_it() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let taker = add_person(&pool, "李娜").await;
    let assignee = add_person(&pool, "王强").await;
    let other = add_person(&pool, "赵敏").await;
    let category: i64 = sqlx::query_scalar("SELECT id FROM categories LIMIT 1")
        .fetch_one(&pool)
        .await
        .unwrap();
    let input = branchdesk::cases::intake::CaseInput {
        channel: "walk_in".into(),
        customer_type: "talker".into(),
        category_id: category,
        description: "排队太久".into(),
        taken_by_id: Some(taker),
        assignee_id: Some(assignee),
        ..Default::default()
    };
    let id = branchdesk::cases::repo::create::create_case(&pool, &input, None, Utc::now())
        .await
        .unwrap();
    assert!(repo::case_is_theirs(&pool, id, taker).await.unwrap());
    assert!(repo::case_is_theirs(&pool, id, assignee).await.unwrap());
    assert!(!repo::case_is_theirs(&pool, id, other).await.unwrap());
    assert_eq!(
        repo::case_is_theirs(&pool, 424_242, taker)
            .await
            .expect_err("no such case")
            .code(),
        "not_found"
    );
}
