//! SQL for surveys and feedback. Editing a survey writes a new version; responses keep the
//! version (and so the question texts) they answered. Figures are sums and counts by question
//! lineage, so a question's average runs on across versions.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use sqlx::{SqliteConnection, SqlitePool};

use crate::cases::repo::stamp;
use crate::error::{Error, Invalid, Result};
use crate::surveys::model::{Tally, ValidFeedback, ValidResponse, ValidSurvey};

/// A question of a survey version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Question {
    /// Row id (what an answer names).
    pub id: i64,
    /// Its lineage across versions.
    pub lineage_id: i64,
    /// The question.
    pub text: String,
}

/// A survey in its current version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Survey {
    /// Survey id.
    pub id: i64,
    /// The current version's row id (what a response names).
    pub version_id: i64,
    /// Its number, from 1.
    pub version: i64,
    /// Title.
    pub title: String,
    /// Questions in order.
    pub questions: Vec<Question>,
    /// Responses to any of its versions.
    pub responses: i64,
}

async fn current_version(conn: &mut SqliteConnection, survey_id: i64) -> Result<(i64, i64)> {
    sqlx::query_as(
        "SELECT id, version FROM survey_versions WHERE survey_id = ? ORDER BY version DESC LIMIT 1",
    )
    .bind(survey_id)
    .fetch_optional(conn)
    .await?
    .ok_or(Error::NotFound)
}

/// One survey in its current version.
pub async fn get_survey(conn: &mut SqliteConnection, survey_id: i64) -> Result<Survey> {
    let (version_id, version) = current_version(&mut *conn, survey_id).await?;
    let title: String = sqlx::query_scalar("SELECT title FROM survey_versions WHERE id = ?")
        .bind(version_id)
        .fetch_one(&mut *conn)
        .await?;
    let questions: Vec<(i64, i64, String)> = sqlx::query_as(
        "SELECT id, lineage_id, text FROM survey_questions WHERE version_id = ? ORDER BY position",
    )
    .bind(version_id)
    .fetch_all(&mut *conn)
    .await?;
    let responses: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM survey_responses r JOIN survey_versions v ON v.id = r.version_id
         WHERE v.survey_id = ?",
    )
    .bind(survey_id)
    .fetch_one(&mut *conn)
    .await?;
    Ok(Survey {
        id: survey_id,
        version_id,
        version,
        title,
        questions: questions
            .into_iter()
            .map(|(id, lineage_id, text)| Question {
                id,
                lineage_id,
                text,
            })
            .collect(),
        responses,
    })
}

/// Every survey that is not retired, newest first.
pub async fn list_surveys(pool: &SqlitePool) -> Result<Vec<Survey>> {
    let mut conn = pool.acquire().await?;
    let ids: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM surveys WHERE retired = 0 ORDER BY id DESC")
            .fetch_all(&mut *conn)
            .await?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        out.push(get_survey(&mut conn, id).await?);
    }
    Ok(out)
}

/// Adds a survey (`id` = `None`) or writes the next version of one; past responses keep the
/// version they answered. A kept question names its lineage, which must be one of the
/// survey's; the rest start new lineages.
pub async fn save_survey(
    pool: &SqlitePool,
    id: Option<i64>,
    survey: &ValidSurvey,
    now: DateTime<Utc>,
) -> Result<Survey> {
    let mut tx = crate::store::begin_write(pool).await?;
    let id = save_survey_in(&mut tx, id, survey, now).await?;
    let saved = get_survey(&mut tx, id).await?;
    tx.commit().await?;
    Ok(saved)
}

/// [`save_survey`] within the caller's transaction; returns the survey's id.
pub async fn save_survey_in(
    conn: &mut SqliteConnection,
    id: Option<i64>,
    survey: &ValidSurvey,
    now: DateTime<Utc>,
) -> Result<i64> {
    let at = stamp(now);
    let (survey_id, next) = match id {
        Some(id) => {
            let (_, version) = current_version(&mut *conn, id).await?;
            (id, version + 1)
        }
        None => {
            let id = sqlx::query("INSERT INTO surveys (created_at) VALUES (?)")
                .bind(&at)
                .execute(&mut *conn)
                .await?
                .last_insert_rowid();
            (id, 1)
        }
    };
    let version_id = sqlx::query(
        "INSERT INTO survey_versions (survey_id, version, title, created_at) VALUES (?, ?, ?, ?)",
    )
    .bind(survey_id)
    .bind(next)
    .bind(&survey.title)
    .bind(&at)
    .execute(&mut *conn)
    .await?
    .last_insert_rowid();
    for (position, (lineage, text)) in (1i64..).zip(&survey.questions) {
        if let Some(lineage) = lineage {
            let ours: Option<i64> = sqlx::query_scalar(
                "SELECT q.id FROM survey_questions q JOIN survey_versions v ON v.id = q.version_id
                 WHERE v.survey_id = ? AND q.lineage_id = ? LIMIT 1",
            )
            .bind(survey_id)
            .bind(lineage)
            .fetch_optional(&mut *conn)
            .await?;
            if ours.is_none() {
                let field = format!("questions.{}", position - 1);
                return Err(Error::invalid(field, Invalid::Choice));
            }
        }
        let question = sqlx::query(
            "INSERT INTO survey_questions (version_id, lineage_id, position, text)
             VALUES (?, coalesce(?, 0), ?, ?)",
        )
        .bind(version_id)
        .bind(lineage)
        .bind(position)
        .bind(text)
        .execute(&mut *conn)
        .await?
        .last_insert_rowid();
        if lineage.is_none() {
            sqlx::query("UPDATE survey_questions SET lineage_id = id WHERE id = ?")
                .bind(question)
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(survey_id)
}

/// Records one respondent's answers; every question must belong to the version answered.
/// `source` is `staff` or `import`. Returns the response's id.
pub async fn record_response_in(
    conn: &mut SqliteConnection,
    response: &ValidResponse,
    source: &'static str,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64> {
    let version: Option<i64> = sqlx::query_scalar("SELECT id FROM survey_versions WHERE id = ?")
        .bind(response.version_id)
        .fetch_optional(&mut *conn)
        .await?;
    if version.is_none() {
        return Err(Error::invalid("versionId", Invalid::Choice));
    }
    for (question, _) in &response.scores {
        let found: Option<i64> =
            sqlx::query_scalar("SELECT id FROM survey_questions WHERE id = ? AND version_id = ?")
                .bind(question)
                .bind(response.version_id)
                .fetch_optional(&mut *conn)
                .await?;
        if found.is_none() {
            return Err(Error::invalid(
                format!("scores.{question}"),
                Invalid::Choice,
            ));
        }
    }
    let id = sqlx::query(
        "INSERT INTO survey_responses (version_id, answered_on, channel, customer_name, phone,
            comment, source, entered_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(response.version_id)
    .bind(response.answered_on.to_string())
    .bind(response.channel)
    .bind(&response.customer_name)
    .bind(&response.phone)
    .bind(&response.comment)
    .bind(source)
    .bind(actor)
    .bind(stamp(now))
    .execute(&mut *conn)
    .await?
    .last_insert_rowid();
    for (question, score) in &response.scores {
        sqlx::query(
            "INSERT INTO survey_answers (response_id, question_id, score) VALUES (?, ?, ?)",
        )
        .bind(id)
        .bind(question)
        .bind(score)
        .execute(&mut *conn)
        .await?;
    }
    Ok(id)
}

/// [`record_response_in`] in its own transaction.
pub async fn record_response(
    pool: &SqlitePool,
    response: &ValidResponse,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64> {
    let mut tx = crate::store::begin_write(pool).await?;
    let id = record_response_in(&mut tx, response, "staff", actor, now).await?;
    tx.commit().await?;
    Ok(id)
}

/// Records a suggestion or praise; a praised staff member must exist. Returns its id.
pub async fn record_feedback_in(
    conn: &mut SqliteConnection,
    feedback: &ValidFeedback,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64> {
    if let Some(staff) = feedback.staff_id {
        crate::training::repo::require_staff(&mut *conn, "staffId", staff).await?;
    }
    Ok(sqlx::query(
        "INSERT INTO feedback (kind, text, received_on, staff_id, entered_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(feedback.kind)
    .bind(&feedback.text)
    .bind(feedback.received_on.to_string())
    .bind(feedback.staff_id)
    .bind(actor)
    .bind(stamp(now))
    .execute(conn)
    .await?
    .last_insert_rowid())
}

/// [`record_feedback_in`] in its own transaction.
pub async fn record_feedback(
    pool: &SqlitePool,
    feedback: &ValidFeedback,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64> {
    let mut tx = crate::store::begin_write(pool).await?;
    let id = record_feedback_in(&mut tx, feedback, actor, now).await?;
    tx.commit().await?;
    Ok(id)
}

/// A suggestion or praise as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
pub struct Feedback {
    /// Row id.
    pub id: i64,
    /// `suggestion` or `praise`.
    pub kind: String,
    /// What the customer said.
    pub text: String,
    /// The day received.
    pub received_on: String,
    /// The staff member praised.
    pub staff_name: Option<String>,
}

/// Feedback received from `from` to `to` (local days, inclusive), newest first.
pub async fn list_feedback(
    pool: &SqlitePool,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<Feedback>> {
    Ok(sqlx::query_as(
        "SELECT f.id, f.kind, f.text, f.received_on, s.name AS staff_name FROM feedback f
         LEFT JOIN staff s ON s.id = f.staff_id
         WHERE f.received_on BETWEEN ? AND ? ORDER BY f.received_on DESC, f.id DESC",
    )
    .bind(from.to_string())
    .bind(to.to_string())
    .fetch_all(pool)
    .await?)
}

/// One question's figures over a period.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionFigure {
    /// The survey.
    pub survey_id: i64,
    /// The survey's current title.
    pub survey_title: String,
    /// The question's lineage.
    pub lineage_id: i64,
    /// The question as its latest version words it.
    pub text: String,
    /// Its scores.
    pub tally: Tally,
    /// Their average.
    pub average: Option<f64>,
}

/// Survey satisfaction over a period: responses, every answer together, and per question.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SurveyFigures {
    /// Forms answered.
    pub responses: i64,
    /// Every score of the period.
    pub overall: Tally,
    /// Its average.
    pub overall_average: Option<f64>,
    /// Per question, by survey and question order.
    pub questions: Vec<QuestionFigure>,
    /// Suggestions received.
    pub suggestions: i64,
    /// Praise received.
    pub praise: i64,
}

/// [`SurveyFigures`] for answers given from `from` to `to` (local days, inclusive).
pub async fn figures(pool: &SqlitePool, from: NaiveDate, to: NaiveDate) -> Result<SurveyFigures> {
    let (from, to) = (from.to_string(), to.to_string());
    let rows: Vec<(i64, i64, i64, i64)> = sqlx::query_as(
        "SELECT v.survey_id, q.lineage_id, sum(a.score), count(*)
         FROM survey_answers a
         JOIN survey_responses r ON r.id = a.response_id
         JOIN survey_questions q ON q.id = a.question_id
         JOIN survey_versions v ON v.id = q.version_id
         WHERE r.answered_on BETWEEN ?1 AND ?2
         GROUP BY v.survey_id, q.lineage_id",
    )
    .bind(&from)
    .bind(&to)
    .fetch_all(pool)
    .await?;
    let mut questions = Vec::with_capacity(rows.len());
    for (survey_id, lineage_id, sum, count) in rows {
        // The latest wording of the lineage, and its position there, for the order.
        let (text, title, version, position): (String, String, i64, i64) = sqlx::query_as(
            "SELECT q.text, (SELECT title FROM survey_versions WHERE survey_id = ?1
                    ORDER BY version DESC LIMIT 1), v.version, q.position
             FROM survey_questions q JOIN survey_versions v ON v.id = q.version_id
             WHERE v.survey_id = ?1 AND q.lineage_id = ?2 ORDER BY v.version DESC LIMIT 1",
        )
        .bind(survey_id)
        .bind(lineage_id)
        .fetch_one(pool)
        .await?;
        let tally = Tally { sum, count };
        questions.push((
            (survey_id, -version, position),
            QuestionFigure {
                survey_id,
                survey_title: title,
                lineage_id,
                text,
                tally,
                average: tally.average(),
            },
        ));
    }
    questions.sort_by_key(|(key, _)| *key);
    let questions: Vec<QuestionFigure> = questions.into_iter().map(|(_, q)| q).collect();
    let overall = questions
        .iter()
        .fold(Tally::default(), |all, q| all + q.tally);
    let responses: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM survey_responses WHERE answered_on BETWEEN ? AND ?",
    )
    .bind(&from)
    .bind(&to)
    .fetch_one(pool)
    .await?;
    let kinds: Vec<(String, i64)> = sqlx::query_as(
        "SELECT kind, count(*) FROM feedback WHERE received_on BETWEEN ? AND ? GROUP BY kind",
    )
    .bind(&from)
    .bind(&to)
    .fetch_all(pool)
    .await?;
    let of = |kind: &str| kinds.iter().find(|(k, _)| k == kind).map_or(0, |(_, n)| *n);
    Ok(SurveyFigures {
        responses,
        overall,
        overall_average: overall.average(),
        questions,
        suggestions: of("suggestion"),
        praise: of("praise"),
    })
}

/// The questions answered from `from` to `to` whose average is low over enough answers: the
/// prevention analysis lists them as targets, lowest first.
pub async fn low_scoring(
    pool: &SqlitePool,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<QuestionFigure>> {
    let mut low: Vec<QuestionFigure> = figures(pool, from, to)
        .await?
        .questions
        .into_iter()
        .filter(|q| q.tally.is_low())
        .collect();
    low.sort_by(|a, b| {
        a.average
            .partial_cmp(&b.average)
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    Ok(low)
}

/// The last local day of `month`.
pub fn last_day(month: crate::stats::Month) -> NaiveDate {
    month
        .next()
        .first_day()
        .pred_opt()
        .unwrap_or(month.first_day())
}

/// [`SurveyFigures`] of one month, for the monthly report.
pub async fn month_figures(pool: &SqlitePool, month: crate::stats::Month) -> Result<SurveyFigures> {
    figures(pool, month.first_day(), last_day(month)).await
}

/// The low-scoring questions of the prevention analysis's window (the last three complete
/// months as at `now`).
pub async fn targets(pool: &SqlitePool, now: DateTime<Utc>) -> Result<Vec<QuestionFigure>> {
    let tz = crate::prevention::repo::branch_tz(&mut *pool.acquire().await?).await?;
    let windows = crate::prevention::analysis::Windows::at(now, tz);
    low_scoring(pool, windows.first.first_day(), last_day(windows.last)).await
}

/// Today in the branch's calendar (for dating responses and feedback).
pub async fn branch_today(pool: &SqlitePool, now: DateTime<Utc>) -> Result<NaiveDate> {
    let tz = crate::prevention::repo::branch_tz(&mut *pool.acquire().await?).await?;
    Ok(crate::prevention::repo::local_today(now, tz))
}
