//! Intake matches or creates the customer; the form sees the match, why, and the key flag.

use super::{complaint, count, file, now};
use crate::support::{TempDb, set_up_branch};
use branchdesk::cases::repo::create::check_intake;
use branchdesk::customers::matching::MatchKey;
use branchdesk::customers::model::{CustomerQuery, KeyFlag};
use branchdesk::customers::{read, repo};

#[tokio::test]
async fn intake_links_one_customer_across_phone_formats_and_references() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let first = file(
        &pool,
        &complaint(&pool, "王女士", Some("139 2222 3333"), None).await,
    )
    .await
    .expect("a customer");
    // The same phone written with the country code and dashes, and a room number added.
    let again = complaint(&pool, "王女士", Some("+86 139-2222-3333"), Some("3栋 1203")).await;
    let check = check_intake(&pool, &again, now()).await.unwrap();
    assert_eq!(check.customer.chosen, Some(first));
    assert_eq!(
        check.customer.candidates[0].matched_by,
        [MatchKey::Phone, MatchKey::Name]
    );
    assert_eq!(file(&pool, &again).await, Some(first));
    // Now the reference alone finds them too.
    let by_room = complaint(&pool, "", None, Some("3栋1203")).await;
    assert_eq!(file(&pool, &by_room).await, Some(first));
    let detail = read::detail(&pool, first, now()).await.unwrap();
    assert_eq!(detail.customer.case_count, 3);
    assert_eq!(detail.customer.phones, ["139 2222 3333"]);
    assert_eq!(detail.customer.references, ["3栋 1203"]);
    assert_eq!(detail.cases.len(), 3);
    assert_eq!(count(&pool, "SELECT count(*) FROM customers").await, 1);
    // Each link is in the case's audit trail and the customer's.
    assert_eq!(
        count(
            &pool,
            "SELECT count(*) FROM case_audit WHERE field = 'customer_id'"
        )
        .await,
        3
    );
    assert!(detail.audit.iter().any(|a| a.field == "reference"));
}

#[tokio::test]
async fn a_name_alone_only_suggests_and_the_user_may_pick_or_start_a_new_record() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let li = file(
        &pool,
        &complaint(&pool, "Li Wei", Some("13800001111"), None).await,
    )
    .await
    .unwrap();
    let namesake = complaint(&pool, "  li   wei ", Some("13900002222"), None).await;
    let check = check_intake(&pool, &namesake, now()).await.unwrap();
    assert_eq!(check.customer.chosen, None, "a name alone never links");
    assert_eq!(check.customer.candidates[0].customer.id, li);
    assert_eq!(check.customer.candidates[0].matched_by, [MatchKey::Name]);
    let other = file(&pool, &namesake).await.unwrap();
    assert_ne!(other, li, "a new record for a different phone");

    // The user picks the suggested record: the new phone joins it.
    let mut picked = complaint(&pool, "Li Wei", Some("13700003333"), None).await;
    picked.customer_id = Some(li);
    assert_eq!(file(&pool, &picked).await, Some(li));
    let phones = read::detail(&pool, li, now())
        .await
        .unwrap()
        .customer
        .phones;
    assert_eq!(phones, ["13800001111", "13700003333"]);

    // "New customer" wins over the phone match.
    let mut fresh = complaint(&pool, "Li Wei", Some("13800001111"), None).await;
    fresh.new_customer = true;
    let third = file(&pool, &fresh).await.unwrap();
    assert!(third != li && third != other);

    // A picked id that does not exist is refused and stores nothing.
    let mut missing = complaint(&pool, "Li Wei", None, None).await;
    missing.customer_id = Some(9_999);
    let cases = count(&pool, "SELECT count(*) FROM cases").await;
    let err = branchdesk::cases::repo::create::create_case(&pool, &missing, None, now())
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("customerId"));
    assert_eq!(count(&pool, "SELECT count(*) FROM cases").await, cases);

    // An anonymous complaint with nothing to recognise links to nobody.
    assert_eq!(
        file(&pool, &complaint(&pool, "", None, None).await).await,
        None
    );
}

#[tokio::test]
async fn a_key_customer_is_flagged_with_a_reason_on_every_new_case() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let id = file(
        &pool,
        &complaint(&pool, "赵先生", Some("13512345678"), None).await,
    )
    .await
    .unwrap();
    let no_reason = KeyFlag {
        key_customer: true,
        reason: None,
    };
    let err = repo::set_key_flag(&pool, id, &no_reason, None, now())
        .await
        .unwrap_err();
    assert_eq!(
        (err.code(), err.field()),
        ("invalid.reason_required", Some("keyReason"))
    );
    let flag = KeyFlag {
        key_customer: true,
        reason: Some("扬言找媒体曝光".into()),
    };
    repo::set_key_flag(&pool, id, &flag, None, now())
        .await
        .unwrap();

    let next = complaint(&pool, "赵先生", Some("135 1234 5678"), None).await;
    let check = check_intake(&pool, &next, now()).await.unwrap();
    let matched = &check.customer.candidates[0].customer;
    assert!(matched.key_customer);
    assert_eq!(matched.key_reason.as_deref(), Some("扬言找媒体曝光"));
    let case_id = branchdesk::cases::repo::create::create_case(&pool, &next, None, now())
        .await
        .unwrap();
    let on_case = read::of_case(&pool, case_id).await.unwrap().unwrap();
    assert_eq!(
        (
            on_case.id,
            on_case.key_customer,
            on_case.key_reason.as_deref()
        ),
        (id, true, Some("扬言找媒体曝光"))
    );
    let key_only = CustomerQuery {
        key_only: true,
        ..Default::default()
    };
    let listed = read::list(&pool, &key_only).await.unwrap();
    assert_eq!(listed.rows.iter().map(|r| r.id).collect::<Vec<_>>(), [id]);
    let audit = read::detail(&pool, id, now()).await.unwrap().audit;
    assert!(
        audit
            .iter()
            .any(|a| a.field == "key_customer" && a.new_value.as_deref() == Some("扬言找媒体曝光"))
    );
}

#[tokio::test]
async fn search_finds_chinese_of_any_length_and_hostile_text_is_kept_verbatim() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let hostile = "<img src=x onerror=alert(1)> =cmd|' /C calc'!A0";
    let zhang = file(
        &pool,
        &complaint(&pool, "张建国", Some("13600001111"), Some("SF778899")).await,
    )
    .await
    .unwrap();
    let bad = file(
        &pool,
        &complaint(&pool, hostile, Some("13600002222"), None).await,
    )
    .await
    .unwrap();
    let find = |words: &'static str| {
        let pool = pool.clone();
        async move {
            let query = CustomerQuery {
                search: Some(words.into()),
                ..Default::default()
            };
            let page = read::list(&pool, &query).await.unwrap();
            page.rows.into_iter().map(|r| r.id).collect::<Vec<_>>()
        }
    };
    assert_eq!(find("张").await, [zhang]);
    assert_eq!(find("建国").await, [zhang]);
    assert_eq!(find("张建国").await, [zhang]);
    assert_eq!(find("sf778899").await, [zhang]);
    assert_eq!(find("onerror").await, [bad]);
    assert_eq!(find("\" OR *").await, Vec::<i64>::new());
    let detail = read::detail(&pool, bad, now()).await.unwrap();
    assert_eq!(detail.customer.name, hostile);
    // Notes take hostile text too and come back as typed.
    let edit = branchdesk::customers::model::CustomerEdit {
        name: Some(hostile.into()),
        customer_type: "activist".into(),
        notes: Some(format!("{hostile}\n先安抚情绪")),
    };
    repo::update(&pool, bad, &edit, None, now()).await.unwrap();
    let detail = read::detail(&pool, bad, now()).await.unwrap();
    assert_eq!(detail.notes, format!("{hostile}\n先安抚情绪"));
    assert_eq!(detail.customer.customer_type, "activist");
    assert_eq!(find("安抚").await, [bad]);
}
