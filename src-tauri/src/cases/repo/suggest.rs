//! The grade the rules suggest: for a complaint being taken in, and for a stored case today.
//! The facts the rules need are counted here (complainants in the category, the customer's open
//! serious cases); the rules themselves live in [`crate::cases::grading`].

use chrono::{DateTime, TimeDelta, Utc};
use sqlx::{Row, SqliteConnection};

use super::customer::{CustomerKeys, IntakeKeys, open_serious_case};
use super::{parse_stamp, stamp};
use crate::cases::intake::{ValidIntake, phone_key, reference_key};
use crate::cases::judgement::Fault;
use crate::cases::{Channel, GradeSuggestion, GradingFacts, Status, suggest_grade};
use crate::error::{Error, Result};

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

/// The suggestion for a complaint not yet stored, as intake shows it and saves it.
pub(super) async fn suggestion_for(
    conn: &mut SqliteConnection,
    case: &ValidIntake,
) -> Result<GradeSuggestion> {
    let keys = IntakeKeys::of(case);
    let open = open_serious_case(conn, keys.keys(), case.received_at, None).await?;
    let mut suggestion = suggest_grade(&GradingFacts {
        media_exposure_risk: case.media_exposure_risk,
        lawsuit_risk: case.lawsuit_risk,
        households: case.households,
        // The intake form's tick box adds an "unspecified" supporting department.
        has_supporting_departments: case.needs_other_departments,
        fault: None,
        distinct_complainants_same_category_30d: distinct_complainants(conn, case).await?,
        open_days: 0,
        reopen_count: 0,
        channel: Some(case.channel),
        customer_open_grade: open.as_ref().map(|(grade, _)| *grade),
    });
    suggestion.customer_case = open.map(|(_, number)| number);
    Ok(suggestion)
}

/// The grade the rules give a stored case at `now`.
pub async fn current_suggestion(
    conn: &mut SqliteConnection,
    id: i64,
    now: DateTime<Utc>,
) -> Result<GradeSuggestion> {
    let row = sqlx::query(
        "SELECT c.media_exposure_risk, c.lawsuit_risk, c.households,
                EXISTS (SELECT 1 FROM case_supports s WHERE s.case_id = c.id), c.status,
                c.received_at, c.reopen_count,
                (SELECT COUNT(DISTINCT COALESCE(o.phone_key, o.reference_key, NULLIF(o.complainant_name, ''), 'case ' || o.id))
                 FROM cases o WHERE o.category_id = c.category_id AND o.status <> 'invalid'
                 AND o.received_at >= strftime('%Y-%m-%dT%H:%M:%SZ', c.received_at, '-30 days') AND o.received_at <= c.received_at),
                c.channel, c.phone_key, c.reference_key, c.fault
         FROM cases c WHERE c.id = ?",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(Error::NotFound)?;
    let status = Status::parse("status", &row.try_get::<String, _>(4)?)?;
    let received = parse_stamp(&row.try_get::<String, _>(5)?)?;
    let open_days = if status.is_open() {
        (now - received).num_days()
    } else {
        0
    };
    let (phone, reference): (Option<String>, Option<String>) = (row.try_get(9)?, row.try_get(10)?);
    let keys = CustomerKeys {
        phone: phone.as_deref(),
        reference: reference.as_deref(),
    };
    let open = open_serious_case(conn, keys, received, Some(id)).await?;
    let mut suggestion = suggest_grade(&GradingFacts {
        media_exposure_risk: row.try_get(0)?,
        lawsuit_risk: row.try_get(1)?,
        households: row.try_get(2)?,
        has_supporting_departments: row.try_get(3)?,
        fault: row
            .try_get::<Option<String>, _>(11)?
            .map(|f| Fault::parse("fault", &f))
            .transpose()?,
        distinct_complainants_same_category_30d: row.try_get(7)?,
        open_days,
        reopen_count: row.try_get(6)?,
        channel: Some(Channel::parse("channel", &row.try_get::<String, _>(8)?)?),
        customer_open_grade: open.as_ref().map(|(grade, _)| *grade),
    });
    suggestion.customer_case = open.map(|(_, number)| number);
    Ok(suggestion)
}
