//! Reading case facts for a report. Only what the figures look at is loaded: the cases of the
//! months compared (with their timelines, pauses and, for reopened cases, the audit lines of
//! their outcomes), the older cases that were open at one of the instants where open cases are
//! counted, and the customers of the 90 days before each compared month.
//!
//! Each query returns its rows as one JSON array: SQLite builds it in a few milliseconds,
//! while handing tens of thousands of rows over one by one costs the driver a second or more.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::Deserialize;
use sqlx::SqliteConnection;

use crate::cases::Status;
use crate::cases::deadlines::{Pause, deadlines};
use crate::cases::judgement::Fault;
use crate::cases::repo::{BranchContext, parse_stamp, stamp};
use crate::cases::vocab::{Channel, CustomerType};
use crate::error::Result;
use crate::stats::facts::{
    CaseFacts, CaseTimeline, CustomerHistory, Outcome, OutcomeChange, OutcomeField, REPEAT_WINDOW,
    StatusMove,
};
use crate::store::json_rows;

/// An audit line: case, at, field, old value, new value.
type AuditLine = (i64, String, String, Option<String>, Option<String>);

/// A span of receipt times, `from..to`.
pub(super) type Span = (DateTime<Utc>, DateTime<Utc>);

/// The SQL of the ids of the cases received in `spans`, and of the valid cases received before
/// an instant of `instants` that may have been open at it, with its binds. A case is either
/// open now, or closed (and its last close, `closed_at`, is the last move it made): a closed
/// case whose last close came before an instant was closed at it, so only the others need
/// their timeline read.
fn wanted_ids(spans: &[Span], instants: &[DateTime<Utc>]) -> (String, Vec<String>) {
    let latest = instants
        .iter()
        .max()
        .copied()
        .unwrap_or(DateTime::<Utc>::MIN_UTC);
    // One index range per open status, instead of a walk over every older case.
    let open: Vec<String> = Status::ALL
        .iter()
        .filter(|s| s.is_open())
        .map(|s| format!("'{}'", s.as_str()))
        .collect();
    let mut parts = vec![format!(
        "SELECT id FROM cases WHERE status IN ({}) AND received_at < ?",
        open.join(", ")
    )];
    let mut binds = vec![stamp(latest)];
    for (from, to) in spans {
        parts.push("SELECT id FROM cases WHERE received_at >= ? AND received_at < ?".into());
        binds.extend([stamp(*from), stamp(*to)]);
    }
    for instant in instants {
        parts.push(
            // Without statistics SQLite would rather walk every older closed case.
            "SELECT id FROM cases INDEXED BY cases_closed \
             WHERE status = 'closed' AND closed_at >= ? AND received_at < ?"
                .into(),
        );
        binds.extend([stamp(*instant), stamp(*instant)]);
    }
    (parts.join(" UNION "), binds)
}

/// A case row as the JSON array built by [`CASE_ROWS`].
#[derive(Deserialize)]
struct CaseRow {
    id: i64,
    received_at: String,
    status: String,
    acknowledged_at: Option<String>,
    acknowledge_by: String,
    resolved_at: Option<String>,
    resolve_by: String,
    reopen_count: i64,
    grade: u8,
    category_id: i64,
    channel: String,
    department: String,
    customer_type: String,
    root_cause: Option<String>,
    follow_up_kind: Option<String>,
    satisfaction: Option<u8>,
    goodwill_fen: i64,
    phone_key: Option<String>,
    reference_key: Option<String>,
    justified: Option<u8>,
    fault: Option<String>,
}

const CASE_ROWS: &str = "SELECT json_group_array(json_array(id, received_at, status, \
     acknowledged_at, acknowledge_by, resolved_at, resolve_by, reopen_count, grade, category_id, \
     channel, department, customer_type, root_cause, follow_up_kind, satisfaction, goodwill_fen, \
     phone_key, reference_key, justified, fault)) FROM cases WHERE id IN (SELECT value FROM json_each(?))";

fn instant(text: Option<&str>) -> Result<Option<DateTime<Utc>>> {
    text.map(parse_stamp).transpose()
}

impl CaseRow {
    fn facts(self, ctx: &BranchContext) -> Result<CaseFacts> {
        let received_at = parse_stamp(&self.received_at)?;
        // A reopening starts a new resolve window and overwrites `resolve_by`; the first
        // resolution is judged against the first window, which follows from receipt and grade.
        let resolve_by = match self.reopen_count {
            0 => parse_stamp(&self.resolve_by)?,
            _ => deadlines(received_at, &ctx.limit(self.grade)?, ctx.tz).resolve_by,
        };
        Ok(CaseFacts {
            id: self.id,
            received_at,
            status: Status::parse("status", &self.status)?,
            history: Vec::new(),
            acknowledged_at: instant(self.acknowledged_at.as_deref())?,
            acknowledge_by: parse_stamp(&self.acknowledge_by)?,
            resolved_at: instant(self.resolved_at.as_deref())?,
            resolve_by,
            pauses: Vec::new(),
            grade: self.grade,
            category_id: self.category_id,
            channel: Channel::parse("channel", &self.channel)?,
            department: self.department,
            customer_type: CustomerType::parse("customerType", &self.customer_type)?,
            outcome: Outcome {
                root_cause: self.root_cause,
                called: self.follow_up_kind.as_deref() == Some("called"),
                satisfaction: self.satisfaction,
                goodwill_fen: self.goodwill_fen,
            },
            outcome_changes: Vec::new(),
            phone_key: self.phone_key,
            reference_key: self.reference_key,
            judgement: match (self.justified, self.fault) {
                (Some(justified), Some(fault)) => {
                    Some((justified == 1, Fault::parse("fault", &fault)?))
                }
                _ => None,
            },
            progress_updates: Vec::new(),
        })
    }
}

/// The facts of every case received in `spans` and of every valid case that may have been
/// open at one of `instants`, with timelines, pauses and (for reopened cases) outcome audit.
pub(super) async fn load_cases(
    conn: &mut SqliteConnection,
    ctx: &BranchContext,
    spans: &[Span],
    instants: &[DateTime<Utc>],
) -> Result<Vec<CaseFacts>> {
    let (wanted, binds) = wanted_ids(spans, instants);
    let ids: Vec<i64> = json_rows(
        conn,
        &format!("SELECT json_group_array(id) FROM ({wanted})"),
        &binds,
    )
    .await?;
    let ids = serde_json::Value::from(ids).to_string();
    let rows: Vec<CaseRow> = json_rows(conn, CASE_ROWS, std::slice::from_ref(&ids)).await?;
    let reopened: Vec<i64> = rows
        .iter()
        .filter(|r| r.reopen_count > 0)
        .map(|r| r.id)
        .collect();
    let mut cases = rows
        .into_iter()
        .map(|row| row.facts(ctx))
        .collect::<Result<Vec<_>>>()?;
    let place: HashMap<i64, usize> = cases.iter().enumerate().map(|(i, c)| (c.id, i)).collect();

    for (id, status_move) in load_moves(conn, &ids).await? {
        if let Some(&i) = place.get(&id) {
            cases[i].history.push(status_move);
        }
    }

    let pauses: Vec<(i64, String, Option<String>)> = json_rows(
        conn,
        "SELECT json_group_array(json_array(case_id, start_at, end_at)) FROM case_pauses \
         WHERE case_id IN (SELECT value FROM json_each(?))",
        std::slice::from_ref(&ids),
    )
    .await?;
    for (id, start, end) in pauses {
        if let Some(&i) = place.get(&id) {
            cases[i].pauses.push(Pause {
                start: parse_stamp(&start)?,
                end: instant(end.as_deref())?,
            });
        }
    }

    let updates: Vec<(i64, String)> = json_rows(
        conn,
        "SELECT json_group_array(json_array(case_id, told_at) ORDER BY case_id, told_at) \
         FROM case_progress_updates WHERE case_id IN (SELECT value FROM json_each(?))",
        std::slice::from_ref(&ids),
    )
    .await?;
    for (id, told_at) in updates {
        if let Some(&i) = place.get(&id) {
            cases[i].progress_updates.push(parse_stamp(&told_at)?);
        }
    }

    // Only a reopening erases an outcome, so only reopened cases need the audit trail.
    let changes: Vec<AuditLine> = json_rows(
        conn,
        "SELECT json_group_array(json_array(case_id, at, field, old_value, new_value) \
         ORDER BY case_id, at, id) FROM case_audit \
         WHERE case_id IN (SELECT value FROM json_each(?)) \
         AND field IN ('root_cause', 'follow_up_kind', 'satisfaction', 'goodwill_fen')",
        &[serde_json::Value::from(reopened).to_string()],
    )
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

/// The status moves of the cases whose ids are the JSON array `ids`, each case's oldest first.
/// Only the moves that change whether a case is open, and those into follow-up (when it was
/// resolved), matter to the figures.
async fn load_moves(conn: &mut SqliteConnection, ids: &str) -> Result<Vec<(i64, StatusMove)>> {
    // Left to itself SQLite would rather walk every such move of every case, and sort them;
    // the index gives each case's moves in order.
    let mut moves: Vec<(i64, String, i64, String, String)> = json_rows(
        conn,
        "SELECT json_group_array(json_array(case_id, at, id, old_value, new_value)) \
         FROM case_events INDEXED BY case_events_moves \
         WHERE kind = 'status' AND case_id IN (SELECT value FROM json_each(?)) \
         AND new_value IN ('follow_up', 'closed', 'reopened', 'invalid')",
        &[ids.to_owned()],
    )
    .await?;
    moves.sort_unstable_by(|a, b| (a.0, &a.1, a.2).cmp(&(b.0, &b.1, b.2)));
    moves
        .into_iter()
        .map(|(id, at, _, from, to)| {
            Ok((
                id,
                StatusMove {
                    at: parse_stamp(&at)?,
                    from: Status::parse("status", &from)?,
                    to: Status::parse("status", &to)?,
                },
            ))
        })
        .collect()
}

/// The timelines of the cases received in `span`, for the trend. A case closed and never
/// reopened made one move that decides whether it was closed at an instant: its close, at
/// `closed_at` (as [`wanted_ids`] relies on too); only reopened cases need their moves read.
pub(super) async fn load_timelines(
    conn: &mut SqliteConnection,
    (from, to): Span,
) -> Result<Vec<CaseTimeline>> {
    let rows: Vec<(i64, String, String, Option<String>, i64)> = json_rows(
        conn,
        "SELECT json_group_array(json_array(id, received_at, status, closed_at, reopen_count)) \
         FROM cases WHERE received_at >= ? AND received_at < ?",
        &[stamp(from), stamp(to)],
    )
    .await?;
    let reopened: Vec<i64> = rows.iter().filter(|r| r.4 > 0).map(|r| r.0).collect();
    let mut cases = Vec::with_capacity(rows.len());
    let mut place = HashMap::new();
    for (id, received_at, status, closed_at, reopens) in rows {
        let status = Status::parse("status", &status)?;
        let history = match (status, instant(closed_at.as_deref())?) {
            (Status::Closed, Some(at)) if reopens == 0 => vec![StatusMove {
                at,
                from: Status::FollowUp,
                to: Status::Closed,
            }],
            _ => Vec::new(),
        };
        place.insert(id, cases.len());
        cases.push(CaseTimeline {
            id,
            received_at: parse_stamp(&received_at)?,
            status,
            history,
        });
    }
    let reopened = serde_json::Value::from(reopened).to_string();
    for (id, status_move) in load_moves(conn, &reopened).await? {
        if let Some(&i) = place.get(&id) {
            cases[i].history.push(status_move);
        }
    }
    Ok(cases)
}

/// The customers of `cases` plus, for each span, their earlier valid complaints received in
/// the 90 days before it, for spotting repeats. Only the keys of `cases` are looked up: a
/// customer with no case in a span cannot make one of its cases a repeat.
pub(super) async fn load_customers(
    conn: &mut SqliteConnection,
    cases: &[CaseFacts],
    spans: &[Span],
) -> Result<CustomerHistory> {
    let mut history = CustomerHistory::of_cases(cases);
    for (from, to) in spans {
        let in_span = cases
            .iter()
            .filter(|c| *from <= c.received_at && c.received_at < *to);
        let (mut phones, mut references) = (Vec::new(), Vec::new());
        for case in in_span {
            phones.extend(case.phone_key.clone());
            references.extend(case.reference_key.clone());
        }
        // One query per key: an OR of the two lets SQLite leave both indexes aside.
        for (is_phone, mut keys) in [(true, phones), (false, references)] {
            let column = if is_phone {
                "phone_key"
            } else {
                "reference_key"
            };
            keys.sort_unstable();
            keys.dedup();
            let rows: Vec<(String, String)> = json_rows(
                conn,
                &format!(
                    "SELECT json_group_array(json_array(received_at, {column})) FROM cases \
                     WHERE {column} IN (SELECT value FROM json_each(?)) \
                     AND received_at >= ? AND received_at < ? AND status <> 'invalid'"
                ),
                &[
                    serde_json::Value::from(keys).to_string(),
                    stamp(*from - REPEAT_WINDOW),
                    stamp(*from),
                ],
            )
            .await?;
            for (at, key) in rows {
                let key = Some(key.as_str());
                let (phone, reference) = if is_phone { (key, None) } else { (None, key) };
                history.add(parse_stamp(&at)?, phone, reference);
            }
        }
    }
    Ok(history)
}
