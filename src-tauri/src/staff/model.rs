//! The staff directory: who works at the branch. Types and rules only.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::input::{MAX_NAME_CHARS, optional_date, optional_line, optional_phone, required_line};

/// A person as the user typed them.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StaffInput {
    /// Full name (required).
    pub name: String,
    /// Job title, e.g. 客服主管.
    #[serde(default)]
    pub position: Option<String>,
    /// Department, e.g. 前台.
    #[serde(default)]
    pub department: Option<String>,
    /// Optional work phone.
    #[serde(default)]
    pub phone: Option<String>,
    /// Optional first working day, `YYYY-MM-DD`.
    #[serde(default)]
    pub start_date: Option<String>,
}

/// A person who passed every rule.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidStaff {
    /// Full name.
    pub name: String,
    /// Job title; empty when not given.
    pub position: String,
    /// Department; empty when not given.
    pub department: String,
    /// Work phone.
    pub phone: Option<String>,
    /// First working day.
    pub start_date: Option<NaiveDate>,
}

impl StaffInput {
    /// Applies every rule; the first failing field is reported.
    pub fn parse(&self) -> Result<ValidStaff> {
        Ok(ValidStaff {
            name: required_line("name", &self.name, MAX_NAME_CHARS)?,
            position: optional_line("position", self.position.as_deref(), MAX_NAME_CHARS)?
                .unwrap_or_default(),
            department: optional_line("department", self.department.as_deref(), MAX_NAME_CHARS)?
                .unwrap_or_default(),
            phone: optional_phone("phone", self.phone.as_deref())?,
            start_date: optional_date("startDate", self.start_date.as_deref())?,
        })
    }
}

/// A person as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Staff {
    /// Row id.
    pub id: i64,
    /// Full name.
    pub name: String,
    /// Job title.
    pub position: String,
    /// Department.
    pub department: String,
    /// Work phone.
    pub phone: Option<String>,
    /// First working day, `YYYY-MM-DD`.
    pub start_date: Option<String>,
    /// Deactivated people keep their history but are not offered in pickers.
    pub active: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

    #[test]
    fn a_full_record_parses_and_blank_optionals_become_empty() {
        let input = StaffInput {
            name: " 李娜 ".into(),
            position: Some("  ".into()),
            department: Some("前台".into()),
            phone: Some("".into()),
            start_date: Some("2025-03-01".into()),
        };
        let staff = input.parse().unwrap();
        assert_eq!(staff.name, "李娜");
        assert_eq!(staff.position, "");
        assert_eq!(staff.department, "前台");
        assert_eq!(staff.phone, None);
        assert_eq!(staff.start_date, NaiveDate::from_ymd_opt(2025, 3, 1));
    }

    #[test]
    fn each_bad_field_is_named() {
        let base = StaffInput {
            name: "Ann".into(),
            ..Default::default()
        };
        let cases = [
            (
                StaffInput {
                    name: "".into(),
                    ..base.clone()
                },
                "name",
            ),
            (
                StaffInput {
                    name: "x".repeat(10_000),
                    ..base.clone()
                },
                "name",
            ),
            (
                StaffInput {
                    position: Some("a\tb".into()),
                    ..base.clone()
                },
                "position",
            ),
            (
                StaffInput {
                    phone: Some("call me".into()),
                    ..base.clone()
                },
                "phone",
            ),
            (
                StaffInput {
                    start_date: Some("2025-02-30".into()),
                    ..base.clone()
                },
                "startDate",
            ),
        ];
        for (input, field) in cases {
            match input.parse() {
                Err(Error::Invalid { field: got, .. }) => assert_eq!(got, field),
                other => panic!("expected an error on {field}, got {other:?}"),
            }
        }
    }
}
