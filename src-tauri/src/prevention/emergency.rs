//! Emergency plans for crises (a grade 1 complaint, a media storm): who to call, the steps,
//! who alone speaks to the media, and drills on a schedule. Types and rules only.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::cases::text::{MAX_TEXT_CHARS, optional_text, required_text};
use crate::error::{Error, Invalid, Result};
use crate::input::{optional_date, required_line};

use super::model::MAX_TITLE_CHARS;

/// The fewest and most days between drills.
pub const DRILL_INTERVAL_DAYS: std::ops::RangeInclusive<i64> = 7..=730;

/// An emergency plan as the user typed it. Contacts and steps are one per line.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct EmergencyInput {
    /// Title, e.g. "Media storm about a lost parcel".
    pub title: String,
    /// When this plan applies.
    pub scenario: Option<String>,
    /// Who to call, one per line (name, role, phone).
    pub contacts: Option<String>,
    /// What to do, one step per line, in order.
    pub steps: Option<String>,
    /// The one person who speaks to the media.
    pub spokesperson_id: Option<i64>,
    /// What the spokesperson may and may not say.
    pub media_note: Option<String>,
    /// Days between drills.
    pub drill_every_days: Option<i64>,
}

/// An emergency plan that passed every rule.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidEmergency {
    /// Title.
    pub title: String,
    /// Scenario.
    pub scenario: String,
    /// Contacts, one per line.
    pub contacts: String,
    /// Steps, one per line.
    pub steps: String,
    /// Spokesperson.
    pub spokesperson_id: Option<i64>,
    /// Media note.
    pub media_note: String,
    /// Days between drills.
    pub drill_every_days: i64,
}

impl EmergencyInput {
    /// Applies every rule: a title, at least one step, and a drill interval of 7–730 days.
    pub fn parse(&self) -> Result<ValidEmergency> {
        let text = |field: &str, value: &Option<String>| {
            optional_text(field, value.as_deref(), MAX_TEXT_CHARS).map(Option::unwrap_or_default)
        };
        let title = required_line("title", &self.title, MAX_TITLE_CHARS)?;
        let scenario = text("scenario", &self.scenario)?;
        let contacts = text("contacts", &self.contacts)?;
        let steps = required_text(
            "steps",
            self.steps.as_deref().unwrap_or_default(),
            MAX_TEXT_CHARS,
        )?;
        let every = self
            .drill_every_days
            .ok_or_else(|| Error::invalid("drillEveryDays", Invalid::Required))?;
        if !DRILL_INTERVAL_DAYS.contains(&every) {
            return Err(Error::invalid("drillEveryDays", Invalid::Range));
        }
        Ok(ValidEmergency {
            title,
            scenario,
            contacts,
            steps,
            spokesperson_id: self.spokesperson_id,
            media_note: text("mediaNote", &self.media_note)?,
            drill_every_days: every,
        })
    }
}

/// A drill as the user logged it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DrillInput {
    /// The day it was held.
    pub held_on: Option<String>,
    /// Who took part.
    pub participants: String,
    /// What it showed.
    pub findings: Option<String>,
}

/// A drill that passed every rule.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidDrill {
    /// Day held, not in the future.
    pub held_on: NaiveDate,
    /// Participants.
    pub participants: String,
    /// Findings; empty when none.
    pub findings: String,
}

impl DrillInput {
    /// A drill is logged after it was held: its day cannot be after `today`.
    pub fn parse(&self, today: NaiveDate) -> Result<ValidDrill> {
        let held_on = optional_date("heldOn", self.held_on.as_deref())?
            .ok_or_else(|| Error::invalid("heldOn", Invalid::Required))?;
        if held_on > today {
            return Err(Error::invalid("heldOn", Invalid::Range));
        }
        Ok(ValidDrill {
            held_on,
            participants: required_text("participants", &self.participants, MAX_TEXT_CHARS)?,
            findings: optional_text("findings", self.findings.as_deref(), MAX_TEXT_CHARS)?
                .unwrap_or_default(),
        })
    }
}

/// When the next drill is due and whether that day has passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NextDrill {
    /// The day the next drill is due.
    pub due: NaiveDate,
    /// Whether `today` is past it.
    pub overdue: bool,
}

/// The next drill is due one interval after the last drill, or after the plan was written when
/// it was never drilled.
pub fn next_drill(
    last_held: Option<NaiveDate>,
    written_on: NaiveDate,
    every_days: i64,
    today: NaiveDate,
) -> NextDrill {
    let from = last_held.unwrap_or(written_on);
    let due = from
        .checked_add_days(Days::new(every_days.unsigned_abs()))
        .unwrap_or(NaiveDate::MAX);
    NextDrill {
        due,
        overdue: today > due,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn the_next_drill_counts_from_the_last_one_or_from_when_the_plan_was_written() {
        let written = day("2026-01-01");
        let never = next_drill(None, written, 90, day("2026-03-01"));
        assert_eq!(never.due, day("2026-04-01"));
        assert!(!never.overdue);
        let late = next_drill(Some(day("2026-02-01")), written, 30, day("2026-03-04"));
        assert_eq!(late.due, day("2026-03-03"));
        assert!(late.overdue);
        assert!(!next_drill(Some(day("2026-02-01")), written, 30, day("2026-03-03")).overdue);
    }

    #[test]
    fn plans_need_a_title_steps_and_a_sensible_interval() {
        let good = EmergencyInput {
            title: "Media storm".into(),
            steps: Some("Call the area manager\r\nBrief the spokesperson".into()),
            drill_every_days: Some(180),
            ..Default::default()
        };
        assert_eq!(
            good.parse().unwrap().steps,
            "Call the area manager\nBrief the spokesperson"
        );
        for (input, field) in [
            (
                EmergencyInput {
                    steps: None,
                    ..good.clone()
                },
                "steps",
            ),
            (
                EmergencyInput {
                    drill_every_days: Some(3),
                    ..good.clone()
                },
                "drillEveryDays",
            ),
            (
                EmergencyInput {
                    title: String::new(),
                    ..good.clone()
                },
                "title",
            ),
        ] {
            match input.parse() {
                Err(Error::Invalid { field: f, .. }) => assert_eq!(f, field),
                other => panic!("{field}: {other:?}"),
            }
        }
    }

    #[test]
    fn drills_are_logged_after_they_happen() {
        let today = day("2026-05-01");
        let drill = DrillInput {
            held_on: Some("2026-05-02".into()),
            participants: "Front desk team".into(),
            findings: None,
        };
        assert!(matches!(
            drill.parse(today),
            Err(Error::Invalid {
                kind: Invalid::Range,
                ..
            })
        ));
        let held = DrillInput {
            held_on: Some("2026-04-30".into()),
            ..drill
        };
        assert_eq!(held.parse(today).unwrap().findings, "");
    }
}
