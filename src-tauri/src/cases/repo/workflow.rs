//! Changes to a case after intake besides status moves: grade, pauses, notes, crisis ticks, edits.
//! Each change runs in one transaction and leaves a timeline entry and audit lines.

use chrono::{DateTime, Utc};
use sqlx::SqlitePool;

use super::columns::{Edit, end_pause, finished_pauses, status_of, window_start};
use super::create::{References, check_references};
use super::journal::{Event, index_case, record_event};
use super::suggest::current_suggestion;
use super::{branch_context, parse_stamp, stamp};
use crate::cases::deadlines::{deadlines, effective_resolve_by};
use crate::cases::intake::{CaseInput, phone_key, reference_key};
use crate::cases::text::{MAX_TEXT_CHARS, required_text};
use crate::cases::{Grade, check_grade_choice};
use crate::error::{Error, Invalid, Result};

pub use super::transitions::{StatusChange, change_status};

/// Sets the grade: raising is free, going below the rules' suggestion needs a reason. The
/// deadlines are recomputed with the new grade's limits: acknowledging from when the case was
/// received, resolving from when its current window began (its last reopening, else receipt),
/// so a reopened case keeps the fresh window reopening gave it.
pub async fn set_grade(
    pool: &SqlitePool,
    id: i64,
    grade: u8,
    reason: Option<&str>,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut tx = crate::store::begin_write(pool).await?;
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
    let edit = Edit { id, at: &at, actor };
    let received: String = sqlx::query_scalar("SELECT received_at FROM cases WHERE id = ?")
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
    let limit = ctx.limit(grade.get())?;
    let acknowledge_by = deadlines(parse_stamp(&received)?, &limit, ctx.tz).acknowledge_by;
    let resolve_by = deadlines(window_start(&mut tx, id).await?, &limit, ctx.tz).resolve_by;
    let pauses = finished_pauses(&mut tx, id).await?;
    edit.set(&mut tx, "grade", Some(grade.to_string())).await?;
    edit.set(
        &mut tx,
        "suggested_grade",
        Some(suggestion.grade.to_string()),
    )
    .await?;
    edit.set(
        &mut tx,
        "grade_reason",
        reason
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_owned),
    )
    .await?;
    edit.set(&mut tx, "acknowledge_by", Some(stamp(acknowledge_by)))
        .await?;
    edit.set(&mut tx, "resolve_by", Some(stamp(resolve_by)))
        .await?;
    edit.set(
        &mut tx,
        "due_at",
        Some(stamp(effective_resolve_by(resolve_by, &pauses, now))),
    )
    .await?;
    let (old, new) = (old.to_string(), grade.to_string());
    let event = Event {
        kind: "grade",
        body: reason.unwrap_or_default(),
        old_value: Some(&old),
        new_value: Some(&new),
    };
    edit.record(&mut tx, event).await?;
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
    let mut tx = crate::store::begin_write(pool).await?;
    let paused: Option<Option<String>> =
        sqlx::query_scalar("SELECT paused_since FROM cases WHERE id = ?")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    if !status_of(&mut tx, id).await?.is_open() || paused.ok_or(Error::NotFound)?.is_some() {
        return Err(Error::invalid("reason", Invalid::Choice));
    }
    let at = stamp(now);
    let edit = Edit { id, at: &at, actor };
    sqlx::query("INSERT INTO case_pauses (case_id, start_at, reason) VALUES (?, ?, ?)")
        .bind(id)
        .bind(&at)
        .bind(&reason)
        .execute(&mut *tx)
        .await?;
    edit.set(&mut tx, "paused_since", Some(at.clone())).await?;
    edit.record(&mut tx, Event::plain("pause", &reason)).await?;
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
    let mut tx = crate::store::begin_write(pool).await?;
    let at = stamp(now);
    let edit = Edit { id, at: &at, actor };
    if !end_pause(&mut tx, edit, now).await? {
        return Err(Error::invalid("reason", Invalid::Choice));
    }
    edit.record(&mut tx, Event::plain("resume", "")).await?;
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
    let mut tx = crate::store::begin_write(pool).await?;
    status_of(&mut tx, id).await?;
    record_event(&mut tx, id, &stamp(now), actor, Event::plain(kind, &body)).await?;
    tx.commit().await?;
    Ok(())
}

pub use crate::cases::resolution::ESCALATION_ITEMS;

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
    let mut tx = crate::store::begin_write(pool).await?;
    status_of(&mut tx, id).await?;
    let at = stamp(now);
    let edit = Edit { id, at: &at, actor };
    let inserted = sqlx::query("INSERT OR IGNORE INTO case_escalation_ticks (case_id, item, ticked_at, ticked_by) VALUES (?, ?, ?, ?)")
        .bind(id)
        .bind(item)
        .bind(&at)
        .bind(actor)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if inserted > 0 {
        edit.record(
            &mut tx,
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

/// Edits the intake fields of a case; each changed field gets an audit line. Intake's checks
/// apply again: a case cannot be moved to a hidden category or given to inactive staff. The
/// received time, grade and status change through their own actions.
pub async fn update_case(
    pool: &SqlitePool,
    id: i64,
    input: &CaseInput,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut tx = crate::store::begin_write(pool).await?;
    let ctx = branch_context(&mut tx).await?;
    let (received, category_id, taken_by_id, assignee_id): (String, i64, Option<i64>, Option<i64>) =
        sqlx::query_as(
            "SELECT received_at, category_id, taken_by_id, assignee_id FROM cases WHERE id = ?",
        )
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
    let stored = References {
        category_id,
        taken_by_id,
        assignee_id,
    };
    check_references(&mut tx, &case, Some(stored)).await?;
    let at = stamp(now);
    let edit = Edit { id, at: &at, actor };
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
    for (column, value) in changes {
        edit.set(&mut tx, column, value).await?;
    }
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
