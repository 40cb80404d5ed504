//! Demo surveys and feedback: a three-question satisfaction survey answered a dozen times a
//! month over the last four months, with one weak question (waiting time) that the prevention
//! analysis will list as a target, plus a few suggestions and praise naming staff. A branch
//! that already has surveys is left alone; everything is written in one transaction.

use chrono::{DateTime, Days, NaiveDate, Utc};
use sqlx::SqlitePool;

use super::model::{FeedbackInput, QuestionInput, ResponseInput, SurveyInput};
use super::repo::{get_survey, record_feedback_in, record_response_in, save_survey_in};
use crate::error::Result;
use crate::settings::Language;

/// What the demo added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SurveysDemo {
    /// Responses written.
    pub responses: usize,
    /// Suggestions and praise written.
    pub feedback: usize,
}

/// The survey's title, three questions, two suggestions and two pieces of praise.
fn words(lang: Language) -> ([&'static str; 4], [&'static str; 2], [&'static str; 2]) {
    match lang {
        Language::ZhCn => (
            [
                "服务满意度调查",
                "工作人员的态度",
                "等候时间",
                "问题是否一次解决",
            ],
            ["希望周末延长营业时间", "建议在门口增加取号机"],
            [
                "前台小李耐心讲解账单，非常感谢",
                "维修师傅当天上门，服务周到",
            ],
        ),
        Language::En => (
            [
                "Service satisfaction survey",
                "Staff attitude",
                "Waiting time",
                "Solved at the first contact",
            ],
            [
                "Please open longer at weekends",
                "A ticket machine at the door would help",
            ],
            [
                "The front desk explained the bill patiently, thank you",
                "The repair came the same day, very thorough",
            ],
        ),
    }
}

/// Adds the demo survey, its answers and the feedback when the branch has no surveys yet.
pub async fn add_demo_surveys(
    pool: &SqlitePool,
    lang: Language,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<SurveysDemo> {
    let mut tx = crate::store::begin_write(pool).await?;
    let existing: i64 = sqlx::query_scalar("SELECT count(*) FROM surveys")
        .fetch_one(&mut *tx)
        .await?;
    if existing > 0 {
        return Ok(SurveysDemo::default());
    }
    let staff: Vec<i64> = sqlx::query_scalar("SELECT id FROM staff WHERE active = 1 ORDER BY id")
        .fetch_all(&mut *tx)
        .await?;
    let (survey, suggestions, praise) = words(lang);
    let input = SurveyInput {
        title: survey[0].into(),
        questions: survey[1..]
            .iter()
            .map(|text| QuestionInput {
                lineage_id: None,
                text: (*text).into(),
            })
            .collect(),
    };
    let id = save_survey_in(&mut tx, None, &input.parse()?, now).await?;
    let version = get_survey(&mut tx, id).await?;
    let mut added = SurveysDemo::default();
    // 48 forms, one every two or three days back from today; waiting time scores 2-3.
    for n in 0..48u64 {
        let Some(day) = today.checked_sub_days(Days::new(n * 5 / 2)) else {
            break;
        };
        let scores = [
            4 + (n % 3 != 0) as i64,
            2 + (n % 4 == 0) as i64,
            3 + (n % 2) as i64,
        ];
        let response = ResponseInput {
            version_id: version.version_id,
            answered_on: Some(day.to_string()),
            channel: if n % 3 == 0 { "phone" } else { "walk_in" }.into(),
            scores: version.questions.iter().map(|q| q.id).zip(scores).collect(),
            ..Default::default()
        };
        record_response_in(&mut tx, &response.parse(today)?, "staff", None, now).await?;
        added.responses += 1;
    }
    let items = suggestions
        .iter()
        .map(|t| ("suggestion", *t))
        .chain(praise.iter().map(|t| ("praise", *t)));
    for (n, (kind, text)) in (0u64..).zip(items) {
        let day = today.checked_sub_days(Days::new(n * 9)).unwrap_or(today);
        let feedback = FeedbackInput {
            kind: kind.into(),
            text: text.into(),
            received_on: Some(day.to_string()),
            staff_id: if kind == "praise" {
                staff.first().copied()
            } else {
                None
            },
        };
        record_feedback_in(&mut tx, &feedback.parse(today)?, None, now).await?;
        added.feedback += 1;
    }
    tx.commit().await?;
    Ok(added)
}
