//! The monthly report as one value: what the Reports screen shows, what the workbook writes and
//! what the group roll-up reads back. Every figure is identified by a stable [`KpiKey`] whose
//! written definition lives in the glossary, so screen, workbook and roll-up can never disagree
//! on what a number means.

use serde::{Deserialize, Serialize};

/// A month in the branch's local calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Month {
    /// The year, e.g. 2026.
    pub year: i32,
    /// The month, 1–12.
    pub month: u32,
}

/// Which way is better for a figure, so comparisons can be coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Better {
    /// A rise is good (closure rate, satisfaction).
    Higher,
    /// A fall is good (overdue, crises, days to resolve).
    Lower,
    /// Neither (received: more complaints recorded is not in itself bad or good).
    Neutral,
}

/// How a figure is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Unit {
    /// A whole number of cases (or drills, plans, measures).
    Count,
    /// A share from 0 to 1, shown as a percentage.
    Share,
    /// Days, with one decimal.
    Days,
    /// A satisfaction score from 1 to 5.
    Score,
    /// Yuan, from integer fen.
    Yuan,
}

/// A figure with its comparisons. `value` is `None` when it cannot be computed (a rate over no
/// cases); the screen and workbook show a dash.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Kpi {
    /// Stable code, e.g. `closure_rate`; the glossary and the dictionaries are keyed by it.
    pub key: String,
    /// How to write it.
    pub unit: Unit,
    /// Which way is better.
    pub better: Better,
    /// This month.
    pub value: Option<f64>,
    /// The month before.
    pub previous: Option<f64>,
    /// The same month a year before.
    pub last_year: Option<f64>,
    /// For shares: the numerator and denominator this month, so a group can recompute the
    /// share from counts instead of averaging percentages.
    pub parts: Option<(i64, i64)>,
}

/// One row of a breakdown: a code (category id as text, channel code, grade 1–4, department
/// name, root cause code, customer type code) with the count this month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BreakdownRow {
    /// The stable code of the group (for categories the id, for departments the name).
    pub code: String,
    /// What to show: the category or department name; empty where the UI translates `code`.
    pub label: String,
    /// Cases in the group.
    pub count: i64,
}

/// Counts by one dimension, largest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Breakdown {
    /// `category`, `channel`, `grade`, `department`, `root_cause` or `customer_type`.
    pub key: String,
    /// The groups, largest first, ties by code.
    pub rows: Vec<BreakdownRow>,
}

/// Received and closed in one month, for the 12-month trend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TrendPoint {
    /// The month.
    pub month: Month,
    /// Cases received in it.
    pub received: i64,
    /// Cases closed in it.
    pub closed: i64,
}

/// The branch a report is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportBranch {
    /// Display name.
    pub name: String,
    /// Branch code, as in case numbers.
    pub code: String,
    /// Industry code.
    pub industry: String,
    /// IANA time zone the month is counted in.
    pub timezone: String,
}

/// A branch's figures for one month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MonthlyReport {
    /// Whose.
    pub branch: ReportBranch,
    /// Which month.
    pub month: Month,
    /// When it was computed (UTC, RFC 3339); figures of the current month are "so far".
    pub computed_at: String,
    /// The figures, in glossary order.
    pub kpis: Vec<Kpi>,
    /// Counts by category, channel, grade, department, root cause and customer type.
    pub breakdowns: Vec<Breakdown>,
    /// The 12 months ending with this one, oldest first.
    pub trend: Vec<TrendPoint>,
}
