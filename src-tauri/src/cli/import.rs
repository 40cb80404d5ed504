//! `branchdesk-cli import`: a spreadsheet into cases, all rows or none, with the same checks as
//! the app's import wizard. Each bad row is printed on one line (`row 12: received_at:
//! invalid.date`) so the file can be fixed and imported again.

use super::output::say;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::import::{self, ImportOptions, ImportProblem, ImportReport, Mapping};
use sqlx::SqlitePool;

/// What `import` was asked to do.
#[derive(Debug)]
pub struct ImportArgs {
    /// The spreadsheet.
    pub file: PathBuf,
    /// A mapping file, else the remembered or suggested mapping.
    pub mapping: Option<PathBuf>,
    /// Check only.
    pub dry_run: bool,
    /// Options for the whole file.
    pub options: ImportOptions,
}

fn read_mapping(path: &Path) -> Result<Mapping> {
    let text = std::fs::read_to_string(path)?;
    serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|_| Error::Import(ImportProblem::BadMapping))
}

fn print_report(report: &ImportReport) {
    say!(
        "Checked {} rows: {} ready ({} closed), {} with problems",
        report.rows,
        report.ready,
        report.closed,
        report.bad_rows
    );
    for problem in &report.problems {
        say!(
            "row {}: {}: {}",
            problem.row,
            problem.field.as_str(),
            problem.code
        );
    }
    if !report.times.is_empty() {
        say!(
            "Times are read in the branch's time zone, {}, unless they give their own offset:",
            report.timezone
        );
        for time in &report.times {
            say!("  row {}: {} -> {}", time.row, time.written, time.local);
        }
    }
    if !report.unknown_categories.is_empty() {
        say!(
            "Categories not found: {} (add them in Settings, or pass --unknown-category-other)",
            report.unknown_categories.join(", ")
        );
    }
}

/// Runs the import on the database `pool`.
/// `actor` is the staff member the imported cases are recorded under (none: "system").
pub async fn run(pool: &SqlitePool, args: ImportArgs, actor: Option<i64>) -> Result<()> {
    let opened = import::open(pool, &args.file, args.options.sheet.as_deref()).await?;
    let mapping = match &args.mapping {
        Some(path) => read_mapping(path)?,
        None => {
            let source = if opened.remembered {
                "the mapping remembered for these columns"
            } else {
                "the mapping suggested from the column names"
            };
            say!("Using {source} (to change it, save it to a file and pass --mapping FILE):");
            say!(
                "{}",
                serde_json::to_string_pretty(&opened.mapping).unwrap_or_default()
            );
            opened.mapping
        }
    };
    let now = chrono::Utc::now();
    if args.dry_run {
        let report = import::dry_run(pool, &args.file, &mapping, &args.options, now).await?;
        print_report(&report);
        if report.bad_rows > 0 {
            return Err(Error::Import(ImportProblem::BadRows));
        }
        say!(
            "Dry run: {} cases would be imported; nothing was changed",
            report.ready
        );
        return Ok(());
    }
    let outcome =
        import::import_file(pool, &args.file, &mapping, &args.options, actor, now).await?;
    if outcome.report.bad_rows > 0 {
        print_report(&outcome.report);
        return Err(Error::Import(ImportProblem::BadRows));
    }
    say!("Imported {} cases", outcome.imported);
    Ok(())
}
