//! The rules of the training matrix: when a module is due again, and what state a person's
//! module is in. Types and rules only.

use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// A refresher shows as due soon this many days before it is due.
pub const DUE_SOON_DAYS: u64 = 30;

/// One cell of the training matrix: where a person stands on a module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CellStatus {
    /// The module was never assigned to the person (nor to their position).
    NotAssigned,
    /// Assigned; no item signed off yet.
    Assigned,
    /// Some items signed off, not all.
    InProgress,
    /// Every item signed off and no refresher due within [`DUE_SOON_DAYS`].
    Complete,
    /// Complete, but the refresher falls due within [`DUE_SOON_DAYS`].
    DueSoon,
    /// The refresher's due date has passed: the module must be done again.
    Overdue,
}

impl CellStatus {
    /// Whether the person counts as trained on the module (complete, possibly due soon).
    pub fn is_complete(self) -> bool {
        matches!(self, CellStatus::Complete | CellStatus::DueSoon)
    }

    /// Whether the module counts towards the person's assigned load.
    pub fn is_assigned(self) -> bool {
        self != CellStatus::NotAssigned
    }
}

/// A cell's state with the date the module is due again, when it has a refresher.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Cell {
    /// Where the person stands.
    pub status: CellStatus,
    /// When the refresher is due (only for a module with a refresher, all signed off).
    pub due_on: Option<NaiveDate>,
    /// Items signed off (under the current version's lineages).
    pub signed: usize,
    /// Items in the module's current version.
    pub total: usize,
}

/// `months` calendar months after `date`; a day the target month lacks becomes its last day
/// (31 January + 1 month = 28 or 29 February).
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

/// When a module with a refresher every `months` months is due again: each item lapses
/// `months` after it was last signed off, so the module is due when its oldest sign-off lapses.
pub fn refresher_due(oldest_signoff: NaiveDate, months: Option<u32>) -> Option<NaiveDate> {
    months.map(|m| add_months(oldest_signoff, m))
}

/// The state of one person on one module on local day `today`. `latest_signoffs` holds, for
/// each item of the module's version in force, the date of its latest sign-off on or before
/// `today` (if any).
pub fn cell(
    assigned: bool,
    latest_signoffs: &[Option<NaiveDate>],
    refresher_months: Option<u32>,
    today: NaiveDate,
) -> Cell {
    let total = latest_signoffs.len();
    let signed = latest_signoffs.iter().flatten().count();
    let oldest = latest_signoffs.iter().copied().min().flatten();
    let (status, due_on) = if !assigned {
        (CellStatus::NotAssigned, None)
    } else if signed == 0 {
        (CellStatus::Assigned, None)
    } else if signed < total {
        (CellStatus::InProgress, None)
    } else {
        let due_on = oldest.and_then(|oldest| refresher_due(oldest, refresher_months));
        let status = match due_on {
            Some(due) if today >= due => CellStatus::Overdue,
            Some(due)
                if today
                    >= due
                        .checked_sub_days(Days::new(DUE_SOON_DAYS))
                        .unwrap_or(due) =>
            {
                CellStatus::DueSoon
            }
            _ => CellStatus::Complete,
        };
        (status, due_on)
    };
    Cell {
        status,
        due_on,
        signed,
        total,
    }
}

/// Whether an item signed off on `signed_on` still counts on `today` (its refresher, if any,
/// has not lapsed).
pub fn signoff_valid(
    signed_on: NaiveDate,
    refresher_months: Option<u32>,
    today: NaiveDate,
) -> bool {
    signed_on <= today && refresher_due(signed_on, refresher_months).is_none_or(|due| today < due)
}

/// `part ÷ whole` as a whole percentage, `None` over nothing.
pub fn percent(part: usize, whole: usize) -> Option<u32> {
    (whole > 0).then(|| ((part as f64 / whole as f64) * 100.0).round() as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn refreshers_fall_due_on_the_same_day_or_the_month_end() {
        assert_eq!(
            refresher_due(day(2025, 1, 31), Some(1)),
            Some(day(2025, 2, 28))
        );
        assert_eq!(
            refresher_due(day(2024, 1, 31), Some(1)),
            Some(day(2024, 2, 29))
        );
        assert_eq!(
            refresher_due(day(2024, 8, 31), Some(6)),
            Some(day(2025, 2, 28))
        );
        assert_eq!(
            refresher_due(day(2024, 12, 15), Some(12)),
            Some(day(2025, 12, 15))
        );
        assert_eq!(
            refresher_due(day(2024, 3, 31), Some(1)),
            Some(day(2024, 4, 30))
        );
        assert_eq!(refresher_due(day(2024, 3, 31), None), None);
    }

    #[test]
    fn cell_states_follow_assignment_sign_offs_and_refresher() {
        let today = day(2025, 6, 15);
        let signed = Some(day(2025, 1, 10));
        assert_eq!(
            cell(false, &[signed, signed], None, today).status,
            CellStatus::NotAssigned
        );
        assert_eq!(
            cell(true, &[None, None], None, today).status,
            CellStatus::Assigned
        );
        assert_eq!(cell(true, &[], None, today).status, CellStatus::Assigned);
        let partial = cell(true, &[signed, None], Some(12), today);
        assert_eq!(
            (partial.status, partial.signed, partial.total),
            (CellStatus::InProgress, 1, 2)
        );
        let done = cell(true, &[signed, signed], None, today);
        assert_eq!((done.status, done.due_on), (CellStatus::Complete, None));
        let yearly = cell(true, &[signed, signed], Some(12), today);
        assert_eq!(
            (yearly.status, yearly.due_on),
            (CellStatus::Complete, Some(day(2026, 1, 10)))
        );
    }

    #[test]
    fn due_soon_starts_thirty_days_before_and_overdue_on_the_due_day() {
        // Signed 31 August, refresher every 6 months: due 28 February (no 31st).
        let signed = [Some(day(2024, 8, 31)), Some(day(2024, 10, 2))];
        let at = |today| cell(true, &signed, Some(6), today).status;
        assert_eq!(at(day(2025, 1, 28)), CellStatus::Complete);
        assert_eq!(at(day(2025, 1, 29)), CellStatus::DueSoon);
        assert_eq!(at(day(2025, 2, 27)), CellStatus::DueSoon);
        assert_eq!(at(day(2025, 2, 28)), CellStatus::Overdue);
        assert_eq!(
            cell(true, &signed, Some(6), day(2025, 3, 1)).due_on,
            Some(day(2025, 2, 28))
        );
    }

    #[test]
    fn a_half_done_refresher_stays_overdue_until_the_oldest_item_is_redone() {
        let today = day(2025, 6, 1);
        let mixed = [Some(day(2024, 1, 5)), Some(day(2025, 5, 30))];
        assert_eq!(
            cell(true, &mixed, Some(12), today).status,
            CellStatus::Overdue
        );
        let redone = [Some(day(2025, 5, 31)), Some(day(2025, 5, 30))];
        assert_eq!(
            cell(true, &redone, Some(12), today).status,
            CellStatus::Complete
        );
    }

    #[test]
    fn sign_offs_lapse_with_the_refresher_and_never_count_before_they_happen() {
        let today = day(2025, 3, 1);
        assert!(signoff_valid(day(2025, 2, 1), None, today));
        assert!(!signoff_valid(day(2025, 3, 2), None, today));
        assert!(signoff_valid(day(2024, 3, 2), Some(12), today));
        assert!(!signoff_valid(day(2024, 3, 1), Some(12), today));
    }

    #[test]
    fn completion_states_and_percentages() {
        assert!(CellStatus::DueSoon.is_complete());
        assert!(!CellStatus::Overdue.is_complete());
        assert!(!CellStatus::NotAssigned.is_assigned());
        assert_eq!(percent(2, 3), Some(67));
        assert_eq!(percent(0, 0), None);
        let json = serde_json::to_value(CellStatus::DueSoon).unwrap();
        assert_eq!(json, "due_soon");
    }
}
