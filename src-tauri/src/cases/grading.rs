//! Grading: how serious a case is, from 1 (crisis) to 4 (general). A case takes the highest
//! grade any rule gives it; the user may raise it freely but lowering it needs a reason.

use std::fmt;

use serde::{Serialize, Serializer};

use super::judgement::Fault;
use super::text::required_reason;
use super::vocab::Channel;
use crate::error::{Error, Invalid, Result};

/// A grade from 1 (crisis, the highest) to 4 (general). Serialised as the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Grade(u8);

impl Grade {
    /// Grade 1: negative media exposure or a group of 10+ households; must be reported upward.
    pub const CRISIS: Grade = Grade(1);
    /// Grade 2: lawsuit risk, a group of 3–9 households, repeated by several people, or long
    /// open through the branch's own fault.
    pub const SERIOUS: Grade = Grade(2);
    /// Grade 3: keeps coming back, or has supporting departments.
    pub const RECURRING: Grade = Grade(3);
    /// Grade 4: everything else.
    pub const GENERAL: Grade = Grade(4);

    /// A grade from its number, 1–4.
    pub fn from_number(field: &str, number: i64) -> Result<Grade> {
        u8::try_from(number)
            .ok()
            .filter(|n| (1..=4).contains(n))
            .map(Grade)
            .ok_or_else(|| Error::invalid(field, Invalid::Range))
    }

    /// Parses a grade written as `1`–`4`.
    pub fn parse(field: &str, value: &str) -> Result<Grade> {
        let number = value
            .trim()
            .parse::<i64>()
            .map_err(|_| Error::invalid(field, Invalid::Range))?;
        Self::from_number(field, number)
    }

    /// The grade's number, 1–4.
    pub fn get(self) -> u8 {
        self.0
    }

    /// Whether `self` is more serious than `other` (a smaller number).
    pub fn is_higher_than(self, other: Grade) -> bool {
        self.0 < other.0
    }
}

impl fmt::Display for Grade {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// What is known about a case that bears on its grade: flags the user sets plus figures the
/// app counts itself.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GradingFacts {
    /// Has caused or may cause negative media exposure that seriously harms the reputation.
    pub media_exposure_risk: bool,
    /// May lead to a lawsuit.
    pub lawsuit_risk: bool,
    /// Households complaining together (0 or 1 for a single complainant).
    pub households: u32,
    /// The case lists at least one supporting department.
    pub has_supporting_departments: bool,
    /// Where verification put the fault; `None` before the case is judged.
    pub fault: Option<Fault>,
    /// Different complainants in the same category in the last 30 days, this case included.
    pub distinct_complainants_same_category_30d: u32,
    /// Whole days the case has been open.
    pub open_days: i64,
    /// How often the case was reopened after closing.
    pub reopen_count: u32,
    /// How the complaint reached the branch; `None` when not known (counts as ordinary).
    pub channel: Option<Channel>,
    /// The most serious grade among the same customer's other cases that are still open and
    /// were received no later than this one (same phone or reference); `None` when there are none.
    pub customer_open_grade: Option<Grade>,
}

/// One grading rule, with a stable code the UI translates to explain the grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GradeRule {
    /// Negative media exposure (grade 1).
    MediaExposure,
    /// Came through the press or social media: the exposure has already happened (grade 1).
    MediaChannel,
    /// A group complaint by 10 or more households (grade 1).
    Households10Plus,
    /// The same customer has an open crisis case (grade 1).
    CustomerOpenCrisis,
    /// May lead to a lawsuit (grade 2).
    LawsuitRisk,
    /// Came through a lawyer: a lawsuit is in view (grade 2).
    LawyerChannel,
    /// Went to the consumer association (12315) or a regulator, which may lead to public
    /// exposure or a penalty (grade 2).
    RegulatorChannel,
    /// A group complaint by 3 to 9 households (grade 2).
    Households3To9,
    /// The same complaint from 3 or more people within 30 days (grade 2).
    RepeatedBy3People30d,
    /// The same customer has an open serious case (grade 2).
    CustomerOpenSerious,
    /// Open for more than 30 days through the branch's own fault (grade 2). A case whose fault
    /// lies elsewhere, or that is not judged yet, is not raised by its age.
    OpenOver30DaysOwnFault,
    /// Reopened 3 or more times (grade 3).
    Reopened3Times,
    /// Has supporting departments (grade 3).
    HasSupportingDepartments,
}

/// The code given when no rule fires and the case is general (grade 4).
pub const GENERAL_CODE: &str = "general";

impl GradeRule {
    /// Every rule, highest grade first; suggestions list fired rules in this order.
    pub const ALL: [GradeRule; 13] = [
        GradeRule::MediaExposure,
        GradeRule::MediaChannel,
        GradeRule::Households10Plus,
        GradeRule::CustomerOpenCrisis,
        GradeRule::LawsuitRisk,
        GradeRule::LawyerChannel,
        GradeRule::RegulatorChannel,
        GradeRule::Households3To9,
        GradeRule::RepeatedBy3People30d,
        GradeRule::CustomerOpenSerious,
        GradeRule::OpenOver30DaysOwnFault,
        GradeRule::Reopened3Times,
        GradeRule::HasSupportingDepartments,
    ];

    /// The stable code, also its serialised form.
    pub fn code(self) -> &'static str {
        match self {
            GradeRule::MediaExposure => "media_exposure",
            GradeRule::MediaChannel => "media_channel",
            GradeRule::Households10Plus => "households_10_plus",
            GradeRule::CustomerOpenCrisis => "customer_open_crisis",
            GradeRule::LawsuitRisk => "lawsuit_risk",
            GradeRule::LawyerChannel => "lawyer_channel",
            GradeRule::RegulatorChannel => "regulator_channel",
            GradeRule::Households3To9 => "households_3_to_9",
            GradeRule::RepeatedBy3People30d => "repeated_by_3_people_30d",
            GradeRule::CustomerOpenSerious => "customer_open_serious",
            GradeRule::OpenOver30DaysOwnFault => "open_over_30_days_own_fault",
            GradeRule::Reopened3Times => "reopened_3_times",
            GradeRule::HasSupportingDepartments => "has_supporting_departments",
        }
    }

    /// The grade this rule gives.
    pub fn grade(self) -> Grade {
        match self {
            GradeRule::MediaExposure
            | GradeRule::MediaChannel
            | GradeRule::Households10Plus
            | GradeRule::CustomerOpenCrisis => Grade::CRISIS,
            GradeRule::LawsuitRisk
            | GradeRule::LawyerChannel
            | GradeRule::RegulatorChannel
            | GradeRule::Households3To9
            | GradeRule::RepeatedBy3People30d
            | GradeRule::CustomerOpenSerious
            | GradeRule::OpenOver30DaysOwnFault => Grade::SERIOUS,
            GradeRule::Reopened3Times | GradeRule::HasSupportingDepartments => Grade::RECURRING,
        }
    }

    /// Whether the rule applies to `facts`.
    pub fn fires(self, facts: &GradingFacts) -> bool {
        match self {
            GradeRule::MediaExposure => facts.media_exposure_risk,
            GradeRule::MediaChannel => facts.channel == Some(Channel::Media),
            GradeRule::Households10Plus => facts.households >= 10,
            GradeRule::CustomerOpenCrisis => facts.customer_open_grade == Some(Grade::CRISIS),
            GradeRule::LawsuitRisk => facts.lawsuit_risk,
            GradeRule::LawyerChannel => facts.channel == Some(Channel::Lawyer),
            GradeRule::RegulatorChannel => facts.channel == Some(Channel::ConsumerAssociation),
            GradeRule::Households3To9 => (3..=9).contains(&facts.households),
            GradeRule::RepeatedBy3People30d => facts.distinct_complainants_same_category_30d >= 3,
            GradeRule::CustomerOpenSerious => facts.customer_open_grade == Some(Grade::SERIOUS),
            GradeRule::OpenOver30DaysOwnFault => {
                facts.open_days > 30 && facts.fault == Some(Fault::Branch)
            }
            GradeRule::Reopened3Times => facts.reopen_count >= 3,
            GradeRule::HasSupportingDepartments => facts.has_supporting_departments,
        }
    }
}

impl Serialize for GradeRule {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// The grade the rules suggest and every rule that fired, highest grade first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GradeSuggestion {
    /// The highest grade any fired rule gives; [`Grade::GENERAL`] when none fired.
    pub grade: Grade,
    /// Every rule that fired; empty for a general case.
    pub fired: Vec<GradeRule>,
    /// The number of the customer's open case that fired a `customer_open_*` rule, so the
    /// reason shown can name it. The rules know only its grade; the store fills this in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_case: Option<String>,
}

impl GradeSuggestion {
    /// The code that explains the grade: the first fired rule's, or [`GENERAL_CODE`].
    pub fn reason_code(&self) -> &'static str {
        self.fired.first().map_or(GENERAL_CODE, |rule| rule.code())
    }
}

/// Applies every rule to `facts`.
pub fn suggest_grade(facts: &GradingFacts) -> GradeSuggestion {
    let fired: Vec<GradeRule> = GradeRule::ALL
        .into_iter()
        .filter(|rule| rule.fires(facts))
        .collect();
    let grade = fired.first().map_or(Grade::GENERAL, |rule| rule.grade());
    GradeSuggestion {
        grade,
        fired,
        customer_case: None,
    }
}

/// Checks the grade the user chose against the suggested one: raising it or keeping it is fine;
/// lowering it needs a written reason (at most 2000 characters) in `gradeReason`.
pub fn check_grade_choice(suggested: Grade, chosen: Grade, reason: Option<&str>) -> Result<()> {
    if !suggested.is_higher_than(chosen) {
        return Ok(());
    }
    required_reason("gradeReason", reason).map(drop)
}

#[cfg(test)]
mod tests;
