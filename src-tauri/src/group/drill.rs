//! The group dashboard's drill-down: a branch's cases of a month and one case's read-only
//! record, read from the rows the branch sent. The rows needed are copied into a scratch
//! SQLite database of the branch's own schema and read by the branch's own list and case
//! page code, so head office sees what the branch sees (numbers, deadline states, timeline),
//! never a second definition of it. Personal data is masked unless shown on purpose, and
//! showing it is recorded in this computer's `group_reveals`.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{Connection, PgPool, SqlitePool};

use super::pg_error;
use crate::access::mask as access_mask;
use crate::access::{Actor, Permission};
use crate::cases::deadlines::Countdown;
use crate::cases::repo::detail::{self, AttachmentEntry, AuditEntry, TimelineEntry};
use crate::cases::repo::list::{self, CasePage, CaseQuery};
use crate::cases::status::Status;
use crate::error::{Error, Result};
use crate::export::mask;
use crate::settings::model::Category;
use crate::stats::report::Month;

/// The rows every scratch copy needs besides the cases: who the branch is, its settings,
/// categories, time limits and staff (names on the cases and their timelines).
const CONTEXT_TABLES: &[&str] = &[
    "branch",
    "app_settings",
    "categories",
    "grade_time_limits",
    "staff",
];

/// A case's own rows, keyed by its `case_id`.
const CASE_TABLES: &[&str] = &[
    "case_events",
    "case_audit",
    "case_pauses",
    "case_attachments",
    "case_escalation_ticks",
];

/// A page of a branch's cases of a month, with the branch's categories to name them.
#[derive(Debug, Clone, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BranchCases {
    /// Branch code.
    pub code: String,
    /// Branch name.
    pub name: String,
    /// The month, `YYYY-MM`.
    pub month: String,
    /// The cases, oldest first, complainants' names masked.
    pub page: CasePage,
    /// The branch's categories (its own names), for the category column.
    pub categories: Vec<Category>,
}

/// A case's read-only record for head office.
#[derive(Debug, Clone, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupCaseRecord {
    /// Branch code.
    pub code: String,
    /// Whether names, phones and references are masked.
    pub masked: bool,
    /// Whether the signed-in role may show them (set by the command that asks).
    pub can_show_personal: bool,
    /// The stored columns by camel-case name, as the branch's case page has them.
    pub fields: serde_json::Map<String, serde_json::Value>,
    /// Status.
    pub status: Status,
    /// The resolve countdown while open.
    pub deadline: Option<Countdown>,
    /// An open case not acknowledged in time.
    pub acknowledge_overdue: bool,
    /// Timeline, oldest first.
    pub timeline: Vec<TimelineEntry>,
    /// Audit trail, oldest first.
    pub audit: Vec<AuditEntry>,
    /// Attachments (their records; the files stay at the branch).
    pub attachments: Vec<AttachmentEntry>,
}

/// A throw-away database of the branch schema, removed when dropped.
struct Scratch {
    dir: tempfile::TempDir,
    pool: SqlitePool,
}

impl Scratch {
    async fn new() -> Result<Scratch> {
        let dir = tempfile::tempdir()?;
        let pool = crate::store::open(&dir.path().join("branch.db")).await?;
        Ok(Scratch { dir, pool })
    }

    async fn close(self) {
        crate::store::close(self.pool).await;
        drop(self.dir);
    }
}

/// Copies the server rows `rows` (table, row as JSON) into `sqlite`, replacing what its
/// migrations seeded. Only part of the branch is copied, so references are not checked.
async fn load(sqlite: &SqlitePool, rows: Vec<(String, String)>) -> Result<()> {
    let mut conn = sqlite.acquire().await?;
    sqlx::query("PRAGMA foreign_keys = OFF")
        .execute(&mut *conn)
        .await?;
    let mut tx = conn.begin().await?;
    super::copy::replace_sent_tables(&mut tx, &rows).await?;
    tx.commit().await?;
    sqlx::query("PRAGMA foreign_keys = ON")
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The branch's context rows plus its rows of `tbl` matching `filter` (SQL on `data`, with
/// `$2` bound to `arg`).
async fn server_rows(
    pg: &PgPool,
    code: &str,
    filter: &str,
    arg: &str,
) -> Result<Vec<(String, String)>> {
    let rows: Vec<(String, String)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT tbl, data::text FROM branch_rows
         WHERE branch_code = $1 AND (tbl = ANY($3) OR ({filter}))"
    )))
    .bind(code)
    .bind(arg)
    .bind(CONTEXT_TABLES)
    .fetch_all(pg)
    .await
    .map_err(pg_error)?;
    if !rows.iter().any(|(table, _)| table == "branch") {
        return Err(Error::NotFound);
    }
    Ok(rows)
}

/// The first and last local dates of `month`, as the case list's filter takes them.
fn month_dates(month: Month) -> Option<(String, String)> {
    let first = NaiveDate::from_ymd_opt(month.year, month.month, 1)?;
    let next = month.next();
    let last = NaiveDate::from_ymd_opt(next.year, next.month, 1)?.pred_opt()?;
    Some((first.to_string(), last.to_string()))
}

/// Page `page` (200 rows each) of branch `code`'s cases received in `month`, oldest first,
/// names masked; [`Error::NotFound`] for a branch the server does not have.
pub async fn branch_cases(
    pg: &PgPool,
    code: &str,
    month: Month,
    page: u32,
    now: DateTime<Utc>,
) -> Result<BranchCases> {
    let key = (month.year * 100 + month.month as i32).to_string();
    let rows = server_rows(
        pg,
        code,
        "tbl = 'cases' AND data ->> 'received_month' = $2",
        &key,
    )
    .await?;
    let (from, to) = month_dates(month).ok_or(Error::NotFound)?;
    let scratch = Scratch::new().await?;
    let result = async {
        load(&scratch.pool, rows).await?;
        let query = CaseQuery {
            from: Some(from),
            to: Some(to),
            sort: Some("oldest".into()),
            page,
            page_size: Some(200),
            ..CaseQuery::default()
        };
        let mut page = list::list_cases(&scratch.pool, &query, now).await?;
        access_mask::case_page(&mut page);
        let branch = crate::settings::repo::get_branch(&scratch.pool)
            .await?
            .ok_or(Error::NotFound)?;
        Ok(BranchCases {
            code: branch.code,
            name: branch.name,
            month: month.to_string(),
            page,
            categories: crate::settings::repo::list_categories(&scratch.pool).await?,
        })
    }
    .await;
    scratch.close().await;
    result
}

/// Branch `code`'s case `id` as a read-only record, masked unless `personal`.
pub async fn case_record(
    pg: &PgPool,
    code: &str,
    id: i64,
    personal: bool,
    now: DateTime<Utc>,
) -> Result<GroupCaseRecord> {
    let filter = format!(
        "(tbl = 'cases' AND row_key = '[' || $2 || ']') OR \
         (tbl IN ({}) AND data ->> 'case_id' = $2)",
        CASE_TABLES
            .iter()
            .map(|t| format!("'{t}'"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let rows = server_rows(pg, code, &filter, &id.to_string()).await?;
    let scratch = Scratch::new().await?;
    let result = async {
        load(&scratch.pool, rows).await?;
        let mut case = detail::get_case(&scratch.pool, id, now).await?;
        // Search keys repeat the phone and reference (the case page hides them too).
        case.audit.retain(|entry| !entry.field.ends_with("_key"));
        if !personal {
            access_mask::case_detail(&mut case);
            mask_references(&mut case);
        }
        Ok(GroupCaseRecord {
            code: code.to_owned(),
            masked: !personal,
            can_show_personal: false,
            fields: case.fields,
            status: case.status,
            deadline: case.deadline,
            acknowledge_overdue: case.acknowledge_overdue,
            timeline: case.timeline,
            audit: case.audit,
            attachments: case.attachments,
        })
    }
    .await;
    scratch.close().await;
    result
}

/// A reference (room, unit, tracking number) points at a customer as surely as a phone:
/// masked like a name, in the fields and in the audit.
fn mask_references(case: &mut detail::CaseDetail) {
    if let Some(serde_json::Value::String(reference)) = case.fields.get_mut("reference") {
        *reference = mask::name(reference);
    }
    for entry in case.audit.iter_mut().filter(|e| e.field == "reference") {
        for value in [&mut entry.old_value, &mut entry.new_value] {
            if let Some(text) = value.as_mut() {
                *text = mask::name(text);
            }
        }
    }
}

/// The record with its personal data shown, for `actor` if their role allows it
/// ([`Permission::SeeGroupPersonalData`]); who saw which case and when is kept in this
/// computer's `group_reveals` (and the log) before anything is shown.
pub async fn reveal_case(
    local: &SqlitePool,
    pg: &PgPool,
    actor: &Actor,
    code: &str,
    id: i64,
    now: DateTime<Utc>,
) -> Result<GroupCaseRecord> {
    actor.require(Permission::SeeGroupPersonalData)?;
    let record = case_record(pg, code, id, true, now).await?;
    let number = record
        .fields
        .get("number")
        .and_then(serde_json::Value::as_str)
        .unwrap_or_default()
        .to_owned();
    sqlx::query(
        "INSERT INTO group_reveals (at, staff_id, branch_code, case_id, case_number)
         VALUES (?, ?, ?, ?, ?)",
    )
    .bind(crate::cases::repo::stamp(now))
    .bind(actor.staff_id)
    .bind(code)
    .bind(id)
    .bind(&number)
    .execute(local)
    .await?;
    tracing::info!(
        staff_id = actor.staff_id,
        branch = code,
        case = %number,
        "head office showed a case's personal data"
    );
    Ok(record)
}
