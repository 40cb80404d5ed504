//! `branchdesk-cli export` and `rollup`: the monthly workbook and the group roll-up, headless.

use super::output::say;
use std::path::{Path, PathBuf};

use chrono::Utc;
use sqlx::SqlitePool;

use crate::error::Result;
use crate::export::{self, Destination, Existing, ExportOptions};
use crate::settings::{Language, repo::get_language};
use crate::stats::report::Month;
use crate::status;

/// Why a flag's value was refused, in words for the command line; clap turns it into a
/// one-line error and exit code 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct BadValue(&'static str);

/// Reads `--month`.
pub fn parse_month(text: &str) -> std::result::Result<Month, BadValue> {
    Month::parse("month", text)
        .map_err(|_| BadValue("must be a month written YYYY-MM, e.g. 2026-10"))
}

/// Reads `--lang`.
pub fn parse_lang(text: &str) -> std::result::Result<Language, BadValue> {
    Language::parse("lang", text).map_err(|_| BadValue("must be zh-CN or en"))
}

/// Checks `--out` before any work: replaced only with `--force`.
pub fn destination(out: &Path, db_path: &Path, force: bool) -> Result<Destination> {
    let existing = if force {
        Existing::Replace
    } else {
        Existing::Keep
    };
    Destination::check(out, db_path, existing)
}

fn kilobytes(path: &Path) -> u64 {
    std::fs::metadata(path).map_or(0, |m| m.len().div_ceil(1024))
}

/// What personal data the monthly workbook may carry.
#[derive(Debug, Clone, Copy)]
pub struct Privacy {
    /// `--include-personal-data`.
    pub include_personal_data: bool,
    /// `--mask-descriptions` (`Some(true)`), `--keep-descriptions` (`Some(false)`) or neither.
    pub mask_descriptions: Option<bool>,
}

/// Writes the month's workbook from the database `pool` to `out`.
pub async fn export(
    pool: &SqlitePool,
    month: Month,
    out: &Destination,
    lang: Option<Language>,
    privacy: Privacy,
) -> Result<()> {
    let lang = workbook_language(pool, lang).await?;
    let options = ExportOptions {
        lang,
        include_personal_data: privacy.include_personal_data,
        mask_descriptions: privacy.mask_descriptions,
    };
    export::export_month_to(pool, month, &options, Utc::now(), out).await?;
    let privacy = match (options.include_personal_data, options.masks_descriptions()) {
        (true, false) => "personal data included",
        (true, true) => "names and phones included, descriptions masked",
        (false, true) => "personal data masked",
        (false, false) => "names and phones masked, descriptions as entered",
    };
    say!(
        "Wrote the {month} workbook to {} ({} KB, {}, {privacy})",
        out.chosen().display(),
        kilobytes(out.path()),
        lang.as_str()
    );
    Ok(())
}

/// The language asked for, else the branch's, else the computer's.
async fn workbook_language(pool: &SqlitePool, asked: Option<Language>) -> Result<Language> {
    Ok(match asked {
        Some(lang) => lang,
        None => get_language(pool)
            .await?
            .unwrap_or_else(status::os_language),
    })
}

/// Writes the training workbook to `out`.
pub async fn training_export(
    pool: &SqlitePool,
    out: &Destination,
    lang: Option<Language>,
) -> Result<()> {
    let lang = workbook_language(pool, lang).await?;
    crate::training::export::export_training_to(pool, lang, Utc::now(), out).await?;
    say!(
        "Wrote the training workbook to {} ({} KB, {})",
        out.chosen().display(),
        kilobytes(out.path()),
        lang.as_str()
    );
    Ok(())
}

/// Rolls up branch workbooks into a group workbook at `out`.
pub fn rollup(
    files: &[PathBuf],
    out: &Destination,
    month: Option<Month>,
    lang: Option<Language>,
) -> Result<()> {
    let lang = lang.unwrap_or_else(status::os_language);
    let summary = export::rollup(files, out, month, lang)?;
    let codes: Vec<&str> = summary.branches.iter().map(|b| b.code.as_str()).collect();
    say!(
        "Rolled up {} branches for {} into {} (ranked: {})",
        codes.len(),
        summary.month,
        out.chosen().display(),
        codes.join(", ")
    );
    Ok(())
}
