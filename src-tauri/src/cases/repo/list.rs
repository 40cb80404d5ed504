//! The case list: filters, sort, paging, counts per status, and search.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use sqlx::sqlite::SqliteArguments;
use sqlx::{Arguments, SqlitePool};

use super::{parse_stamp, stamp};
use crate::cases::deadlines::{Countdown, Pause, countdown, start_of_local_day};
use crate::cases::search::SearchPlan;
use crate::cases::{Channel, Grade, Status};
use crate::error::{Error, Invalid, Result};

/// The largest page the list returns.
pub const MAX_PAGE_SIZE: u32 = 200;

/// What the list shows: every filter is optional and they combine with AND.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CaseQuery {
    /// A status code, or `open` for every open status.
    pub status: Option<String>,
    /// Grade 1–4.
    pub grade: Option<u8>,
    /// Category id.
    pub category_id: Option<i64>,
    /// Channel code.
    pub channel: Option<String>,
    /// Assignee staff id.
    pub assignee_id: Option<i64>,
    /// Only cases past a deadline.
    pub overdue: bool,
    /// Only open cases due before the end of today (local).
    pub due_today: bool,
    /// Received on or after this local date (`YYYY-MM-DD`).
    pub from: Option<String>,
    /// Received on or before this local date.
    pub to: Option<String>,
    /// Free-text search over number, name, phone, reference and description.
    pub search: Option<String>,
    /// `newest` (default), `oldest`, `due` or `grade`.
    pub sort: Option<String>,
    /// Page number from 0.
    pub page: u32,
    /// Rows per page (default 50, at most 200).
    pub page_size: Option<u32>,
}

/// One row of the list.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CaseRow {
    /// Row id.
    pub id: i64,
    /// Case number.
    pub number: String,
    /// When received (UTC).
    pub received_at: String,
    /// Status code.
    pub status: Status,
    /// Grade 1–4.
    pub grade: Grade,
    /// Category id.
    pub category_id: i64,
    /// Channel.
    pub channel: Channel,
    /// Complainant's name.
    pub complainant_name: String,
    /// Assignee's name, if assigned.
    pub assignee_name: Option<String>,
    /// The resolve countdown for open cases.
    pub deadline: Option<Countdown>,
    /// An open case not acknowledged in time.
    pub acknowledge_overdue: bool,
}

/// A page of the list with the counts behind it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CasePage {
    /// The rows of this page.
    pub rows: Vec<CaseRow>,
    /// Cases matching every filter.
    pub total: i64,
    /// Cases matching every filter but the status, per status code.
    pub status_counts: Vec<(String, i64)>,
    /// Page number from 0.
    pub page: u32,
    /// Rows per page.
    pub page_size: u32,
}

/// The columns a row needs, selected from `cases c LEFT JOIN staff a`.
pub(super) const ROW_COLUMNS: &str = "c.id, c.number, c.received_at, c.status, c.grade, c.category_id, c.channel, \
     c.complainant_name, a.name, c.due_at, c.paused_since, c.acknowledge_by";

type RawRow = (
    i64,
    String,
    String,
    String,
    i64,
    i64,
    String,
    String,
    Option<String>,
    String,
    Option<String>,
    String,
);

/// Turns a selected row into a list row with its countdown at `now`.
pub(super) fn to_row(raw: RawRow, now: DateTime<Utc>, tz: Tz) -> Result<CaseRow> {
    let (
        id,
        number,
        received_at,
        status,
        grade,
        category_id,
        channel,
        complainant_name,
        assignee_name,
        due_at,
        paused_since,
        acknowledge_by,
    ) = raw;
    let status = Status::parse("status", &status)?;
    let deadline = if status.is_open() {
        let pauses: Vec<Pause> = paused_since
            .as_deref()
            .map(parse_stamp)
            .transpose()?
            .map(|start| Pause { start, end: None })
            .into_iter()
            .collect();
        Some(countdown(parse_stamp(&due_at)?, &pauses, now, tz))
    } else {
        None
    };
    Ok(CaseRow {
        id,
        number,
        received_at,
        status,
        grade: Grade::from_number("grade", grade)?,
        category_id,
        channel: Channel::parse("channel", &channel)?,
        complainant_name,
        assignee_name,
        deadline,
        acknowledge_overdue: status == Status::New && parse_stamp(&acknowledge_by)? <= now,
    })
}

/// A WHERE clause built from static fragments; every value is a bound parameter.
struct Filter {
    clauses: Vec<&'static str>,
    args: SqliteArguments,
}

impl Filter {
    fn push<T>(&mut self, clause: &'static str, value: T) -> Result<()>
    where
        T: for<'q> sqlx::Encode<'q, sqlx::Sqlite> + sqlx::Type<sqlx::Sqlite> + Send + 'static,
    {
        self.clauses.push(clause);
        self.args
            .add(value)
            .map_err(|e| Error::Database(sqlx::Error::Encode(e)))
    }

    fn sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.clauses.join(" AND "))
        }
    }
}

fn local_day(field: &str, text: &str, tz: Tz, days_after: u64) -> Result<String> {
    let date = crate::input::optional_date(field, Some(text))?
        .ok_or_else(|| Error::invalid(field, Invalid::Date))?;
    let day = date
        .checked_add_days(chrono::Days::new(days_after))
        .ok_or_else(|| Error::invalid(field, Invalid::Date))?;
    Ok(stamp(start_of_local_day(day, tz)))
}

/// Builds the filter for `query`; `with_status` is off for the per-status counts.
fn build_filter(
    query: &CaseQuery,
    now: DateTime<Utc>,
    tz: Tz,
    with_status: bool,
) -> Result<Filter> {
    let mut filter = Filter {
        clauses: Vec::new(),
        args: SqliteArguments::default(),
    };
    let now_text = stamp(now);
    if with_status {
        match query.status.as_deref().filter(|s| !s.is_empty()) {
            Some("open") => filter.clauses.push("c.status NOT IN ('closed', 'invalid')"),
            Some(code) => filter.push("c.status = ?", Status::parse("status", code)?.as_str())?,
            None => {}
        }
    }
    if let Some(grade) = query.grade {
        filter.push(
            "c.grade = ?",
            i64::from(Grade::from_number("grade", i64::from(grade))?.get()),
        )?;
    }
    if let Some(category) = query.category_id {
        filter.push("c.category_id = ?", category)?;
    }
    if let Some(channel) = query.channel.as_deref().filter(|s| !s.is_empty()) {
        filter.push(
            "c.channel = ?",
            Channel::parse("channel", channel)?.as_str(),
        )?;
    }
    if let Some(assignee) = query.assignee_id {
        filter.push("c.assignee_id = ?", assignee)?;
    }
    if query.overdue {
        // Late to acknowledge, or past the resolve deadline unless a pause began before it (an
        // open pause that began in time keeps moving the deadline).
        filter.clauses.push(
            "c.status NOT IN ('closed', 'invalid') AND ((c.status = 'new' AND c.acknowledge_by <= ?1)
             OR (c.due_at <= ?1 AND (c.paused_since IS NULL OR c.paused_since >= c.due_at)))",
        );
        filter
            .args
            .add(now_text.clone())
            .map_err(|e| Error::Database(sqlx::Error::Encode(e)))?;
    }
    if query.due_today {
        let tomorrow = now
            .with_timezone(&tz)
            .date_naive()
            .succ_opt()
            .unwrap_or(chrono::NaiveDate::MAX);
        filter.push(
            "c.status NOT IN ('closed', 'invalid') AND c.paused_since IS NULL AND c.due_at > ?",
            now_text,
        )?;
        filter.push("c.due_at <= ?", stamp(start_of_local_day(tomorrow, tz)))?;
    }
    if let Some(from) = query.from.as_deref().filter(|s| !s.is_empty()) {
        filter.push("c.received_at >= ?", local_day("from", from, tz, 0)?)?;
    }
    if let Some(to) = query.to.as_deref().filter(|s| !s.is_empty()) {
        filter.push("c.received_at < ?", local_day("to", to, tz, 1)?)?;
    }
    if let Some(plan) = query.search.as_deref().and_then(SearchPlan::parse) {
        if let Some(trigram) = plan.trigram {
            filter.push(
                "c.id IN (SELECT rowid FROM case_search_trigram WHERE case_search_trigram MATCH ?)",
                trigram,
            )?;
        }
        if let Some(grams) = plan.grams {
            filter.push(
                "c.id IN (SELECT rowid FROM case_search_grams WHERE case_search_grams MATCH ?)",
                grams,
            )?;
        }
    }
    Ok(filter)
}

fn order_by(sort: Option<&str>) -> &'static str {
    match sort {
        Some("oldest") => "c.received_at ASC, c.id ASC",
        Some("due") => {
            "CASE WHEN c.status IN ('closed', 'invalid') THEN 1 ELSE 0 END, c.due_at ASC, c.id ASC"
        }
        Some("grade") => "c.grade ASC, c.received_at DESC, c.id DESC",
        _ => "c.received_at DESC, c.id DESC",
    }
}

/// One page of cases matching `query`, the total, and counts per status.
pub async fn list_cases(
    pool: &SqlitePool,
    query: &CaseQuery,
    now: DateTime<Utc>,
) -> Result<CasePage> {
    let mut conn = pool.acquire().await?;
    let tz = super::branch_context(&mut conn).await?.tz;
    let page_size = query.page_size.unwrap_or(50).clamp(1, MAX_PAGE_SIZE);
    let offset = i64::from(query.page) * i64::from(page_size);

    let filter = build_filter(query, now, tz, true)?;
    let sql = format!(
        "SELECT {ROW_COLUMNS} FROM cases c LEFT JOIN staff a ON a.id = c.assignee_id{} ORDER BY {} LIMIT {page_size} OFFSET {offset}",
        filter.sql(),
        order_by(query.sort.as_deref())
    );
    let raw: Vec<RawRow> = sqlx::query_as_with(sqlx::AssertSqlSafe(sql), filter.args)
        .fetch_all(&mut *conn)
        .await?;
    let rows = raw
        .into_iter()
        .map(|r| to_row(r, now, tz))
        .collect::<Result<Vec<_>>>()?;

    let filter = build_filter(query, now, tz, true)?;
    let sql = format!("SELECT COUNT(*) FROM cases c{}", filter.sql());
    let total: i64 = sqlx::query_scalar_with(sqlx::AssertSqlSafe(sql), filter.args)
        .fetch_one(&mut *conn)
        .await?;

    let filter = build_filter(query, now, tz, false)?;
    let sql = format!(
        "SELECT c.status, COUNT(*) FROM cases c{} GROUP BY c.status",
        filter.sql()
    );
    let status_counts: Vec<(String, i64)> =
        sqlx::query_as_with(sqlx::AssertSqlSafe(sql), filter.args)
            .fetch_all(&mut *conn)
            .await?;

    Ok(CasePage {
        rows,
        total,
        status_counts,
        page: query.page,
        page_size,
    })
}
