//! Prevention plans and their measures: the vocabularies, the input rules and the moves a plan
//! and a measure may make. Types and rules only (no SQL, no Tauri).
//!
//! A plan's **status** says whether it is in force: `draft` (being prepared, not yet counted),
//! `active` (under way), `done` (evaluated and closed) or `cancelled`. Its **phase** says where
//! the work stands: collect → analyse → formulate → implement → evaluate, one step forward or
//! back at a time, while the plan is a draft or active. Recording the evaluation closes it.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::cases::RootCause;
use crate::cases::text::{MAX_TEXT_CHARS, optional_text, required_text};
use crate::cases::vocab::vocabulary;
use crate::error::{Error, Invalid, PlanRefusal, Result};
use crate::input::{optional_date, required_line};

/// The longest plan title, in characters.
pub const MAX_TITLE_CHARS: usize = 120;
/// The longest goal span a plan may set, in days (two years).
pub const MAX_GOAL_DAYS: i64 = 730;

vocabulary! {
    /// The five phases of prevention work, in order.
    pub enum Phase {
        /// Gather the complaints, surveys and feedback about the target.
        Collect => "collect",
        /// Find the main causes and how often they occur.
        Analyse => "analyse",
        /// Decide the measures, owners and dates.
        Formulate => "formulate",
        /// Carry the measures out, with training and instructions.
        Implement => "implement",
        /// Check whether complaints in the target fell, and decide what next.
        Evaluate => "evaluate",
    }
}

vocabulary! {
    /// Whether a plan is in force.
    pub enum PlanStatus {
        /// Being prepared; not yet counted as active.
        Draft => "draft",
        /// Under way.
        Active => "active",
        /// Evaluated and closed.
        Done => "done",
        /// Stopped without an evaluation.
        Cancelled => "cancelled",
    }
}

vocabulary! {
    /// The kinds of measure a plan can take.
    pub enum MeasureKind {
        /// Staff training or a role-play drill.
        Training => "training",
        /// A standard procedure or script.
        Procedure => "procedure",
        /// Regular inspection and maintenance of facilities.
        Inspection => "inspection",
        /// Clear information or a notice to customers.
        Notice => "notice",
        /// A new feedback channel or a satisfaction survey.
        Feedback => "feedback",
        /// Supervision with rewards and penalties.
        Supervision => "supervision",
        /// Drilling the emergency plan.
        EmergencyDrill => "emergency_drill",
    }
}

vocabulary! {
    /// Where a measure stands.
    pub enum MeasureStatus {
        /// Agreed, not started.
        Planned => "planned",
        /// Being carried out.
        InProgress => "in_progress",
        /// Carried out.
        Done => "done",
        /// Given up (also when its plan is cancelled).
        Dropped => "dropped",
    }
}

vocabulary! {
    /// The evaluation's verdict.
    pub enum Conclusion {
        /// The goal was reached.
        Effective => "effective",
        /// Complaints fell, but not as far as the goal.
        Partly => "partly",
        /// No real change.
        NotEffective => "not_effective",
    }
}

impl Phase {
    /// The phase one step forward (`forward`) or back; `plan.no_further_phase` past either end.
    pub fn step(self, forward: bool) -> Result<Phase> {
        let index = Phase::ALL.iter().position(|p| *p == self).unwrap_or(0);
        let next = if forward {
            index.checked_add(1)
        } else {
            index.checked_sub(1)
        };
        next.and_then(|i| Phase::ALL.get(i))
            .copied()
            .ok_or(Error::Plan {
                refusal: PlanRefusal::NoFurtherPhase,
                at: self.as_str(),
            })
    }
}

impl PlanStatus {
    /// Whether the plan can still change phase, measures and evidence.
    pub fn is_open(self) -> bool {
        matches!(self, PlanStatus::Draft | PlanStatus::Active)
    }
}

impl MeasureStatus {
    /// Whether the measure still has to be done.
    pub fn is_open(self) -> bool {
        matches!(self, MeasureStatus::Planned | MeasureStatus::InProgress)
    }
}

/// A status the user may set by hand: a draft is started or cancelled, an active plan can be
/// cancelled. `done` comes only from recording the evaluation. A closed plan is refused with
/// `plan.not_open`, any other move with `plan.cannot_move`.
pub fn check_status_change(from: PlanStatus, to: PlanStatus) -> Result<()> {
    use PlanStatus::*;
    match (from, to) {
        (Draft, Active) | (Draft, Cancelled) | (Active, Cancelled) => Ok(()),
        _ => Err(Error::Plan {
            refusal: if from.is_open() {
                PlanRefusal::CannotMove
            } else {
                PlanRefusal::NotOpen
            },
            at: from.as_str(),
        }),
    }
}

/// A measure is overdue on `today` (branch-local) when it is still open and its due date is
/// over: due on the 10th, it is overdue from the first moment of the 11th.
pub fn is_overdue(status: MeasureStatus, due_date: NaiveDate, today: NaiveDate) -> bool {
    status.is_open() && due_date < today
}

/// A plan as the user typed it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PlanInput {
    /// Short title.
    pub title: String,
    /// Target category id.
    pub category_id: Option<i64>,
    /// Target root cause code.
    pub root_cause: Option<String>,
    /// Goal: this many percent fewer complaints in the target per 30 days…
    pub goal_percent: Option<i64>,
    /// …within this many days of the start.
    pub goal_days: Option<i64>,
    /// Owner (staff id).
    pub owner_id: Option<i64>,
    /// First day, `YYYY-MM-DD`.
    pub start_date: Option<String>,
    /// Review day, `YYYY-MM-DD`; blank means start + goal days.
    pub review_date: Option<String>,
    /// Free notes (what was collected, the analysis).
    pub notes: Option<String>,
    /// The plan this one follows on from.
    pub parent_id: Option<i64>,
}

/// A plan that passed every rule.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidPlan {
    /// Title.
    pub title: String,
    /// Target category.
    pub category_id: Option<i64>,
    /// Target root cause.
    pub root_cause: Option<RootCause>,
    /// Percent fewer complaints aimed for, 1–100.
    pub goal_percent: i64,
    /// Days to reach it, 1–730.
    pub goal_days: i64,
    /// Owner.
    pub owner_id: Option<i64>,
    /// First day.
    pub start_date: NaiveDate,
    /// Review day, after the first.
    pub review_date: NaiveDate,
    /// Notes; empty when none.
    pub notes: String,
    /// Parent plan.
    pub parent_id: Option<i64>,
}

fn in_range(field: &str, value: Option<i64>, min: i64, max: i64) -> Result<i64> {
    let value = value.ok_or_else(|| Error::invalid(field, Invalid::Required))?;
    if (min..=max).contains(&value) {
        Ok(value)
    } else {
        Err(Error::invalid(field, Invalid::Range))
    }
}

fn required_date(field: &str, value: Option<&str>) -> Result<NaiveDate> {
    optional_date(field, value)?.ok_or_else(|| Error::invalid(field, Invalid::Required))
}

impl PlanInput {
    /// Applies every rule; the first failing field is reported. The target needs a category,
    /// a root cause or both (`target` is named when neither is given).
    pub fn parse(&self) -> Result<ValidPlan> {
        let title = required_line("title", &self.title, MAX_TITLE_CHARS)?;
        let root_cause = self
            .root_cause
            .as_deref()
            .filter(|code| !code.trim().is_empty())
            .map(|code| RootCause::parse("rootCause", code))
            .transpose()?;
        if self.category_id.is_none() && root_cause.is_none() {
            return Err(Error::invalid("target", Invalid::Required));
        }
        let goal_percent = in_range("goalPercent", self.goal_percent, 1, 100)?;
        let goal_days = in_range("goalDays", self.goal_days, 1, MAX_GOAL_DAYS)?;
        let start_date = required_date("startDate", self.start_date.as_deref())?;
        let review_date = match optional_date("reviewDate", self.review_date.as_deref())? {
            Some(day) => day,
            None => start_date
                .checked_add_days(Days::new(goal_days.unsigned_abs()))
                .ok_or_else(|| Error::invalid("reviewDate", Invalid::Date))?,
        };
        if review_date <= start_date {
            return Err(Error::invalid("reviewDate", Invalid::Range));
        }
        Ok(ValidPlan {
            title,
            category_id: self.category_id,
            root_cause,
            goal_percent,
            goal_days,
            owner_id: self.owner_id,
            start_date,
            review_date,
            notes: optional_text("notes", self.notes.as_deref(), MAX_TEXT_CHARS)?
                .unwrap_or_default(),
            parent_id: self.parent_id,
        })
    }
}

/// The evaluation as the user typed it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct EvaluationInput {
    /// `effective`, `partly` or `not_effective`.
    pub conclusion: String,
    /// What happens next (keep, adjust, follow-on plan…).
    pub next_step: String,
}

impl EvaluationInput {
    /// The conclusion and the next step, both required.
    pub fn parse(&self) -> Result<(Conclusion, String)> {
        Ok((
            Conclusion::parse("conclusion", &self.conclusion)?,
            required_text("nextStep", &self.next_step, MAX_TEXT_CHARS)?,
        ))
    }
}

/// A measure as the user typed it (or as a lesson drafts it).
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MeasureInput {
    /// What will be done.
    pub description: String,
    /// Kind code.
    pub kind: String,
    /// Owner (staff id).
    pub owner_id: Option<i64>,
    /// Due by the end of this day, `YYYY-MM-DD`.
    pub due_date: Option<String>,
    /// Evidence that it was done (a note; files live with the cases).
    pub evidence: Option<String>,
    /// A training module it relies on (training and drill kinds only).
    pub training_module_id: Option<i64>,
    /// A drill scenario it relies on (training and drill kinds only).
    pub drill_scenario_id: Option<i64>,
}

/// A measure that passed every rule.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidMeasure {
    /// What will be done.
    pub description: String,
    /// Kind.
    pub kind: MeasureKind,
    /// Owner.
    pub owner_id: Option<i64>,
    /// Due date.
    pub due_date: NaiveDate,
    /// Evidence note; empty when none.
    pub evidence: String,
    /// Linked training module.
    pub training_module_id: Option<i64>,
    /// Linked drill scenario.
    pub drill_scenario_id: Option<i64>,
}

impl MeasureInput {
    /// Applies every rule. Only training and emergency-drill measures may link to training.
    pub fn parse(&self) -> Result<ValidMeasure> {
        let description = required_text("description", &self.description, MAX_TEXT_CHARS)?;
        let kind = MeasureKind::parse("kind", &self.kind)?;
        let due_date = required_date("dueDate", self.due_date.as_deref())?;
        let may_link = matches!(kind, MeasureKind::Training | MeasureKind::EmergencyDrill);
        if !may_link && self.training_module_id.is_some() {
            return Err(Error::invalid("trainingModuleId", Invalid::Choice));
        }
        if !may_link && self.drill_scenario_id.is_some() {
            return Err(Error::invalid("drillScenarioId", Invalid::Choice));
        }
        Ok(ValidMeasure {
            description,
            kind,
            owner_id: self.owner_id,
            due_date,
            evidence: optional_text("evidence", self.evidence.as_deref(), MAX_TEXT_CHARS)?
                .unwrap_or_default(),
            training_module_id: self.training_module_id,
            drill_scenario_id: self.drill_scenario_id,
        })
    }
}

/// A measure's new status as the user asked for it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MeasureStatusInput {
    /// The new status code.
    pub status: String,
    /// For `done`: the day it was done (default today).
    pub done_on: Option<String>,
    /// For `done`: evidence, replacing the note when given.
    pub evidence: Option<String>,
}

/// A checked measure status change.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidMeasureStatus {
    /// New status.
    pub status: MeasureStatus,
    /// Day done (only for `done`).
    pub done_on: Option<NaiveDate>,
    /// New evidence note, when given.
    pub evidence: Option<String>,
}

impl MeasureStatusInput {
    /// A done measure gets a done date (today by default) that cannot lie in the future.
    pub fn parse(&self, today: NaiveDate) -> Result<ValidMeasureStatus> {
        let status = MeasureStatus::parse("status", &self.status)?;
        let done_on = if status == MeasureStatus::Done {
            let day = optional_date("doneOn", self.done_on.as_deref())?.unwrap_or(today);
            if day > today {
                return Err(Error::invalid("doneOn", Invalid::Range));
            }
            Some(day)
        } else {
            None
        };
        Ok(ValidMeasureStatus {
            status,
            done_on,
            evidence: optional_text("evidence", self.evidence.as_deref(), MAX_TEXT_CHARS)?,
        })
    }
}

#[cfg(test)]
mod tests;
