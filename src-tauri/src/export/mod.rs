//! Excel workbooks for head office: a branch's month (summary, breakdowns, cases, training,
//! prevention, glossary and a hidden machine-readable data sheet) and the group roll-up that
//! reads many of them back.

pub mod breakdowns;
pub mod cases;
pub mod categories;
pub mod data;
pub mod destination;
pub mod labels;
pub mod mask;
pub mod prevention;
pub mod rollup;
pub mod style;
pub mod summary;
pub mod texts;
pub mod workbook;

use chrono::{DateTime, Utc};
use serde::Deserialize;
use sqlx::SqlitePool;

use crate::error::Result;
use crate::settings::Language;
use crate::settings::model::parse_timezone;
use crate::settings::repo::get_branch;
use crate::stats::glossary::glossary;
use crate::stats::monthly_report;
use crate::stats::repo::closed_case_ids;
use crate::stats::report::Month;
use crate::training::repo::matrix::{MatrixFilter, matrix};
use categories::CategoryNames;

pub use data::{BranchData, DATA_SHEET};
pub use destination::{Destination, Existing, OutputProblem};
pub use rollup::{RollupBranch, RollupSummary, rollup};
pub use workbook::WorkbookInput;

/// How to write a branch's workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportOptions {
    /// The workbook's language.
    pub lang: Language,
    /// Write complainants' names and phone numbers unmasked (they are masked by default:
    /// the workbook leaves the branch).
    pub include_personal_data: bool,
    /// Replace phone numbers, the complainant's name and ID-like numbers in descriptions;
    /// `None` (the default) masks them whenever names and phones are masked.
    #[serde(default)]
    pub mask_descriptions: Option<bool>,
}

impl ExportOptions {
    /// Options that mask descriptions exactly when personal data is masked.
    pub fn new(lang: Language, include_personal_data: bool) -> Self {
        ExportOptions {
            lang,
            include_personal_data,
            mask_descriptions: None,
        }
    }

    /// Whether descriptions are masked: as asked, else whenever personal data is masked.
    pub fn masks_descriptions(&self) -> bool {
        self.mask_descriptions
            .unwrap_or(!self.include_personal_data)
    }
}

/// The workbook of `month` as it stands at `now`, as the bytes of an .xlsx file.
pub async fn export_month(
    pool: &SqlitePool,
    month: Month,
    options: &ExportOptions,
    now: DateTime<Utc>,
) -> Result<Vec<u8>> {
    let tz = parse_timezone("timezone", &branch_timezone(pool).await?)?;
    let report = monthly_report(pool, month, now).await?;
    let categories = CategoryNames::load(pool).await?;
    // The Cases sheet marks the cases in the "closed" figure, by the report's own definition, so
    // head office can rebuild it even for a case reopened after the month ended.
    let closed = closed_case_ids(pool, month, now)
        .await?
        .into_iter()
        .collect();
    let cases = cases::load(pool, month, tz, &closed).await?;
    let glossary = glossary(options.lang);
    let prevention = prevention::load(pool, month, tz, now).await?;
    // The matrix as the month's last moment saw it (or now, for the month under way).
    let at = now.min(month.end(tz) - chrono::TimeDelta::seconds(1));
    let training = matrix(pool, &MatrixFilter::default(), at).await?;
    let input = WorkbookInput {
        report: &report,
        cases: &cases,
        training: &training,
        prevention: &prevention,
        categories: &categories,
        glossary: &glossary,
        lang: options.lang,
        include_personal_data: options.include_personal_data,
        mask_descriptions: options.masks_descriptions(),
        computed_at_local: workbook::local_time_text(&report.computed_at, &report.branch.timezone),
    };
    Ok(workbook::build(&input)?)
}

/// The branch's time zone, or `NotInitialized` before first-run setup.
async fn branch_timezone(pool: &SqlitePool) -> Result<String> {
    get_branch(pool)
        .await?
        .map(|b| b.timezone)
        .ok_or(crate::error::Error::NotInitialized)
}

/// Writes the workbook of `month` to a checked destination, all or nothing (see
/// [`Destination::write`]).
pub async fn export_month_to(
    pool: &SqlitePool,
    month: Month,
    options: &ExportOptions,
    now: DateTime<Utc>,
    out: &Destination,
) -> Result<()> {
    let bytes = export_month(pool, month, options, now).await?;
    out.write(&bytes)
}

/// The file name head office expects: `<BRANCHCODE>_<YYYY-MM>_complaints.xlsx`.
pub fn file_name(branch_code: &str, month: Month) -> String {
    format!(
        "{}_{}_complaints.xlsx",
        branch_code.to_ascii_uppercase(),
        month
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_carry_the_code_and_month() {
        let month = Month {
            year: 2026,
            month: 3,
        };
        assert_eq!(file_name("sh01", month), "SH01_2026-03_complaints.xlsx");
    }
}
