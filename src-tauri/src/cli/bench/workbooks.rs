//! The bench's workbook measures: exporting a month of about 20,000 cases (Cases sheet
//! included) for time and peak memory, and rolling up 500 branch workbooks (both smaller when
//! the bench is asked for fewer cases or branches).
//!
//! Peak memory: on Linux, writing `5` to `/proc/self/clear_refs` resets the process's
//! high-water mark of resident memory (`VmHWM` in `/proc/self/status`), so the mark read after
//! the export is the peak during the export alone; the figure reported is that peak less the
//! resident memory just before (what exporting added). Elsewhere memory is not reported.
//!
//! The branch workbooks are made by the real exporter from one small database whose branch code
//! is changed before each export, so they are genuine workbooks of 500 branches.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::Utc;
use sqlx::SqlitePool;

use super::table::{Budget, Line, Samples};
use crate::cases::demo::{self, DemoOptions};
use crate::error::Result;
use crate::export::{self, Destination, Existing, ExportOptions};
use crate::settings::Language;
use crate::stats::monthly_report;
use crate::stats::report::Month;
use crate::status::{self, SetupInput};
use crate::store;

/// Cases generated for the export measure (at most): about two thirds land in the current
/// month, so the month exported holds about 20,000.
const EXPORT_CASES: u32 = 30_000;
/// Timed exports (after one warm-up).
const EXPORT_RUNS: usize = 5;
/// Cases in each small branch workbook.
const BRANCH_CASES: u32 = 60;
/// Timed roll-ups (after one warm-up).
const ROLLUP_RUNS: usize = 3;

/// A `kB` figure from `/proc/self/status`, e.g. `VmHWM`.
fn status_kb(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Resets the resident-memory high-water mark; false where the OS does not allow it.
fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// The month holding the most cases, and how many.
async fn busiest_month(pool: &SqlitePool) -> Result<(Month, i64)> {
    let (key, count): (i64, i64) = sqlx::query_as(
        "SELECT received_month, COUNT(*) FROM cases GROUP BY received_month
         ORDER BY COUNT(*) DESC LIMIT 1",
    )
    .fetch_one(pool)
    .await?;
    let month = Month {
        year: (key / 100) as i32,
        month: (key % 100) as u32,
    };
    Ok((month, count))
}

async fn demo_branch(path: &Path, input: &SetupInput, cases: u32) -> Result<SqlitePool> {
    let pool = store::open(path).await?;
    status::setup(&pool, input).await?;
    let options = DemoOptions {
        cases,
        months: 1,
        seed: 7,
    };
    demo::generate(&pool, &options, Utc::now()).await?;
    Ok(pool)
}

fn options() -> ExportOptions {
    ExportOptions::new(Language::ZhCn, false)
}

/// Exports the busiest month of a fresh database of `cases` cases: times and memory.
async fn export_lines(folder: &Path, input: &SetupInput, cases: u32) -> Result<Vec<Line>> {
    let db = folder.join("export.db");
    let pool = demo_branch(&db, input, cases).await?;
    let (month, cases) = busiest_month(&pool).await?;
    let path = folder.join(export::file_name(&input.branch.code, month));
    let out = Destination::check(&path, &db, Existing::Replace)?;
    export::export_month_to(&pool, month, &options(), Utc::now(), &out).await?;
    let mut samples = Vec::with_capacity(EXPORT_RUNS);
    let mut peak_growth: Option<u64> = None;
    for _ in 0..EXPORT_RUNS {
        let before = status_kb("VmRSS:");
        let measured = reset_peak();
        let started = Instant::now();
        export::export_month_to(&pool, month, &options(), Utc::now(), &out).await?;
        samples.push(started.elapsed());
        if let (true, Some(before), Some(peak)) = (measured, before, status_kb("VmHWM:")) {
            let growth = peak.saturating_sub(before);
            peak_growth = Some(peak_growth.map_or(growth, |g| g.max(growth)));
        }
    }
    let mut report_samples = Vec::with_capacity(EXPORT_RUNS);
    for _ in 0..EXPORT_RUNS {
        let started = Instant::now();
        monthly_report(&pool, month, Utc::now()).await?;
        report_samples.push(started.elapsed());
    }
    pool.close().await;
    let size = std::fs::metadata(out.path())?.len();
    let mut lines = vec![Line::timed(
        format!("export a month of {cases} cases (.xlsx)"),
        &Samples::new(samples),
        Budget::Under(Duration::from_millis(1500)),
    )];
    lines.push(Line::timed(
        "  the month's figures alone (monthly_report)",
        &Samples::new(report_samples),
        Budget::None,
    ));
    lines.push(match peak_growth {
        Some(kb) => Line::within(
            "  peak memory added by the export",
            format!("{:.1} MB", kb as f64 / 1024.0),
            "< 150 MB",
            kb < 150 * 1024,
        ),
        None => Line::figure("  peak memory added by the export", "not measured".into()),
    });
    lines.push(Line::figure(
        "  workbook file size",
        format!("{:.1} MB", size as f64 / 1_048_576.0),
    ));
    Ok(lines)
}

/// Makes `branches` branches' workbooks of one month and times rolling them up.
async fn rollup_lines(folder: &Path, input: &SetupInput, branches: usize) -> Result<Vec<Line>> {
    let db = folder.join("branches.db");
    let pool = demo_branch(&db, input, BRANCH_CASES).await?;
    let (month, _) = busiest_month(&pool).await?;
    let books = folder.join("branches");
    std::fs::create_dir_all(&books)?;
    let mut paths: Vec<PathBuf> = Vec::with_capacity(branches);
    for n in 0..branches {
        let code = format!("B{n:03}");
        sqlx::query("UPDATE branch SET code = ? WHERE id = 1")
            .bind(&code)
            .execute(&pool)
            .await?;
        let path = books.join(export::file_name(&code, month));
        let out = Destination::check(&path, &db, Existing::Replace)?;
        export::export_month_to(&pool, month, &options(), Utc::now(), &out).await?;
        paths.push(path);
    }
    pool.close().await;
    let out = Destination::check(&folder.join("group.xlsx"), &db, Existing::Replace)?;
    export::rollup(&paths, &out, Some(month), Language::ZhCn)?;
    let mut samples = Vec::with_capacity(ROLLUP_RUNS);
    for _ in 0..ROLLUP_RUNS {
        let started = Instant::now();
        export::rollup(&paths, &out, Some(month), Language::ZhCn)?;
        samples.push(started.elapsed());
    }
    Ok(vec![Line::timed(
        format!("roll up {branches} branch workbooks"),
        &Samples::new(samples),
        Budget::Under(Duration::from_secs(10)),
    )])
}

/// Every workbook line of the table, made in `folder`: the export from a database of
/// `cases` cases (at most 30,000), the roll-up of `branches` workbooks.
pub async fn lines(
    folder: &Path,
    input: &SetupInput,
    cases: u32,
    branches: usize,
) -> Result<Vec<Line>> {
    let mut lines = export_lines(folder, input, cases.min(EXPORT_CASES)).await?;
    lines.extend(rollup_lines(folder, input, branches).await?);
    Ok(lines)
}
