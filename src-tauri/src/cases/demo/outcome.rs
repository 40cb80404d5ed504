//! How a resolved case ended: what was done for the customer and how the follow-up call went.

use chrono::{DateTime, NaiveDate, Utc};

use super::lifecycle::Facts;
use super::phrases::{ACTIONS, FOLLOW_UP_GOOD, FOLLOW_UP_POOR, UNREACHABLE_NOTES, say};
use super::rng::Rng;
use crate::cases::RootCause;

/// How a case was resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// What was done.
    pub action: String,
    /// Whether the customer accepted it.
    pub accepted: bool,
    /// Goodwill payment in fen.
    pub goodwill_fen: i64,
    /// The root cause found.
    pub root_cause: RootCause,
}

/// How the follow-up call went.
#[derive(Debug, Clone, PartialEq)]
pub enum FollowUp {
    /// The customer answered.
    Called {
        /// The local day of the call.
        on: NaiveDate,
        /// Satisfaction 1–5.
        satisfaction: u8,
        /// What they said, if noted.
        comment: Option<String>,
    },
    /// Nobody answered; how staff tried.
    Unreachable(String),
}

/// What was done, with a goodwill payment now and then (more often for serious cases).
pub fn outcome(rng: &mut Rng, facts: &Facts<'_>) -> Outcome {
    let goodwill_share = if facts.grade <= 2 { 0.35 } else { 0.08 };
    Outcome {
        action: say(rng, ACTIONS, facts.english).to_owned(),
        accepted: rng.chance(0.92),
        goodwill_fen: if rng.chance(goodwill_share) {
            rng.range(2, 80) * 1000
        } else {
            0
        },
        root_cause: if rng.chance(0.7) {
            facts.cause
        } else {
            *rng.pick(RootCause::ALL)
        },
    }
}

/// The follow-up call after closing, on the local day of closing.
pub fn follow_up(rng: &mut Rng, facts: &Facts<'_>, t_close: DateTime<Utc>) -> FollowUp {
    if rng.chance(0.15) {
        return FollowUp::Unreachable(say(rng, UNREACHABLE_NOTES, facts.english).to_owned());
    }
    // Skewed towards satisfied: most complaints handled on time end well.
    let satisfaction = rng.weighted(&[4, 6, 14, 32, 44]) as u8 + 1;
    let remarks = if satisfaction >= 4 {
        FOLLOW_UP_GOOD
    } else {
        FOLLOW_UP_POOR
    };
    FollowUp::Called {
        on: t_close.with_timezone(&facts.tz).date_naive(),
        satisfaction,
        comment: rng
            .chance(0.4)
            .then(|| say(rng, remarks, facts.english).to_owned()),
    }
}
