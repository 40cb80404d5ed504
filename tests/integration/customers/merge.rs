//! Merging two records of one customer.

use super::{complaint, count, file, now};
use crate::support::{TempDb, add_person, set_up_branch};
use branchdesk::customers::merge::merge;
use branchdesk::customers::model::{CustomerEdit, CustomerQuery, KeyFlag};
use branchdesk::customers::{read, repo};

#[tokio::test]
async fn merging_moves_cases_combines_keys_notes_and_flags_and_is_audited() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let manager = add_person(&pool, "陈经理").await;
    let kept = file(
        &pool,
        &complaint(&pool, "刘阿姨", Some("13811112222"), None).await,
    )
    .await
    .unwrap();
    let other = file(
        &pool,
        &complaint(&pool, "刘阿姨", Some("021-6234 5678"), Some("5栋302")).await,
    )
    .await
    .unwrap();
    file(&pool, &complaint(&pool, "", None, Some("5栋302")).await).await;
    let notes = |text: &str| CustomerEdit {
        name: Some("刘阿姨".into()),
        customer_type: "passive".into(),
        notes: Some(text.into()),
    };
    repo::update(&pool, kept, &notes("上午打电话"), None, now())
        .await
        .unwrap();
    repo::update(&pool, other, &notes("喜欢当面沟通"), None, now())
        .await
        .unwrap();
    let flag = KeyFlag {
        key_customer: true,
        reason: Some("独居老人".into()),
    };
    repo::set_key_flag(&pool, other, &flag, None, now())
        .await
        .unwrap();

    let merged = merge(&pool, kept, other, Some(manager), now())
        .await
        .unwrap();
    assert_eq!(merged.cases_moved, 2);
    let detail = read::detail(&pool, kept, now()).await.unwrap();
    assert_eq!(detail.cases.len(), 3);
    assert_eq!(detail.customer.phones, ["13811112222", "021-6234 5678"]);
    assert_eq!(detail.customer.references, ["5栋302"]);
    assert_eq!(detail.notes, "上午打电话\n\n喜欢当面沟通");
    assert!(detail.customer.key_customer);
    assert_eq!(detail.customer.key_reason.as_deref(), Some("独居老人"));
    let line = detail
        .audit
        .iter()
        .find(|a| a.field == "merged_from")
        .expect("the merge in the kept record's audit");
    assert_eq!(line.actor.as_deref(), Some("陈经理"));
    assert_eq!(
        (line.old_value.as_deref(), line.new_value.as_deref()),
        (
            Some(other.to_string().as_str()),
            Some(kept.to_string().as_str())
        )
    );
    let gone = read::detail(&pool, other, now()).await.unwrap();
    assert_eq!(gone.merged_into, Some(kept));
    assert!(gone.audit.iter().any(|a| a.field == "merged_into"));
    assert_eq!(
        count(
            &pool,
            "SELECT count(*) FROM case_audit WHERE field = 'customer_id' AND old_value IS NOT NULL"
        )
        .await,
        2,
        "each moved case's own audit says where it moved"
    );
    // The merged record leaves the list; its phone now finds the kept one.
    let all = read::list(&pool, &CustomerQuery::default()).await.unwrap();
    assert_eq!(all.rows.iter().map(|r| r.id).collect::<Vec<_>>(), [kept]);
    let next = complaint(&pool, "刘阿姨", Some("02162345678"), None).await;
    assert_eq!(file(&pool, &next).await, Some(kept));
}

#[tokio::test]
async fn a_merge_of_one_record_with_itself_a_missing_or_merged_one_is_refused() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let a = file(
        &pool,
        &complaint(&pool, "A", Some("13100000001"), None).await,
    )
    .await
    .unwrap();
    let b = file(
        &pool,
        &complaint(&pool, "B", Some("13100000002"), None).await,
    )
    .await
    .unwrap();
    let code = |r: branchdesk::Result<_>| r.unwrap_err().code();
    assert_eq!(
        code(merge(&pool, a, a, None, now()).await),
        "customer.merge_same"
    );
    assert_eq!(code(merge(&pool, a, 4242, None, now()).await), "not_found");
    assert_eq!(code(merge(&pool, 4242, a, None, now()).await), "not_found");
    merge(&pool, a, b, None, now()).await.unwrap();
    assert_eq!(
        code(merge(&pool, a, b, None, now()).await),
        "customer.already_merged"
    );
    assert_eq!(
        code(merge(&pool, b, a, None, now()).await),
        "customer.already_merged"
    );
    assert_eq!(
        count(
            &pool,
            "SELECT count(*) FROM customer_audit WHERE field LIKE 'merged%'"
        )
        .await,
        2,
        "refusals change nothing"
    );
}
