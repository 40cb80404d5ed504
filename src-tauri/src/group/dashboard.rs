//! Head office's group dashboard: every branch's figures for a month (from
//! [`super::report::branches_month`], the same figures as the group workbook), each branch's
//! rank by any figure, and when its data last arrived.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;
use sqlx::PgPool;

use super::{GroupProblem, pg_error, report};
use crate::error::{Error, Result};
use crate::export::BranchData;
use crate::settings::Language;
use crate::stats::report::{Better, Kpi, Month};

/// A branch whose newest row arrived longer ago than this is marked stale: its figures may
/// miss recent work (the branch has been offline, or its automatic sync is off).
pub const STALE_AFTER: TimeDelta = TimeDelta::hours(48);

/// One branch's row of the dashboard.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BranchFigures {
    /// Branch code.
    pub code: String,
    /// Branch name.
    pub name: String,
    /// Its figures for the month, in report order.
    pub kpis: Vec<Kpi>,
    /// Its rank among the branches by each figure that has a better direction (1 is best;
    /// missing when the branch has no value for it). Ties share a rank.
    pub ranks: BTreeMap<String, u32>,
    /// When the server last received a row from it (RFC 3339, UTC).
    pub last_received: Option<String>,
    /// Whether that was more than [`STALE_AFTER`] ago.
    pub stale: bool,
}

/// What the group dashboard shows for a month.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupDashboard {
    /// The month, `YYYY-MM`.
    pub month: String,
    /// When the figures were computed (RFC 3339, UTC).
    pub computed_at: String,
    /// The branches, by code.
    pub branches: Vec<BranchFigures>,
}

/// The month the dashboard opens on: the last complete one in `tz`.
pub fn default_month(now: DateTime<Utc>, tz: Tz) -> Month {
    Month::of(now, tz).previous()
}

/// The dashboard of `month`; [`GroupProblem::NoBranches`] while no branch has synced.
pub async fn dashboard(
    pg: &PgPool,
    month: Month,
    lang: Language,
    now: DateTime<Utc>,
) -> Result<GroupDashboard> {
    let branches =
        report::branches_month(pg, month, lang, now)
            .await
            .map_err(|error| match error {
                Error::NotFound => Error::Group(GroupProblem::NoBranches),
                other => other,
            })?;
    let received = last_received(pg).await?;
    let mut ranks: Vec<BTreeMap<String, u32>> = vec![BTreeMap::new(); branches.len()];
    let keys: Vec<(String, Better)> = branches
        .first()
        .map(|b| b.kpis.iter().map(|k| (k.key.clone(), k.better)).collect())
        .unwrap_or_default();
    for (key, better) in keys {
        for (i, rank) in rank_by(&branches, &key, better).into_iter().enumerate() {
            if let Some(rank) = rank {
                ranks[i].insert(key.clone(), rank);
            }
        }
    }
    Ok(GroupDashboard {
        month: month.to_string(),
        computed_at: crate::cases::repo::stamp(now),
        branches: branches
            .into_iter()
            .zip(ranks)
            .map(|(branch, ranks)| {
                let last = received.get(&branch.code).copied();
                BranchFigures {
                    stale: last.is_none_or(|at| now.signed_duration_since(at) > STALE_AFTER),
                    last_received: last.map(crate::cases::repo::stamp),
                    code: branch.code,
                    name: branch.name,
                    kpis: branch.kpis,
                    ranks,
                }
            })
            .collect(),
    })
}

/// When the server last received a row from each branch.
pub async fn last_received(pg: &PgPool) -> Result<HashMap<String, DateTime<Utc>>> {
    let rows: Vec<(String, DateTime<Utc>)> =
        sqlx::query_as("SELECT branch_code, max(synced_at) FROM branch_rows GROUP BY branch_code")
            .fetch_all(pg)
            .await
            .map_err(pg_error)?;
    Ok(rows.into_iter().collect())
}

/// Each branch's rank by figure `key` (in `branches`' order): best first by the figure's
/// better direction (a neutral figure ranks the largest first), ties sharing a rank
/// (1, 2, 2, 4), a branch without a value unranked.
pub fn rank_by(branches: &[BranchData], key: &str, better: Better) -> Vec<Option<u32>> {
    let values: Vec<Option<f64>> = branches
        .iter()
        .map(|b| b.kpi(key).and_then(|k| k.value))
        .collect();
    let beats = |x: f64, y: f64| match better {
        Better::Lower => x < y,
        Better::Higher | Better::Neutral => x > y,
    };
    values
        .iter()
        .map(|value| {
            let value = (*value)?;
            let ahead = values
                .iter()
                .flatten()
                .filter(|v| beats(**v, value))
                .count();
            u32::try_from(ahead + 1).ok()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::report::Unit;

    fn branch(code: &str, value: Option<f64>) -> BranchData {
        BranchData {
            code: code.into(),
            name: code.into(),
            month: Month {
                year: 2026,
                month: 10,
            },
            computed_at: String::new(),
            kpis: vec![Kpi {
                key: "k".into(),
                unit: Unit::Count,
                better: Better::Lower,
                value,
                previous: None,
                last_year: None,
                parts: None,
            }],
            breakdowns: Vec::new(),
        }
    }

    #[test]
    fn ranks_follow_the_better_direction_share_ties_and_skip_missing_values() {
        let branches = [
            branch("A", Some(3.0)),
            branch("B", Some(1.0)),
            branch("C", None),
            branch("D", Some(3.0)),
            branch("E", Some(5.0)),
        ];
        assert_eq!(
            rank_by(&branches, "k", Better::Lower),
            [Some(2), Some(1), None, Some(2), Some(4)]
        );
        assert_eq!(
            rank_by(&branches, "k", Better::Higher),
            [Some(2), Some(4), None, Some(2), Some(1)]
        );
        assert_eq!(rank_by(&branches, "missing", Better::Higher), [None; 5]);
    }

    #[test]
    fn the_dashboard_opens_on_the_last_complete_month_of_its_time_zone() {
        let now = DateTime::parse_from_rfc3339("2026-11-30T17:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        // Already 1 December in Shanghai: November is complete.
        assert_eq!(
            default_month(now, chrono_tz::Asia::Shanghai).to_string(),
            "2026-11"
        );
        assert_eq!(default_month(now, chrono_tz::UTC).to_string(), "2026-10");
    }
}
