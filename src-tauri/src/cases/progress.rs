//! Keeping the customer informed: a case past its acknowledge or resolve deadline prompts a
//! progress update to the customer, and prompts again when it stays late for more than
//! [`PROMPT_AGAIN_AFTER_DAYS`] days after the last one.

use chrono::{DateTime, NaiveDateTime, TimeDelta, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::status::Status;
use super::text::{MAX_TEXT_CHARS, required_text};
use super::vocab::vocabulary;
use crate::error::{Error, Invalid, Result};

/// Days a late case may go without a new progress update before the prompt returns.
pub const PROMPT_AGAIN_AFTER_DAYS: i64 = 3;

vocabulary! {
    /// How the customer was told.
    pub enum ProgressMethod {
        /// A phone call.
        Call => "call",
        /// A text, chat or e-mail message.
        Message => "message",
        /// A visit in person.
        Visit => "visit",
    }
}

/// A progress update as the quick form sends it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ProgressInput {
    /// A [`ProgressMethod`] code.
    pub method: String,
    /// What the customer was told.
    pub said: String,
    /// When, in branch local time `YYYY-MM-DDTHH:MM[:SS]`; `None` for now.
    pub told_at: Option<String>,
}

/// A checked progress update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidProgress {
    /// How the customer was told.
    pub method: ProgressMethod,
    /// What was said.
    pub said: String,
    /// When.
    pub told_at: DateTime<Utc>,
}

impl ProgressInput {
    /// Checks an update: method and text are required; the time, read in `tz`, may not be in
    /// the future nor before `received` (field `toldAt`).
    pub fn parse(
        &self,
        tz: Tz,
        received: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<ValidProgress> {
        if self.method.trim().is_empty() {
            return Err(Error::invalid("method", Invalid::Required));
        }
        let method = ProgressMethod::parse("method", &self.method)?;
        let said = required_text("said", &self.said, MAX_TEXT_CHARS)?;
        let told_at = match self
            .told_at
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            None => now,
            Some(text) => {
                let local = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S")
                    .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M"))
                    .map_err(|_| Error::invalid("toldAt", Invalid::Date))?;
                local
                    .and_local_timezone(tz)
                    .earliest()
                    .ok_or_else(|| Error::invalid("toldAt", Invalid::Date))?
                    .with_timezone(&Utc)
            }
        };
        if told_at > now || told_at < received {
            return Err(Error::invalid("toldAt", Invalid::Range));
        }
        Ok(ValidProgress {
            method,
            said,
            told_at,
        })
    }
}

/// What the prompt needs to know about a case now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LateFacts {
    /// The status now.
    pub status: Status,
    /// Whether the case is waiting on the customer (its clock is stopped).
    pub paused: bool,
    /// When the customer was told the complaint is being handled, if yet.
    pub acknowledged_at: Option<DateTime<Utc>>,
    /// The acknowledge deadline.
    pub acknowledge_by: DateTime<Utc>,
    /// The resolve deadline, moved by pauses.
    pub due_at: DateTime<Utc>,
}

/// Since when the case has been late at `now`: the earliest deadline it has missed and still
/// owes (an acknowledgement not yet given, a resolution not yet reached). `None` for a case that
/// is on time, resolved (follow-up), closed, voided or waiting on the customer.
pub fn late_since(facts: &LateFacts, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let still_owed = facts.status.is_open() && facts.status != Status::FollowUp;
    if !still_owed || facts.paused {
        return None;
    }
    let acknowledge = (facts.acknowledged_at.is_none() && facts.acknowledge_by <= now)
        .then_some(facts.acknowledge_by);
    let resolve = (facts.due_at <= now).then_some(facts.due_at);
    acknowledge.into_iter().chain(resolve).min()
}

/// The prompt on a case page and its marker in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProgressPrompt {
    /// Since when the case has been late.
    pub late_since: DateTime<Utc>,
    /// The last update the customer got, if any.
    pub last_update: Option<DateTime<Utc>>,
}

/// Whether a late case should prompt an update at `now`: it has had none since it became
/// late, or the last is more than [`PROMPT_AGAIN_AFTER_DAYS`] days old.
pub fn prompt(
    facts: &LateFacts,
    last_update: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Option<ProgressPrompt> {
    let late = late_since(facts, now)?;
    let fresh = last_update
        .is_some_and(|at| at >= late && now - at <= TimeDelta::days(PROMPT_AGAIN_AFTER_DAYS));
    (!fresh).then_some(ProgressPrompt {
        late_since: late,
        last_update,
    })
}

#[cfg(test)]
mod tests;
