//! Demo customers: the demo cases linked to customers as the upgrade links them (regular
//! customers come back, so many have several cases), a few key customers with their reasons,
//! notes on what worked, and one merge of two records of the same person in the audit.

use chrono::{DateTime, Utc};
use sqlx::SqlitePool;

use super::bulk_link::link_unlinked;
use super::merge::merge;
use super::model::KeyFlag;
use super::repo::set_key_flag;
use crate::error::Result;

/// What the demo added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DemoCustomers {
    /// Cases linked.
    pub cases_linked: i64,
    /// Customer records made.
    pub customers: i64,
    /// Key customers flagged.
    pub key_customers: usize,
    /// Records merged.
    pub merged: usize,
}

const REASONS_ZH: [&str; 3] = [
    "多次投诉同一问题，曾表示要找媒体曝光；每次来电由经理亲自回复。",
    "业委会成员，反映的问题常代表整栋楼住户；处理进展要主动告知。",
    "年长住户，独居；上门处理时请带齐资料，提前电话预约。",
];
const REASONS_EN: [&str; 3] = [
    "Complained about the same problem several times and said they would go to the press; the manager answers every call.",
    "Sits on the owners' committee and often speaks for the whole building; keep them informed of progress.",
    "Elderly and lives alone; call ahead before a visit and bring every document.",
];
const NOTES_ZH: &str = "先听完再解释，给两三个具体方案让对方选，效果最好。";
const NOTES_EN: &str =
    "Listen to the end before explaining; offering two or three concrete options worked best.";

/// Links the demo cases to customers and adds key customers, notes and one merge, unless the
/// branch has key customers already.
pub async fn add_demo_customers(
    pool: &SqlitePool,
    english: bool,
    now: DateTime<Utc>,
) -> Result<DemoCustomers> {
    let watched: i64 = sqlx::query_scalar("SELECT count(*) FROM customers WHERE key_customer = 1")
        .fetch_one(pool)
        .await?;
    if watched > 0 {
        return Ok(DemoCustomers::default());
    }
    let mut tx = crate::store::begin_write(pool).await?;
    let linked = link_unlinked(&mut tx, None, None, now).await?;
    tx.commit().await?;
    let busiest: Vec<i64> = sqlx::query_scalar(
        "SELECT customer_id FROM cases WHERE customer_id IS NOT NULL
         GROUP BY customer_id HAVING count(*) > 1 ORDER BY count(*) DESC, customer_id LIMIT 8",
    )
    .fetch_all(pool)
    .await?;
    let (reasons, notes) = if english {
        (REASONS_EN, NOTES_EN)
    } else {
        (REASONS_ZH, NOTES_ZH)
    };
    for (id, reason) in busiest.iter().zip(reasons) {
        let flag = KeyFlag {
            key_customer: true,
            reason: Some(reason.into()),
        };
        set_key_flag(pool, *id, &flag, None, now).await?;
    }
    for id in &busiest {
        sqlx::query("UPDATE customers SET notes = ? WHERE id = ?")
            .bind(notes)
            .bind(id)
            .execute(pool)
            .await?;
        let mut conn = pool.acquire().await?;
        super::repo::reindex(&mut conn, *id).await?;
    }
    // Two records with the same name and different phones: the same person, as a manager
    // would find on the Customers page and merge.
    let pair: Option<(i64, i64)> = sqlx::query_as(
        "SELECT min(id), max(id) FROM customers WHERE merged_into IS NULL AND name_key IS NOT NULL
         GROUP BY name_key HAVING count(*) > 1 ORDER BY count(*) DESC, name_key LIMIT 1",
    )
    .fetch_optional(pool)
    .await?;
    let mut merged = 0;
    if let Some((kept, other)) = pair {
        merge(pool, kept, other, None, now).await?;
        merged = 1;
    }
    Ok(DemoCustomers {
        cases_linked: linked.cases_linked,
        customers: linked.customers_made,
        key_customers: busiest.len().min(reasons.len()),
        merged,
    })
}
