//! The drill a case suggests: when its handling went wrong, a scenario of the same customer
//! type (the branch's own industry first) for the person who took it and the one handling it.

use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::SqlitePool;

use super::scenarios::{Scenario, get_scenario};
use crate::cases::repo::parse_stamp;
use crate::error::{Error, Result};
use crate::training::suggest::{Handling, WentWrong, went_wrong};

/// A suggested drill.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DrillSuggestion {
    /// Why the handling counts as gone wrong.
    pub reasons: Vec<WentWrong>,
    /// The scenario to practise.
    pub scenario: Scenario,
    /// The staff involved (taker and assignee, without repeats): ids and names.
    pub staff: Vec<(i64, String)>,
}

type CaseRow = (
    String,
    String,
    i64,
    Option<i64>,
    Option<bool>,
    String,
    Option<String>,
    Option<String>,
    Option<i64>,
    Option<i64>,
);

/// The suggestion for a case, or `None` when its handling went fine, its customer type is
/// unknown, or no scenario of that type is in the library.
pub async fn case_drill_suggestion(
    pool: &SqlitePool,
    case_id: i64,
    now: DateTime<Utc>,
) -> Result<Option<DrillSuggestion>> {
    let row: CaseRow = sqlx::query_as(
        "SELECT status, customer_type, reopen_count, satisfaction, customer_accepted, due_at,
                resolved_at, paused_since, taken_by_id, assignee_id FROM cases WHERE id = ?",
    )
    .bind(case_id)
    .fetch_optional(pool)
    .await?
    .ok_or(Error::NotFound)?;
    let (
        status,
        customer_type,
        reopen_count,
        satisfaction,
        customer_accepted,
        due_at,
        resolved_at,
        paused_since,
        taker,
        assignee,
    ) = row;
    let handling = Handling {
        status,
        reopen_count,
        satisfaction,
        customer_accepted,
        due_at: parse_stamp(&due_at)?,
        resolved_at: resolved_at.as_deref().map(parse_stamp).transpose()?,
        paused: paused_since.is_some(),
    };
    let reasons = went_wrong(&handling, now);
    if reasons.is_empty() {
        return Ok(None);
    }
    let scenario_id: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM drill_scenarios WHERE retired = 0 AND customer_type = ?
         ORDER BY industry = (SELECT industry FROM branch WHERE id = 1) DESC, id LIMIT 1",
    )
    .bind(&customer_type)
    .fetch_optional(pool)
    .await?;
    let Some(scenario_id) = scenario_id else {
        return Ok(None);
    };
    let mut staff = Vec::new();
    for id in [taker, assignee].into_iter().flatten() {
        if staff.iter().any(|(known, _)| *known == id) {
            continue;
        }
        let name: Option<String> =
            sqlx::query_scalar("SELECT name FROM staff WHERE id = ? AND active = 1")
                .bind(id)
                .fetch_optional(pool)
                .await?;
        if let Some(name) = name {
            staff.push((id, name));
        }
    }
    Ok(Some(DrillSuggestion {
        reasons,
        scenario: get_scenario(&mut *pool.acquire().await?, scenario_id).await?,
        staff,
    }))
}
