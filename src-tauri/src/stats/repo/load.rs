//! Reading case facts for a report. Only what the figures look at is loaded: the cases of the
//! months compared (with their timelines, pauses and, for reopened cases, the audit lines of
//! their outcomes), the older cases that were open at one of the instants where open cases are
//! counted, and the customers of the 90 days before each compared month.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sqlx::{Row, SqliteConnection};

use crate::cases::Status;
use crate::cases::deadlines::{Pause, deadlines};
use crate::cases::repo::{BranchContext, parse_stamp, stamp};
use crate::cases::vocab::{Channel, CustomerType};
use crate::error::Result;
use crate::stats::facts::{
    CaseFacts, CustomerHistory, Outcome, OutcomeChange, OutcomeField, REPEAT_WINDOW, StatusMove,
};

/// An audit line: case, at, field, old value, new value.
type AuditLine = (i64, String, String, Option<String>, Option<String>);

/// A span of receipt times, `from..to`.
pub(super) type Span = (DateTime<Utc>, DateTime<Utc>);

const CASE_COLUMNS: &str = "id, received_at, status, acknowledged_at, acknowledge_by, \
     resolved_at, resolve_by, reopen_count, grade, category_id, channel, department, \
     customer_type, root_cause, follow_up_kind, satisfaction, goodwill_fen, phone_key, \
     reference_key";

/// Ids of the cases received in `spans`, and of the valid cases received before an instant of
/// `instants` that may have been open at it. A case is either open now, or closed (and its
/// last close, `closed_at`, is the last move it made): a closed case whose last close came
/// before an instant was closed at it, so only the others need their timeline read.
async fn wanted_ids(
    conn: &mut SqliteConnection,
    spans: &[Span],
    instants: &[DateTime<Utc>],
) -> Result<Vec<i64>> {
    let latest = instants
        .iter()
        .max()
        .copied()
        .unwrap_or(DateTime::<Utc>::MIN_UTC);
    let mut parts = vec![
        "SELECT id FROM cases WHERE status NOT IN ('closed', 'invalid') AND received_at < ?"
            .to_owned(),
    ];
    let mut binds = vec![stamp(latest)];
    for (from, to) in spans {
        parts.push("SELECT id FROM cases WHERE received_at >= ? AND received_at < ?".into());
        binds.extend([stamp(*from), stamp(*to)]);
    }
    for instant in instants {
        parts.push(
            "SELECT id FROM cases WHERE status = 'closed' AND closed_at >= ? AND received_at < ?"
                .into(),
        );
        binds.extend([stamp(*instant), stamp(*instant)]);
    }
    let sql = format!("{} ORDER BY 1", parts.join(" UNION "));
    let mut query = sqlx::query_scalar(sqlx::AssertSqlSafe(sql));
    for bind in binds {
        query = query.bind(bind);
    }
    Ok(query.fetch_all(conn).await?)
}

fn instant(text: Option<String>) -> Result<Option<DateTime<Utc>>> {
    text.as_deref().map(parse_stamp).transpose()
}

fn case_row(row: &sqlx::sqlite::SqliteRow, ctx: &BranchContext) -> Result<CaseFacts> {
    let received_at = parse_stamp(row.try_get(1)?)?;
    let reopen_count: i64 = row.try_get(7)?;
    let grade: u8 = row.try_get(8)?;
    // A reopening starts a new resolve window and overwrites `resolve_by`; the first
    // resolution is judged against the first window, which follows from receipt and grade.
    let resolve_by = match reopen_count {
        0 => parse_stamp(row.try_get(6)?)?,
        _ => deadlines(received_at, &ctx.limit(grade)?, ctx.tz).resolve_by,
    };
    let satisfaction: Option<i64> = row.try_get(15)?;
    let follow_up_kind: Option<String> = row.try_get(14)?;
    Ok(CaseFacts {
        id: row.try_get(0)?,
        received_at,
        status: Status::parse("status", row.try_get(2)?)?,
        history: Vec::new(),
        acknowledged_at: instant(row.try_get(3)?)?,
        acknowledge_by: parse_stamp(row.try_get(4)?)?,
        resolved_at: instant(row.try_get(5)?)?,
        resolve_by,
        pauses: Vec::new(),
        grade,
        category_id: row.try_get(9)?,
        channel: Channel::parse("channel", row.try_get(10)?)?,
        department: row.try_get(11)?,
        customer_type: CustomerType::parse("customerType", row.try_get(12)?)?,
        outcome: Outcome {
            root_cause: row.try_get(13)?,
            called: follow_up_kind.as_deref() == Some("called"),
            satisfaction: satisfaction.and_then(|s| u8::try_from(s).ok()),
            goodwill_fen: row.try_get(16)?,
        },
        outcome_changes: Vec::new(),
        phone_key: row.try_get(17)?,
        reference_key: row.try_get(18)?,
    })
}

/// Ids as a JSON array, for `json_each(?)`.
fn id_list(ids: impl Iterator<Item = i64>) -> String {
    let ids: Vec<String> = ids.map(|id| id.to_string()).collect();
    format!("[{}]", ids.join(","))
}

/// The facts of every case received in `spans` and of every valid case that may have been
/// open at one of `instants`, with timelines, pauses and (for reopened cases) outcome audit.
pub(super) async fn load_cases(
    conn: &mut SqliteConnection,
    ctx: &BranchContext,
    spans: &[Span],
    instants: &[DateTime<Utc>],
) -> Result<Vec<CaseFacts>> {
    let ids = id_list(wanted_ids(conn, spans, instants).await?.into_iter());
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {CASE_COLUMNS} FROM cases WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id"
    )))
    .bind(&ids)
    .fetch_all(&mut *conn)
    .await?;
    let mut cases = Vec::with_capacity(rows.len());
    let mut reopened = Vec::new();
    for row in &rows {
        let case = case_row(row, ctx)?;
        if row.try_get::<i64, _>(7)? > 0 {
            reopened.push(case.id);
        }
        cases.push(case);
    }
    drop(rows);
    let place: HashMap<i64, usize> = cases.iter().enumerate().map(|(i, c)| (c.id, i)).collect();

    let moves: Vec<(i64, String, String, String)> = sqlx::query_as(
        "SELECT case_id, at, old_value, new_value FROM case_events \
         WHERE kind = 'status' AND case_id IN (SELECT value FROM json_each(?)) \
         ORDER BY case_id, at, id",
    )
    .bind(&ids)
    .fetch_all(&mut *conn)
    .await?;
    for (id, at, from, to) in moves {
        if let Some(&i) = place.get(&id) {
            cases[i].history.push(StatusMove {
                at: parse_stamp(&at)?,
                from: Status::parse("status", &from)?,
                to: Status::parse("status", &to)?,
            });
        }
    }

    let pauses: Vec<(i64, String, Option<String>)> = sqlx::query_as(
        "SELECT case_id, start_at, end_at FROM case_pauses \
         WHERE case_id IN (SELECT value FROM json_each(?))",
    )
    .bind(&ids)
    .fetch_all(&mut *conn)
    .await?;
    for (id, start, end) in pauses {
        if let Some(&i) = place.get(&id) {
            cases[i].pauses.push(Pause {
                start: parse_stamp(&start)?,
                end: instant(end)?,
            });
        }
    }

    // Only a reopening erases an outcome, so only reopened cases need the audit trail.
    let reopened = id_list(reopened.into_iter());
    let changes: Vec<AuditLine> = sqlx::query_as(
        "SELECT case_id, at, field, old_value, new_value FROM case_audit \
         WHERE case_id IN (SELECT value FROM json_each(?)) \
         AND field IN ('root_cause', 'follow_up_kind', 'satisfaction', 'goodwill_fen') \
         ORDER BY case_id, at, id",
    )
    .bind(&reopened)
    .fetch_all(&mut *conn)
    .await?;
    for (id, at, field, old, new) in changes {
        if let (Some(&i), Some(field)) = (place.get(&id), OutcomeField::from_column(&field)) {
            cases[i].outcome_changes.push(OutcomeChange {
                at: parse_stamp(&at)?,
                field,
                old,
                new,
            });
        }
    }
    Ok(cases)
}

/// The customers of `cases` plus those of the valid cases received in the 90 days before
/// each span, for spotting repeats.
pub(super) async fn load_customers(
    conn: &mut SqliteConnection,
    cases: &[CaseFacts],
    spans: &[Span],
) -> Result<CustomerHistory> {
    let mut history = CustomerHistory::of_cases(cases);
    for (from, _) in spans {
        let rows: Vec<(String, Option<String>, Option<String>)> = sqlx::query_as(
            "SELECT received_at, phone_key, reference_key FROM cases \
             WHERE received_at >= ? AND received_at < ? AND status <> 'invalid' \
             AND (phone_key IS NOT NULL OR reference_key IS NOT NULL)",
        )
        .bind(stamp(*from - REPEAT_WINDOW))
        .bind(stamp(*from))
        .fetch_all(&mut *conn)
        .await?;
        for (at, phone, reference) in rows {
            history.add(parse_stamp(&at)?, phone.as_deref(), reference.as_deref());
        }
    }
    Ok(history)
}
