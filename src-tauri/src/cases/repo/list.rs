//! The case list: filters, sort, paging, counts per status, and search.

mod filter;

use filter::{build_filter, order_by};

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use sqlx::SqlitePool;

use super::parse_stamp;
use crate::cases::deadlines::{Countdown, Pause, countdown};
use crate::cases::progress::{LateFacts, prompt};
use crate::cases::snippet::{Snippet, snippet};
use crate::cases::{Channel, Grade, Status};
use crate::error::{Error, Invalid, Result};
use crate::stats::Month;
use crate::stats::repo::figure_members;

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
    /// A root cause code, or `none` for cases not classified yet.
    pub root_cause: Option<String>,
    /// A reference (room, unit, tracking number), matched as folded for linking cases:
    /// spaces and letter case do not matter.
    pub reference: Option<String>,
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
    /// Only the cases behind one figure of a monthly report: what a figure, bar or breakdown
    /// row links to.
    pub figure: Option<FigureFilter>,
    /// `newest` (default), `oldest`, `due` or `grade`.
    pub sort: Option<String>,
    /// Page number from 0.
    pub page: u32,
    /// Rows per page (default 50, at most 200).
    pub page_size: Option<u32>,
}

/// The cases behind one figure of a monthly report, by the report's own definition (see
/// [`crate::stats::repo::figure_members`]).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct FigureFilter {
    /// The report's month, `YYYY-MM`.
    pub month: String,
    /// A figure's key (`closed`, `closure_rate`…) or, with `code`, a breakdown's key.
    pub key: String,
    /// A breakdown row's code (category id, channel, grade, department name…).
    pub code: Option<String>,
    /// For a share, only the part it counts (on time, reached, satisfied) instead of all the
    /// cases it is taken over.
    pub hits: bool,
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
    /// A late case whose customer is due a progress update (see [`crate::cases::progress`]).
    pub needs_update: bool,
    /// When the list is searched: where the words were found, to show why the case matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snippet: Option<Snippet>,
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
pub(crate) const ROW_COLUMNS: &str = "c.id, c.number, c.received_at, c.status, c.grade, c.category_id, c.channel, \
     c.complainant_name, a.name, c.due_at, c.paused_since, c.acknowledge_by, c.acknowledged_at, \
     (SELECT MAX(p.told_at) FROM case_progress_updates p WHERE p.case_id = c.id)";

pub(crate) type RawRow = (
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
    Option<String>,
    Option<String>,
);

/// Turns a selected row into a list row with its countdown at `now`.
pub(crate) fn to_row(raw: RawRow, now: DateTime<Utc>, tz: Tz) -> Result<CaseRow> {
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
        acknowledged_at,
        last_update,
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
    let instant = |text: &Option<String>| text.as_deref().map(parse_stamp).transpose();
    let late = LateFacts {
        status,
        paused: paused_since.is_some(),
        acknowledged_at: instant(&acknowledged_at)?,
        acknowledge_by: parse_stamp(&acknowledge_by)?,
        due_at: parse_stamp(&due_at)?,
    };
    let needs_update = prompt(&late, instant(&last_update)?, now).is_some();
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
        needs_update,
        snippet: None,
    })
}

/// The cases matching every filter, status included, from the counts per status (which match
/// every filter but the status): one counting query instead of two.
fn total_of(status: Option<&str>, counts: &[(String, i64)]) -> Result<i64> {
    let wanted = match status.filter(|s| !s.is_empty()) {
        Some("open") => None,
        Some(code) => Some(Status::parse("status", code)?.as_str()),
        None => return Ok(counts.iter().map(|(_, count)| count).sum()),
    };
    Ok(counts
        .iter()
        .filter(|(status, _)| match wanted {
            Some(code) => status == code,
            None => status != "closed" && status != "invalid",
        })
        .map(|(_, count)| count)
        .sum())
}

/// The ids of the cases behind `figure`, as a JSON array for `json_each`.
async fn figure_ids(
    conn: &mut sqlx::SqliteConnection,
    figure: &FigureFilter,
    now: DateTime<Utc>,
) -> Result<String> {
    let month = Month::parse("figure", &figure.month)?;
    let code = figure.code.as_deref().filter(|c| !c.is_empty());
    let members = figure_members(conn, month, figure.key.trim(), code, now).await?;
    let ids = match (figure.hits, members.hits) {
        (true, Some(hits)) => hits,
        (true, None) => return Err(Error::invalid("figure", Invalid::Choice)),
        (false, _) => members.all,
    };
    Ok(serde_json::Value::from(ids).to_string())
}

/// A case's searched fields: id, description, name, reference, phone, number.
type SearchedText = (i64, String, String, Option<String>, Option<String>, String);

/// Sets each row's snippet: the searched fields of the page's cases (at most a page), read
/// in one query and matched in Rust.
async fn add_snippets(
    conn: &mut sqlx::SqliteConnection,
    rows: &mut [CaseRow],
    search: &str,
) -> Result<()> {
    let ids = serde_json::Value::from(rows.iter().map(|r| r.id).collect::<Vec<_>>()).to_string();
    let texts: Vec<SearchedText> = sqlx::query_as(
        "SELECT id, description, complainant_name, reference, phone, number FROM cases
         WHERE id IN (SELECT value FROM json_each(?))",
    )
    .bind(ids)
    .fetch_all(&mut *conn)
    .await?;
    for (id, description, name, reference, phone, number) in texts {
        let fields = [
            ("description", description.as_str()),
            ("complainantName", name.as_str()),
            ("reference", reference.as_deref().unwrap_or_default()),
            ("phone", phone.as_deref().unwrap_or_default()),
            ("number", number.as_str()),
        ];
        if let Some(row) = rows.iter_mut().find(|r| r.id == id) {
            row.snippet = snippet(search, &fields);
        }
    }
    Ok(())
}

/// One page of cases matching `query`, the total, and counts per status.
pub async fn list_cases(
    pool: &SqlitePool,
    query: &CaseQuery,
    now: DateTime<Utc>,
) -> Result<CasePage> {
    // One read: the figure's cases and the list over them must see the same data.
    let mut conn = pool.begin().await?;
    let tz = super::branch_context(&mut conn).await?.tz;
    let members = match &query.figure {
        Some(figure) => Some(figure_ids(&mut conn, figure, now).await?),
        None => None,
    };
    let page_size = query.page_size.unwrap_or(50).clamp(1, MAX_PAGE_SIZE);
    let offset = i64::from(query.page) * i64::from(page_size);

    let filter = build_filter(query, now, tz, members.as_deref(), true)?;
    let order = order_by(query.sort.as_deref());
    // The page's ids first, then its rows: the ids come from an index alone (sorting and
    // filtering thousands of index entries), and only the page's 50 rows are read in full.
    let sql = format!(
        "SELECT {ROW_COLUMNS} FROM cases c LEFT JOIN staff a ON a.id = c.assignee_id
         WHERE c.id IN (SELECT c.id FROM cases c{} ORDER BY {order} LIMIT {page_size} OFFSET {offset})
         ORDER BY {order}",
        filter.sql()
    );
    let raw: Vec<RawRow> = sqlx::query_as_with(sqlx::AssertSqlSafe(sql), filter.args)
        .fetch_all(&mut *conn)
        .await?;
    let mut rows = raw
        .into_iter()
        .map(|r| to_row(r, now, tz))
        .collect::<Result<Vec<_>>>()?;
    if let Some(search) = query.search.as_deref().filter(|q| !q.trim().is_empty()) {
        add_snippets(&mut conn, &mut rows, search).await?;
    }

    let filter = build_filter(query, now, tz, members.as_deref(), false)?;
    let sql = if filter.tallied {
        // Filters on nothing but tallied columns: sum the running tallies (migration 0003)
        // instead of reading every matching case.
        format!(
            "SELECT c.status, SUM(c.cases) FROM case_tallies c{} GROUP BY c.status HAVING SUM(c.cases) > 0",
            filter.sql()
        )
    } else {
        // `+c.status` makes SQLite filter first and group what is left, rather than walk the
        // status index in order and test every case.
        format!(
            "SELECT c.status, COUNT(*) FROM cases c{} GROUP BY +c.status",
            filter.sql()
        )
    };
    let status_counts: Vec<(String, i64)> =
        sqlx::query_as_with(sqlx::AssertSqlSafe(sql), filter.args)
            .fetch_all(&mut *conn)
            .await?;
    let total = total_of(query.status.as_deref(), &status_counts)?;
    conn.commit().await?;

    Ok(CasePage {
        rows,
        total,
        status_counts,
        page: query.page,
        page_size,
    })
}
