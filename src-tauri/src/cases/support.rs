//! Supporting departments: the other departments a case needs, each with its task, owner, due
//! date and whether it is done. The rules here check a line and say what is outstanding.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::text::{MAX_TEXT_CHARS, required_text};
use crate::error::Result;
use crate::input::{MAX_NAME_CHARS, optional_date, optional_line, required_line};

/// The department name of a line migrated from the old yes/no flag, whose details were never
/// recorded.
pub const UNSPECIFIED: &str = "unspecified";

/// A supporting department as the form sends it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SupportInput {
    /// Which department.
    pub department: String,
    /// What it is asked to do.
    pub task: String,
    /// Who owns the task, when not a member of staff (free text).
    pub owner_name: Option<String>,
    /// Who owns the task, when a member of staff.
    pub owner_staff_id: Option<i64>,
    /// The local day it is due, `YYYY-MM-DD`.
    pub due_on: Option<String>,
}

/// A checked supporting-department line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidSupport {
    /// Which department.
    pub department: String,
    /// What it is asked to do.
    pub task: String,
    /// A free-text owner; `None` when a member of staff owns it or nobody yet.
    pub owner_name: Option<String>,
    /// The member of staff who owns it.
    pub owner_staff_id: Option<i64>,
    /// The local day it is due.
    pub due_on: Option<NaiveDate>,
}

impl SupportInput {
    /// Checks a line: a department (one line, ≤ 100 characters) and a task are required; the
    /// owner is a member of staff or a name, not both (the member of staff wins).
    pub fn parse(&self) -> Result<ValidSupport> {
        let department = required_line("department", &self.department, MAX_NAME_CHARS)?;
        let task = required_text("task", &self.task, MAX_TEXT_CHARS)?;
        let owner_name = match self.owner_staff_id {
            Some(_) => None,
            None => optional_line("ownerName", self.owner_name.as_deref(), MAX_NAME_CHARS)?,
        };
        Ok(ValidSupport {
            department,
            task,
            owner_name,
            owner_staff_id: self.owner_staff_id,
            due_on: optional_date("dueOn", self.due_on.as_deref())?,
        })
    }
}

/// Whether a line not done is past its due day (the due day itself is still in time).
pub fn is_overdue(due_on: Option<NaiveDate>, done: bool, today: NaiveDate) -> bool {
    !done && due_on.is_some_and(|due| due < today)
}

/// What is still outstanding of a case's supporting departments.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Outstanding {
    /// Lines not done.
    pub open: usize,
    /// Of those, the ones past their due day.
    pub overdue: usize,
}

/// Counts the open and overdue lines among `(due_on, done)` pairs on `today`.
pub fn outstanding(
    lines: impl IntoIterator<Item = (Option<NaiveDate>, bool)>,
    today: NaiveDate,
) -> Outstanding {
    lines
        .into_iter()
        .fold(Outstanding::default(), |mut out, (due, done)| {
            if !done {
                out.open += 1;
            }
            if is_overdue(due, done, today) {
                out.overdue += 1;
            }
            out
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn a_line_needs_a_department_and_a_task_and_takes_one_owner() {
        let line = SupportInput {
            department: "  工程部 ".into(),
            task: "更换水管\r\n并试压".into(),
            owner_name: Some("王师傅".into()),
            owner_staff_id: Some(3),
            due_on: Some("2026-12-05".into()),
        }
        .parse()
        .unwrap();
        assert_eq!(line.department, "工程部");
        assert_eq!(line.task, "更换水管\n并试压");
        assert_eq!((line.owner_name, line.owner_staff_id), (None, Some(3)));
        assert_eq!(line.due_on, Some(day("2026-12-05")));
        let named = SupportInput {
            department: "Carrier".into(),
            task: "Trace parcel".into(),
            owner_name: Some("<img onerror=alert(1)>".into()),
            ..Default::default()
        }
        .parse()
        .unwrap();
        assert_eq!(named.owner_name.as_deref(), Some("<img onerror=alert(1)>"));
        for (bad, field) in [
            (
                SupportInput {
                    task: "x".into(),
                    ..Default::default()
                },
                "department",
            ),
            (
                SupportInput {
                    department: "IT".into(),
                    ..Default::default()
                },
                "task",
            ),
            (
                SupportInput {
                    department: "IT\u{0}".into(),
                    task: "x".into(),
                    ..Default::default()
                },
                "department",
            ),
            (
                SupportInput {
                    department: "IT".into(),
                    task: "x".into(),
                    due_on: Some("2026-02-30".into()),
                    ..Default::default()
                },
                "dueOn",
            ),
        ] {
            assert_eq!(bad.parse().unwrap_err().field(), Some(field));
        }
    }

    #[test]
    fn only_undone_lines_past_their_due_day_are_overdue() {
        let today = day("2026-12-03");
        assert!(is_overdue(Some(day("2026-12-02")), false, today));
        assert!(!is_overdue(Some(day("2026-12-03")), false, today));
        assert!(!is_overdue(Some(day("2026-12-01")), true, today));
        assert!(!is_overdue(None, false, today));
        let lines = [
            (Some(day("2026-11-30")), false),
            (Some(day("2026-11-30")), true),
            (None, false),
            (Some(day("2026-12-09")), false),
        ];
        assert_eq!(
            outstanding(lines, today),
            Outstanding {
                open: 3,
                overdue: 1
            }
        );
    }
}
