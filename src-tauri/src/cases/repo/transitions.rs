//! Status moves: the workflow from new to closed, reopening and voiding, with what each move
//! needs (a resolution, a follow-up, a reason). Each runs in one transaction.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use sqlx::{Row, SqliteConnection, SqlitePool};

use super::columns::{Edit, end_pause, received_on, status_of};
use super::journal::{Event, record_audit};
use super::judgement::{store_judgement, stored_judgement};
use super::{BranchContext, branch_context, stamp};
use crate::cases::deadlines::deadlines;
use crate::cases::judgement::{JudgementInput, check_verification};
use crate::cases::resolution::{
    FollowUpInput, FollowUpOutcome, ResolutionInput, check_crisis_close, unticked_steps,
};
use crate::cases::{Status, check_close, check_invalidation, check_transition};
use crate::error::Result;

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
    /// Why a crisis (grade 1) case closes while crisis steps are unticked; needed only then.
    pub escalation_reason: Option<String>,
    /// The verdict (justified or not, cause, fault); needed to leave verification unless one
    /// is stored already.
    pub judgement: Option<JudgementInput>,
}

async fn store_resolution(
    conn: &mut SqliteConnection,
    edit: Edit<'_>,
    input: &ResolutionInput,
) -> Result<()> {
    let resolution = input.parse()?;
    edit.set(conn, "action_taken", Some(resolution.action_taken.clone()))
        .await?;
    edit.set(
        conn,
        "customer_accepted",
        Some(i64::from(resolution.customer_accepted).to_string()),
    )
    .await?;
    edit.set(
        conn,
        "goodwill_fen",
        Some(resolution.goodwill.fen().to_string()),
    )
    .await?;
    edit.set(
        conn,
        "root_cause",
        Some(resolution.root_cause.as_str().to_owned()),
    )
    .await
}

async fn store_follow_up(
    conn: &mut SqliteConnection,
    edit: Edit<'_>,
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
    edit.set(conn, "follow_up_kind", Some(kind.to_owned()))
        .await?;
    edit.set(conn, "called_on", called_on).await?;
    edit.set(conn, "satisfaction", satisfaction).await?;
    edit.set(conn, "follow_up_comment", comment).await
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
    let mut tx = crate::store::begin_write(pool).await?;
    let ctx = branch_context(&mut tx).await?;
    let from = status_of(&mut tx, id).await?;
    let to = Status::parse("to", &change.to)?;
    let at = stamp(now);
    let edit = Edit { id, at: &at, actor };
    let mut reason = change
        .reason
        .as_deref()
        .map(str::trim)
        .unwrap_or_default()
        .to_owned();
    match to {
        Status::Invalid => {
            reason = check_invalidation(from, change.reason.as_deref())?;
            edit.set(&mut tx, "invalid_reason", Some(reason.clone()))
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
            if let Some(skipped) = crisis_close(&mut tx, edit, change).await? {
                reason = skipped;
            }
            if let Some(input) = &change.resolution {
                store_resolution(&mut tx, edit, input).await?;
            }
            if let Some(outcome) = &follow_up {
                store_follow_up(&mut tx, edit, outcome).await?;
            }
            edit.set(&mut tx, "closed_at", Some(at.clone())).await?;
        }
        _ => check_transition(from, to)?,
    }
    let stored = stored_judgement(&mut tx, id).await?;
    if let Some(judgement) = check_verification(from, to, stored, change.judgement.as_ref())? {
        store_judgement(&mut tx, edit, &judgement, "").await?;
    }
    // Resolved, closed or voided, the case no longer waits on the customer.
    if matches!(to, Status::FollowUp | Status::Closed | Status::Invalid) {
        end_pause(&mut tx, edit, now).await?;
    }
    match to {
        Status::Acknowledged => {
            edit.set(&mut tx, "acknowledged_at", Some(at.clone()))
                .await?
        }
        Status::FollowUp => {
            if let Some(input) = &change.resolution {
                store_resolution(&mut tx, edit, input).await?;
            }
            edit.set(&mut tx, "resolved_at", Some(at.clone())).await?;
        }
        Status::Reopened => reopen(&mut tx, edit, &ctx, now).await?,
        _ => {}
    }
    edit.set(&mut tx, "status", Some(to.as_str().to_owned()))
        .await?;
    let event = Event {
        kind: "status",
        body: &reason,
        old_value: Some(from.as_str()),
        new_value: Some(to.as_str()),
    };
    edit.record(&mut tx, event).await?;
    tx.commit().await?;
    Ok(())
}

/// A crisis (grade 1) closes with crisis steps unticked only with a reason; the steps and the
/// reason go into the audit trail. Returns the reason, to show on the timeline.
async fn crisis_close(
    conn: &mut SqliteConnection,
    edit: Edit<'_>,
    change: &StatusChange,
) -> Result<Option<String>> {
    let grade: i64 = sqlx::query_scalar("SELECT grade FROM cases WHERE id = ?")
        .bind(edit.id)
        .fetch_one(&mut *conn)
        .await?;
    if grade != 1 {
        return Ok(None);
    }
    let ticked: Vec<String> =
        sqlx::query_scalar("SELECT item FROM case_escalation_ticks WHERE case_id = ?")
            .bind(edit.id)
            .fetch_all(&mut *conn)
            .await?;
    let unticked = unticked_steps(&ticked);
    let list = unticked.join(",");
    let Some(reason) = check_crisis_close(unticked, change.escalation_reason.as_deref())? else {
        return Ok(None);
    };
    let (id, at, actor) = (edit.id, edit.at, edit.actor);
    record_audit(
        conn,
        id,
        at,
        actor,
        "escalation_unticked",
        None,
        Some(&list),
    )
    .await?;
    record_audit(
        conn,
        id,
        at,
        actor,
        "escalation_reason",
        None,
        Some(&reason),
    )
    .await?;
    Ok(Some(reason))
}

/// A reopened case counts once more, starts a fresh resolve window from now, and needs a new
/// resolution and follow-up before it closes again (the old ones stay in the audit trail).
async fn reopen(
    conn: &mut SqliteConnection,
    edit: Edit<'_>,
    ctx: &BranchContext,
    now: DateTime<Utc>,
) -> Result<()> {
    let (count, grade): (i64, u8) =
        sqlx::query_as("SELECT reopen_count, grade FROM cases WHERE id = ?")
            .bind(edit.id)
            .fetch_one(&mut *conn)
            .await?;
    edit.set(conn, "reopen_count", Some((count + 1).to_string()))
        .await?;
    let due = deadlines(now, &ctx.limit(grade)?, ctx.tz);
    edit.set(conn, "resolve_by", Some(stamp(due.resolve_by)))
        .await?;
    edit.set(conn, "due_at", Some(stamp(due.resolve_by)))
        .await?;
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
        edit.set(conn, column, None).await?;
    }
    edit.set(conn, "goodwill_fen", Some("0".into())).await
}
