//! The import itself: open a file for the wizard, check every row (the dry run), and store all
//! rows in one transaction or none. Rows are converted as they are read; the cases are then
//! stored in order of receipt through [`insert_cases`], so numbers, deadlines and search
//! entries come out as for cases typed in, and each gets a timeline entry and an audit line
//! saying it was imported.

use std::path::Path;

use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::{SqliteConnection, SqlitePool};

use super::categories::CategoryMatcher;
use super::convert::{Converted, Converter, ImportOptions, Ready, RowProblem};
use super::fields::{Mapping, header_signature};
use super::source::{Preview, Table};
use crate::cases::repo::bulk::execute_rows;
use crate::cases::repo::insert::{NewCase, insert_cases};
use crate::cases::repo::{branch_context, stamp};
use crate::error::{Error, Result};
use crate::settings::repo::list_categories;

/// A file opened for importing: what it holds and the mapping to start from.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Opened {
    /// Headers and the first rows.
    pub preview: Preview,
    /// The mapping remembered for these headers, else the one suggested from their names.
    pub mapping: Mapping,
    /// Whether `mapping` was remembered from an earlier import.
    pub remembered: bool,
    /// Whether `mapping` gives every required field a column.
    pub complete: bool,
}

/// The outcome of checking every row.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    /// Data rows read (blank rows are skipped).
    pub rows: usize,
    /// Rows that pass every rule.
    pub ready: usize,
    /// Of those, rows that will be stored as closed.
    pub closed: usize,
    /// Rows with at least one problem.
    pub bad_rows: usize,
    /// Every problem, in row order.
    pub problems: Vec<RowProblem>,
    /// Category names that matched no category, each once, in order of appearance.
    pub unknown_categories: Vec<String>,
    /// The branch's time zone, in which times without an offset are read.
    pub timezone: String,
    /// How the first ready rows' times of receipt were read, so the user can see that the
    /// file's times (local, or with their own offset) come out as meant.
    pub times: Vec<TimeRead>,
}

/// How many rows' times the report shows.
pub const TIMES_SHOWN: usize = 3;

/// One row's time of receipt: as written and as it will be stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TimeRead {
    /// Row number in the file.
    pub row: u32,
    /// The cell as the file writes it.
    pub written: String,
    /// The instant stored, as local date and time in the branch's zone (`YYYY-MM-DD HH:MM`).
    pub local: String,
}

/// What an import did: nothing when any row has a problem.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Imported {
    /// Cases stored.
    pub imported: usize,
    /// The check of every row.
    pub report: ImportReport,
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn memory_key(headers: &[String]) -> String {
    format!("import.mapping.{}", header_signature(headers))
}

/// The mapping last used for files with these headers.
pub async fn remembered_mapping(pool: &SqlitePool, headers: &[String]) -> Result<Option<Mapping>> {
    let value: Option<String> = sqlx::query_scalar("SELECT value FROM app_settings WHERE key = ?")
        .bind(memory_key(headers))
        .fetch_optional(pool)
        .await?;
    Ok(value.and_then(|json| serde_json::from_str(&json).ok()))
}

async fn remember_mapping(
    conn: &mut SqliteConnection,
    headers: &[String],
    mapping: &Mapping,
) -> Result<()> {
    let json = serde_json::to_string(mapping)
        .map_err(|_| Error::Import(super::ImportProblem::BadMapping))?;
    sqlx::query(
        "INSERT INTO app_settings (key, value) VALUES (?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(memory_key(headers))
    .bind(json)
    .execute(conn)
    .await?;
    Ok(())
}

/// Opens `path` (the named sheet, or the first) and proposes a mapping.
pub async fn open(pool: &SqlitePool, path: &Path, sheet: Option<&str>) -> Result<Opened> {
    let preview = Table::open(path, sheet)?.preview(file_name(path))?;
    let remembered = remembered_mapping(pool, &preview.headers).await?;
    let mapping = match &remembered {
        Some(mapping) => mapping.adapt(&preview.headers),
        None => Mapping::suggest(&preview.headers),
    };
    Ok(Opened {
        complete: mapping.is_complete(),
        remembered: remembered.is_some(),
        mapping,
        preview,
    })
}

/// Reads and converts every row. Returns the headers, the rows ready to store (in file
/// order) and the report.
fn check_rows(
    path: &Path,
    mapping: &Mapping,
    options: &ImportOptions,
    tz: chrono_tz::Tz,
    now: DateTime<Utc>,
    categories: CategoryMatcher,
) -> Result<(Vec<String>, Vec<Ready>, ImportReport)> {
    let table = Table::open(path, options.sheet.as_deref())?;
    let headers = table.headers.clone();
    let columns = mapping.resolve(&headers)?;
    let mut converter = Converter::new(columns, tz, now, categories, options.clone());
    let mut ready = Vec::new();
    let mut report = ImportReport {
        timezone: tz.name().to_owned(),
        ..ImportReport::default()
    };
    for row in table.rows() {
        let row = row?;
        report.rows += 1;
        match converter.convert(&row) {
            Converted::Ready(case) => {
                if report.times.len() < TIMES_SHOWN {
                    report.times.push(TimeRead {
                        row: row.number,
                        written: converter.received_text(&row).unwrap_or_default(),
                        local: case
                            .case
                            .received_at
                            .with_timezone(&tz)
                            .format("%Y-%m-%d %H:%M")
                            .to_string(),
                    });
                }
                ready.push(*case);
            }
            Converted::Bad(problems, unknown) => {
                report.bad_rows += 1;
                report.problems.extend(problems);
                if let Some(name) = unknown
                    && !report.unknown_categories.contains(&name)
                {
                    report.unknown_categories.push(name);
                }
            }
        }
    }
    report.ready = ready.len();
    report.closed = ready
        .iter()
        .filter(|r| r.standing.as_ref().is_some_and(|s| s.status == "closed"))
        .count();
    Ok((headers, ready, report))
}

async fn check(
    pool: &SqlitePool,
    path: &Path,
    mapping: &Mapping,
    options: &ImportOptions,
    now: DateTime<Utc>,
) -> Result<(Vec<String>, Vec<Ready>, ImportReport)> {
    let tz = branch_context(&mut *pool.acquire().await?).await?.tz;
    let categories = CategoryMatcher::new(&list_categories(pool).await?);
    check_rows(path, mapping, options, tz, now, categories)
}

/// Checks every row without storing anything, and remembers the mapping for these headers.
pub async fn dry_run(
    pool: &SqlitePool,
    path: &Path,
    mapping: &Mapping,
    options: &ImportOptions,
    now: DateTime<Utc>,
) -> Result<ImportReport> {
    let (headers, _, report) = check(pool, path, mapping, options, now).await?;
    remember_mapping(&mut *pool.acquire().await?, &headers, mapping).await?;
    Ok(report)
}

/// Imports every row of `path`, or none when any row has a problem (the report says which).
/// One transaction: cases in order of receipt with fresh numbers, a timeline entry and an
/// audit line for each, and the mapping remembered for these headers.
pub async fn import_file(
    pool: &SqlitePool,
    path: &Path,
    mapping: &Mapping,
    options: &ImportOptions,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Imported> {
    let (headers, mut ready, report) = check(pool, path, mapping, options, now).await?;
    if report.bad_rows > 0 {
        return Ok(Imported {
            imported: 0,
            report,
        });
    }
    // Numbers follow the order of receipt within each month, as if typed in as they came.
    ready.sort_by_key(|r| r.case.received_at);
    let mut tx = crate::store::begin_write(pool).await?;
    let ctx = branch_context(&mut tx).await?;
    let new: Vec<NewCase<'_>> = ready
        .iter()
        .map(|r| NewCase {
            case: &r.case,
            suggested_grade: r.grade,
            grade: r.grade,
            now,
            standing: r.standing.as_ref(),
        })
        .collect();
    let ids = insert_cases(&mut tx, &ctx, &new).await?;
    record_imports(&mut tx, &ids, &ready, &file_name(path), actor, now).await?;
    // Linked to customers by phone and reference, as intake links them when nobody picks.
    crate::customers::bulk_link::link_unlinked(&mut tx, Some(&ids), actor, now).await?;
    remember_mapping(&mut tx, &headers, mapping).await?;
    tx.commit().await?;
    Ok(Imported {
        imported: ids.len(),
        report,
    })
}

/// One timeline entry per case ("imported", the file's name, the status it was stored in), the
/// close of a closed one, and one audit line (`imported`: the old log's number → the new case
/// number).
async fn record_imports(
    conn: &mut SqliteConnection,
    ids: &[i64],
    ready: &[Ready],
    file_name: &str,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let at = stamp(now);
    let rows: Vec<(i64, &Ready)> = ids.iter().copied().zip(ready).collect();
    let events =
        "INSERT INTO case_events (case_id, at, author_id, kind, body, old_value, new_value)";
    execute_rows(
        conn,
        (events, "(?, ?, ?, 'imported', ?, NULL, ?)", ""),
        &rows,
        |values, (id, ready)| {
            values.add(*id)?;
            values.add(at.clone())?;
            values.add(actor)?;
            values.add(file_name.to_owned())?;
            values.add(ready.standing.as_ref().map_or("new", |s| s.status))
        },
    )
    .await?;
    // A case the old log shows as closed gets its close on the timeline, at the close date, so
    // the monthly trend counts it in the month it was closed.
    let closes: Vec<(i64, String)> = rows
        .iter()
        .filter_map(|(id, ready)| {
            let standing = ready.standing.as_ref().filter(|s| s.status == "closed")?;
            Some((*id, standing.closed_at.clone()?))
        })
        .collect();
    execute_rows(
        conn,
        (events, "(?, ?, ?, 'status', '', 'new', 'closed')", ""),
        &closes,
        |values, (id, closed_at)| {
            values.add(*id)?;
            values.add(closed_at.clone())?;
            values.add(actor)
        },
    )
    .await?;
    let audit = "INSERT INTO case_audit (case_id, at, actor_id, field, old_value, new_value)
        SELECT column1, column2, column3, 'imported', column4,
               (SELECT number FROM cases WHERE id = column1) FROM (";
    execute_rows(
        conn,
        (audit, "(?, ?, ?, ?)", ")"),
        &rows,
        |values, (id, ready)| {
            values.add(*id)?;
            values.add(at.clone())?;
            values.add(actor)?;
            values.add(ready.original_number.clone())
        },
    )
    .await
}
