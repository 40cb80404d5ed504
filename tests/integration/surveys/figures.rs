//! A month's survey figures (average per question and overall, response count, suggestions and
//! praise), the low-scoring questions the prevention analysis lists, and the demo's.

use super::{answer, now, survey, today};
use crate::support::{TempDb, set_up_branch, text};
use branchdesk::stats::Month;
use branchdesk::surveys::model::FeedbackInput;
use branchdesk::surveys::repo::{list_feedback, month_figures, record_feedback, targets};

#[tokio::test]
async fn a_months_figures_weight_every_answer_and_count_feedback() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let s = survey(&pool, "满意度", &["态度", "速度"]).await;
    for _ in 0..3 {
        answer(&pool, &s, "2026-10-05", &[5, 1]).await;
    }
    answer(&pool, &s, "2026-10-31", &[2, 4]).await;
    answer(&pool, &s, "2026-11-01", &[1, 1]).await; // November: not counted
    for (kind, words) in [
        ("praise", "=cmd|' /C calc'!A0 谢谢"),
        ("suggestion", "<img src=x onerror=alert(1)>"),
    ] {
        let input = FeedbackInput {
            kind: kind.into(),
            text: words.into(),
            received_on: Some("2026-10-12".into()),
            staff_id: None,
        };
        record_feedback(&pool, &input.parse(today()).expect("valid"), None, now())
            .await
            .expect("feedback");
    }

    let october = month_figures(&pool, Month::parse("month", "2026-10").unwrap())
        .await
        .expect("figures");
    assert_eq!(october.responses, 4);
    let averages: Vec<Option<f64>> = october.questions.iter().map(|q| q.average).collect();
    assert_eq!(averages, vec![Some(17.0 / 4.0), Some(7.0 / 4.0)]);
    assert_eq!((october.overall.sum, october.overall.count), (24, 8));
    assert_eq!(october.overall_average, Some(3.0));
    assert_eq!((october.suggestions, october.praise), (1, 1));
    let listed = list_feedback(
        &pool,
        "2026-10-01".parse().unwrap(),
        "2026-10-31".parse().unwrap(),
    )
    .await
    .expect("feedback");
    assert!(
        listed.iter().any(|f| f.text == "=cmd|' /C calc'!A0 谢谢"),
        "stored as typed"
    );
}

#[tokio::test]
async fn low_scoring_questions_with_enough_answers_are_prevention_targets() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let s = survey(&pool, "满意度", &["态度", "等候时间"]).await;
    let few = survey(&pool, "环境调查", &["环境"]).await;
    // August–October are the analysis window as at 20 November.
    for n in 0..10 {
        let day = format!("2026-{:02}-1{}", 8 + n % 3, n % 10);
        // Waiting time 2–3 over ten answers.
        answer(&pool, &s, &day, &[5, 2 + (n % 2)]).await;
        // The environment scores 1, but only nine times: too few answers to say.
        if n < 9 {
            answer(&pool, &few, &day, &[1]).await;
        }
    }
    answer(&pool, &few, "2026-07-31", &[1]).await; // before the window
    let low = targets(&pool, now()).await.expect("targets");
    let texts: Vec<&str> = low.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(
        texts,
        ["等候时间", "环境"]
            .iter()
            .take(1)
            .copied()
            .collect::<Vec<_>>()
    );
    assert_eq!(low[0].tally.count, 10);
    assert_eq!(low[0].average, Some(2.5));
}

#[tokio::test]
async fn demo_data_adds_a_survey_with_a_weak_question_and_feedback_once() {
    let db = TempDb::new();
    set_up_branch(&db).await.close().await;
    let out = db.cli(&["demo-data", "--cases", "50", "--months", "3"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("Added a demo survey with 48 answered forms, and 4 suggestions and praise"),
        "{stdout}"
    );
    let pool = db.open().await;
    let low = targets(&pool, chrono::Utc::now()).await.expect("targets");
    assert_eq!(low.len(), 1, "{low:?}");
    assert_eq!(low[0].text, "等候时间");
    let sent: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM group_outbox WHERE tbl LIKE 'survey%' OR tbl = 'feedback'",
    )
    .fetch_one(&pool)
    .await
    .expect("outbox");
    assert!(
        sent > 48 * 4,
        "responses and answers are sent in group mode: {sent}"
    );
    pool.close().await;
    let again = text(
        &db.cli(&["demo-data", "--cases", "5", "--months", "1"])
            .stdout,
    );
    assert!(!again.contains("demo survey"), "{again}");
}
