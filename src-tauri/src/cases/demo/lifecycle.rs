//! How far a demo case has come by now. Each case gets a plan (when it would be acknowledged,
//! investigated, resolved, called back and closed, mostly within its grade's limits and now and
//! then late); its status is the last step whose time has passed. Old cases are therefore
//! mostly closed and recent ones spread over the open statuses, with every timestamp in order.

use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;

use super::outcome::{FollowUp, Outcome, follow_up, outcome};
use super::phrases::{INVALID_REASONS, PAUSE_REASONS, REOPEN_REASONS, say};
use super::rng::Rng;
use crate::cases::{RootCause, Status, deadlines};
use crate::settings::TimeLimit;

/// The last status move of a case, for its timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Move {
    /// The status before.
    pub from: Status,
    /// When.
    pub at: DateTime<Utc>,
    /// Why (the reason for invalid and reopened cases, else empty).
    pub note: String,
}

/// Where a case stands at `now`, with every column its status implies.
#[derive(Debug, Clone, PartialEq)]
pub struct Lifecycle {
    /// The current status.
    pub status: Status,
    /// The move into it; `None` for new cases.
    pub last_move: Option<Move>,
    /// When acknowledged.
    pub acknowledged_at: Option<DateTime<Utc>>,
    /// When it entered follow-up.
    pub resolved_at: Option<DateTime<Utc>>,
    /// When closed.
    pub closed_at: Option<DateTime<Utc>>,
    /// When reopened; the resolve window restarts there.
    pub reopened_at: Option<DateTime<Utc>>,
    /// The reason it was found invalid.
    pub invalid_reason: Option<String>,
    /// The resolution (follow-up and closed cases).
    pub outcome: Option<Outcome>,
    /// The follow-up (closed cases).
    pub follow_up: Option<FollowUp>,
    /// Waiting on the customer since, and why.
    pub paused: Option<(DateTime<Utc>, String)>,
}

/// What the plan of one case depends on.
pub struct Facts<'a> {
    /// When received.
    pub received_at: DateTime<Utc>,
    /// The time the demo is generated for.
    pub now: DateTime<Utc>,
    /// The branch's zone.
    pub tz: Tz,
    /// The time limit of the case's grade.
    pub limit: &'a TimeLimit,
    /// 1–4.
    pub grade: u8,
    /// The category's usual root cause.
    pub cause: RootCause,
    /// Write in English.
    pub english: bool,
}

fn minutes(n: f64) -> TimeDelta {
    TimeDelta::seconds((n * 60.0) as i64)
}

fn between(rng: &mut Rng, low: f64, high: f64) -> f64 {
    low + (high - low) * rng.unit()
}

/// Plans a case and reads off where it stands at `facts.now`.
pub fn lifecycle(rng: &mut Rng, facts: &Facts<'_>) -> Lifecycle {
    let (r, now) = (facts.received_at, facts.now);
    let ack_minutes = f64::from(facts.limit.acknowledge_hours) * 60.0;
    let late_ack = rng.chance(0.06);
    let t_ack = r + if late_ack {
        minutes(ack_minutes * between(rng, 1.1, 2.5))
    } else {
        // Most are acknowledged quickly; the square leans towards the first minutes.
        minutes(5.0 + (ack_minutes * 0.85 - 5.0).max(1.0) * rng.unit().powi(2))
    };
    let t_inv = t_ack + minutes(between(rng, 20.0, 720.0));
    let window = (deadlines(r, facts.limit, facts.tz).resolve_by - r).num_minutes() as f64;
    let share = if rng.chance(0.12) {
        between(rng, 1.05, 2.2)
    } else {
        between(rng, 0.25, 0.95)
    };
    let t_follow = (r + minutes(window * share)).max(t_inv + TimeDelta::hours(2));
    let t_resolving =
        t_inv + minutes((t_follow - t_inv).num_minutes() as f64 * between(rng, 0.2, 0.7));
    let t_close = t_follow + minutes(between(rng, 1.0, 5.0) * 1440.0);

    let mut life = Lifecycle {
        status: Status::New,
        last_move: None,
        acknowledged_at: None,
        resolved_at: None,
        closed_at: None,
        reopened_at: None,
        invalid_reason: None,
        outcome: None,
        follow_up: None,
        paused: None,
    };
    if rng.chance(0.04) && invalidate(rng, facts, &mut life, t_ack, t_inv) {
        return life;
    }
    // A few cases stall at some step however old they are: the overdue backlog.
    let stall = if rng.chance(0.015) {
        rng.below(5) as usize
    } else {
        usize::MAX
    };
    let steps = [
        (Status::Acknowledged, t_ack),
        (Status::Investigating, t_inv),
        (Status::Resolving, t_resolving),
        (Status::FollowUp, t_follow),
        (Status::Closed, t_close),
    ];
    for (index, (status, at)) in steps.into_iter().enumerate() {
        if index >= stall || at > now {
            break;
        }
        life.last_move = Some(Move {
            from: life.status,
            at,
            note: String::new(),
        });
        life.status = status;
    }
    if life.status != Status::New {
        life.acknowledged_at = Some(t_ack);
    }
    if matches!(life.status, Status::FollowUp | Status::Closed) {
        life.resolved_at = Some(t_follow);
        life.outcome = Some(outcome(rng, facts));
    }
    if life.status == Status::Closed {
        life.closed_at = Some(t_close);
        life.follow_up = Some(follow_up(rng, facts, t_close));
        if rng.chance(0.03) {
            reopen(rng, facts, &mut life, t_close);
        }
    }
    if matches!(
        life.status,
        Status::Acknowledged | Status::Investigating | Status::Resolving
    ) && rng.chance(0.12)
    {
        let since = life.last_move.as_ref().map_or(r, |step| step.at);
        let start = since + minutes((now - since).num_minutes() as f64 * rng.unit());
        life.paused = Some((start, say(rng, PAUSE_REASONS, facts.english).to_owned()));
    }
    life
}

/// Finds the complaint invalid on receipt or after checking; false if that is still ahead.
fn invalidate(
    rng: &mut Rng,
    facts: &Facts<'_>,
    life: &mut Lifecycle,
    t_ack: DateTime<Utc>,
    t_inv: DateTime<Utc>,
) -> bool {
    let on_receipt = rng.chance(0.5);
    let (from, at) = if on_receipt {
        (
            Status::New,
            facts.received_at + minutes(between(rng, 30.0, 1440.0)),
        )
    } else {
        (
            Status::Investigating,
            t_inv + minutes(between(rng, 60.0, 4320.0)),
        )
    };
    if at > facts.now {
        return false;
    }
    let reason = say(rng, INVALID_REASONS, facts.english).to_owned();
    life.status = Status::Invalid;
    life.acknowledged_at = (!on_receipt).then_some(t_ack);
    life.last_move = Some(Move {
        from,
        at,
        note: reason.clone(),
    });
    life.invalid_reason = Some(reason);
    true
}

/// The problem came back: the case is reopened, and maybe handled and closed a second time.
fn reopen(rng: &mut Rng, facts: &Facts<'_>, life: &mut Lifecycle, t_close: DateTime<Utc>) {
    let at = t_close + minutes(between(rng, 2.0, 20.0) * 1440.0);
    if at > facts.now {
        return;
    }
    life.reopened_at = Some(at);
    let t_follow = at + minutes(between(rng, 1.0, 5.0) * 1440.0);
    let t_close = t_follow + minutes(between(rng, 1.0, 3.0) * 1440.0);
    if t_close <= facts.now && rng.chance(0.7) {
        life.resolved_at = Some(t_follow);
        life.closed_at = Some(t_close);
        life.outcome = Some(outcome(rng, facts));
        life.follow_up = Some(follow_up(rng, facts, t_close));
        life.last_move = Some(Move {
            from: Status::FollowUp,
            at: t_close,
            note: String::new(),
        });
        return;
    }
    // Reopening clears the resolution and follow-up, as the workflow does.
    life.status = Status::Reopened;
    life.resolved_at = None;
    life.closed_at = None;
    life.outcome = None;
    life.follow_up = None;
    life.last_move = Some(Move {
        from: Status::Closed,
        at,
        note: say(rng, REOPEN_REASONS, facts.english).to_owned(),
    });
}
