//! Intake: grading suggestion, duplicate warning, and saving a new case with its number.

use chrono::{DateTime, TimeDelta, Utc};
use serde::Serialize;
use sqlx::{SqliteConnection, SqlitePool};

use super::insert::{NewCase, insert_cases};
use super::journal::{Event, record_audit, record_event};
use super::list::{CaseRow, ROW_COLUMNS, to_row};
use super::{BranchContext, branch_context, stamp};
use crate::cases::intake::{CaseInput, ValidIntake, phone_key, reference_key};
use crate::cases::{GradeSuggestion, GradingFacts, check_grade_choice, suggest_grade};
use crate::error::{Error, Invalid, Result};

/// What the intake form shows before saving.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IntakeCheck {
    /// The grade the rules suggest and which rules fired.
    pub suggestion: GradeSuggestion,
    /// Cases from the same customer in the same category within 7 days.
    pub likely_duplicates: Vec<CaseRow>,
}

/// The key that tells complainants apart: phone, else reference, else name.
fn complainant_key(case: &ValidIntake) -> String {
    phone_key(case.phone.as_deref())
        .or_else(|| reference_key(case.reference.as_deref()))
        .or_else(|| Some(case.complainant_name.clone()).filter(|n| !n.is_empty()))
        .unwrap_or_else(|| "anonymous new case".into())
}

/// Distinct complainants in the case's category within the 30 days up to it, this one included.
async fn distinct_complainants(conn: &mut SqliteConnection, case: &ValidIntake) -> Result<u32> {
    let others: i64 = sqlx::query_scalar(
        "SELECT COUNT(DISTINCT COALESCE(phone_key, reference_key, NULLIF(complainant_name, ''), 'case ' || id))
         FROM cases WHERE category_id = ? AND status <> 'invalid' AND received_at >= ? AND received_at <= ?
         AND COALESCE(phone_key, reference_key, NULLIF(complainant_name, ''), 'case ' || id) <> ?",
    )
    .bind(case.category_id)
    .bind(stamp(case.received_at - TimeDelta::days(30)))
    .bind(stamp(case.received_at))
    .bind(complainant_key(case))
    .fetch_one(conn)
    .await?;
    Ok(u32::try_from(others).unwrap_or(u32::MAX).saturating_add(1))
}

async fn suggestion_for(
    conn: &mut SqliteConnection,
    case: &ValidIntake,
) -> Result<GradeSuggestion> {
    Ok(suggest_grade(&GradingFacts {
        media_exposure_risk: case.media_exposure_risk,
        lawsuit_risk: case.lawsuit_risk,
        households: case.households,
        needs_other_departments: case.needs_other_departments,
        distinct_complainants_same_category_30d: distinct_complainants(conn, case).await?,
        open_days: 0,
        reopen_count: 0,
    }))
}

/// Refuses a category that does not exist or is hidden, and staff who are not active.
async fn check_references(conn: &mut SqliteConnection, case: &ValidIntake) -> Result<()> {
    let category: Option<bool> = sqlx::query_scalar("SELECT hidden FROM categories WHERE id = ?")
        .bind(case.category_id)
        .fetch_optional(&mut *conn)
        .await?;
    if category != Some(false) {
        return Err(Error::invalid("categoryId", Invalid::Choice));
    }
    for (field, id) in [
        ("takenById", case.taken_by_id),
        ("assigneeId", case.assignee_id),
    ] {
        let Some(id) = id else { continue };
        let active: Option<bool> = sqlx::query_scalar("SELECT active FROM staff WHERE id = ?")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
        if active != Some(true) {
            return Err(Error::invalid(field, Invalid::Choice));
        }
    }
    Ok(())
}

/// The grade suggestion and likely duplicates for a case not yet saved.
pub async fn check_intake(
    pool: &SqlitePool,
    input: &CaseInput,
    now: DateTime<Utc>,
) -> Result<IntakeCheck> {
    let mut conn = pool.acquire().await?;
    let ctx = branch_context(&mut conn).await?;
    let case = input.parse(ctx.tz, now)?;
    let suggestion = suggestion_for(&mut conn, &case).await?;
    let sql = format!(
        "SELECT {ROW_COLUMNS} FROM cases c LEFT JOIN staff a ON a.id = c.assignee_id
         WHERE c.category_id = ? AND c.status <> 'invalid' AND c.received_at >= ? AND c.received_at <= ?
         AND ((c.phone_key IS NOT NULL AND c.phone_key = ?) OR (c.reference_key IS NOT NULL AND c.reference_key = ?))
         ORDER BY c.received_at DESC LIMIT 10"
    );
    let raw = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(case.category_id)
        .bind(stamp(case.received_at - TimeDelta::days(7)))
        .bind(stamp(case.received_at + TimeDelta::days(7)))
        .bind(phone_key(case.phone.as_deref()))
        .bind(reference_key(case.reference.as_deref()))
        .fetch_all(&mut *conn)
        .await?;
    let likely_duplicates = raw
        .into_iter()
        .map(|r| to_row(r, now, ctx.tz))
        .collect::<Result<Vec<_>>>()?;
    Ok(IntakeCheck {
        suggestion,
        likely_duplicates,
    })
}

/// Saves a new case: grades it, numbers it in the branch's local month, sets its deadlines,
/// indexes it for search and records it on the timeline and in the audit trail, all in one
/// transaction. Returns the new case's id.
pub async fn create_case(
    pool: &SqlitePool,
    input: &CaseInput,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64> {
    let mut tx = crate::store::begin_write(pool).await?;
    let ctx = branch_context(&mut tx).await?;
    let case = input.parse(ctx.tz, now)?;
    check_references(&mut tx, &case).await?;
    let suggestion = suggestion_for(&mut tx, &case).await?;
    let grade = case.grade.unwrap_or(suggestion.grade);
    check_grade_choice(suggestion.grade, grade, case.grade_reason.as_deref())?;
    let id = insert_case(
        &mut tx,
        &ctx,
        &case,
        suggestion.grade.get(),
        grade.get(),
        now,
    )
    .await?;
    let at = stamp(now);
    let number: String = sqlx::query_scalar("SELECT number FROM cases WHERE id = ?")
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
    record_event(
        &mut tx,
        id,
        &at,
        actor,
        Event {
            kind: "created",
            body: "",
            old_value: None,
            new_value: Some("new"),
        },
    )
    .await?;
    record_audit(&mut tx, id, &at, actor, "created", None, Some(&number)).await?;
    if grade != suggestion.grade {
        let (old, new) = (suggestion.grade.to_string(), grade.to_string());
        let reason = case.grade_reason.as_deref().unwrap_or_default();
        record_event(
            &mut tx,
            id,
            &at,
            actor,
            Event {
                kind: "grade",
                body: reason,
                old_value: Some(&old),
                new_value: Some(&new),
            },
        )
        .await?;
        record_audit(&mut tx, id, &at, actor, "grade", Some(&old), Some(&new)).await?;
        record_audit(
            &mut tx,
            id,
            &at,
            actor,
            "grade_reason",
            None,
            case.grade_reason.as_deref(),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(id)
}

/// Inserts the case row (number, deadlines, status `new`) and its search entries, and returns
/// its id. The demo-data generator stores thousands at a time through
/// [`insert_cases`](super::insert::insert_cases), the same path.
pub async fn insert_case(
    conn: &mut SqliteConnection,
    ctx: &BranchContext,
    case: &ValidIntake,
    suggested_grade: u8,
    grade: u8,
    now: DateTime<Utc>,
) -> Result<i64> {
    let new = NewCase {
        case,
        suggested_grade,
        grade,
        now,
        standing: None,
    };
    let ids = insert_cases(conn, ctx, &[new]).await?;
    ids.first().copied().ok_or(Error::NotFound)
}
