//! Intake: a new complaint as the user typed it, checked field by field.

use chrono::{DateTime, NaiveDateTime, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;
use serde::Deserialize;

use super::grading::Grade;
use super::text::{optional_text, required_text};
use super::vocab::{Channel, CustomerType};
use crate::error::{Error, Invalid, Result};
use crate::input::{MAX_NAME_CHARS, optional_line, optional_phone};

/// The longest description kept, in characters: a long letter fits; a pasted file does not.
pub const MAX_DESCRIPTION_CHARS: usize = 20_000;

/// A complaint as the intake form sends it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CaseInput {
    /// When it was received, local to the branch: `YYYY-MM-DDTHH:MM` (default: now).
    pub received_at: Option<String>,
    /// Channel code.
    pub channel: String,
    /// The complainant's name.
    pub complainant_name: Option<String>,
    /// The complainant's phone.
    pub phone: Option<String>,
    /// Room, unit, tracking or order number.
    pub reference: Option<String>,
    /// Customer type code.
    pub customer_type: String,
    /// Category id.
    pub category_id: i64,
    /// What happened.
    pub description: String,
    /// What the customer asks for.
    pub customer_request: Option<String>,
    /// Staff id of who took the complaint.
    pub taken_by_id: Option<i64>,
    /// Staff id of who handles it.
    pub assignee_id: Option<i64>,
    /// The responsible department.
    pub department: Option<String>,
    /// The case may reach the press or social media.
    pub media_exposure_risk: bool,
    /// The customer may sue.
    pub lawsuit_risk: bool,
    /// Households involved (a group complaint when 3 or more).
    pub households: Option<u32>,
    /// Handling needs other departments: intake adds one "unspecified" supporting department.
    pub needs_other_departments: bool,
    /// The grade chosen; `None` takes the suggestion.
    pub grade: Option<u8>,
    /// Why the grade is below the suggestion.
    pub grade_reason: Option<String>,
    /// The customer record the user picked among the matches (see `customers::link`).
    pub customer_id: Option<i64>,
    /// The user chose "new customer" rather than the matched record.
    pub new_customer: bool,
}

/// A complaint that passed every field rule (grading and numbering come next).
#[derive(Debug, Clone, PartialEq)]
pub struct ValidIntake {
    /// When it was received.
    pub received_at: DateTime<Utc>,
    /// Channel.
    pub channel: Channel,
    /// Name; empty when anonymous.
    pub complainant_name: String,
    /// Phone.
    pub phone: Option<String>,
    /// Reference.
    pub reference: Option<String>,
    /// Customer type.
    pub customer_type: CustomerType,
    /// Category id.
    pub category_id: i64,
    /// Description.
    pub description: String,
    /// What the customer asks for; may be empty.
    pub customer_request: String,
    /// Who took it.
    pub taken_by_id: Option<i64>,
    /// Who handles it.
    pub assignee_id: Option<i64>,
    /// Department; may be empty.
    pub department: String,
    /// Media exposure risk.
    pub media_exposure_risk: bool,
    /// Lawsuit risk.
    pub lawsuit_risk: bool,
    /// Households involved, at least 1.
    pub households: u32,
    /// Needs other departments.
    pub needs_other_departments: bool,
    /// The grade chosen, if any.
    pub grade: Option<Grade>,
    /// The reason for a lower grade, if given.
    pub grade_reason: Option<String>,
}

/// Reads a local `YYYY-MM-DDTHH:MM[:SS]` (or `YYYY-MM-DD HH:MM`, as the window's date field
/// writes it) in the branch's zone; not in the future (5 minutes'
/// grace for clock drift) and not before 2000.
pub fn parse_local_time(
    field: &str,
    value: &str,
    tz: Tz,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>> {
    let text = value.trim();
    let naive = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S"))
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M"))
        .map_err(|_| Error::invalid(field, Invalid::Date))?;
    let local = tz
        .from_local_datetime(&naive)
        .earliest()
        .ok_or_else(|| Error::invalid(field, Invalid::Date))?;
    let instant = local.with_timezone(&Utc);
    let earliest = Utc
        .with_ymd_and_hms(2000, 1, 1, 0, 0, 0)
        .single()
        .unwrap_or(instant);
    if instant > now + TimeDelta::minutes(5) || instant < earliest {
        return Err(Error::invalid(field, Invalid::Range));
    }
    Ok(instant)
}

fn positive_id(field: &str, id: Option<i64>) -> Result<Option<i64>> {
    match id {
        Some(value) if value <= 0 => Err(Error::invalid(field, Invalid::Choice)),
        other => Ok(other),
    }
}

impl CaseInput {
    /// Applies every field rule in form order; the first failing field is reported.
    pub fn parse(&self, tz: Tz, now: DateTime<Utc>) -> Result<ValidIntake> {
        let received_at = match self
            .received_at
            .as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
        {
            Some(text) => parse_local_time("receivedAt", text, tz, now)?,
            None => now,
        };
        let households = self.households.unwrap_or(1);
        if !(1..=100_000).contains(&households) {
            return Err(Error::invalid("households", Invalid::Range));
        }
        if self.category_id <= 0 {
            return Err(Error::invalid("categoryId", Invalid::Required));
        }
        Ok(ValidIntake {
            received_at,
            channel: Channel::parse("channel", &self.channel)?,
            complainant_name: optional_line(
                "complainantName",
                self.complainant_name.as_deref(),
                MAX_NAME_CHARS,
            )?
            .unwrap_or_default(),
            phone: optional_phone("phone", self.phone.as_deref())?,
            reference: optional_line("reference", self.reference.as_deref(), MAX_NAME_CHARS)?,
            customer_type: CustomerType::parse("customerType", &self.customer_type)?,
            category_id: self.category_id,
            description: required_text("description", &self.description, MAX_DESCRIPTION_CHARS)?,
            customer_request: optional_text(
                "customerRequest",
                self.customer_request.as_deref(),
                MAX_DESCRIPTION_CHARS,
            )?
            .unwrap_or_default(),
            taken_by_id: positive_id("takenById", self.taken_by_id)?,
            assignee_id: positive_id("assigneeId", self.assignee_id)?,
            department: optional_line("department", self.department.as_deref(), MAX_NAME_CHARS)?
                .unwrap_or_default(),
            media_exposure_risk: self.media_exposure_risk,
            lawsuit_risk: self.lawsuit_risk,
            households,
            needs_other_departments: self.needs_other_departments,
            grade: self
                .grade
                .map(|g| Grade::from_number("grade", i64::from(g)))
                .transpose()?,
            grade_reason: optional_text(
                "gradeReason",
                self.grade_reason.as_deref(),
                super::text::MAX_TEXT_CHARS,
            )?,
        })
    }
}

/// Digits of a phone number, the key that links a customer's cases.
pub fn phone_key(phone: Option<&str>) -> Option<String> {
    let digits: String = phone?.chars().filter(char::is_ascii_digit).collect();
    (!digits.is_empty()).then_some(digits)
}

/// A reference (room, order number) folded for matching.
pub fn reference_key(reference: Option<&str>) -> Option<String> {
    let key: String = reference?
        .split_whitespace()
        .collect::<String>()
        .to_lowercase();
    (!key.is_empty()).then_some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shanghai() -> Tz {
        "Asia/Shanghai".parse().unwrap()
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 1, 4, 0, 0).unwrap()
    }

    fn input() -> CaseInput {
        CaseInput {
            channel: "phone".into(),
            customer_type: "angry".into(),
            category_id: 3,
            description: "快递三天没有送到\n客户很着急".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_minimal_case_defaults_to_now_and_one_household() {
        let valid = input().parse(shanghai(), now()).unwrap();
        assert_eq!(valid.received_at, now());
        assert_eq!(valid.households, 1);
        assert_eq!(valid.description, "快递三天没有送到\n客户很着急");
        assert_eq!(valid.grade, None);
    }

    #[test]
    fn received_at_is_read_in_branch_time() {
        let mut case = input();
        case.received_at = Some("2026-10-31T23:30".into());
        let valid = case.parse(shanghai(), now()).unwrap();
        assert_eq!(
            valid.received_at,
            Utc.with_ymd_and_hms(2026, 10, 31, 15, 30, 0).unwrap()
        );
    }

    #[test]
    fn received_at_reads_the_date_fields_space_form() {
        let mut case = input();
        case.received_at = Some("2026-10-31 23:30".into());
        let valid = case.parse(shanghai(), now()).unwrap();
        assert_eq!(
            valid.received_at,
            Utc.with_ymd_and_hms(2026, 10, 31, 15, 30, 0).unwrap()
        );
    }

    #[test]
    fn bad_fields_are_named() {
        let cases: [(CaseInput, &str); 8] = [
            (
                CaseInput {
                    received_at: Some("2026-11-31T10:00".into()),
                    ..input()
                },
                "receivedAt",
            ),
            (
                CaseInput {
                    received_at: Some("2027-01-01T10:00".into()),
                    ..input()
                },
                "receivedAt",
            ),
            (
                CaseInput {
                    channel: "pigeon".into(),
                    ..input()
                },
                "channel",
            ),
            (
                CaseInput {
                    customer_type: "".into(),
                    ..input()
                },
                "customerType",
            ),
            (
                CaseInput {
                    category_id: 0,
                    ..input()
                },
                "categoryId",
            ),
            (
                CaseInput {
                    description: " ".into(),
                    ..input()
                },
                "description",
            ),
            (
                CaseInput {
                    description: "字".repeat(MAX_DESCRIPTION_CHARS + 1),
                    ..input()
                },
                "description",
            ),
            (
                CaseInput {
                    households: Some(0),
                    ..input()
                },
                "households",
            ),
        ];
        for (case, field) in cases {
            assert_eq!(
                case.parse(shanghai(), now()).unwrap_err().field(),
                Some(field)
            );
        }
    }

    #[test]
    fn hostile_text_is_kept_verbatim() {
        let hostile =
            "<img src=x onerror=alert(1)> =cmd|' /C calc'!A0 '; DROP TABLE cases;-- 🙂 مرحبا";
        let valid = CaseInput {
            description: hostile.into(),
            ..input()
        }
        .parse(shanghai(), now())
        .unwrap();
        assert_eq!(valid.description, hostile);
    }

    #[test]
    fn customer_keys_fold_formatting() {
        assert_eq!(
            phone_key(Some("+86 138-0000-1234")).as_deref(),
            Some("8613800001234")
        );
        assert_eq!(phone_key(Some("  ")), None);
        assert_eq!(
            reference_key(Some(" 3栋 1203 ")).as_deref(),
            Some("3栋1203")
        );
        assert_eq!(reference_key(Some("SF1234ab")).as_deref(), Some("sf1234ab"));
    }
}
