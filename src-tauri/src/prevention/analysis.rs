//! The analysis behind prevention: which categories and root causes the branch's complaints
//! fall into, how that compares with before, and which places or references keep coming back.
//!
//! Windows: the **last 3 complete local months** (the current month is left out, so a figure
//! does not move while the month runs), compared with the 3 months before them. Only valid
//! cases count (a case voided as invalid was not a real complaint).

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::stats::Month;

/// Months in each window.
pub const WINDOW_MONTHS: usize = 3;
/// A reference counts as a hot spot from this many complaints in the window.
pub const HOT_SPOT_MIN: i64 = 2;
/// The most hot spots listed.
pub const MAX_HOT_SPOTS: usize = 15;

/// The two windows, as local months and the instants they span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Windows {
    /// First month of the window analysed.
    pub first: Month,
    /// Last month of the window analysed (the last complete month).
    pub last: Month,
    /// First month of the comparison window.
    pub previous_first: Month,
    /// Last month of the comparison window.
    pub previous_last: Month,
}

impl Windows {
    /// The windows as at `now` in `tz`.
    pub fn at(now: DateTime<Utc>, tz: Tz) -> Windows {
        let last = Month::of(now, tz).previous();
        let first = last.ending_with(WINDOW_MONTHS)[0];
        let previous_last = first.previous();
        let previous_first = previous_last.ending_with(WINDOW_MONTHS)[0];
        Windows {
            first,
            last,
            previous_first,
            previous_last,
        }
    }
}

/// One row of a ranking.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Ranked<K> {
    /// The category id or root cause code (`None`: not classified yet).
    pub key: K,
    /// Complaints in the window.
    pub count: i64,
    /// Share of the window's complaints, 0–1.
    pub share: f64,
    /// Complaints in the comparison window.
    pub previous: i64,
    /// `count ÷ previous − 1`; `None` when there were none before.
    pub change: Option<f64>,
}

/// A reference (room, unit, tracking number) that complaints keep coming from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HotSpot {
    /// The folded key the case list filters on.
    pub key: String,
    /// The reference as last written on a case.
    pub reference: String,
    /// Complaints in the window.
    pub count: i64,
    /// Distinct categories among them.
    pub categories: i64,
    /// The most recent one's receipt instant.
    pub last_received_at: String,
    /// The category most of them are in (the lowest id on a tie).
    pub main_category_id: i64,
}

/// The analysis view's content.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Analysis {
    /// The windows.
    pub windows: Windows,
    /// Complaints in the window.
    pub total: i64,
    /// Complaints in the comparison window.
    pub previous_total: i64,
    /// By category, largest first.
    pub categories: Vec<Ranked<i64>>,
    /// By root cause, largest first; the unclassified row has key `None`.
    pub root_causes: Vec<Ranked<Option<String>>>,
    /// Repeat-complaint hot spots, most complaints first.
    pub hot_spots: Vec<HotSpot>,
}

/// Ranks keys by their count in the window, with share and change against the comparison
/// window. Keys seen only before are left out (nothing to prevent now); ties keep key order.
pub fn rank<K: Ord + Clone>(current: &[(K, i64)], previous: &[(K, i64)]) -> Vec<Ranked<K>> {
    let total: i64 = current.iter().map(|(_, n)| n).sum();
    let mut rows: Vec<Ranked<K>> = current
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(key, count)| {
            let before = previous
                .iter()
                .find(|(k, _)| k == key)
                .map_or(0, |(_, n)| *n);
            Ranked {
                key: key.clone(),
                count: *count,
                share: *count as f64 / total as f64,
                previous: before,
                change: (before > 0).then(|| *count as f64 / before as f64 - 1.0),
            }
        })
        .collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_is_the_last_three_complete_months_in_local_time() {
        let tz: Tz = "Asia/Shanghai".parse().unwrap();
        // 1 April 00:30 in Shanghai is still 31 March in UTC: April is the current month.
        let now = DateTime::parse_from_rfc3339("2026-03-31T16:30:00Z")
            .unwrap()
            .to_utc();
        let w = Windows::at(now, tz);
        let m = |y, n| Month::new(y, n).unwrap();
        assert_eq!((w.first, w.last), (m(2026, 1), m(2026, 3)));
        assert_eq!(
            (w.previous_first, w.previous_last),
            (m(2025, 10), m(2025, 12))
        );
    }

    #[test]
    fn rows_carry_share_and_change_largest_first() {
        let rows = rank(&[(1, 2), (2, 6), (3, 2), (4, 0)], &[(2, 3), (3, 4), (9, 5)]);
        let keys: Vec<i64> = rows.iter().map(|r| r.key).collect();
        assert_eq!(keys, [2, 1, 3]);
        assert!((rows[0].share - 0.6).abs() < 1e-9);
        assert_eq!(rows[0].change, Some(1.0));
        assert_eq!((rows[1].previous, rows[1].change), (0, None));
        assert_eq!(rows[2].change, Some(-0.5));
        assert!(rank::<i64>(&[], &[(1, 3)]).is_empty());
    }
}
