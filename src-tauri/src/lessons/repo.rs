//! SQL for lessons learned. A lesson and its audit lines (in the case's audit trail, fields
//! `lesson_*`) are written in one transaction; so are a conversion, the record it creates
//! and the link back.

use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection, SqlitePool};

use crate::cases::repo::journal::record_audit;
use crate::cases::repo::stamp;
use crate::error::{Error, Result};
use crate::export::labels;
use crate::lessons::model::{
    LessonFilter, LessonRefusal, LessonSource, ValidLesson, draft_measure, draft_scenario,
};
use crate::prevention::MeasureInput;
use crate::prevention::model::ValidMeasure;
use crate::prevention::repo::measures::add_measure_in;
use crate::settings::model::Language;
use crate::training::input::{ScenarioInput, ValidScenario};
use crate::training::repo::scenarios::insert_scenario_in;

/// A lesson in the library, with its case and what it became.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Lesson {
    /// Row id.
    pub id: i64,
    /// The case it was learned from.
    pub case_id: i64,
    /// That case's number.
    pub case_number: String,
    /// The case's category.
    pub category_id: i64,
    /// The category's seed key (the UI translates it) …
    pub category_key: Option<String>,
    /// … or the name the branch gave it.
    pub category_name: Option<String>,
    /// The case's customer type code.
    pub customer_type: String,
    /// What happened.
    pub happened: String,
    /// What worked.
    pub worked: String,
    /// What to do differently.
    pub differently: String,
    /// Who wrote it.
    pub author_name: Option<String>,
    /// The drill scenario it became.
    pub drill_scenario_id: Option<i64>,
    /// The prevention measure it became …
    pub measure_id: Option<i64>,
    /// … in this plan.
    pub plan_id: Option<i64>,
    /// When it was written (UTC).
    pub created_at: String,
    /// When it last changed (UTC).
    pub updated_at: String,
}

const SELECT: &str = "SELECT l.id, l.case_id, c.number, c.category_id, cat.seed_key, cat.name,
        c.customer_type, l.happened, l.worked, l.differently, s.name, l.drill_scenario_id,
        l.measure_id, m.plan_id, l.created_at, l.updated_at
    FROM lessons l
    JOIN cases c ON c.id = l.case_id
    JOIN categories cat ON cat.id = c.category_id
    LEFT JOIN staff s ON s.id = l.author_id
    LEFT JOIN prevention_measures m ON m.id = l.measure_id";

fn from_row(row: &SqliteRow) -> Result<Lesson> {
    Ok(Lesson {
        id: row.try_get(0)?,
        case_id: row.try_get(1)?,
        case_number: row.try_get(2)?,
        category_id: row.try_get(3)?,
        category_key: row.try_get(4)?,
        category_name: row.try_get(5)?,
        customer_type: row.try_get(6)?,
        happened: row.try_get(7)?,
        worked: row.try_get(8)?,
        differently: row.try_get(9)?,
        author_name: row.try_get(10)?,
        drill_scenario_id: row.try_get(11)?,
        measure_id: row.try_get(12)?,
        plan_id: row.try_get(13)?,
        created_at: row.try_get(14)?,
        updated_at: row.try_get(15)?,
    })
}

/// One lesson.
pub async fn get_lesson(conn: &mut SqliteConnection, id: i64) -> Result<Lesson> {
    let sql = format!("{SELECT} WHERE l.id = ?");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(conn)
        .await?
        .ok_or(Error::NotFound)?;
    from_row(&row)
}

/// The lesson of a case, if one was written.
pub async fn lesson_for_case(pool: &SqlitePool, case_id: i64) -> Result<Option<Lesson>> {
    let sql = format!("{SELECT} WHERE l.case_id = ?");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(case_id)
        .fetch_optional(pool)
        .await?;
    row.as_ref().map(from_row).transpose()
}

/// The library, newest first. Text is found anywhere in the three texts or the case number,
/// case-insensitively; `instr` scans rather than an index because a branch writes a few
/// lessons a month and one- or two-character Chinese words must match too.
pub async fn list_lessons(pool: &SqlitePool, filter: &LessonFilter) -> Result<Vec<Lesson>> {
    let text = filter
        .text
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase);
    let sql = format!(
        "{SELECT}
         WHERE (?1 IS NULL OR instr(lower(l.happened || ' ' || l.worked || ' ' || l.differently
                || ' ' || c.number), ?1) > 0)
           AND (?2 IS NULL OR c.category_id = ?2)
           AND (?3 IS NULL OR c.customer_type = ?3)
         ORDER BY l.created_at DESC, l.id DESC"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(text)
        .bind(filter.category_id)
        .bind(filter.customer_type.as_deref().filter(|t| !t.is_empty()))
        .fetch_all(pool)
        .await?;
    rows.iter().map(from_row).collect()
}

/// Writes the lesson of a closed case, or edits it; every field that changed gets an audit
/// line on the case. Returns the lesson as stored.
pub async fn save_lesson(
    pool: &SqlitePool,
    case_id: i64,
    lesson: &ValidLesson,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Lesson> {
    let mut tx = crate::store::begin_write(pool).await?;
    let id = save_lesson_in(&mut tx, case_id, lesson, actor, now).await?;
    let saved = get_lesson(&mut tx, id).await?;
    tx.commit().await?;
    Ok(saved)
}

/// [`save_lesson`] within the caller's transaction (the demo writes its lessons in one);
/// returns the lesson's id.
pub async fn save_lesson_in(
    conn: &mut SqliteConnection,
    case_id: i64,
    lesson: &ValidLesson,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64> {
    let status: Option<String> = sqlx::query_scalar("SELECT status FROM cases WHERE id = ?")
        .bind(case_id)
        .fetch_optional(&mut *conn)
        .await?;
    match status.as_deref() {
        None => return Err(Error::NotFound),
        Some("closed") => {}
        Some(_) => return Err(Error::Lesson(LessonRefusal::CaseNotClosed)),
    }
    let before: Option<(i64, String, String, String)> =
        sqlx::query_as("SELECT id, happened, worked, differently FROM lessons WHERE case_id = ?")
            .bind(case_id)
            .fetch_optional(&mut *conn)
            .await?;
    let at = stamp(now);
    let (id, old) = match before {
        Some((id, happened, worked, differently)) => {
            sqlx::query(
                "UPDATE lessons SET happened = ?, worked = ?, differently = ?, updated_at = ?
                 WHERE id = ?",
            )
            .bind(&lesson.happened)
            .bind(&lesson.worked)
            .bind(&lesson.differently)
            .bind(&at)
            .bind(id)
            .execute(&mut *conn)
            .await?;
            (id, Some([happened, worked, differently]))
        }
        None => {
            let id = sqlx::query(
                "INSERT INTO lessons (case_id, happened, worked, differently, author_id,
                    created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            )
            .bind(case_id)
            .bind(&lesson.happened)
            .bind(&lesson.worked)
            .bind(&lesson.differently)
            .bind(actor)
            .bind(&at)
            .bind(&at)
            .execute(&mut *conn)
            .await?
            .last_insert_rowid();
            (id, None)
        }
    };
    let new = [&lesson.happened, &lesson.worked, &lesson.differently];
    let fields = ["lesson_happened", "lesson_worked", "lesson_differently"];
    for (i, field) in fields.iter().enumerate() {
        let old_value = old.as_ref().map(|o| o[i].as_str());
        if old_value == Some(new[i].as_str()) || (old_value.is_none() && new[i].is_empty()) {
            continue;
        }
        record_audit(
            &mut *conn,
            case_id,
            &at,
            actor,
            field,
            old_value,
            Some(new[i]),
        )
        .await?;
    }
    Ok(id)
}

async fn stored(conn: &mut SqliteConnection, id: i64) -> Result<(Lesson, ValidLesson)> {
    let lesson = get_lesson(conn, id).await?;
    let valid = ValidLesson {
        happened: lesson.happened.clone(),
        worked: lesson.worked.clone(),
        differently: lesson.differently.clone(),
    };
    Ok((lesson, valid))
}

/// A drill scenario pre-filled from the lesson, for the trainer to review (nothing is saved).
pub async fn scenario_draft(pool: &SqlitePool, id: i64, lang: Language) -> Result<ScenarioInput> {
    let mut conn = pool.acquire().await?;
    let (lesson, valid) = stored(&mut conn, id).await?;
    let (industry, description, request): (String, String, String) = sqlx::query_as(
        "SELECT (SELECT industry FROM branch WHERE id = 1), description, customer_request
         FROM cases WHERE id = ?",
    )
    .bind(lesson.case_id)
    .fetch_one(&mut *conn)
    .await?;
    let category = match (&lesson.category_key, &lesson.category_name) {
        (_, Some(name)) => name.clone(),
        (Some(key), None) => labels::seeded_category(key, lang),
        (None, None) => String::new(),
    };
    let source = LessonSource {
        case_number: &lesson.case_number,
        customer_type: &lesson.customer_type,
        category: &category,
        description: &description,
        customer_request: &request,
        lesson: &valid,
    };
    Ok(draft_scenario(&source, &industry, lang))
}

/// Saves the scenario the trainer reviewed and links the lesson to it, with an audit line
/// on the case. A lesson becomes one scenario at most.
pub async fn convert_to_scenario(
    pool: &SqlitePool,
    id: i64,
    scenario: &ValidScenario,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Lesson> {
    let mut tx = crate::store::begin_write(pool).await?;
    let lesson = get_lesson(&mut tx, id).await?;
    if lesson.drill_scenario_id.is_some() {
        return Err(Error::Lesson(LessonRefusal::AlreadyConverted));
    }
    let scenario_id = insert_scenario_in(&mut tx, scenario).await?;
    link_in(&mut tx, id, "drill_scenario_id", scenario_id, actor, now).await?;
    let saved = get_lesson(&mut tx, id).await?;
    tx.commit().await?;
    Ok(saved)
}

/// A prevention measure pre-filled from the lesson (nothing is saved).
pub async fn measure_draft(pool: &SqlitePool, id: i64, now: DateTime<Utc>) -> Result<MeasureInput> {
    let mut conn = pool.acquire().await?;
    let (_, valid) = stored(&mut conn, id).await?;
    let tz = crate::prevention::repo::branch_tz(&mut conn).await?;
    Ok(draft_measure(
        &valid,
        crate::prevention::repo::local_today(now, tz),
    ))
}

/// Adds the reviewed measure to the chosen open plan and links the lesson to it (audit lines
/// on the case and on the plan). A lesson becomes one measure at most.
pub async fn convert_to_measure(
    pool: &SqlitePool,
    id: i64,
    plan_id: i64,
    measure: &ValidMeasure,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Lesson> {
    let mut tx = crate::store::begin_write(pool).await?;
    let lesson = get_lesson(&mut tx, id).await?;
    if lesson.measure_id.is_some() {
        return Err(Error::Lesson(LessonRefusal::AlreadyConverted));
    }
    let measure_id = add_measure_in(&mut tx, plan_id, measure, actor, now).await?;
    link_in(&mut tx, id, "measure_id", measure_id, actor, now).await?;
    let saved = get_lesson(&mut tx, id).await?;
    tx.commit().await?;
    Ok(saved)
}

/// Links lesson `id` to what it became (`column` is `drill_scenario_id` or `measure_id`)
/// with an audit line on its case, within the caller's transaction.
pub(crate) async fn link_in(
    conn: &mut SqliteConnection,
    id: i64,
    column: &'static str,
    target: i64,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    // Only the two fixed names reach the SQL, never user input.
    let sql = match column {
        "drill_scenario_id" => {
            "UPDATE lessons SET drill_scenario_id = ?, updated_at = ? WHERE id = ? RETURNING case_id"
        }
        _ => "UPDATE lessons SET measure_id = ?, updated_at = ? WHERE id = ? RETURNING case_id",
    };
    let at = stamp(now);
    let case_id: i64 = sqlx::query_scalar(sql)
        .bind(target)
        .bind(&at)
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
    let field = format!("lesson_{column}");
    let value = target.to_string();
    record_audit(conn, case_id, &at, actor, &field, None, Some(&value)).await
}

/// Per active staff member: their last drill (as a trainee) and the lessons written since
/// then, which the training page offers them to read or drill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LessonsSinceDrill {
    /// Staff id.
    pub staff_id: i64,
    /// Name.
    pub name: String,
    /// When they last trained in a drill (UTC), if ever.
    pub last_drill_at: Option<String>,
    /// Ids of the lessons written after it (all of them when never drilled), newest first.
    pub lesson_ids: Vec<i64>,
}

/// [`LessonsSinceDrill`] for every active staff member, by name.
pub async fn new_since_last_drill(pool: &SqlitePool) -> Result<Vec<LessonsSinceDrill>> {
    let people: Vec<(i64, String, Option<String>)> = sqlx::query_as(
        "SELECT s.id, s.name, (SELECT max(d.held_at) FROM drill_trainees t
                JOIN drills d ON d.id = t.drill_id WHERE t.staff_id = s.id)
         FROM staff s WHERE s.active = 1 ORDER BY s.name, s.id",
    )
    .fetch_all(pool)
    .await?;
    let lessons: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, created_at FROM lessons ORDER BY created_at DESC, id DESC")
            .fetch_all(pool)
            .await?;
    Ok(people
        .into_iter()
        .map(|(staff_id, name, last_drill_at)| LessonsSinceDrill {
            lesson_ids: lessons
                .iter()
                .filter(|(_, created)| last_drill_at.as_ref().is_none_or(|last| created > last))
                .map(|(id, _)| *id)
                .collect(),
            staff_id,
            name,
            last_drill_at,
        })
        .collect())
}
