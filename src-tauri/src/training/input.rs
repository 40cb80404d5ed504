//! What trainers type: modules, assignments, sign-offs, scenarios and drills, each parsed into
//! a checked value or refused with the field that is wrong.

use chrono::NaiveDate;
use serde::Deserialize;

use super::rubric::{ScoreInput, StepScore, parse_scores};
use super::version::EditedItem;
use crate::cases::text::{MAX_TEXT_CHARS, optional_text, required_text};
use crate::cases::vocab::CustomerType;
use crate::error::{Error, Invalid, Result};
use crate::input::{MAX_NAME_CHARS, optional_date, optional_line, required_line};

/// The longest checklist item, in characters.
pub const MAX_ITEM_CHARS: usize = 200;
/// The most items one module may hold.
pub const MAX_ITEMS: usize = 60;
/// The longest refresher interval, in months.
pub const MAX_REFRESHER_MONTHS: u32 = 120;

/// A module as the trainer edits it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ModuleInput {
    /// The module's title.
    pub title: String,
    /// Months until a refresher is due; `None` for no refresher.
    #[serde(default)]
    pub refresher_months: Option<i64>,
    /// The checklist, in order.
    #[serde(default)]
    pub items: Vec<ItemInput>,
}

/// One checklist item in an edit.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ItemInput {
    /// The existing item it continues (its lineage), or `None` for a new item.
    #[serde(default)]
    pub lineage_id: Option<i64>,
    /// The item's text.
    pub text: String,
}

/// A checked module edit.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidModule {
    /// Title as typed.
    pub title: String,
    /// Refresher interval in months.
    pub refresher_months: Option<u32>,
    /// Items in order.
    pub items: Vec<EditedItem>,
}

impl ModuleInput {
    /// Applies every rule; the first failing field is reported (`items.<n>` for an item).
    pub fn parse(&self) -> Result<ValidModule> {
        let title = required_line("title", &self.title, MAX_NAME_CHARS)?;
        let refresher_months = match self.refresher_months {
            None => None,
            Some(m) => Some(
                u32::try_from(m)
                    .ok()
                    .filter(|m| (1..=MAX_REFRESHER_MONTHS).contains(m))
                    .ok_or_else(|| Error::invalid("refresherMonths", Invalid::Range))?,
            ),
        };
        if self.items.is_empty() {
            return Err(Error::invalid("items", Invalid::Required));
        }
        if self.items.len() > MAX_ITEMS {
            return Err(Error::invalid("items", Invalid::TooLong));
        }
        let items = self
            .items
            .iter()
            .enumerate()
            .map(|(n, item)| {
                Ok(EditedItem {
                    lineage: item.lineage_id,
                    text: required_line(&format!("items.{n}"), &item.text, MAX_ITEM_CHARS)?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(ValidModule {
            title,
            refresher_months,
            items,
        })
    }
}

/// Whom a module is assigned to: one person or everyone in a position.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AssignInput {
    /// The module.
    pub module_id: i64,
    /// One person…
    #[serde(default)]
    pub staff_id: Option<i64>,
    /// …or a position (job title, as in the staff directory).
    #[serde(default)]
    pub position: Option<String>,
}

/// A checked assignment target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Assignee {
    /// One person.
    Person(i64),
    /// Everyone who holds the position, now or later.
    Position(String),
}

impl AssignInput {
    /// Exactly one of a person and a position.
    pub fn parse(&self) -> Result<Assignee> {
        let position = optional_line("position", self.position.as_deref(), MAX_NAME_CHARS)?;
        match (self.staff_id, position) {
            (Some(id), None) => Ok(Assignee::Person(id)),
            (None, Some(position)) => Ok(Assignee::Position(position)),
            (Some(_), Some(_)) => Err(Error::invalid("position", Invalid::Choice)),
            (None, None) => Err(Error::invalid("staffId", Invalid::Required)),
        }
    }
}

/// Items a trainer signs off for one person.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SignOffInput {
    /// The person trained.
    pub staff_id: i64,
    /// The items (ids of the current version's items).
    pub item_ids: Vec<i64>,
    /// The day it was done, `YYYY-MM-DD` (local).
    pub signed_on: String,
    /// The trainer who signs.
    #[serde(default)]
    pub trainer_id: Option<i64>,
}

/// A checked sign-off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidSignOff {
    /// The person trained.
    pub staff_id: i64,
    /// The items.
    pub item_ids: Vec<i64>,
    /// The day.
    pub signed_on: NaiveDate,
    /// The trainer.
    pub trainer_id: i64,
}

impl SignOffInput {
    /// Needs at least one item, a real day no later than `today`, and a trainer.
    pub fn parse(&self, today: NaiveDate) -> Result<ValidSignOff> {
        if self.item_ids.is_empty() {
            return Err(Error::invalid("itemIds", Invalid::Required));
        }
        let signed_on = optional_date("signedOn", Some(&self.signed_on))?
            .ok_or_else(|| Error::invalid("signedOn", Invalid::Required))?;
        if signed_on > today {
            return Err(Error::invalid("signedOn", Invalid::Date));
        }
        let trainer_id = self
            .trainer_id
            .ok_or_else(|| Error::invalid("trainerId", Invalid::Required))?;
        let mut item_ids = self.item_ids.clone();
        item_ids.sort_unstable();
        item_ids.dedup();
        Ok(ValidSignOff {
            staff_id: self.staff_id,
            item_ids,
            signed_on,
            trainer_id,
        })
    }
}

/// A role-play scenario as the trainer writes it.
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScenarioInput {
    /// `property`, `hotel`, `postal` or `other`.
    pub industry: String,
    /// `passive`, `talker`, `angry` or `activist`.
    pub customer_type: String,
    /// A short title.
    pub title: String,
    /// Persona: who the customer is.
    pub who: String,
    /// Persona: what happened.
    pub happened: String,
    /// Persona: what they want.
    pub wants: String,
    /// Persona: what makes them angrier.
    pub angrier: String,
    /// Persona: what calms them.
    pub calmer: String,
    /// Persona: the opening line.
    pub opening: String,
    /// What the trainee is told before the drill.
    pub briefing: String,
}

/// A checked scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidScenario {
    /// Industry code.
    pub industry: &'static str,
    /// Customer type code.
    pub customer_type: &'static str,
    /// The texts, in the order of [`SCENARIO_TEXTS`].
    pub texts: [String; 8],
}

/// The scenario's text fields, in storage order (columns `<name>_en`, `<name>_zh`).
pub const SCENARIO_TEXTS: [&str; 8] = [
    "title", "who", "happened", "wants", "angrier", "calmer", "opening", "briefing",
];

impl ScenarioInput {
    /// Every field is required; the title is one line, the rest may span lines.
    pub fn parse(&self) -> Result<ValidScenario> {
        let industry = ["property", "hotel", "postal", "other"]
            .into_iter()
            .find(|i| *i == self.industry.trim())
            .ok_or_else(|| Error::invalid("industry", Invalid::Industry))?;
        let customer_type = match CustomerType::parse("customerType", &self.customer_type)? {
            CustomerType::Unknown => return Err(Error::invalid("customerType", Invalid::Choice)),
            known => known.as_str(),
        };
        let title = required_line("title", &self.title, MAX_NAME_CHARS)?;
        let text = |field: &str, value: &str| required_text(field, value, MAX_TEXT_CHARS);
        Ok(ValidScenario {
            industry,
            customer_type,
            texts: [
                title,
                text("who", &self.who)?,
                text("happened", &self.happened)?,
                text("wants", &self.wants)?,
                text("angrier", &self.angrier)?,
                text("calmer", &self.calmer)?,
                text("opening", &self.opening)?,
                text("briefing", &self.briefing)?,
            ],
        })
    }
}

/// A drill as the runner saves it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DrillInput {
    /// The scenario played.
    pub scenario_id: i64,
    /// Who was trained (one or more).
    #[serde(default)]
    pub trainee_ids: Vec<i64>,
    /// Who scored.
    #[serde(default)]
    pub observer_id: Option<i64>,
    /// Who played the customer.
    #[serde(default)]
    pub actor_id: Option<i64>,
    /// How long the drill ran, in seconds (the timer's reading).
    pub duration_seconds: i64,
    /// The score sheet.
    #[serde(default)]
    pub scores: Vec<ScoreInput>,
    /// Comments for the debrief.
    #[serde(default)]
    pub comments: Option<String>,
}

/// A checked drill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidDrill {
    /// The scenario.
    pub scenario_id: i64,
    /// Trainees, without repeats.
    pub trainee_ids: Vec<i64>,
    /// Observer.
    pub observer_id: Option<i64>,
    /// Actor.
    pub actor_id: Option<i64>,
    /// Seconds.
    pub duration_seconds: u32,
    /// Scores in rubric order.
    pub scores: Vec<StepScore>,
    /// Comments; empty when none.
    pub comments: String,
}

impl DrillInput {
    /// At least one trainee, a duration up to a day, a full score sheet.
    pub fn parse(&self) -> Result<ValidDrill> {
        let mut trainee_ids = self.trainee_ids.clone();
        trainee_ids.sort_unstable();
        trainee_ids.dedup();
        if trainee_ids.is_empty() {
            return Err(Error::invalid("traineeIds", Invalid::Required));
        }
        let duration_seconds = u32::try_from(self.duration_seconds)
            .ok()
            .filter(|s| *s <= 86_400)
            .ok_or_else(|| Error::invalid("durationSeconds", Invalid::Range))?;
        Ok(ValidDrill {
            scenario_id: self.scenario_id,
            trainee_ids,
            observer_id: self.observer_id,
            actor_id: self.actor_id,
            duration_seconds,
            scores: parse_scores(&self.scores)?,
            comments: optional_text("comments", self.comments.as_deref(), MAX_TEXT_CHARS)?
                .unwrap_or_default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::training::rubric::Step;

    fn field_of<T: std::fmt::Debug>(result: Result<T>) -> String {
        match result {
            Err(Error::Invalid { field, .. }) => field,
            other => panic!("expected an input error, got {other:?}"),
        }
    }

    #[test]
    fn modules_need_a_title_items_and_a_sane_refresher() {
        let good = ModuleInput {
            title: " =cmd|' /C calc'!A0 ".into(),
            refresher_months: Some(12),
            items: vec![ItemInput {
                lineage_id: Some(3),
                text: " Listen ".into(),
            }],
        };
        let valid = good.parse().unwrap();
        assert_eq!(valid.title, "=cmd|' /C calc'!A0");
        assert_eq!(
            valid.items[0],
            EditedItem {
                lineage: Some(3),
                text: "Listen".into()
            }
        );
        let bad = |f: fn(&mut ModuleInput)| {
            let mut input = good.clone();
            f(&mut input);
            field_of(input.parse())
        };
        assert_eq!(bad(|i| i.title = " ".into()), "title");
        assert_eq!(bad(|i| i.refresher_months = Some(0)), "refresherMonths");
        assert_eq!(bad(|i| i.refresher_months = Some(121)), "refresherMonths");
        assert_eq!(bad(|i| i.items.clear()), "items");
        assert_eq!(
            bad(|i| i.items.push(ItemInput {
                lineage_id: None,
                text: "".into()
            })),
            "items.1"
        );
    }

    #[test]
    fn assignment_names_exactly_one_target() {
        let input = |staff_id, position: Option<&str>| AssignInput {
            module_id: 1,
            staff_id,
            position: position.map(Into::into),
        };
        assert_eq!(input(Some(4), None).parse().unwrap(), Assignee::Person(4));
        assert_eq!(
            input(None, Some(" 前台 ")).parse().unwrap(),
            Assignee::Position("前台".into())
        );
        assert_eq!(field_of(input(None, Some(" ")).parse()), "staffId");
        assert_eq!(field_of(input(Some(1), Some("x")).parse()), "position");
    }

    #[test]
    fn sign_offs_need_items_a_past_day_and_a_trainer() {
        let today = NaiveDate::from_ymd_opt(2025, 5, 31).unwrap();
        let input = SignOffInput {
            staff_id: 1,
            item_ids: vec![3, 2, 3],
            signed_on: "2025-05-31".into(),
            trainer_id: Some(2),
        };
        assert_eq!(input.parse(today).unwrap().item_ids, vec![2, 3]);
        let future = SignOffInput {
            signed_on: "2025-06-01".into(),
            ..input.clone()
        };
        assert_eq!(field_of(future.parse(today)), "signedOn");
        let none = SignOffInput {
            trainer_id: None,
            ..input.clone()
        };
        assert_eq!(field_of(none.parse(today)), "trainerId");
        let empty = SignOffInput {
            item_ids: vec![],
            ..input
        };
        assert_eq!(field_of(empty.parse(today)), "itemIds");
    }

    #[test]
    fn scenarios_and_drills_check_every_field() {
        let scenario = ScenarioInput {
            industry: "hotel".into(),
            customer_type: "angry".into(),
            title: "Late checkout".into(),
            who: "A guest".into(),
            happened: "Line one\nline two".into(),
            wants: "x".into(),
            angrier: "x".into(),
            calmer: "x".into(),
            opening: "x".into(),
            briefing: "x".into(),
        };
        assert_eq!(scenario.parse().unwrap().texts[2], "Line one\nline two");
        let unknown = ScenarioInput {
            customer_type: "unknown".into(),
            ..scenario.clone()
        };
        assert_eq!(field_of(unknown.parse()), "customerType");
        let blank = ScenarioInput {
            opening: " ".into(),
            ..scenario
        };
        assert_eq!(field_of(blank.parse()), "opening");

        let drill = DrillInput {
            scenario_id: 1,
            trainee_ids: vec![2, 2],
            duration_seconds: 300,
            scores: Step::ALL
                .iter()
                .map(|s| ScoreInput {
                    step: s.as_str().into(),
                    score: 1,
                    note: None,
                })
                .collect(),
            ..Default::default()
        };
        assert_eq!(drill.parse().unwrap().trainee_ids, vec![2]);
        let alone = DrillInput {
            trainee_ids: vec![],
            ..drill.clone()
        };
        assert_eq!(field_of(alone.parse()), "traineeIds");
        let long = DrillInput {
            duration_seconds: -1,
            ..drill
        };
        assert_eq!(field_of(long.parse()), "durationSeconds");
    }
}
