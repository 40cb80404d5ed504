//! Changes to a case after intake: status moves, grade, pauses, notes, crisis ticks, edits.
//! Each change runs in one transaction and leaves a timeline entry and audit lines.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use sqlx::{Row, SqliteConnection, SqlitePool};

use super::detail::current_suggestion;
use super::journal::{Event, index_case, record_audit, record_event};
use super::{BranchContext, branch_context, parse_stamp, stamp};
use crate::cases::deadlines::{Pause, deadlines, effective_resolve_by};
use crate::cases::intake::{CaseInput, phone_key, reference_key};
use crate::cases::resolution::{FollowUpInput, FollowUpOutcome, ResolutionInput};
use crate::cases::text::{MAX_TEXT_CHARS, required_text};
use crate::cases::{
    Grade, Status, check_close, check_grade_choice, check_invalidation, check_transition,
};
use crate::error::{Error, Invalid, Result};

/// A move to another status, with what that move needs.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct StatusChange {
    /// The status to move to.
    pub to: String,
    /// Why (required for `invalid`; optional otherwise, e.g. why it is reopened).
    pub reason: Option<String>,
    /// The resolution, when moving to follow-up or closing.
    pub resolution: Option<ResolutionInput>,
    /// The follow-up call (or why the customer could not be reached), when closing.
    pub follow_up: Option<FollowUpInput>,
}

async fn status_of(conn: &mut SqliteConnection, id: i64) -> Result<Status> {
    let status: String = sqlx::query_scalar("SELECT status FROM cases WHERE id = ?")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(Error::NotFound)?;
    Status::parse("status", &status)
}

/// Finished pauses of a case, for moving its deadline.
async fn finished_pauses(conn: &mut SqliteConnection, id: i64) -> Result<Vec<Pause>> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT start_at, end_at FROM case_pauses WHERE case_id = ? AND end_at IS NOT NULL",
    )
    .bind(id)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(start, end)| {
            Ok(Pause {
                start: parse_stamp(&start)?,
                end: Some(parse_stamp(&end)?),
            })
        })
        .collect()
}

/// Updates one column and writes its audit line when the value changes.
async fn set_column(
    conn: &mut SqliteConnection,
    id: i64,
    at: &str,
    actor: Option<i64>,
    column: &'static str,
    value: Option<String>,
) -> Result<()> {
    let old: Option<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT CAST({column} AS TEXT) FROM cases WHERE id = ?"
    )))
    .bind(id)
    .fetch_one(&mut *conn)
    .await?;
    if old == value {
        return Ok(());
    }
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "UPDATE cases SET {column} = ?, updated_at = ? WHERE id = ?"
    )))
    .bind(&value)
    .bind(at)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    record_audit(
        conn,
        id,
        at,
        actor,
        column,
        old.as_deref(),
        value.as_deref(),
    )
    .await
}

async fn received_on(
    conn: &mut SqliteConnection,
    id: i64,
    ctx: &BranchContext,
) -> Result<chrono::NaiveDate> {
    let received: String = sqlx::query_scalar("SELECT received_at FROM cases WHERE id = ?")
        .bind(id)
        .fetch_one(conn)
        .await?;
    Ok(parse_stamp(&received)?.with_timezone(&ctx.tz).date_naive())
}

async fn store_resolution(
    conn: &mut SqliteConnection,
    id: i64,
    at: &str,
    actor: Option<i64>,
    input: &ResolutionInput,
) -> Result<()> {
    let resolution = input.parse()?;
    set_column(
        conn,
        id,
        at,
        actor,
        "action_taken",
        Some(resolution.action_taken.clone()),
    )
    .await?;
    set_column(
        conn,
        id,
        at,
        actor,
        "customer_accepted",
        Some(i64::from(resolution.customer_accepted).to_string()),
    )
    .await?;
    set_column(
        conn,
        id,
        at,
        actor,
        "goodwill_fen",
        Some(resolution.goodwill.fen().to_string()),
    )
    .await?;
    set_column(
        conn,
        id,
        at,
        actor,
        "root_cause",
        Some(resolution.root_cause.as_str().to_owned()),
    )
    .await
}

async fn store_follow_up(
    conn: &mut SqliteConnection,
    id: i64,
    at: &str,
    actor: Option<i64>,
    outcome: &FollowUpOutcome,
) -> Result<()> {
    let (kind, called_on, satisfaction, comment) = match outcome {
        FollowUpOutcome::Called {
            called_on,
            satisfaction,
            comment,
        } => (
            "called",
            Some(called_on.to_string()),
            Some(satisfaction.get().to_string()),
            comment.clone(),
        ),
        FollowUpOutcome::Unreachable { note } => ("unreachable", None, None, Some(note.clone())),
    };
    set_column(conn, id, at, actor, "follow_up_kind", Some(kind.to_owned())).await?;
    set_column(conn, id, at, actor, "called_on", called_on).await?;
    set_column(conn, id, at, actor, "satisfaction", satisfaction).await?;
    set_column(conn, id, at, actor, "follow_up_comment", comment).await
}

/// Whether the stored resolution is complete (for closing without re-entering it).
async fn stored_resolution(
    conn: &mut SqliteConnection,
    id: i64,
) -> Result<Option<ResolutionInput>> {
    let row = sqlx::query(
        "SELECT action_taken, customer_accepted, goodwill_fen, root_cause FROM cases WHERE id = ?",
    )
    .bind(id)
    .fetch_one(conn)
    .await?;
    let (Some(action_taken), Some(accepted), Some(root_cause)) = (
        row.try_get::<Option<String>, _>(0)?,
        row.try_get::<Option<bool>, _>(1)?,
        row.try_get::<Option<String>, _>(3)?,
    ) else {
        return Ok(None);
    };
    let fen: i64 = row.try_get(2)?;
    Ok(Some(ResolutionInput {
        action_taken,
        customer_accepted: accepted,
        goodwill: Some(format!("{}.{:02}", fen / 100, fen % 100)),
        root_cause: root_cause.clone(),
    }))
}

/// Moves a case to another status, enforcing the workflow and what each move needs.
pub async fn change_status(
    pool: &SqlitePool,
    id: i64,
    change: &StatusChange,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let ctx = branch_context(&mut tx).await?;
    let from = status_of(&mut tx, id).await?;
    let to = Status::parse("to", &change.to)?;
    let at = stamp(now);
    let mut reason = change
        .reason
        .as_deref()
        .map(str::trim)
        .unwrap_or_default()
        .to_owned();
    match to {
        Status::Invalid => {
            reason = check_invalidation(from, change.reason.as_deref())?;
            set_column(
                &mut tx,
                id,
                &at,
                actor,
                "invalid_reason",
                Some(reason.clone()),
            )
            .await?;
        }
        Status::Closed => {
            check_transition(from, to)?;
            let resolution_input = match &change.resolution {
                Some(input) => Some(input.clone()),
                None => stored_resolution(&mut tx, id).await?,
            };
            let resolution = resolution_input
                .as_ref()
                .map(ResolutionInput::parse)
                .transpose()?;
            let today = now.with_timezone(&ctx.tz).date_naive();
            let follow_up = match &change.follow_up {
                Some(input) => Some(input.parse(received_on(&mut tx, id, &ctx).await?, today)?),
                None => None,
            };
            check_close(from, resolution.as_ref(), follow_up.as_ref())?;
            if let Some(input) = &change.resolution {
                store_resolution(&mut tx, id, &at, actor, input).await?;
            }
            if let Some(outcome) = &follow_up {
                store_follow_up(&mut tx, id, &at, actor, outcome).await?;
            }
            end_open_pause(&mut tx, id, &at).await?;
            set_column(&mut tx, id, &at, actor, "closed_at", Some(at.clone())).await?;
        }
        _ => check_transition(from, to)?,
    }
    match to {
        Status::Acknowledged => {
            set_column(&mut tx, id, &at, actor, "acknowledged_at", Some(at.clone())).await?
        }
        Status::FollowUp => {
            if let Some(input) = &change.resolution {
                store_resolution(&mut tx, id, &at, actor, input).await?;
            }
            set_column(&mut tx, id, &at, actor, "resolved_at", Some(at.clone())).await?;
        }
        Status::Reopened => reopen(&mut tx, id, &ctx, &at, actor, now).await?,
        _ => {}
    }
    set_column(
        &mut tx,
        id,
        &at,
        actor,
        "status",
        Some(to.as_str().to_owned()),
    )
    .await?;
    let event = Event {
        kind: "status",
        body: &reason,
        old_value: Some(from.as_str()),
        new_value: Some(to.as_str()),
    };
    record_event(&mut tx, id, &at, actor, event).await?;
    tx.commit().await?;
    Ok(())
}

/// A reopened case counts once more, starts a fresh resolve window from now, and needs a new
/// resolution and follow-up before it closes again (the old ones stay in the audit trail).
async fn reopen(
    conn: &mut SqliteConnection,
    id: i64,
    ctx: &BranchContext,
    at: &str,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let (count, grade): (i64, u8) =
        sqlx::query_as("SELECT reopen_count, grade FROM cases WHERE id = ?")
            .bind(id)
            .fetch_one(&mut *conn)
            .await?;
    set_column(
        conn,
        id,
        at,
        actor,
        "reopen_count",
        Some((count + 1).to_string()),
    )
    .await?;
    let due = deadlines(now, &ctx.limit(grade)?, ctx.tz);
    set_column(
        conn,
        id,
        at,
        actor,
        "resolve_by",
        Some(stamp(due.resolve_by)),
    )
    .await?;
    set_column(conn, id, at, actor, "due_at", Some(stamp(due.resolve_by))).await?;
    for column in [
        "closed_at",
        "resolved_at",
        "action_taken",
        "customer_accepted",
        "root_cause",
        "follow_up_kind",
        "called_on",
        "satisfaction",
        "follow_up_comment",
    ] {
        set_column(conn, id, at, actor, column, None).await?;
    }
    set_column(conn, id, at, actor, "goodwill_fen", Some("0".into())).await
}

async fn end_open_pause(conn: &mut SqliteConnection, id: i64, at: &str) -> Result<()> {
    sqlx::query("UPDATE case_pauses SET end_at = ? WHERE case_id = ? AND end_at IS NULL")
        .bind(at)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("UPDATE cases SET paused_since = NULL WHERE id = ?")
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Sets the grade: raising is free, going below the rules' suggestion needs a reason. The
/// deadlines are recomputed from when the case was received.
pub async fn set_grade(
    pool: &SqlitePool,
    id: i64,
    grade: u8,
    reason: Option<&str>,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let ctx = branch_context(&mut tx).await?;
    if !status_of(&mut tx, id).await?.is_open() {
        return Err(Error::invalid("grade", Invalid::Choice));
    }
    let grade = Grade::from_number("grade", i64::from(grade))?;
    let suggestion = current_suggestion(&mut tx, id, now).await?;
    check_grade_choice(suggestion.grade, grade, reason)?;
    let old: i64 = sqlx::query_scalar("SELECT grade FROM cases WHERE id = ?")
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
    let at = stamp(now);
    let received: String = sqlx::query_scalar("SELECT received_at FROM cases WHERE id = ?")
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
    let due = deadlines(parse_stamp(&received)?, &ctx.limit(grade.get())?, ctx.tz);
    let pauses = finished_pauses(&mut tx, id).await?;
    set_column(&mut tx, id, &at, actor, "grade", Some(grade.to_string())).await?;
    set_column(
        &mut tx,
        id,
        &at,
        actor,
        "suggested_grade",
        Some(suggestion.grade.to_string()),
    )
    .await?;
    set_column(
        &mut tx,
        id,
        &at,
        actor,
        "grade_reason",
        reason
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_owned),
    )
    .await?;
    set_column(
        &mut tx,
        id,
        &at,
        actor,
        "acknowledge_by",
        Some(stamp(due.acknowledge_by)),
    )
    .await?;
    set_column(
        &mut tx,
        id,
        &at,
        actor,
        "resolve_by",
        Some(stamp(due.resolve_by)),
    )
    .await?;
    set_column(
        &mut tx,
        id,
        &at,
        actor,
        "due_at",
        Some(stamp(effective_resolve_by(due.resolve_by, &pauses, now))),
    )
    .await?;
    let (old, new) = (old.to_string(), grade.to_string());
    let event = Event {
        kind: "grade",
        body: reason.unwrap_or_default(),
        old_value: Some(&old),
        new_value: Some(&new),
    };
    record_event(&mut tx, id, &at, actor, event).await?;
    tx.commit().await?;
    Ok(())
}

/// Stops the resolve clock while the case waits on the customer.
pub async fn pause_case(
    pool: &SqlitePool,
    id: i64,
    reason: &str,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let reason = required_text("reason", reason, MAX_TEXT_CHARS)?;
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let paused: Option<Option<String>> =
        sqlx::query_scalar("SELECT paused_since FROM cases WHERE id = ?")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    if !status_of(&mut tx, id).await?.is_open() || paused.ok_or(Error::NotFound)?.is_some() {
        return Err(Error::invalid("reason", Invalid::Choice));
    }
    let at = stamp(now);
    sqlx::query("INSERT INTO case_pauses (case_id, start_at, reason) VALUES (?, ?, ?)")
        .bind(id)
        .bind(&at)
        .bind(&reason)
        .execute(&mut *tx)
        .await?;
    set_column(&mut tx, id, &at, actor, "paused_since", Some(at.clone())).await?;
    record_event(
        &mut tx,
        id,
        &at,
        actor,
        Event {
            kind: "pause",
            body: &reason,
            old_value: None,
            new_value: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Restarts the resolve clock; the deadline moves later by the time spent waiting.
pub async fn resume_case(
    pool: &SqlitePool,
    id: i64,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let (paused, resolve_by): (Option<String>, String) =
        sqlx::query_as("SELECT paused_since, resolve_by FROM cases WHERE id = ?")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(Error::NotFound)?;
    if paused.is_none() {
        return Err(Error::invalid("reason", Invalid::Choice));
    }
    let at = stamp(now);
    end_open_pause(&mut tx, id, &at).await?;
    record_audit(
        &mut tx,
        id,
        &at,
        actor,
        "paused_since",
        paused.as_deref(),
        None,
    )
    .await?;
    let pauses = finished_pauses(&mut tx, id).await?;
    set_column(
        &mut tx,
        id,
        &at,
        actor,
        "due_at",
        Some(stamp(effective_resolve_by(
            parse_stamp(&resolve_by)?,
            &pauses,
            now,
        ))),
    )
    .await?;
    record_event(
        &mut tx,
        id,
        &at,
        actor,
        Event {
            kind: "resume",
            body: "",
            old_value: None,
            new_value: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Adds a note, call or visit to the timeline.
pub async fn add_entry(
    pool: &SqlitePool,
    id: i64,
    kind: &str,
    body: &str,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    if !matches!(kind, "note" | "call" | "visit") {
        return Err(Error::invalid("kind", Invalid::Choice));
    }
    let body = required_text("body", body, crate::cases::intake::MAX_DESCRIPTION_CHARS)?;
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    status_of(&mut tx, id).await?;
    record_event(
        &mut tx,
        id,
        &stamp(now),
        actor,
        Event {
            kind,
            body: &body,
            old_value: None,
            new_value: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The items of the crisis (grade 1) escalation checklist.
pub const ESCALATION_ITEMS: [&str; 3] = ["report_head_office", "team_meeting", "one_spokesperson"];

/// Ticks an item of the crisis checklist (once; a second tick keeps the first).
pub async fn tick_escalation(
    pool: &SqlitePool,
    id: i64,
    item: &str,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    if !ESCALATION_ITEMS.contains(&item) {
        return Err(Error::invalid("item", Invalid::Choice));
    }
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    status_of(&mut tx, id).await?;
    let at = stamp(now);
    let inserted = sqlx::query("INSERT OR IGNORE INTO case_escalation_ticks (case_id, item, ticked_at, ticked_by) VALUES (?, ?, ?, ?)")
        .bind(id)
        .bind(item)
        .bind(&at)
        .bind(actor)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if inserted > 0 {
        record_event(
            &mut tx,
            id,
            &at,
            actor,
            Event {
                kind: "escalation",
                body: "",
                old_value: None,
                new_value: Some(item),
            },
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Edits the intake fields of a case; each changed field gets an audit line. The received
/// time, grade and status change through their own actions.
pub async fn update_case(
    pool: &SqlitePool,
    id: i64,
    input: &CaseInput,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let ctx = branch_context(&mut tx).await?;
    let received: String = sqlx::query_scalar("SELECT received_at FROM cases WHERE id = ?")
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(Error::NotFound)?;
    let mut input = input.clone();
    input.received_at = Some(
        parse_stamp(&received)?
            .with_timezone(&ctx.tz)
            .format("%Y-%m-%dT%H:%M:%S")
            .to_string(),
    );
    let case = input.parse(ctx.tz, now.max(parse_stamp(&received)?))?;
    let at = stamp(now);
    let text = |v: &str| Some(v.to_owned());
    let changes: [(&'static str, Option<String>); 16] = [
        ("channel", text(case.channel.as_str())),
        ("complainant_name", text(&case.complainant_name)),
        ("phone", case.phone.clone()),
        ("phone_key", phone_key(case.phone.as_deref())),
        ("reference", case.reference.clone()),
        ("reference_key", reference_key(case.reference.as_deref())),
        ("customer_type", text(case.customer_type.as_str())),
        ("category_id", Some(case.category_id.to_string())),
        ("description", text(&case.description)),
        ("customer_request", text(&case.customer_request)),
        ("taken_by_id", case.taken_by_id.map(|v| v.to_string())),
        ("assignee_id", case.assignee_id.map(|v| v.to_string())),
        ("department", text(&case.department)),
        (
            "media_exposure_risk",
            Some(i64::from(case.media_exposure_risk).to_string()),
        ),
        (
            "lawsuit_risk",
            Some(i64::from(case.lawsuit_risk).to_string()),
        ),
        ("households", Some(case.households.to_string())),
    ];
    let category_ok: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM categories WHERE id = ?")
        .bind(case.category_id)
        .fetch_one(&mut *tx)
        .await?;
    if category_ok == 0 {
        return Err(Error::invalid("categoryId", Invalid::Choice));
    }
    for (column, value) in changes {
        set_column(&mut tx, id, &at, actor, column, value).await?;
    }
    set_column(
        &mut tx,
        id,
        &at,
        actor,
        "needs_other_departments",
        Some(i64::from(case.needs_other_departments).to_string()),
    )
    .await?;
    let number: String = sqlx::query_scalar("SELECT number FROM cases WHERE id = ?")
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
    let fields = [
        number.as_str(),
        case.complainant_name.as_str(),
        case.phone.as_deref().unwrap_or_default(),
        case.reference.as_deref().unwrap_or_default(),
        case.description.as_str(),
    ];
    index_case(&mut tx, id, &fields).await?;
    tx.commit().await?;
    Ok(())
}
