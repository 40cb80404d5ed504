//! Linking cases to customers: one case at intake (the record the user chose, the one matched
//! by phone or reference, or a new one), and many at once for import, the upgrade and demo
//! data (matched by phone and reference keys only: a name alone never links).

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::matching::{phone_key, reference_key};
use super::model::LinkReport;
use super::read::candidates;
use super::repo::{add_keys, audit, create, reindex};
use crate::cases::CustomerType;
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

/// A case waiting for its customer: id, name, phone, reference, customer type.
type UnlinkedCase = (i64, String, Option<String>, Option<String>, String);

/// Links every case not yet linked (only those in `only`, when given) to the customer holding
/// its phone or reference key, creating a customer for keys nobody holds yet; cases without
/// either key stay unlinked. Cases are taken in order of receipt, so a customer's first case
/// creates the record and the later ones join it. Runs inside the caller's transaction.
pub async fn link_unlinked(
    conn: &mut SqliteConnection,
    only: Option<&[i64]>,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<LinkReport> {
    let mut holders: HashMap<(bool, String), i64> = HashMap::new();
    let keys: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT k.customer_id, k.kind, k.match_key FROM customer_keys k
         JOIN customers cu ON cu.id = k.customer_id WHERE cu.merged_into IS NULL ORDER BY k.id",
    )
    .fetch_all(&mut *conn)
    .await?;
    for (id, kind, key) in keys {
        holders.entry((kind == "phone", key)).or_insert(id);
    }
    let wanted = only.map(|ids| ids.iter().copied().collect::<BTreeSet<i64>>());
    let cases: Vec<UnlinkedCase> = sqlx::query_as(
        "SELECT id, complainant_name, phone, reference, customer_type FROM cases
         WHERE customer_id IS NULL AND (phone IS NOT NULL OR reference IS NOT NULL)
         ORDER BY received_at, id",
    )
    .fetch_all(&mut *conn)
    .await?;
    let at = stamp(now);
    let mut report = LinkReport {
        cases_linked: 0,
        customers_made: 0,
    };
    let mut touched = BTreeSet::new();
    for (case_id, name, phone, reference, kind) in cases {
        if wanted.as_ref().is_some_and(|w| !w.contains(&case_id)) {
            continue;
        }
        let phone_key = phone_key(phone.as_deref()).map(|k| (true, k));
        let reference_key = reference_key(reference.as_deref()).map(|k| (false, k));
        if phone_key.is_none() && reference_key.is_none() {
            continue;
        }
        let found = [&phone_key, &reference_key]
            .into_iter()
            .flatten()
            .find_map(|key| holders.get(key).copied());
        let id = match found {
            Some(id) => id,
            None => {
                let kind = CustomerType::parse("customerType", &kind)?;
                report.customers_made += 1;
                create(conn, &name, kind, actor, now).await?
            }
        };
        for key in [phone_key, reference_key].into_iter().flatten() {
            holders.entry(key).or_insert(id);
        }
        add_keys(
            conn,
            id,
            &name,
            phone.as_deref(),
            reference.as_deref(),
            actor,
            now,
        )
        .await?;
        point_case(conn, case_id, id, actor, &at).await?;
        report.cases_linked += 1;
        touched.insert(id);
    }
    for id in touched {
        reindex(conn, id).await?;
    }
    Ok(report)
}
