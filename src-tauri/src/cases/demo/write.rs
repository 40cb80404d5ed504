//! SQL for demo data. Case rows go through `insert_cases`, the path intake uses, so their
//! numbers, deadlines and search entries are right. What happened after intake (status columns,
//! timeline, audit, pauses) is then written for the whole batch: a few statements per table
//! with thousands of rows each, instead of several statements per case.

use sqlx::SqliteConnection;

use super::outcome::FollowUp;
use super::plan::PlannedCase;
use crate::cases::deadlines;
use crate::cases::repo::bulk::{Values, execute_rows};
use crate::cases::repo::insert::{NewCase, insert_cases};
use crate::cases::repo::{BranchContext, stamp};
use crate::error::Result;

/// The columns that change after intake, for one case.
struct Progress {
    id: i64,
    status: &'static str,
    acknowledged_at: Option<String>,
    resolved_at: Option<String>,
    closed_at: Option<String>,
    /// Set only for reopened cases, whose resolve window restarts at the reopening.
    resolve_by: Option<String>,
    paused_since: Option<String>,
    reopen_count: u32,
    invalid_reason: Option<String>,
    action_taken: Option<String>,
    customer_accepted: Option<bool>,
    goodwill_fen: i64,
    root_cause: Option<&'static str>,
    follow_up_kind: Option<&'static str>,
    called_on: Option<String>,
    satisfaction: Option<u8>,
    follow_up_comment: Option<String>,
    updated_at: String,
}

/// A timeline entry or audit line: case, at, who, kind or field, body, old value, new value.
type Entry = (
    i64,
    String,
    Option<i64>,
    &'static str,
    String,
    Option<&'static str>,
    Option<&'static str>,
);

/// The post-intake rows of a batch.
#[derive(Default)]
struct Batch {
    progress: Vec<Progress>,
    events: Vec<Entry>,
    audit: Vec<Entry>,
    /// Open pauses: case, start, reason.
    pauses: Vec<(i64, String, String)>,
}

impl Batch {
    fn add(&mut self, id: i64, case: &PlannedCase, ctx: &BranchContext) -> Result<()> {
        let life = &case.life;
        let actor = case.intake.assignee_id.or(case.intake.taken_by_id);
        let mut updated_at = case.recorded_at;
        if let Some(step) = &life.last_move {
            updated_at = updated_at.max(step.at);
            let (old, new) = (Some(step.from.as_str()), Some(life.status.as_str()));
            let at = stamp(step.at);
            let note = step.note.clone();
            self.events
                .push((id, at.clone(), actor, "status", note, old, new));
            self.audit
                .push((id, at, actor, "status", String::new(), old, new));
        }
        if let Some((since, reason)) = &life.paused {
            updated_at = updated_at.max(*since);
            let at = stamp(*since);
            self.events
                .push((id, at.clone(), actor, "pause", reason.clone(), None, None));
            self.pauses.push((id, at, reason.clone()));
        }
        if life.last_move.is_none() {
            return Ok(());
        }
        let resolve_by = match life.reopened_at {
            Some(at) => Some(stamp(
                deadlines(at, &ctx.limit(case.grade)?, ctx.tz).resolve_by,
            )),
            None => None,
        };
        let (follow_up_kind, called_on, satisfaction, follow_up_comment) = match &life.follow_up {
            Some(FollowUp::Called {
                on,
                satisfaction,
                comment,
            }) => (
                Some("called"),
                Some(on.to_string()),
                Some(*satisfaction),
                comment.clone(),
            ),
            Some(FollowUp::Unreachable(note)) => {
                (Some("unreachable"), None, None, Some(note.clone()))
            }
            None => (None, None, None, None),
        };
        let outcome = life.outcome.as_ref();
        self.progress.push(Progress {
            id,
            status: life.status.as_str(),
            acknowledged_at: life.acknowledged_at.map(stamp),
            resolved_at: life.resolved_at.map(stamp),
            closed_at: life.closed_at.map(stamp),
            resolve_by,
            paused_since: life.paused.as_ref().map(|(since, _)| stamp(*since)),
            reopen_count: u32::from(life.reopened_at.is_some()),
            invalid_reason: life.invalid_reason.clone(),
            action_taken: outcome.map(|o| o.action.clone()),
            customer_accepted: outcome.map(|o| o.accepted),
            goodwill_fen: outcome.map_or(0, |o| o.goodwill_fen),
            root_cause: outcome.map(|o| o.root_cause.as_str()),
            follow_up_kind,
            called_on,
            satisfaction,
            follow_up_comment,
            updated_at: stamp(updated_at),
        });
        Ok(())
    }
}

fn bind_progress(values: &mut Values, p: &Progress) -> Result<()> {
    values.add(p.id)?;
    values.add(p.status)?;
    values.add(p.acknowledged_at.clone())?;
    values.add(p.resolved_at.clone())?;
    values.add(p.closed_at.clone())?;
    values.add(p.resolve_by.clone())?;
    values.add(p.paused_since.clone())?;
    values.add(p.reopen_count)?;
    values.add(p.invalid_reason.clone())?;
    values.add(p.action_taken.clone())?;
    values.add(p.customer_accepted)?;
    values.add(p.goodwill_fen)?;
    values.add(p.root_cause)?;
    values.add(p.follow_up_kind)?;
    values.add(p.called_on.clone())?;
    values.add(p.satisfaction)?;
    values.add(p.follow_up_comment.clone())?;
    values.add(p.updated_at.clone())
}

fn bind_entry(values: &mut Values, entry: &Entry) -> Result<()> {
    let (id, at, who, kind, body, old, new) = entry;
    values.add(*id)?;
    values.add(at.clone())?;
    values.add(*who)?;
    values.add(*kind)?;
    values.add(body.clone())?;
    values.add(*old)?;
    values.add(*new)
}

/// Moves each case to where its lifecycle got to; `resolve_by` is only given for reopened ones.
const PROGRESS: (&str, &str, &str) = (
    "UPDATE cases SET status = p.column2, acknowledged_at = p.column3, resolved_at = p.column4,
        closed_at = p.column5, resolve_by = COALESCE(p.column6, resolve_by),
        due_at = COALESCE(p.column6, due_at), paused_since = p.column7, reopen_count = p.column8,
        invalid_reason = p.column9, action_taken = p.column10, customer_accepted = p.column11,
        goodwill_fen = p.column12, root_cause = p.column13, follow_up_kind = p.column14,
        called_on = p.column15, satisfaction = p.column16, follow_up_comment = p.column17,
        updated_at = p.column18
     FROM (",
    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    ") AS p WHERE cases.id = p.column1",
);

/// Writes `cases` (in order of receipt) on `conn`, inside the caller's transaction.
pub async fn write_cases(
    conn: &mut SqliteConnection,
    ctx: &BranchContext,
    cases: &[PlannedCase],
) -> Result<()> {
    let new: Vec<NewCase<'_>> = cases
        .iter()
        .map(|case| NewCase {
            case: &case.intake,
            suggested_grade: case.suggested_grade,
            grade: case.grade,
            now: case.recorded_at,
        })
        .collect();
    let ids = insert_cases(conn, ctx, &new).await?;
    let mut batch = Batch::default();
    for (id, case) in ids.iter().zip(cases) {
        // Intake records the creation on the timeline and in the audit trail.
        let (at, who) = (stamp(case.recorded_at), case.intake.taken_by_id);
        batch.events.push((
            *id,
            at.clone(),
            who,
            "created",
            String::new(),
            None,
            Some("new"),
        ));
        batch
            .audit
            .push((*id, at, who, "created", String::new(), None, None));
        batch.add(*id, case, ctx)?;
    }
    execute_rows(conn, PROGRESS, &batch.progress, bind_progress).await?;
    let events =
        "INSERT INTO case_events (case_id, at, author_id, kind, body, old_value, new_value)";
    execute_rows(
        conn,
        (events, "(?, ?, ?, ?, ?, ?, ?)", ""),
        &batch.events,
        bind_entry,
    )
    .await?;
    // The audit line of a creation names the case number, as intake's does.
    let audit = "INSERT INTO case_audit (case_id, at, actor_id, field, old_value, new_value)
        SELECT column1, column2, column3, column4, column6,
               COALESCE(column7, (SELECT number FROM cases WHERE id = column1)) FROM (";
    let row = "(?, ?, ?, ?, ?, ?, ?)";
    execute_rows(conn, (audit, row, ")"), &batch.audit, bind_entry).await?;
    let pauses = "INSERT INTO case_pauses (case_id, start_at, reason)";
    execute_rows(
        conn,
        (pauses, "(?, ?, ?)", ""),
        &batch.pauses,
        |values, (id, at, reason)| {
            values.add(*id)?;
            values.add(at.clone())?;
            values.add(reason.clone())
        },
    )
    .await
}
