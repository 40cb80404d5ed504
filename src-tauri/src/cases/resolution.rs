//! What a case needs before it may close: how it was resolved, and how the follow-up call went
//! (or a statement that the customer could not be reached).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::money::Money;
use super::status::{Status, check_transition};
use super::text::{MAX_TEXT_CHARS, optional_text, required_text};
use super::vocab::RootCause;
use crate::error::{Error, Invalid, Result};
use crate::input::optional_date;

/// How the case was resolved, as the user typed it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResolutionInput {
    /// What was done for the customer.
    pub action_taken: String,
    /// Whether the customer accepted the solution.
    #[serde(default)]
    pub customer_accepted: bool,
    /// Goodwill payment in yuan (`120.50`); blank for none.
    #[serde(default)]
    pub goodwill: Option<String>,
    /// Root cause code.
    pub root_cause: String,
}

/// A resolution that passed every rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Resolution {
    /// What was done for the customer (at most 2000 characters, line breaks kept).
    pub action_taken: String,
    /// Whether the customer accepted the solution.
    pub customer_accepted: bool,
    /// Goodwill payment; zero when none.
    pub goodwill: Money,
    /// What really caused the complaint.
    pub root_cause: RootCause,
}

impl ResolutionInput {
    /// Applies every rule; the first failing field is reported.
    pub fn parse(&self) -> Result<Resolution> {
        let goodwill = match self.goodwill.as_deref().map(str::trim) {
            None | Some("") => Money::ZERO,
            Some(text) => Money::from_yuan_str("goodwill", text)?,
        };
        Ok(Resolution {
            action_taken: required_text("actionTaken", &self.action_taken, MAX_TEXT_CHARS)?,
            customer_accepted: self.customer_accepted,
            goodwill,
            root_cause: RootCause::parse("rootCause", &self.root_cause)?,
        })
    }
}

/// Customer satisfaction from the follow-up call: 1 (very unhappy) to 5 (very happy).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Satisfaction(u8);

impl Satisfaction {
    /// A score from its number, 1–5.
    pub fn from_number(field: &str, number: i64) -> Result<Satisfaction> {
        u8::try_from(number)
            .ok()
            .filter(|n| (1..=5).contains(n))
            .map(Satisfaction)
            .ok_or_else(|| Error::invalid(field, Invalid::Range))
    }

    /// The score, 1–5.
    pub fn get(self) -> u8 {
        self.0
    }
}

/// How the follow-up ended. Closing needs one of the two.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FollowUpOutcome {
    /// The customer was called back.
    #[serde(rename_all = "camelCase")]
    Called {
        /// The day of the call, in branch local time.
        called_on: NaiveDate,
        /// How satisfied the customer said they were.
        satisfaction: Satisfaction,
        /// What the customer said, if anything worth keeping.
        comment: Option<String>,
    },
    /// The user states that the customer could not be reached, and how they tried.
    Unreachable {
        /// The attempts made (calls, messages, dates).
        note: String,
    },
}

/// The follow-up as the user typed it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FollowUpInput {
    /// Ticked when the customer could not be reached; then only the note counts.
    #[serde(default)]
    pub unreachable: bool,
    /// How the user tried to reach the customer (required when unreachable).
    #[serde(default)]
    pub unreachable_note: Option<String>,
    /// Day of the call, `YYYY-MM-DD`.
    #[serde(default)]
    pub called_on: Option<String>,
    /// Satisfaction 1–5.
    #[serde(default)]
    pub satisfaction: Option<i64>,
    /// What the customer said.
    #[serde(default)]
    pub comment: Option<String>,
}

impl FollowUpInput {
    /// Applies every rule. A call must fall between the day the complaint was received and
    /// `today` (both local dates): a call before the complaint or in the future is a typing error.
    pub fn parse(&self, received_on: NaiveDate, today: NaiveDate) -> Result<FollowUpOutcome> {
        if self.unreachable {
            let note = self.unreachable_note.as_deref().unwrap_or_default();
            return Ok(FollowUpOutcome::Unreachable {
                note: required_text("unreachableNote", note, MAX_TEXT_CHARS)?,
            });
        }
        let called_on = optional_date("calledOn", self.called_on.as_deref())?
            .ok_or_else(|| Error::invalid("calledOn", Invalid::Required))?;
        if called_on < received_on || called_on > today {
            return Err(Error::invalid("calledOn", Invalid::Range));
        }
        let satisfaction = self
            .satisfaction
            .ok_or_else(|| Error::invalid("satisfaction", Invalid::Required))?;
        Ok(FollowUpOutcome::Called {
            called_on,
            satisfaction: Satisfaction::from_number("satisfaction", satisfaction)?,
            comment: optional_text("comment", self.comment.as_deref(), MAX_TEXT_CHARS)?,
        })
    }
}

/// Checks that a case may close: it must be in follow-up, have a resolution (field `resolution`)
/// and a follow-up outcome (field `followUp`).
pub fn check_close(
    from: Status,
    resolution: Option<&Resolution>,
    follow_up: Option<&FollowUpOutcome>,
) -> Result<()> {
    check_transition(from, Status::Closed)?;
    if resolution.is_none() {
        return Err(Error::invalid("resolution", Invalid::Required));
    }
    if follow_up.is_none() {
        return Err(Error::invalid("followUp", Invalid::Required));
    }
    Ok(())
}

/// The items of the crisis (grade 1) escalation checklist, in the order they are worked through.
pub const ESCALATION_ITEMS: [&str; 3] = ["report_head_office", "team_meeting", "one_spokesperson"];

/// The crisis steps not yet ticked, in checklist order.
pub fn unticked_steps(ticked: &[String]) -> Vec<&'static str> {
    ESCALATION_ITEMS
        .into_iter()
        .filter(|item| !ticked.iter().any(|done| done == item))
        .collect()
}

/// Checks that a crisis may close with `unticked` steps: only with a written reason (at most
/// 2000 characters, field `escalationReason`), which is returned cleaned. With every step
/// ticked no reason is needed and `None` is returned. A missing reason is refused with the
/// stable code `crisis.steps_unticked`, which names the steps so the user can be asked about them.
pub fn check_crisis_close(
    unticked: Vec<&'static str>,
    reason: Option<&str>,
) -> Result<Option<String>> {
    if unticked.is_empty() {
        return Ok(None);
    }
    if reason.is_none_or(|text| text.trim().is_empty()) {
        return Err(Error::CrisisSteps { unticked });
    }
    super::text::required_reason("escalationReason", reason).map(Some)
}

#[cfg(test)]
mod tests;
