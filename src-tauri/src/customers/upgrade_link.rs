//! Linking the cases that existed before customers were records: once, at start-up after the
//! migrations, in one transaction. Its run is recorded in `customer_link_runs`, so opening the
//! database again never links (or creates customers) twice; a run that fails leaves nothing
//! and is tried again at the next start.

use chrono::{DateTime, Utc};
use sqlx::{SqliteConnection, SqlitePool};

use super::bulk_link::link_unlinked;
use super::model::LinkReport;
use crate::cases::repo::stamp;
use crate::error::Result;

/// What the upgrade linked, once it has run.
pub async fn last_report(conn: &mut SqliteConnection) -> Result<Option<LinkReport>> {
    let row: Option<(i64, i64)> = sqlx::query_as(
        "SELECT cases_linked, customers_made FROM customer_link_runs ORDER BY id LIMIT 1",
    )
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(cases_linked, customers_made)| LinkReport {
        cases_linked,
        customers_made,
    }))
}

/// Links existing cases to customers unless that was done before; returns what it linked
/// now (`None` when it had run already) and logs it.
pub async fn run_once(pool: &SqlitePool, now: DateTime<Utc>) -> Result<Option<LinkReport>> {
    // A read first, so a database opened read-only after the upgrade is not asked to write.
    if last_report(&mut *pool.acquire().await?).await?.is_some() {
        return Ok(None);
    }
    let mut tx = crate::store::begin_write(pool).await?;
    if last_report(&mut tx).await?.is_some() {
        return Ok(None);
    }
    let report = link_unlinked(&mut tx, None, None, now).await?;
    sqlx::query(
        "INSERT INTO customer_link_runs (at, cases_linked, customers_made) VALUES (?, ?, ?)",
    )
    .bind(stamp(now))
    .bind(report.cases_linked)
    .bind(report.customers_made)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    tracing::info!(
        cases = report.cases_linked,
        customers = report.customers_made,
        "linked {} cases to {} customers at upgrade",
        report.cases_linked,
        report.customers_made
    );
    Ok(Some(report))
}
