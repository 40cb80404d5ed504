//! Surveys and feedback (issue 16 point 6) on real database files: versions keep past answers,
//! a month's figures add up by weighting with answer counts, low-scoring questions become
//! prevention targets, and demo data shows them.

mod figures;
mod versions;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use sqlx::SqlitePool;

use branchdesk::surveys::model::{QuestionInput, ResponseInput, SurveyInput};
use branchdesk::surveys::repo::{Survey, record_response, save_survey};

/// When the tests run: 20 November 2026, Shanghai.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 2, 0, 0)
        .single()
        .expect("instant")
}

/// 20 November 2026.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 20).expect("date")
}

/// A survey with these questions, each new.
pub async fn survey(pool: &SqlitePool, title: &str, questions: &[&str]) -> Survey {
    let input = SurveyInput {
        title: title.into(),
        questions: questions
            .iter()
            .map(|text| QuestionInput {
                lineage_id: None,
                text: (*text).into(),
            })
            .collect(),
    };
    save_survey(pool, None, &input.parse().expect("valid"), now())
        .await
        .expect("survey")
}

/// One form answered on `day` with `scores` for the version's questions in order.
pub async fn answer(pool: &SqlitePool, survey: &Survey, day: &str, scores: &[i64]) -> i64 {
    let input = ResponseInput {
        version_id: survey.version_id,
        answered_on: Some(day.into()),
        channel: "phone".into(),
        scores: survey
            .questions
            .iter()
            .map(|q| q.id)
            .zip(scores.iter().copied())
            .collect(),
        ..Default::default()
    };
    record_response(pool, &input.parse(today()).expect("valid"), None, now())
        .await
        .expect("response")
}
