//! Storing new cases: numbers in the branch's local month, deadlines, the row and both search
//! entries. Any number of cases costs one statement per table, so intake (one case) and the
//! demo-data generator (thousands per transaction) share this path.
//!
//! Why batches: SQLite asks FTS5 to flush its pending terms before every statement that opens
//! a statement journal (an insert into `cases` does), so writing row, index, row, index… case by
//! case leaves one tiny FTS segment per case to be merged again and again; and each statement
//! is a round trip to the connection's worker thread. Writing all rows, then all index entries,
//! avoids both.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::bulk::{Values, execute_rows};
use super::{BranchContext, stamp};
use crate::cases::intake::{ValidIntake, phone_key, reference_key};
use crate::cases::search::{gram_body, trigram_body};
use crate::cases::{CaseNumber, deadlines, local_month_of};
use crate::error::{Error, Result};

/// A checked case with the grades decided for it, ready to store.
#[derive(Debug, Clone, Copy)]
pub struct NewCase<'a> {
    /// The intake fields.
    pub case: &'a ValidIntake,
    /// The grade the rules suggested.
    pub suggested_grade: u8,
    /// The grade chosen; it sets the deadlines.
    pub grade: u8,
    /// When it is recorded (`created_at`, `updated_at`).
    pub now: DateTime<Utc>,
    /// Where it already stands: `None` for intake (status `new`); demo data stores cases that
    /// have moved on, in the same statement rather than a second pass of updates.
    pub standing: Option<&'a Standing>,
}

/// The columns that change after intake, for a case stored part-way through its lifecycle.
/// Times are stored text (see [`stamp`]).
#[derive(Debug, Clone, Default)]
pub struct Standing {
    /// Status code.
    pub status: &'static str,
    /// When acknowledged.
    pub acknowledged_at: Option<String>,
    /// When it entered follow-up.
    pub resolved_at: Option<String>,
    /// When closed.
    pub closed_at: Option<String>,
    /// A restarted resolve deadline (reopened cases); otherwise the grade's from receipt.
    pub resolve_by: Option<String>,
    /// Waiting on the customer since.
    pub paused_since: Option<String>,
    /// Times reopened.
    pub reopen_count: u32,
    /// Why it was voided.
    pub invalid_reason: Option<String>,
    /// What was done.
    pub action_taken: Option<String>,
    /// Whether the customer accepted it.
    pub customer_accepted: Option<bool>,
    /// Goodwill payment in fen.
    pub goodwill_fen: i64,
    /// Root cause code.
    pub root_cause: Option<&'static str>,
    /// `called` or `unreachable`.
    pub follow_up_kind: Option<&'static str>,
    /// Date of the follow-up call.
    pub called_on: Option<String>,
    /// Satisfaction 1–5.
    pub satisfaction: Option<u8>,
    /// Follow-up comment or why the customer was unreachable.
    pub follow_up_comment: Option<String>,
    /// Last change.
    pub updated_at: Option<String>,
}

/// Reserves the next numbers of each local month the cases fall in, one statement per month;
/// returns the first sequence to hand out per month key (YYYYMM).
async fn reserve_numbers(
    conn: &mut SqliteConnection,
    month_keys: &[i64],
) -> Result<BTreeMap<i64, i64>> {
    let mut counts: BTreeMap<i64, i64> = BTreeMap::new();
    for key in month_keys {
        *counts.entry(*key).or_default() += 1;
    }
    let mut next = BTreeMap::new();
    for (key, count) in counts {
        let last: i64 = sqlx::query_scalar(
            "INSERT INTO case_sequences (month_key, last_sequence) VALUES (?, ?)
             ON CONFLICT (month_key) DO UPDATE SET last_sequence = last_sequence + excluded.last_sequence
             RETURNING last_sequence",
        )
        .bind(key)
        .bind(count)
        .fetch_one(&mut *conn)
        .await?;
        next.insert(key, last - count + 1);
    }
    Ok(next)
}

const CASE_COLUMNS: &str = "INSERT INTO cases (number, received_at, received_month, channel, complainant_name, \
     phone, phone_key, reference, reference_key, customer_type, category_id, description, customer_request, \
     taken_by_id, assignee_id, department, media_exposure_risk, lawsuit_risk, households, \
     needs_other_departments, suggested_grade, grade, grade_reason, acknowledge_by, resolve_by, \
     due_at, created_at, status, acknowledged_at, resolved_at, closed_at, paused_since, reopen_count, \
     invalid_reason, action_taken, customer_accepted, goodwill_fen, root_cause, follow_up_kind, called_on, \
     satisfaction, follow_up_comment, updated_at)";
const CASE_ROW: &str = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, \
     ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

/// Binds one case row: its number, deadlines and keys.
fn bind_case(
    values: &mut Values,
    ctx: &BranchContext,
    new: &NewCase<'_>,
    number: &str,
    month_key: i64,
) -> Result<()> {
    let case = new.case;
    let due = deadlines(case.received_at, &ctx.limit(new.grade)?, ctx.tz);
    let at = stamp(new.now);
    values.add(number.to_owned())?;
    values.add(stamp(case.received_at))?;
    values.add(month_key)?;
    values.add(case.channel.as_str())?;
    values.add(case.complainant_name.clone())?;
    values.add(case.phone.clone())?;
    values.add(phone_key(case.phone.as_deref()))?;
    values.add(case.reference.clone())?;
    values.add(reference_key(case.reference.as_deref()))?;
    values.add(case.customer_type.as_str())?;
    values.add(case.category_id)?;
    values.add(case.description.clone())?;
    values.add(case.customer_request.clone())?;
    values.add(case.taken_by_id)?;
    values.add(case.assignee_id)?;
    values.add(case.department.clone())?;
    values.add(case.media_exposure_risk)?;
    values.add(case.lawsuit_risk)?;
    values.add(case.households)?;
    values.add(case.needs_other_departments)?;
    values.add(new.suggested_grade)?;
    values.add(new.grade)?;
    values.add(case.grade_reason.clone())?;
    values.add(stamp(due.acknowledge_by))?;
    let fresh = Standing {
        status: "new",
        ..Standing::default()
    };
    let standing = new.standing.unwrap_or(&fresh);
    let resolve_by = standing
        .resolve_by
        .clone()
        .unwrap_or_else(|| stamp(due.resolve_by));
    values.add(resolve_by.clone())?;
    values.add(resolve_by)?;
    values.add(at.clone())?;
    bind_standing(values, standing, at)?;
    values.end_row();
    Ok(())
}

/// Binds the lifecycle columns, from `status` to `updated_at`.
fn bind_standing(values: &mut Values, standing: &Standing, created_at: String) -> Result<()> {
    values.add(standing.status)?;
    values.add(standing.acknowledged_at.clone())?;
    values.add(standing.resolved_at.clone())?;
    values.add(standing.closed_at.clone())?;
    values.add(standing.paused_since.clone())?;
    values.add(standing.reopen_count)?;
    values.add(standing.invalid_reason.clone())?;
    values.add(standing.action_taken.clone())?;
    values.add(standing.customer_accepted)?;
    values.add(standing.goodwill_fen)?;
    values.add(standing.root_cause)?;
    values.add(standing.follow_up_kind)?;
    values.add(standing.called_on.clone())?;
    values.add(standing.satisfaction)?;
    values.add(standing.follow_up_comment.clone())?;
    values.add(standing.updated_at.clone().unwrap_or(created_at))
}

/// Inserts cases in the order given, each with the next number of its local month, its
/// deadlines from its grade, its standing (status `new` unless given), and its search entries. Returns their ids in order.
pub async fn insert_cases(
    conn: &mut SqliteConnection,
    ctx: &BranchContext,
    cases: &[NewCase<'_>],
) -> Result<Vec<i64>> {
    let months: Vec<(i32, u32)> = cases
        .iter()
        .map(|new| local_month_of(new.case.received_at, ctx.tz))
        .collect();
    let keys: Vec<i64> = months
        .iter()
        .map(|(year, month)| i64::from(*year) * 100 + i64::from(*month))
        .collect();
    let mut next = reserve_numbers(conn, &keys).await?;
    let mut numbers = Vec::with_capacity(cases.len());
    for (month, key) in months.into_iter().zip(&keys) {
        let sequence = next.get_mut(key).ok_or(Error::NotFound)?;
        let number = CaseNumber::new(
            &ctx.code,
            month,
            u32::try_from(*sequence).unwrap_or(u32::MAX),
        )?;
        *sequence += 1;
        numbers.push(number.to_string());
    }
    let mut values = Values::new(CASE_ROW);
    let mut ids_by_number: HashMap<String, i64> = HashMap::with_capacity(cases.len());
    let mut rows = cases.iter().zip(&numbers).zip(&keys);
    for size in values.sizes(cases.len()) {
        for ((new, number), key) in rows.by_ref().take(size) {
            bind_case(&mut values, ctx, new, number, *key)?;
        }
        let statement = values.take(CASE_COLUMNS, " RETURNING id, number");
        let inserted: Vec<(i64, String)> =
            sqlx::query_as_with(sqlx::AssertSqlSafe(statement.sql), statement.args)
                .persistent(statement.persistent)
                .fetch_all(&mut *conn)
                .await?;
        ids_by_number.extend(inserted.into_iter().map(|(id, number)| (number, id)));
    }
    let ids = numbers
        .iter()
        .map(|number| ids_by_number.get(number).copied().ok_or(Error::NotFound))
        .collect::<Result<Vec<i64>>>()?;
    index_new_cases(conn, cases, &numbers, &ids).await?;
    let flagged: Vec<i64> = cases
        .iter()
        .zip(&ids)
        .filter(|(new, _)| new.case.needs_other_departments)
        .map(|(_, id)| *id)
        .collect();
    add_unspecified_supports(conn, &flagged).await?;
    Ok(ids)
}

/// A case taken in as needing other departments gets one supporting-department line whose
/// department and task are still to be filled in, so the case page lists it as outstanding.
async fn add_unspecified_supports(conn: &mut SqliteConnection, ids: &[i64]) -> Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let ids: Vec<String> = ids.iter().map(i64::to_string).collect();
    let ids = format!("[{}]", ids.join(","));
    sqlx::query(
        "INSERT INTO case_supports (case_id, department, task, created_at, updated_at)
         SELECT id, ?, '', created_at, created_at FROM cases
         WHERE id IN (SELECT value FROM json_each(?))",
    )
    .bind(crate::cases::support::UNSPECIFIED)
    .bind(ids)
    .execute(conn)
    .await?;
    Ok(())
}

/// Adds new cases to both search indexes: all trigram entries, then all short-query entries.
async fn index_new_cases(
    conn: &mut SqliteConnection,
    cases: &[NewCase<'_>],
    numbers: &[String],
    ids: &[i64],
) -> Result<()> {
    let entries: Vec<(i64, [&str; 5])> = cases
        .iter()
        .zip(numbers)
        .zip(ids)
        .map(|((new, number), id)| {
            let case = new.case;
            let fields = [
                number.as_str(),
                case.complainant_name.as_str(),
                case.phone.as_deref().unwrap_or_default(),
                case.reference.as_deref().unwrap_or_default(),
                case.description.as_str(),
            ];
            (*id, fields)
        })
        .collect();
    for (table, body) in [
        (
            "INSERT INTO case_search_trigram (rowid, body)",
            trigram_body as fn(&[&str]) -> String,
        ),
        ("INSERT INTO case_search_grams (rowid, body)", gram_body),
    ] {
        execute_rows(
            conn,
            (table, "(?, ?)", ""),
            &entries,
            |values, (id, fields)| {
                values.add(*id)?;
                values.add(body(fields))
            },
        )
        .await?;
    }
    Ok(())
}
