//! Merging two records of one customer: the kept record takes the other's cases, phones,
//! references, notes and key-customer flag; the other is marked as merged into it (never
//! deleted), and both audit trails, and each moved case's, say who merged which ids and when.

use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::SqlitePool;

use super::model::CustomerRefusal;
use super::repo::{audit, live, reindex};
use crate::cases::repo::stamp;
use crate::error::{Error, Result};

/// What a merge moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Merged {
    /// The record kept.
    pub kept: i64,
    /// The record merged into it.
    pub merged: i64,
    /// Cases moved to the kept record.
    pub cases_moved: i64,
}

/// Joins two texts with a blank line, leaving out an empty one or a repeat.
fn combine(kept: &str, other: &str) -> String {
    match (kept.trim().is_empty(), other.trim().is_empty()) {
        (_, true) => kept.to_owned(),
        (true, false) => other.to_owned(),
        _ if kept.contains(other) => kept.to_owned(),
        _ => format!("{kept}\n\n{other}"),
    }
}

/// Merges record `merged` into record `kept`, in one transaction. Refused for the same id
/// twice, a missing record or one already merged away.
pub async fn merge(
    pool: &SqlitePool,
    kept: i64,
    merged: i64,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Merged> {
    if kept == merged {
        return Err(Error::Customer(CustomerRefusal::MergeSame));
    }
    let mut tx = crate::store::begin_write(pool).await?;
    let keep = live(&mut tx, kept).await?;
    let gone = live(&mut tx, merged).await?;
    let at = stamp(now);
    let moving: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, number FROM cases WHERE customer_id = ? ORDER BY id")
            .bind(merged)
            .fetch_all(&mut *tx)
            .await?;
    for (case_id, number) in &moving {
        sqlx::query("UPDATE cases SET customer_id = ? WHERE id = ?")
            .bind(kept)
            .bind(case_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO case_audit (case_id, at, actor_id, field, old_value, new_value)
             VALUES (?, ?, ?, 'customer_id', ?, ?)",
        )
        .bind(case_id)
        .bind(&at)
        .bind(actor)
        .bind(merged.to_string())
        .bind(kept.to_string())
        .execute(&mut *tx)
        .await?;
        audit(&mut tx, kept, &at, actor, "case", None, Some(number)).await?;
    }
    // Keys the kept record lacks move over; duplicates stay with the merged record's history.
    sqlx::query("UPDATE OR IGNORE customer_keys SET customer_id = ?1 WHERE customer_id = ?2")
        .bind(kept)
        .bind(merged)
        .execute(&mut *tx)
        .await?;
    let name = if keep.name.trim().is_empty() {
        gone.name.clone()
    } else {
        keep.name
    };
    let notes = combine(&keep.notes, &gone.notes);
    let key = keep.key_customer || gone.key_customer;
    let reason = match (keep.key_reason, gone.key_reason) {
        (Some(a), Some(b)) => Some(combine(&a, &b)),
        (a, b) => a.or(b),
    };
    sqlx::query(
        "UPDATE customers SET name = ?, name_key = ?, notes = ?, key_customer = ?, key_reason = ?,
         updated_at = ? WHERE id = ?",
    )
    .bind(&name)
    .bind(super::matching::name_key(&name))
    .bind(&notes)
    .bind(key)
    .bind(&reason)
    .bind(&at)
    .bind(kept)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE customers SET merged_into = ?, key_customer = 0, updated_at = ? WHERE id = ?",
    )
    .bind(kept)
    .bind(&at)
    .bind(merged)
    .execute(&mut *tx)
    .await?;
    let (kept_text, merged_text) = (kept.to_string(), merged.to_string());
    audit(
        &mut tx,
        kept,
        &at,
        actor,
        "merged_from",
        Some(&merged_text),
        Some(&kept_text),
    )
    .await?;
    audit(
        &mut tx,
        merged,
        &at,
        actor,
        "merged_into",
        Some(&merged_text),
        Some(&kept_text),
    )
    .await?;
    reindex(&mut tx, kept).await?;
    reindex(&mut tx, merged).await?;
    tx.commit().await?;
    tracing::info!(
        kept,
        merged,
        cases = moving.len(),
        "customer records merged"
    );
    Ok(Merged {
        kept,
        merged,
        cases_moved: moving.len() as i64,
    })
}

#[cfg(test)]
mod tests {
    use super::combine;

    #[test]
    fn notes_combine_without_blanks_or_repeats() {
        assert_eq!(combine("calls at noon", ""), "calls at noon");
        assert_eq!(combine("", "prefers WeChat"), "prefers WeChat");
        assert_eq!(combine("a", "a"), "a");
        assert_eq!(
            combine("calls at noon", "prefers WeChat"),
            "calls at noon\n\nprefers WeChat"
        );
    }
}
