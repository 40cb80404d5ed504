//! Intake: grading suggestion, duplicate warning, and saving a new case with its number.

use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::{SqliteConnection, SqlitePool};

use super::customer::{IntakeKeys, LikelyDuplicate, likely_duplicates};
use super::insert::{NewCase, insert_cases};
use super::journal::{Event, record_audit, record_event};
use super::suggest::suggestion_for;
use super::{BranchContext, branch_context, stamp};
use crate::cases::intake::{CaseInput, ValidIntake};
use crate::cases::{GradeSuggestion, check_grade_choice};
use crate::customers::link::{CustomerChoice, link_at_intake};
use crate::error::{Error, Invalid, Result};

/// What the intake form shows before saving.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IntakeCheck {
    /// The grade the rules suggest and which rules fired.
    pub suggestion: GradeSuggestion,
    /// The same customer's cases (same phone or reference, any category) that are open or
    /// were received within 90 days, each with the key that matched.
    pub likely_duplicates: Vec<LikelyDuplicate>,
    /// The customer records that match (phone, reference, or only the name) and the one
    /// linked unless the user picks another.
    pub customer: crate::customers::model::CustomerMatch,
}

/// What a stored case points at, for re-checking an edit against intake's rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct References {
    /// Category id.
    pub category_id: i64,
    /// Who took the complaint.
    pub taken_by_id: Option<i64>,
    /// Who handles it.
    pub assignee_id: Option<i64>,
}

/// Refuses a category that does not exist or is hidden, and staff who are not active: intake's
/// checks, applied again by every edit. On an edit (`stored` given) a value left as it was is
/// not checked again: a case keeps the category it was filed under and the name of whoever
/// took it after those are retired, but cannot be moved to them.
pub(super) async fn check_references(
    conn: &mut SqliteConnection,
    case: &ValidIntake,
    stored: Option<References>,
) -> Result<()> {
    let kept = |field: &str| -> bool {
        stored.is_some_and(|old| match field {
            "categoryId" => old.category_id == case.category_id,
            "takenById" => old.taken_by_id == case.taken_by_id,
            _ => old.assignee_id == case.assignee_id,
        })
    };
    if !kept("categoryId") {
        let category: Option<bool> =
            sqlx::query_scalar("SELECT hidden FROM categories WHERE id = ?")
                .bind(case.category_id)
                .fetch_optional(&mut *conn)
                .await?;
        if category != Some(false) {
            return Err(Error::invalid("categoryId", Invalid::Choice));
        }
    }
    for (field, id) in [
        ("takenById", case.taken_by_id),
        ("assigneeId", case.assignee_id),
    ] {
        let Some(id) = id.filter(|_| !kept(field)) else {
            continue;
        };
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
    let keys = IntakeKeys::of(&case);
    let likely_duplicates = likely_duplicates(
        &mut conn,
        keys.keys(),
        case.category_id,
        case.received_at,
        now,
        ctx.tz,
    )
    .await?;
    let customer = crate::customers::read::candidates(
        &mut conn,
        &case.complainant_name,
        case.phone.as_deref(),
        case.reference.as_deref(),
    )
    .await?;
    Ok(IntakeCheck {
        suggestion,
        likely_duplicates,
        customer,
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
    check_references(&mut tx, &case, None).await?;
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
    let choice = CustomerChoice::from_form(input.customer_id, input.new_customer);
    link_at_intake(&mut tx, id, &case, choice, actor, now).await?;
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
