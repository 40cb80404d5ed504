//! `branchdesk-cli export` and `rollup`: the monthly workbook and the group roll-up, headless.

use std::path::{Path, PathBuf};

use chrono::Utc;
use sqlx::SqlitePool;

use crate::error::Result;
use crate::export::{self, ExportOptions};
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

fn kilobytes(path: &Path) -> u64 {
    std::fs::metadata(path).map_or(0, |m| m.len().div_ceil(1024))
}

/// Writes the month's workbook from the database `pool` to `out`.
pub async fn export(
    pool: &SqlitePool,
    month: Month,
    out: &Path,
    lang: Option<Language>,
    include_personal_data: bool,
) -> Result<()> {
    let lang = workbook_language(pool, lang).await?;
    let options = ExportOptions {
        lang,
        include_personal_data,
    };
    export::export_month_to(pool, month, &options, Utc::now(), out).await?;
    let privacy = if include_personal_data {
        "personal data included"
    } else {
        "personal data masked"
    };
    println!(
        "Wrote the {month} workbook to {} ({} KB, {}, {privacy})",
        out.display(),
        kilobytes(out),
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
pub async fn training_export(pool: &SqlitePool, out: &Path, lang: Option<Language>) -> Result<()> {
    let lang = workbook_language(pool, lang).await?;
    crate::training::export::export_training_to(pool, lang, Utc::now(), out).await?;
    println!(
        "Wrote the training workbook to {} ({} KB, {})",
        out.display(),
        kilobytes(out),
        lang.as_str()
    );
    Ok(())
}

/// Rolls up branch workbooks into a group workbook at `out`.
pub fn rollup(
    files: &[PathBuf],
    out: &Path,
    month: Option<Month>,
    lang: Option<Language>,
) -> Result<()> {
    let lang = lang.unwrap_or_else(status::os_language);
    let summary = export::rollup(files, out, month, lang)?;
    let codes: Vec<&str> = summary.branches.iter().map(|b| b.code.as_str()).collect();
    println!(
        "Rolled up {} branches for {} into {} (ranked: {})",
        codes.len(),
        summary.month,
        out.display(),
        codes.join(", ")
    );
    Ok(())
}
