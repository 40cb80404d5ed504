//! Reading customer records: summaries, the records matching a complaint being taken in, the
//! Customers list with its search, the customer page and the customer of a case.

use chrono::{DateTime, Utc};
use sqlx::{SqliteConnection, SqlitePool};

use super::matching::{MatchKey, auto_choice, name_key, phone_key, reference_key};
use super::model::{
    Candidate, CustomerAudit, CustomerDetail, CustomerMatch, CustomerPage, CustomerQuery,
    CustomerSummary,
};
use super::upgrade_link::last_report;
use crate::cases::repo::branch_context;
use crate::cases::repo::list::{ROW_COLUMNS, RawRow, to_row};
use crate::cases::search::SearchPlan;
use crate::error::{Error, Result};

/// The summary columns, selected from `customers cu`.
const SUMMARY: &str = "cu.id, cu.name, cu.customer_type, cu.key_customer, cu.key_reason,
    (SELECT json_group_array(value) FROM (SELECT value FROM customer_keys
        WHERE customer_id = cu.id AND kind = 'phone' ORDER BY id)),
    (SELECT json_group_array(value) FROM (SELECT value FROM customer_keys
        WHERE customer_id = cu.id AND kind = 'reference' ORDER BY id)),
    (SELECT count(*) FROM cases WHERE customer_id = cu.id),
    (SELECT count(*) FROM cases WHERE customer_id = cu.id AND status NOT IN ('closed', 'invalid')),
    (SELECT max(received_at) FROM cases WHERE customer_id = cu.id) AS last_at";

type RawSummary = (
    i64,
    String,
    String,
    bool,
    Option<String>,
    String,
    String,
    i64,
    i64,
    Option<String>,
);

/// An audit line as selected: at, actor's name, field, old and new value.
type RawAudit = (
    String,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
);

fn to_summary(raw: RawSummary) -> CustomerSummary {
    let list = |json: &str| serde_json::from_str::<Vec<String>>(json).unwrap_or_default();
    let (id, name, customer_type, key_customer, key_reason, phones, refs, cases, open, last) = raw;
    CustomerSummary {
        id,
        name,
        customer_type,
        key_customer,
        key_reason,
        phones: list(&phones),
        references: list(&refs),
        case_count: cases,
        open_count: open,
        last_case_at: last,
    }
}

/// The summary of customer `id`, merged or not.
pub async fn summary(conn: &mut SqliteConnection, id: i64) -> Result<CustomerSummary> {
    let raw: Option<RawSummary> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {SUMMARY} FROM customers cu WHERE cu.id = ?"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await?;
    raw.map(to_summary).ok_or(Error::NotFound)
}

/// The most records offered at intake.
const MAX_CANDIDATES: usize = 8;

/// The live records sharing a phone, reference or name with a complaint, the one linked
/// without asking first (see [`auto_choice`]), each saying which keys it shares.
pub async fn candidates(
    conn: &mut SqliteConnection,
    name: &str,
    phone: Option<&str>,
    reference: Option<&str>,
) -> Result<CustomerMatch> {
    // Key holders first, so the 50 kept never lose one to more recent namesakes.
    let rows: Vec<(i64, bool, bool, bool)> = sqlx::query_as(
        "SELECT cu.id,
            EXISTS (SELECT 1 FROM customer_keys WHERE customer_id = cu.id AND kind = 'phone' AND match_key = ?1) AS by_phone,
            EXISTS (SELECT 1 FROM customer_keys WHERE customer_id = cu.id AND kind = 'reference' AND match_key = ?2) AS by_reference,
            cu.name_key IS NOT NULL AND cu.name_key = ?3
         FROM customers cu
         WHERE cu.merged_into IS NULL AND (cu.name_key = ?3 OR cu.id IN (
             SELECT customer_id FROM customer_keys
             WHERE (kind = 'phone' AND match_key = ?1) OR (kind = 'reference' AND match_key = ?2)))
         ORDER BY by_phone * 2 + by_reference DESC,
             (SELECT max(received_at) FROM cases WHERE customer_id = cu.id) DESC, cu.id DESC
         LIMIT 50",
    )
    .bind(phone_key(phone))
    .bind(reference_key(reference))
    .bind(name_key(name))
    .fetch_all(&mut *conn)
    .await?;
    let mut found: Vec<(i64, Vec<MatchKey>)> = rows
        .into_iter()
        .map(|(id, phone, reference, name)| {
            let keys = [
                (phone, MatchKey::Phone),
                (reference, MatchKey::Reference),
                (name, MatchKey::Name),
            ];
            (
                id,
                keys.into_iter()
                    .filter_map(|(hit, k)| hit.then_some(k))
                    .collect(),
            )
        })
        .collect();
    let chosen = auto_choice(&found);
    // The chosen one first, then those sharing more keys.
    found.sort_by_key(|(id, keys)| (Some(*id) != chosen, std::cmp::Reverse(keys.len())));
    found.truncate(MAX_CANDIDATES);
    let mut candidates = Vec::with_capacity(found.len());
    for (id, matched_by) in found {
        candidates.push(Candidate {
            customer: summary(conn, id).await?,
            matched_by,
        });
    }
    Ok(CustomerMatch { candidates, chosen })
}

/// One page of the Customers list: live records matching the search (names, phones,
/// references and notes, Chinese of any length) and the key-only filter, key customers first,
/// then by their latest case.
pub async fn list(pool: &SqlitePool, query: &CustomerQuery) -> Result<CustomerPage> {
    let mut conn = pool.acquire().await?;
    let plan = query.search.as_deref().and_then(SearchPlan::parse);
    let mut filter = String::from("cu.merged_into IS NULL");
    if query.key_only {
        filter.push_str(" AND cu.key_customer = 1");
    }
    let mut binds: Vec<String> = Vec::new();
    if let Some(plan) = &plan {
        if let Some(trigram) = &plan.trigram {
            filter.push_str(" AND cu.id IN (SELECT rowid FROM customer_search_trigram WHERE customer_search_trigram MATCH ?)");
            binds.push(trigram.clone());
        }
        if let Some(grams) = &plan.grams {
            filter.push_str(" AND cu.id IN (SELECT rowid FROM customer_search_grams WHERE customer_search_grams MATCH ?)");
            binds.push(grams.clone());
        }
    } else if query
        .search
        .as_deref()
        .is_some_and(|s| !s.trim().is_empty())
    {
        // Only punctuation: nothing can match.
        filter.push_str(" AND 0");
    }
    let count_sql = format!("SELECT count(*) FROM customers cu WHERE {filter}");
    let mut count = sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(count_sql));
    for bind in &binds {
        count = count.bind(bind);
    }
    let total = count.fetch_one(&mut *conn).await?;
    let limit = query.limit.unwrap_or(50).clamp(1, 200);
    let rows_sql = format!(
        "SELECT * FROM (SELECT {SUMMARY} FROM customers cu WHERE {filter})
         ORDER BY key_customer DESC, last_at IS NULL, last_at DESC, id DESC LIMIT {limit} OFFSET {}",
        query.offset
    );
    let mut rows = sqlx::query_as::<_, RawSummary>(sqlx::AssertSqlSafe(rows_sql));
    for bind in &binds {
        rows = rows.bind(bind);
    }
    let rows = rows.fetch_all(&mut *conn).await?;
    let upgrade = last_report(&mut conn)
        .await?
        .filter(|report| report.cases_linked > 0);
    Ok(CustomerPage {
        total,
        rows: rows.into_iter().map(to_summary).collect(),
        upgrade,
    })
}

/// The customer page: details, every case they raised (newest first) and their audit trail.
pub async fn detail(pool: &SqlitePool, id: i64, now: DateTime<Utc>) -> Result<CustomerDetail> {
    let mut conn = pool.acquire().await?;
    let ctx = branch_context(&mut conn).await?;
    let customer = summary(&mut conn, id).await?;
    let (notes, merged_into, created_at, updated_at): (String, Option<i64>, String, String) =
        sqlx::query_as(
            "SELECT notes, merged_into, created_at, updated_at FROM customers WHERE id = ?",
        )
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
    let raw: Vec<RawRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ROW_COLUMNS} FROM cases c LEFT JOIN staff a ON a.id = c.assignee_id
         WHERE c.customer_id = ? ORDER BY c.received_at DESC, c.id DESC"
    )))
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let cases = raw
        .into_iter()
        .map(|row| to_row(row, now, ctx.tz))
        .collect::<Result<Vec<_>>>()?;
    let audit: Vec<RawAudit> = sqlx::query_as(
        "SELECT au.at, s.name, au.field, au.old_value, au.new_value FROM customer_audit au
             LEFT JOIN staff s ON s.id = au.actor_id WHERE au.customer_id = ?
             ORDER BY au.at DESC, au.id DESC LIMIT 500",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(CustomerDetail {
        customer,
        notes,
        merged_into,
        created_at,
        updated_at,
        cases,
        audit: audit
            .into_iter()
            .map(|(at, actor, field, old_value, new_value)| CustomerAudit {
                at,
                actor,
                field,
                old_value,
                new_value,
            })
            .collect(),
    })
}

/// The customer case `case_id` is linked to, if any (for the case page's banner and link).
pub async fn of_case(pool: &SqlitePool, case_id: i64) -> Result<Option<CustomerSummary>> {
    let mut conn = pool.acquire().await?;
    let linked: Option<Option<i64>> =
        sqlx::query_scalar("SELECT customer_id FROM cases WHERE id = ?")
            .bind(case_id)
            .fetch_optional(&mut *conn)
            .await?;
    match linked {
        None => Err(Error::NotFound),
        Some(None) => Ok(None),
        Some(Some(id)) => Ok(Some(summary(&mut conn, id).await?)),
    }
}
