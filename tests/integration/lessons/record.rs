//! Writing and editing a case's lesson: closed cases only, validated, audited field by field,
//! hostile text stored as typed.

use super::{CLOSED, HOSTILE, branch_with_closed_cases, lesson, lesson_audit, now};
use crate::support::TempDb;
use branchdesk::error::Error;
use branchdesk::lessons::repo::{lesson_for_case, save_lesson};

#[tokio::test]
async fn a_lesson_is_written_only_on_a_closed_case_and_every_change_is_audited() {
    let db = TempDb::new();
    let pool = branch_with_closed_cases(&db).await;
    let valid = lesson("客户在柜台大声投诉", "请到接待室倾听", "第一时间离开人群")
        .parse()
        .expect("valid");

    // Case 4 is invalid, not closed: refused, and nothing written.
    let refused = save_lesson(&pool, 4, &valid, None, now())
        .await
        .unwrap_err();
    assert_eq!(refused.code(), "lesson.case_not_closed");
    assert!(lesson_for_case(&pool, 4).await.expect("read").is_none());
    assert!(matches!(
        save_lesson(&pool, 999, &valid, None, now()).await,
        Err(Error::NotFound)
    ));

    let case = CLOSED[0];
    let saved = save_lesson(&pool, case, &valid, None, now())
        .await
        .expect("saved");
    assert_eq!(saved.case_number, "SH01-202610-0001");
    assert_eq!(saved.customer_type, "angry");
    assert_eq!(
        lesson_audit(&pool, case).await,
        vec![
            (
                "lesson_happened".into(),
                None,
                Some("客户在柜台大声投诉".into())
            ),
            ("lesson_worked".into(), None, Some("请到接待室倾听".into())),
            (
                "lesson_differently".into(),
                None,
                Some("第一时间离开人群".into())
            ),
        ]
    );

    // An edit later: only the changed text gets a line, with its old and new value; the
    // hostile text is stored exactly as typed.
    let edited = lesson("客户在柜台大声投诉", "请到接待室倾听", HOSTILE)
        .parse()
        .expect("valid");
    let again = save_lesson(&pool, case, &edited, None, now())
        .await
        .expect("edited");
    assert_eq!((again.id, again.differently.as_str()), (saved.id, HOSTILE));
    let audit = lesson_audit(&pool, case).await;
    assert_eq!(audit.len(), 4);
    assert_eq!(
        audit[3],
        (
            "lesson_differently".into(),
            Some("第一时间离开人群".into()),
            Some(HOSTILE.into())
        )
    );
}

#[tokio::test]
async fn a_lesson_without_anything_learned_is_refused_by_field() {
    let input = lesson("发生了什么", " ", "");
    assert_eq!(input.parse().unwrap_err().field(), Some("differently"));
    let markup = lesson("<img src=x onerror=alert(1)>", "", "换个方式");
    assert_eq!(
        markup.parse().expect("markup is text").happened,
        "<img src=x onerror=alert(1)>"
    );
}
