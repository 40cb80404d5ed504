//! Cases attached to a plan as evidence. Each attachment or removal and its history line are
//! written in one transaction.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use sqlx::{SqliteConnection, SqlitePool};

use super::audit;
use super::changes::open_plan;
use crate::cases::repo::stamp;
use crate::error::{Error, Invalid, Result};

/// Which case to attach: by id (from the case page) or by number (typed on the plan page).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CaseRef {
    /// Case id.
    pub case_id: Option<i64>,
    /// Case number, e.g. `SH01-202410-0001`.
    pub case_number: Option<String>,
}

async fn find_case(conn: &mut SqliteConnection, case: &CaseRef) -> Result<(i64, String)> {
    let found: Option<(i64, String)> = match (case.case_id, case.case_number.as_deref()) {
        (Some(id), _) => {
            sqlx::query_as("SELECT id, number FROM cases WHERE id = ?")
                .bind(id)
                .fetch_optional(&mut *conn)
                .await?
        }
        (None, Some(number)) if !number.trim().is_empty() => {
            sqlx::query_as("SELECT id, number FROM cases WHERE number = ? COLLATE NOCASE")
                .bind(number.trim())
                .fetch_optional(&mut *conn)
                .await?
        }
        _ => return Err(Error::invalid("caseNumber", Invalid::Required)),
    };
    found.ok_or_else(|| Error::invalid("caseNumber", Invalid::CaseNumber))
}

/// Attaches a case to an open plan as evidence (attaching it twice changes nothing).
pub async fn attach_case(
    pool: &SqlitePool,
    plan_id: i64,
    case: &CaseRef,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut tx = crate::store::begin_write(pool).await?;
    open_plan(&mut tx, plan_id).await?;
    let (case_id, number) = find_case(&mut tx, case).await?;
    let added = sqlx::query(
        "INSERT OR IGNORE INTO prevention_plan_cases (plan_id, case_id, added_at, added_by)
         VALUES (?, ?, ?, ?)",
    )
    .bind(plan_id)
    .bind(case_id)
    .bind(stamp(now))
    .bind(actor)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if added > 0 {
        audit(&mut tx, plan_id, actor, now, "case", None, Some(&number)).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Takes a case off an open plan's evidence.
pub async fn detach_case(
    pool: &SqlitePool,
    plan_id: i64,
    case_id: i64,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut tx = crate::store::begin_write(pool).await?;
    open_plan(&mut tx, plan_id).await?;
    let (_, number) = find_case(
        &mut tx,
        &CaseRef {
            case_id: Some(case_id),
            case_number: None,
        },
    )
    .await?;
    let removed =
        sqlx::query("DELETE FROM prevention_plan_cases WHERE plan_id = ? AND case_id = ?")
            .bind(plan_id)
            .bind(case_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
    if removed == 0 {
        return Err(Error::NotFound);
    }
    audit(&mut tx, plan_id, actor, now, "case", Some(&number), None).await?;
    tx.commit().await?;
    Ok(())
}
