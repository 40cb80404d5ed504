//! The lessons library: a plain scan finds one- and two-character Chinese words, case numbers
//! and English words in any case; filters by category and customer type.

use super::{CLOSED, branch_with_closed_cases, lesson, now};
use crate::support::TempDb;
use branchdesk::lessons::LessonFilter;
use branchdesk::lessons::repo::{list_lessons, save_lesson};

#[tokio::test]
async fn the_library_finds_chinese_words_and_filters_by_category_and_customer_type() {
    let db = TempDb::new();
    let pool = branch_with_closed_cases(&db).await;
    let queue = lesson("排队时客户大声投诉", "请到接待室", "离开人群")
        .parse()
        .expect("valid");
    let fees = lesson("Fees were unclear", "Printed the bill", "Post the fee list")
        .parse()
        .expect("valid");
    save_lesson(&pool, CLOSED[0], &queue, None, now())
        .await
        .expect("one");
    save_lesson(&pool, CLOSED[1], &fees, None, now())
        .await
        .expect("two");
    sqlx::query("UPDATE cases SET customer_type = 'talker' WHERE id = ?")
        .bind(CLOSED[1])
        .execute(&pool)
        .await
        .expect("retype");

    let find = |text: Option<&str>, category: Option<i64>, kind: Option<&str>| {
        let filter = LessonFilter {
            text: text.map(str::to_owned),
            category_id: category,
            customer_type: kind.map(str::to_owned),
        };
        let pool = pool.clone();
        async move {
            list_lessons(&pool, &filter)
                .await
                .expect("list")
                .into_iter()
                .map(|l| l.case_id)
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(find(None, None, None).await.len(), 2);
    assert_eq!(find(Some("排队"), None, None).await, vec![CLOSED[0]]);
    assert_eq!(find(Some("人"), None, None).await, vec![CLOSED[0]]);
    assert_eq!(find(Some("FEE LIST"), None, None).await, vec![CLOSED[1]]);
    assert_eq!(find(Some("0002"), None, None).await, vec![CLOSED[1]]);
    assert_eq!(find(Some("%"), None, None).await, Vec::<i64>::new());
    assert_eq!(find(None, None, Some("talker")).await, vec![CLOSED[1]]);
    let category: i64 = sqlx::query_scalar("SELECT category_id FROM cases WHERE id = ?")
        .bind(CLOSED[0])
        .fetch_one(&pool)
        .await
        .expect("category");
    assert_eq!(find(None, Some(category), None).await.len(), 2);
    assert!(find(None, Some(category + 1), None).await.is_empty());
}
