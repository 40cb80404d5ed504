//! SQL for demo data. Case rows go through `insert_cases`, the path intake uses, so their
//! numbers, deadlines and search entries are right; each is stored where its lifecycle got to.
//! The timeline, audit and pauses are then written for the whole batch: a few statements per
//! table with thousands of rows each, instead of several statements per case.

use sqlx::SqliteConnection;

use super::outcome::FollowUp;
use super::plan::PlannedCase;
use crate::cases::deadlines;
use crate::cases::repo::bulk::{Values, execute_rows};
use crate::cases::repo::insert::{NewCase, Standing, insert_cases};
use crate::cases::repo::{BranchContext, stamp};
use crate::cases::resolution::ESCALATION_ITEMS;
use crate::error::Result;

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
    events: Vec<Entry>,
    audit: Vec<Entry>,
    /// Open pauses: case, start, reason.
    pauses: Vec<(i64, String, String)>,
    /// Crisis checklist ticks: case, item, at, who.
    ticks: Vec<(i64, &'static str, String, Option<i64>)>,
}

impl Batch {
    fn add(&mut self, id: i64, case: &PlannedCase) {
        let life = &case.life;
        let actor = case.intake.assignee_id.or(case.intake.taken_by_id);
        if let Some(step) = &life.last_move {
            let (old, new) = (Some(step.from.as_str()), Some(life.status.as_str()));
            let at = stamp(step.at);
            let note = step.note.clone();
            self.events
                .push((id, at.clone(), actor, "status", note, old, new));
            self.audit
                .push((id, at, actor, "status", String::new(), old, new));
        }
        // A crisis someone has taken up was handled by its checklist, as a real one must be
        // before it can close without a reason on record.
        if let Some(acknowledged) = life.acknowledged_at.filter(|_| case.grade == 1) {
            let at = stamp(acknowledged);
            for item in ESCALATION_ITEMS {
                self.events.push((
                    id,
                    at.clone(),
                    actor,
                    "escalation",
                    String::new(),
                    None,
                    Some(item),
                ));
                self.ticks.push((id, item, at.clone(), actor));
            }
        }
        if let Some((since, reason)) = &life.paused {
            let at = stamp(*since);
            self.events
                .push((id, at.clone(), actor, "pause", reason.clone(), None, None));
            self.pauses.push((id, at, reason.clone()));
        }
    }
}

/// Where a case stands when stored; `None` for one still `new`.
fn standing(case: &PlannedCase, ctx: &BranchContext) -> Result<Option<Standing>> {
    let life = &case.life;
    let Some(step) = &life.last_move else {
        return Ok(None);
    };
    let mut updated_at = case.recorded_at.max(step.at);
    if let Some((since, _)) = &life.paused {
        updated_at = updated_at.max(*since);
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
        Some(FollowUp::Unreachable(note)) => (Some("unreachable"), None, None, Some(note.clone())),
        None => (None, None, None, None),
    };
    let outcome = life.outcome.as_ref();
    Ok(Some(Standing {
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
        updated_at: Some(stamp(updated_at)),
    }))
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

/// Writes `cases` (in order of receipt) on `conn`, inside the caller's transaction.
pub async fn write_cases(
    conn: &mut SqliteConnection,
    ctx: &BranchContext,
    cases: &[PlannedCase],
) -> Result<()> {
    let standings = cases
        .iter()
        .map(|case| standing(case, ctx))
        .collect::<Result<Vec<_>>>()?;
    let new: Vec<NewCase<'_>> = cases
        .iter()
        .zip(&standings)
        .map(|(case, standing)| NewCase {
            case: &case.intake,
            suggested_grade: case.suggested_grade,
            grade: case.grade,
            now: case.recorded_at,
            standing: standing.as_ref(),
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
        batch.add(*id, case);
    }
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
    let ticks = "INSERT INTO case_escalation_ticks (case_id, item, ticked_at, ticked_by)";
    execute_rows(
        conn,
        (ticks, "(?, ?, ?, ?)", ""),
        &batch.ticks,
        |values, (id, item, at, who)| {
            values.add(*id)?;
            values.add(*item)?;
            values.add(at.clone())?;
            values.add(*who)
        },
    )
    .await?;
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
