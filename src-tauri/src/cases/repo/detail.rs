//! The case page: every field, the live countdown and grade suggestion, the timeline, the audit
//! trail, crisis checklist ticks, attachments and the customer's other cases.

use chrono::{DateTime, TimeDelta, Utc};
use serde::Serialize;
use sqlx::{Row, SqliteConnection, SqlitePool};

use super::list::{CaseRow, ROW_COLUMNS, to_row};
use super::suggest::current_suggestion;
use super::{parse_stamp, stamp};
use crate::cases::deadlines::Countdown;
use crate::cases::{GradeSuggestion, Status};
use crate::error::{Error, Result};

/// One timeline entry.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TimelineEntry {
    /// When.
    pub at: String,
    /// Who, if recorded.
    pub author_name: Option<String>,
    /// What kind of entry (`created`, `status`, `grade`, `note`, `call`, `visit`, …).
    pub kind: String,
    /// Free text.
    pub body: String,
    /// Value before a change.
    pub old_value: Option<String>,
    /// Value after a change.
    pub new_value: Option<String>,
}

/// One audit line.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AuditEntry {
    /// When.
    pub at: String,
    /// Who, if recorded.
    pub actor_name: Option<String>,
    /// The field changed.
    pub field: String,
    /// The value before.
    pub old_value: Option<String>,
    /// The value after.
    pub new_value: Option<String>,
}

/// A ticked item of the crisis checklist.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EscalationTick {
    /// `report_head_office`, `team_meeting` or `one_spokesperson`.
    pub item: String,
    /// When it was ticked.
    pub ticked_at: String,
    /// Who ticked it.
    pub ticked_by_name: Option<String>,
}

/// A file attached to a case.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AttachmentEntry {
    /// Row id.
    pub id: i64,
    /// The file's original name.
    pub file_name: String,
    /// Size in bytes.
    pub size_bytes: i64,
    /// When it was added.
    pub added_at: String,
}

/// The customer's other cases (same phone or reference).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerHistory {
    /// Other cases of this customer, newest first.
    pub cases: Vec<CaseRow>,
    /// This case's place among the customer's cases in the 90 days up to it (1 = first).
    pub ordinal_in_90_days: i64,
}

/// Everything the case page shows. Stored columns are passed through as JSON by name.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CaseDetail {
    /// The stored columns of the case, keyed by camel-case name.
    pub fields: serde_json::Map<String, serde_json::Value>,
    /// Status.
    pub status: Status,
    /// The statuses it may move to next.
    pub allowed_next: Vec<Status>,
    /// The grade the rules suggest today (open days and reopenings count).
    pub suggestion: GradeSuggestion,
    /// The resolve countdown while open.
    pub deadline: Option<Countdown>,
    /// An open case not acknowledged in time.
    pub acknowledge_overdue: bool,
    /// Why the case is waiting on the customer, while it is.
    pub pause_reason: Option<String>,
    /// Timeline, oldest first.
    pub timeline: Vec<TimelineEntry>,
    /// Audit trail, oldest first.
    pub audit: Vec<AuditEntry>,
    /// Crisis checklist ticks.
    pub escalation_ticks: Vec<EscalationTick>,
    /// Attachments.
    pub attachments: Vec<AttachmentEntry>,
    /// The customer's other cases.
    pub history: CustomerHistory,
}

/// A timeline row: at, author, kind, body, old value, new value.
type TimelineRow = (
    String,
    Option<String>,
    String,
    String,
    Option<String>,
    Option<String>,
);
/// An audit row: at, actor, field, old value, new value.
type AuditRow = (
    String,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
);

const TEXT_COLUMNS: &[&str] = &[
    "number",
    "received_at",
    "channel",
    "complainant_name",
    "phone",
    "reference",
    "customer_type",
    "description",
    "customer_request",
    "department",
    "grade_reason",
    "status",
    "acknowledge_by",
    "resolve_by",
    "due_at",
    "paused_since",
    "acknowledged_at",
    "resolved_at",
    "closed_at",
    "invalid_reason",
    "action_taken",
    "root_cause",
    "follow_up_kind",
    "called_on",
    "follow_up_comment",
    "created_at",
    "updated_at",
    "taken_by_name",
    "assignee_name",
    "category_name",
    "category_seed_key",
];
const NUMBER_COLUMNS: &[&str] = &[
    "id",
    "category_id",
    "taken_by_id",
    "assignee_id",
    "households",
    "suggested_grade",
    "grade",
    "reopen_count",
    "goodwill_fen",
    "satisfaction",
    "customer_accepted",
    "media_exposure_risk",
    "lawsuit_risk",
    "needs_other_departments",
];

fn camel(column: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in column.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The whole case page.
pub async fn get_case(pool: &SqlitePool, id: i64, now: DateTime<Utc>) -> Result<CaseDetail> {
    let mut conn = pool.acquire().await?;
    let tz = super::branch_context(&mut conn).await?.tz;
    let row = sqlx::query(
        "SELECT c.*, t.name AS taken_by_name, a.name AS assignee_name, k.name AS category_name,
                k.seed_key AS category_seed_key
         FROM cases c LEFT JOIN staff t ON t.id = c.taken_by_id LEFT JOIN staff a ON a.id = c.assignee_id
         LEFT JOIN categories k ON k.id = c.category_id WHERE c.id = ?",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(Error::NotFound)?;
    let mut fields = serde_json::Map::new();
    for column in TEXT_COLUMNS {
        fields.insert(
            camel(column),
            row.try_get::<Option<String>, _>(*column)?.into(),
        );
    }
    for column in NUMBER_COLUMNS {
        fields.insert(
            camel(column),
            row.try_get::<Option<i64>, _>(*column)?.into(),
        );
    }
    let status = Status::parse("status", &row.try_get::<String, _>("status")?)?;
    let raw = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ROW_COLUMNS} FROM cases c LEFT JOIN staff a ON a.id = c.assignee_id WHERE c.id = ?"
    )))
    .bind(id)
    .fetch_one(&mut *conn)
    .await?;
    let list_row = to_row(raw, now, tz)?;
    let pause_reason: Option<String> =
        sqlx::query_scalar("SELECT reason FROM case_pauses WHERE case_id = ? AND end_at IS NULL ORDER BY id DESC LIMIT 1")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(CaseDetail {
        fields,
        status,
        allowed_next: Status::ALL
            .iter()
            .copied()
            .filter(|next| status.can_go_to(*next))
            .collect(),
        suggestion: current_suggestion(&mut conn, id, now).await?,
        deadline: list_row.deadline,
        acknowledge_overdue: list_row.acknowledge_overdue,
        pause_reason,
        timeline: timeline(&mut conn, id).await?,
        audit: audit(&mut conn, id).await?,
        escalation_ticks: ticks(&mut conn, id).await?,
        attachments: attachments(&mut conn, id).await?,
        history: history(&mut conn, id, now, tz).await?,
    })
}

async fn timeline(conn: &mut SqliteConnection, id: i64) -> Result<Vec<TimelineEntry>> {
    let rows: Vec<TimelineRow> = sqlx::query_as(
        "SELECT e.at, s.name, e.kind, e.body, e.old_value, e.new_value FROM case_events e
         LEFT JOIN staff s ON s.id = e.author_id WHERE e.case_id = ? ORDER BY e.at, e.id",
    )
    .bind(id)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(at, author_name, kind, body, old_value, new_value)| TimelineEntry {
                at,
                author_name,
                kind,
                body,
                old_value,
                new_value,
            },
        )
        .collect())
}

async fn audit(conn: &mut SqliteConnection, id: i64) -> Result<Vec<AuditEntry>> {
    let rows: Vec<AuditRow> = sqlx::query_as(
        "SELECT a.at, s.name, a.field, a.old_value, a.new_value FROM case_audit a
         LEFT JOIN staff s ON s.id = a.actor_id WHERE a.case_id = ? ORDER BY a.at, a.id",
    )
    .bind(id)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(at, actor_name, field, old_value, new_value)| AuditEntry {
            at,
            actor_name,
            field,
            old_value,
            new_value,
        })
        .collect())
}

async fn ticks(conn: &mut SqliteConnection, id: i64) -> Result<Vec<EscalationTick>> {
    let rows: Vec<(String, String, Option<String>)> = sqlx::query_as(
        "SELECT t.item, t.ticked_at, s.name FROM case_escalation_ticks t LEFT JOIN staff s ON s.id = t.ticked_by
         WHERE t.case_id = ? ORDER BY t.ticked_at",
    )
    .bind(id)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(item, ticked_at, ticked_by_name)| EscalationTick {
            item,
            ticked_at,
            ticked_by_name,
        })
        .collect())
}

async fn attachments(conn: &mut SqliteConnection, id: i64) -> Result<Vec<AttachmentEntry>> {
    let rows: Vec<(i64, String, i64, String)> = sqlx::query_as(
        "SELECT id, file_name, size_bytes, added_at FROM case_attachments WHERE case_id = ? ORDER BY id",
    )
    .bind(id)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, file_name, size_bytes, added_at)| AttachmentEntry {
            id,
            file_name,
            size_bytes,
            added_at,
        })
        .collect())
}

async fn history(
    conn: &mut SqliteConnection,
    id: i64,
    now: DateTime<Utc>,
    tz: chrono_tz::Tz,
) -> Result<CustomerHistory> {
    let (phone_key, reference_key, received_at): (Option<String>, Option<String>, String) =
        sqlx::query_as("SELECT phone_key, reference_key, received_at FROM cases WHERE id = ?")
            .bind(id)
            .fetch_one(&mut *conn)
            .await?;
    if phone_key.is_none() && reference_key.is_none() {
        return Ok(CustomerHistory {
            cases: Vec::new(),
            ordinal_in_90_days: 1,
        });
    }
    let same_customer = "((c.phone_key IS NOT NULL AND c.phone_key = ?) OR (c.reference_key IS NOT NULL AND c.reference_key = ?))";
    let raw = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ROW_COLUMNS} FROM cases c LEFT JOIN staff a ON a.id = c.assignee_id
         WHERE c.id <> ? AND {same_customer} ORDER BY c.received_at DESC LIMIT 50"
    )))
    .bind(id)
    .bind(&phone_key)
    .bind(&reference_key)
    .fetch_all(&mut *conn)
    .await?;
    let cases = raw
        .into_iter()
        .map(|r| to_row(r, now, tz))
        .collect::<Result<Vec<_>>>()?;
    let since = stamp(parse_stamp(&received_at)? - TimeDelta::days(90));
    let earlier: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT COUNT(*) FROM cases c WHERE c.id <> ? AND {same_customer} AND c.received_at >= ? AND c.received_at <= ?"
    )))
    .bind(id)
    .bind(&phone_key)
    .bind(&reference_key)
    .bind(since)
    .bind(&received_at)
    .fetch_one(&mut *conn)
    .await?;
    Ok(CustomerHistory {
        cases,
        ordinal_in_90_days: earlier + 1,
    })
}
