//! Editing a survey writes a new version: past answers keep the question texts they were given
//! for, a kept question's average runs on across versions, and a question of another version
//! or survey is refused with nothing written.

use super::{answer, now, survey, today};
use crate::support::{TempDb, set_up_branch};
use branchdesk::surveys::model::{QuestionInput, ResponseInput, SurveyInput};
use branchdesk::surveys::repo::{figures, record_response, save_survey};

#[tokio::test]
async fn an_edit_is_a_new_version_and_past_answers_keep_their_questions() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let first = survey(&pool, "服务满意度", &["工作人员态度", "等侯时间", "环境"]).await;
    answer(&pool, &first, "2026-11-02", &[5, 2, 4]).await;

    // Fix the typo in question 2 (same lineage), drop question 3, add a new one.
    let edit = SurveyInput {
        title: "服务满意度调查".into(),
        questions: vec![
            QuestionInput {
                lineage_id: Some(first.questions[0].lineage_id),
                text: "工作人员态度".into(),
            },
            QuestionInput {
                lineage_id: Some(first.questions[1].lineage_id),
                text: "等候时间".into(),
            },
            QuestionInput {
                lineage_id: None,
                text: "问题是否一次解决".into(),
            },
        ],
    };
    let second = save_survey(&pool, Some(first.id), &edit.parse().expect("valid"), now())
        .await
        .expect("second version");
    assert_eq!((second.id, second.version), (first.id, 2));
    assert_ne!(second.version_id, first.version_id);
    assert_eq!(second.responses, 1);
    answer(&pool, &second, "2026-11-10", &[3, 4, 5]).await;

    // The first answer still points at the first version's wording.
    let kept: Vec<(String, i64)> = sqlx::query_as(
        "SELECT q.text, a.score FROM survey_answers a JOIN survey_questions q ON q.id = a.question_id
         JOIN survey_responses r ON r.id = a.response_id WHERE r.answered_on = '2026-11-02'
         ORDER BY q.position",
    )
    .fetch_all(&pool)
    .await
    .expect("answers");
    assert_eq!(
        kept,
        vec![
            ("工作人员态度".into(), 5),
            ("等侯时间".into(), 2),
            ("环境".into(), 4)
        ]
    );

    let month = figures(
        &pool,
        "2026-11-01".parse().unwrap(),
        "2026-11-30".parse().unwrap(),
    )
    .await
    .expect("figures");
    let waiting = month
        .questions
        .iter()
        .find(|q| q.lineage_id == first.questions[1].lineage_id)
        .expect("waiting time");
    assert_eq!(waiting.text, "等候时间", "the latest wording");
    assert_eq!(
        (waiting.tally.sum, waiting.tally.count),
        (6, 2),
        "both versions' answers"
    );
    assert_eq!(
        month.questions.len(),
        4,
        "the dropped question still shows its answers"
    );
    assert_eq!(month.responses, 2);

    // A kept lineage must be the survey's own.
    let other = survey(&pool, "另一份", &["问题"]).await;
    let stolen = SurveyInput {
        title: "服务满意度调查".into(),
        questions: vec![QuestionInput {
            lineage_id: Some(other.questions[0].lineage_id),
            text: "x".into(),
        }],
    };
    let refused = save_survey(
        &pool,
        Some(first.id),
        &stolen.parse().expect("valid"),
        now(),
    )
    .await
    .unwrap_err();
    assert_eq!(refused.field(), Some("questions.0"));
}

#[tokio::test]
async fn an_answer_to_another_versions_question_is_refused_and_nothing_is_written() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let one = survey(&pool, "甲", &["问题一", "问题二"]).await;
    let two = survey(&pool, "乙", &["问题三"]).await;
    let mixed = ResponseInput {
        version_id: one.version_id,
        answered_on: Some("2026-11-03".into()),
        channel: "walk_in".into(),
        scores: vec![(one.questions[0].id, 4), (two.questions[0].id, 1)],
        customer_name: Some("<img src=x onerror=alert(1)>".into()),
        ..Default::default()
    };
    let refused = record_response(&pool, &mixed.parse(today()).expect("valid"), None, now())
        .await
        .unwrap_err();
    assert_eq!(
        refused.field(),
        Some(format!("scores.{}", two.questions[0].id).as_str())
    );
    let written: i64 = sqlx::query_scalar("SELECT count(*) FROM survey_responses")
        .fetch_one(&pool)
        .await
        .expect("count");
    assert_eq!(written, 0);
}
