//! The group workbook straight from the server. Each branch sends, at every sync, its month
//! figures computed by its own statistics (see [`super::figures`]); the report reads one row
//! per branch and ranks and rolls them up with the same code as `rollup` of files, so no
//! figure is defined twice. A branch whose row for the month is missing or was computed by
//! another app version is rebuilt from its raw rows ([`super::recompute`]), as
//! `group-report --recompute` does for every branch to cross-check.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sqlx::PgPool;

use super::{figures, pg_error, recompute};
use crate::error::Result;
use crate::export::{BranchData, Destination};
use crate::settings::Language;
use crate::stats::report::Month;

/// The branches that have sent their records (their `branch` row is on the server).
pub async fn branch_codes(pg: &PgPool) -> Result<Vec<String>> {
    sqlx::query_scalar(
        "SELECT g.branch_code FROM group_branches g
         WHERE EXISTS (SELECT 1 FROM branch_rows r
                       WHERE r.branch_code = g.branch_code AND r.tbl = 'branch')
         ORDER BY g.branch_code",
    )
    .fetch_all(pg)
    .await
    .map_err(pg_error)
}

/// Every branch's figures for `month`, sorted by branch code, each as of when its branch
/// computed them (`computed_at`); `Error::NotFound` when no branch has sent anything.
pub async fn branches_month(
    pg: &PgPool,
    month: Month,
    lang: Language,
    now: DateTime<Utc>,
) -> Result<Vec<BranchData>> {
    let codes = branch_codes(pg).await?;
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT branch_code, data::text FROM branch_rows WHERE tbl = $1 AND row_key = $2",
    )
    .bind(figures::TABLE)
    .bind(month.to_string())
    .fetch_all(pg)
    .await
    .map_err(pg_error)?;
    let mut sent: HashMap<String, String> = rows.into_iter().collect();
    let mut branches = Vec::with_capacity(codes.len());
    let mut missing = Vec::new();
    for code in codes {
        let data = sent
            .remove(&code)
            .and_then(|row| serde_json::from_str::<figures::MonthRow>(&row).ok())
            .and_then(|row| row.into_branch_data(&code, lang));
        match data {
            Some(data) => branches.push(data),
            None => missing.push(code),
        }
    }
    branches.extend(recompute::recompute(pg, missing, month, lang, now).await?);
    finish(branches)
}

/// Every branch's figures for `month` rebuilt from its raw rows (the slow path, to
/// cross-check [`branches_month`]), sorted by branch code.
pub async fn branches_month_recomputed(
    pg: &PgPool,
    month: Month,
    lang: Language,
    now: DateTime<Utc>,
) -> Result<Vec<BranchData>> {
    let codes = branch_codes(pg).await?;
    finish(recompute::recompute(pg, codes, month, lang, now).await?)
}

fn finish(mut branches: Vec<BranchData>) -> Result<Vec<BranchData>> {
    if branches.is_empty() {
        return Err(crate::Error::NotFound);
    }
    // The order branches were read or rebuilt in must not matter: rank from a fixed order.
    branches.sort_by(|a, b| a.code.cmp(&b.code));
    Ok(branches)
}

/// How the group report gets each branch's month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Source {
    /// The month figures branches sent ([`branches_month`]).
    #[default]
    Sent,
    /// Rebuilt from every branch's raw rows ([`branches_month_recomputed`]).
    Recomputed,
}

/// Writes the group workbook of `month` from the server to `out`; returns the branches,
/// ranked best first.
pub async fn group_report(
    pg: &PgPool,
    month: Month,
    lang: Language,
    now: DateTime<Utc>,
    source: Source,
    out: &Destination,
) -> Result<Vec<BranchData>> {
    let branches = match source {
        Source::Sent => branches_month(pg, month, lang, now).await?,
        Source::Recomputed => branches_month_recomputed(pg, month, lang, now).await?,
    };
    crate::export::rollup::rollup_branches(branches, month, lang, out)
}
