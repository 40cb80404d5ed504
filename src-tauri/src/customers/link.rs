//! Linking one case to its customer at intake: the record the user chose, the one matched by
//! phone or reference, or a new one. Many cases at once (import, the upgrade, demo data) are
//! linked by [`super::bulk_link`] with the same rules.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::read::candidates;
use super::repo::{add_keys, audit, create, reindex};
use crate::cases::intake::ValidIntake;
use crate::cases::repo::stamp;
use crate::error::{Error, Result};

/// Which customer a new complaint belongs to, as the intake form says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CustomerChoice {
    /// The record matched by phone or reference, else a new one.
    Auto,
    /// This record (the user picked it among the matches).
    Existing(i64),
    /// A new record, whatever matches.
    New,
}

impl CustomerChoice {
    /// The choice the intake form sent: a picked id wins over "new customer".
    pub fn from_form(customer_id: Option<i64>, new_customer: bool) -> Self {
        match (customer_id, new_customer) {
            (Some(id), _) => CustomerChoice::Existing(id),
            (None, true) => CustomerChoice::New,
            (None, false) => CustomerChoice::Auto,
        }
    }
}

/// Points case `case_id` at customer `customer_id` and audits it on both.
async fn point_case(
    conn: &mut SqliteConnection,
    case_id: i64,
    customer_id: i64,
    actor: Option<i64>,
    at: &str,
) -> Result<()> {
    let (number, old): (String, Option<i64>) =
        sqlx::query_as("SELECT number, customer_id FROM cases WHERE id = ?")
            .bind(case_id)
            .fetch_one(&mut *conn)
            .await?;
    sqlx::query("UPDATE cases SET customer_id = ? WHERE id = ?")
        .bind(customer_id)
        .bind(case_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO case_audit (case_id, at, actor_id, field, old_value, new_value)
         VALUES (?, ?, ?, 'customer_id', ?, ?)",
    )
    .bind(case_id)
    .bind(at)
    .bind(actor)
    .bind(old.map(|id| id.to_string()))
    .bind(customer_id.to_string())
    .execute(&mut *conn)
    .await?;
    audit(conn, customer_id, at, actor, "case", None, Some(&number)).await
}

/// Links the case just stored from `case` to its customer, as `choice` says; returns the
/// customer's id, or `None` for an anonymous complaint with no name, phone or reference.
/// A picked record that was merged away is followed to the record it was merged into.
pub async fn link_at_intake(
    conn: &mut SqliteConnection,
    case_id: i64,
    case: &ValidIntake,
    choice: CustomerChoice,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Option<i64>> {
    let phone = case.phone.as_deref();
    let reference = case.reference.as_deref();
    let target = match choice {
        CustomerChoice::Existing(id) => Some(kept_record(conn, id).await?),
        CustomerChoice::New => None,
        CustomerChoice::Auto => {
            candidates(conn, &case.complainant_name, phone, reference)
                .await?
                .chosen
        }
    };
    let anonymous = case.complainant_name.is_empty() && phone.is_none() && reference.is_none();
    let id = match target {
        Some(id) => id,
        None if anonymous && choice == CustomerChoice::Auto => return Ok(None),
        None => create(conn, &case.complainant_name, case.customer_type, actor, now).await?,
    };
    add_keys(
        conn,
        id,
        &case.complainant_name,
        phone,
        reference,
        actor,
        now,
    )
    .await?;
    point_case(conn, case_id, id, actor, &stamp(now)).await?;
    reindex(conn, id).await?;
    Ok(Some(id))
}

/// The live record `id` stands for: itself, or the record it was merged into.
async fn kept_record(conn: &mut SqliteConnection, id: i64) -> Result<i64> {
    let mut current = id;
    // A merge chain is at most as long as the records in it; the bound only guards a loop.
    for _ in 0..64 {
        let merged: Option<Option<i64>> =
            sqlx::query_scalar("SELECT merged_into FROM customers WHERE id = ?")
                .bind(current)
                .fetch_optional(&mut *conn)
                .await?;
        match merged {
            None => return Err(Error::invalid("customerId", crate::error::Invalid::Choice)),
            Some(None) => return Ok(current),
            Some(Some(next)) => current = next,
        }
    }
    Err(Error::invalid("customerId", crate::error::Invalid::Choice))
}
