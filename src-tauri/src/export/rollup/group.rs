//! The group's figures, recomputed from the branches' counts: shares and averages as the sum of
//! numerators over the sum of denominators (never an average of percentages), counts as sums.

use std::collections::HashMap;

use crate::export::data::BranchData;
use crate::stats::report::{Better, Kpi, Unit};

/// The figures that order the branch table, best first: closure rate, then the share of cases
/// resolved within their time limit.
pub const RANK_BY: [&str; 2] = ["closure_rate", "resolved_on_time"];

/// Whether `kpi`'s value is its parts' quotient, so the group may recompute it from parts.
fn is_quotient_of_parts(kpi: &Kpi) -> bool {
    match (kpi.parts, kpi.value) {
        (Some((_, 0)), None) => true,
        (Some((n, d)), Some(v)) if d > 0 => (v - n as f64 / d as f64).abs() < 1e-9,
        _ => false,
    }
}

/// One figure across the group, in the order the branches' workbooks list them.
pub fn group_figures(branches: &[BranchData]) -> Vec<Kpi> {
    let mut order: Vec<(String, Unit, Better)> = Vec::new();
    let mut by_key: HashMap<&str, Vec<&Kpi>> = HashMap::new();
    for branch in branches {
        for kpi in &branch.kpis {
            let seen = by_key.entry(kpi.key.as_str()).or_default();
            if seen.is_empty() {
                order.push((kpi.key.clone(), kpi.unit, kpi.better));
            }
            seen.push(kpi);
        }
    }
    order
        .into_iter()
        .map(|(key, unit, better)| {
            let kpis = &by_key[key.as_str()];
            let complete = kpis.len() == branches.len();
            let (value, parts) = if complete && kpis.iter().all(|k| is_quotient_of_parts(k)) {
                let (n, d) = kpis.iter().fold((0i64, 0i64), |(n, d), k| {
                    let (kn, kd) = k.parts.unwrap_or_default();
                    (n.saturating_add(kn), d.saturating_add(kd))
                });
                ((d > 0).then(|| n as f64 / d as f64), Some((n, d)))
            } else if complete && matches!(unit, Unit::Count | Unit::Yuan) {
                (kpis.iter().map(|k| k.value).sum::<Option<f64>>(), None)
            } else {
                // An average without its parts (or a figure some branches lack) cannot be
                // combined honestly: the group cell stays empty rather than wrong.
                (None, None)
            };
            Kpi {
                key,
                unit,
                better,
                value,
                previous: None,
                last_year: None,
                parts,
            }
        })
        .collect()
}

/// The branches best first: by closure rate, then resolved-on-time rate (a branch without a
/// figure after those with one), then by code.
pub fn rank(branches: &mut [BranchData]) {
    let score = |b: &BranchData| -> Vec<Option<f64>> {
        RANK_BY
            .iter()
            .map(|key| b.kpi(key).and_then(|k| k.value))
            .collect()
    };
    branches.sort_by(|a, b| {
        let (sa, sb) = (score(a), score(b));
        for (x, y) in sa.iter().zip(&sb) {
            let order = match (x, y) {
                (Some(x), Some(y)) => y.total_cmp(x),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            };
            if order.is_ne() {
                return order;
            }
        }
        a.code.cmp(&b.code)
    });
}

/// Counts per group of `dimension` across the branches, largest first (ties by code).
pub fn dimension_totals(branches: &[BranchData], dimension: &str) -> Vec<(String, i64)> {
    let mut totals: HashMap<&str, i64> = HashMap::new();
    for branch in branches {
        for row in branch.breakdown(dimension).iter().flat_map(|b| &b.rows) {
            *totals.entry(row.code.as_str()).or_default() += row.count;
        }
    }
    let mut rows: Vec<(String, i64)> = totals
        .into_iter()
        .map(|(code, count)| (code.to_owned(), count))
        .collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::report::{Breakdown, BreakdownRow, Month};

    fn share(key: &str, n: i64, d: i64) -> Kpi {
        Kpi {
            key: key.into(),
            unit: Unit::Share,
            better: Better::Higher,
            value: (d > 0).then(|| n as f64 / d as f64),
            previous: None,
            last_year: None,
            parts: Some((n, d)),
        }
    }

    fn count(key: &str, value: f64) -> Kpi {
        Kpi {
            key: key.into(),
            unit: Unit::Count,
            better: Better::Neutral,
            value: Some(value),
            previous: None,
            last_year: None,
            parts: None,
        }
    }

    fn branch(code: &str, closed: i64, valid: i64, on_time: (i64, i64)) -> BranchData {
        BranchData {
            code: code.into(),
            name: format!("{code} 网点"),
            month: Month {
                year: 2026,
                month: 10,
            },
            computed_at: String::new(),
            kpis: vec![
                count("valid", valid as f64),
                share("closure_rate", closed, valid),
                share("resolved_on_time", on_time.0, on_time.1),
                Kpi {
                    unit: Unit::Score,
                    ..count("satisfaction", 4.5)
                },
            ],
            breakdowns: vec![Breakdown {
                key: "category".into(),
                rows: vec![
                    BreakdownRow {
                        code: "seed:parking".into(),
                        label: "Parking".into(),
                        count: valid,
                    },
                    BreakdownRow {
                        code: format!("name:{code}"),
                        label: code.into(),
                        count: 1,
                    },
                ],
            }],
        }
    }

    #[test]
    fn group_shares_are_recomputed_from_counts_never_averaged() {
        // 1 of 1 closed and 10 of 100 closed: the average of rates would say 55%.
        let branches = [branch("A1", 1, 1, (1, 1)), branch("B2", 10, 100, (5, 10))];
        let figures = group_figures(&branches);
        let closure = figures.iter().find(|k| k.key == "closure_rate").unwrap();
        assert_eq!(closure.parts, Some((11, 101)));
        assert!((closure.value.unwrap() - 11.0 / 101.0).abs() < 1e-12);
        let valid = figures.iter().find(|k| k.key == "valid").unwrap();
        assert_eq!(valid.value, Some(101.0));
        let satisfaction = figures.iter().find(|k| k.key == "satisfaction").unwrap();
        assert_eq!(
            satisfaction.value, None,
            "an average without parts is not guessed"
        );
    }

    #[test]
    fn a_share_over_nothing_stays_empty_and_does_not_count() {
        let branches = [branch("A1", 0, 0, (0, 0)), branch("B2", 3, 4, (1, 2))];
        let figures = group_figures(&branches);
        let closure = figures.iter().find(|k| k.key == "closure_rate").unwrap();
        assert_eq!(closure.parts, Some((3, 4)));
        assert_eq!(closure.value, Some(0.75));
        let empty = group_figures(&[branch("A1", 0, 0, (0, 0))]);
        assert_eq!(empty[1].value, None);
    }

    #[test]
    fn branches_rank_by_closure_rate_then_on_time_rate_then_code() {
        let mut branches = vec![
            branch("C3", 1, 2, (1, 1)),
            branch("B2", 9, 10, (1, 4)),
            branch("A1", 1, 2, (3, 4)),
            branch("D4", 0, 0, (0, 0)),
            branch("E5", 1, 2, (3, 4)),
        ];
        rank(&mut branches);
        let order: Vec<&str> = branches.iter().map(|b| b.code.as_str()).collect();
        assert_eq!(order, ["B2", "C3", "A1", "E5", "D4"]);
    }

    #[test]
    fn category_totals_add_up_by_key_across_branches() {
        let branches = [branch("A1", 1, 3, (1, 1)), branch("B2", 1, 5, (1, 1))];
        let totals = dimension_totals(&branches, "category");
        assert_eq!(
            totals,
            [
                ("seed:parking".to_owned(), 8),
                ("name:A1".to_owned(), 1),
                ("name:B2".to_owned(), 1)
            ]
        );
    }
}
