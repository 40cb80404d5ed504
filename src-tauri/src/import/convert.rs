//! One spreadsheet row into a case: the log's words and dates are turned into the intake form's
//! values, which then pass the same rules as a case typed in by hand ([`CaseInput::parse`]).

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::categories::{CategoryMatch, CategoryMatcher};
use super::dates::{LocalStamp, from_serial, parse_instant, parse_text};
use super::fields::{Columns, TargetField};
use super::source::{Cell, Row};
use super::words;
use crate::cases::intake::{CaseInput, ValidIntake, parse_local_time};
use crate::cases::repo::insert::Standing;
use crate::cases::repo::stamp;
use crate::cases::text::{MAX_TEXT_CHARS, optional_text};
use crate::cases::{Channel, CustomerType, GradingFacts, suggest_grade};
use crate::error::{Error, Invalid};

/// Written before an old log's own number in the reference, so both can be searched.
pub const ORIGINAL_NUMBER_LABEL: &str = "原编号";

/// Choices the user makes for the whole file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ImportOptions {
    /// The workbook sheet to read (default: the first).
    pub sheet: Option<String>,
    /// File a blank or unknown category under "other" instead of refusing the row.
    pub unknown_category_to_other: bool,
}

/// Why one row cannot be imported: the row number as the spreadsheet shows it, the field and
/// a stable reason code (`invalid.date`, `import.unknown_category`…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RowProblem {
    /// 1-based row number in the file.
    pub row: u32,
    /// The field concerned.
    pub field: TargetField,
    /// The reason code.
    pub code: String,
}

/// A row that passed every rule, ready to store.
#[derive(Debug, Clone)]
pub struct Ready {
    /// Row number in the file.
    pub row: u32,
    /// The checked intake fields.
    pub case: ValidIntake,
    /// The grade the rules give it.
    pub grade: u8,
    /// Where it stands when it is not simply new (closed, or open with an action recorded).
    pub standing: Option<Standing>,
    /// The old log's number, if it had one.
    pub original_number: Option<String>,
}

/// What converting one row gave.
pub enum Converted {
    /// The case to store.
    Ready(Box<Ready>),
    /// What is wrong with it, and the category names no category matched.
    Bad(Vec<RowProblem>, Option<String>),
}

/// Converts rows with one mapping, zone and set of categories.
pub struct Converter {
    columns: Columns,
    tz: Tz,
    now: DateTime<Utc>,
    categories: CategoryMatcher,
    options: ImportOptions,
}

/// The intake form's name for a field, mapped back to the import's.
fn target_of(intake_field: &str) -> TargetField {
    match intake_field {
        "receivedAt" => TargetField::ReceivedAt,
        "complainantName" => TargetField::ComplainantName,
        "phone" => TargetField::Phone,
        "reference" => TargetField::Reference,
        "channel" => TargetField::Channel,
        "customerType" => TargetField::CustomerType,
        "categoryId" => TargetField::Category,
        "customerRequest" => TargetField::CustomerRequest,
        _ => TargetField::Description,
    }
}

/// A date cell as the branch's local time: a workbook date, an Excel serial, or written text;
/// text with its own offset (or `Z`) is that instant, seen from the branch's zone `tz`.
fn local_stamp(cell: &Cell, tz: Tz) -> Option<LocalStamp> {
    match cell {
        Cell::Date(stamp) => Some(*stamp),
        Cell::Number(serial) => from_serial(*serial),
        Cell::Text(text) => parse_instant(text)
            .map(|at| LocalStamp {
                at: at.with_timezone(&tz).naive_local(),
                has_time: true,
            })
            .or_else(|| parse_text(text)),
        Cell::Empty => None,
    }
}

/// Collects one row's problems.
struct Problems {
    row: u32,
    list: Vec<RowProblem>,
}

impl Problems {
    fn add(&mut self, field: TargetField, code: &str) {
        if !self.list.iter().any(|p| p.field == field) {
            self.list.push(RowProblem {
                row: self.row,
                field,
                code: code.to_owned(),
            });
        }
    }

    fn add_error(&mut self, field: TargetField, error: &Error) {
        self.add(field, error.code());
    }
}

impl Converter {
    /// A converter for rows whose columns are `columns`.
    pub fn new(
        columns: Columns,
        tz: Tz,
        now: DateTime<Utc>,
        categories: CategoryMatcher,
        options: ImportOptions,
    ) -> Self {
        Converter {
            columns,
            tz,
            now,
            categories,
            options,
        }
    }

    fn cell<'r>(&self, row: &'r Row, field: TargetField) -> &'r Cell {
        self.columns
            .get(field)
            .map_or(&Cell::Empty, |column| row.cell(column))
    }

    fn text(&self, row: &Row, field: TargetField) -> Option<String> {
        self.cell(row, field).text()
    }

    /// The time received as the row writes it (for the preview of how times were read).
    pub fn received_text(&self, row: &Row) -> Option<String> {
        self.text(row, TargetField::ReceivedAt)
    }

    /// A local time read from `field`'s cell and checked like intake's (not in the future,
    /// not before 2000).
    fn instant(
        &self,
        row: &Row,
        field: TargetField,
        problems: &mut Problems,
    ) -> Option<(DateTime<Utc>, bool)> {
        let cell = self.cell(row, field);
        // A blank cell is not a date problem: the caller decides whether it is required.
        cell.text()?;
        let Some(local) = local_stamp(cell, self.tz) else {
            problems.add(field, Invalid::Date.code());
            return None;
        };
        let written = local.at.format("%Y-%m-%dT%H:%M:%S").to_string();
        match parse_local_time(field.as_str(), &written, self.tz, self.now) {
            Ok(instant) => Some((instant, local.has_time)),
            Err(error) => {
                problems.add_error(field, &error);
                None
            }
        }
    }

    fn category(&mut self, row: &Row, problems: &mut Problems) -> (i64, Option<String>) {
        let other = self
            .options
            .unknown_category_to_other
            .then(|| self.categories.other())
            .flatten();
        let Some(text) = self.text(row, TargetField::Category) else {
            return match other {
                Some(id) => (id, None),
                None => {
                    problems.add(TargetField::Category, Invalid::Required.code());
                    (1, None)
                }
            };
        };
        match (self.categories.find(&text), other) {
            (CategoryMatch::Found(id), _) => (id, None),
            (CategoryMatch::Unknown, Some(id)) => (id, None),
            (CategoryMatch::Unknown, None) => {
                problems.add(TargetField::Category, "import.unknown_category");
                (1, Some(text.trim().to_owned()))
            }
            (CategoryMatch::Ambiguous, _) => {
                problems.add(TargetField::Category, "import.ambiguous_category");
                (1, None)
            }
        }
    }

    /// Converts one row; every problem found is listed (the intake rules report their first).
    pub fn convert(&mut self, row: &Row) -> Converted {
        let mut problems = Problems {
            row: row.number,
            list: Vec::new(),
        };
        let received = self.instant(row, TargetField::ReceivedAt, &mut problems);
        if self.text(row, TargetField::ReceivedAt).is_none() {
            problems.add(TargetField::ReceivedAt, Invalid::Required.code());
        }
        let (category_id, unknown_category) = self.category(row, &mut problems);
        let channel = match self.text(row, TargetField::Channel) {
            None => Channel::Phone,
            Some(text) => words::channel(&text).unwrap_or_else(|| {
                problems.add(TargetField::Channel, Invalid::Choice.code());
                Channel::Phone
            }),
        };
        let customer_type = match self.text(row, TargetField::CustomerType) {
            None => CustomerType::Unknown,
            Some(text) => words::customer_type(&text).unwrap_or_else(|| {
                problems.add(TargetField::CustomerType, Invalid::Choice.code());
                CustomerType::Unknown
            }),
        };
        let original_number = self
            .text(row, TargetField::OriginalNumber)
            .map(|n| n.trim().to_owned());
        let reference = [
            self.text(row, TargetField::Reference)
                .map(|r| r.trim().to_owned()),
            original_number
                .as_ref()
                .map(|n| format!("{ORIGINAL_NUMBER_LABEL} {n}")),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
        let input = CaseInput {
            received_at: received.map(|(at, _)| {
                at.with_timezone(&self.tz)
                    .format("%Y-%m-%dT%H:%M:%S")
                    .to_string()
            }),
            channel: channel.as_str().to_owned(),
            complainant_name: self.text(row, TargetField::ComplainantName),
            phone: self.text(row, TargetField::Phone),
            reference: Some(reference),
            customer_type: customer_type.as_str().to_owned(),
            category_id,
            description: self.text(row, TargetField::Description).unwrap_or_default(),
            customer_request: self.text(row, TargetField::CustomerRequest),
            ..CaseInput::default()
        };
        let standing = self.standing(row, received, &mut problems);
        let case = match input.parse(self.tz, self.now) {
            Ok(case) => Some(case),
            Err(error) => {
                problems.add_error(target_of(error.field().unwrap_or_default()), &error);
                None
            }
        };
        match case {
            Some(case) if problems.list.is_empty() => {
                let grade = suggest_grade(&GradingFacts {
                    households: case.households,
                    distinct_complainants_same_category_30d: 1,
                    channel: Some(channel),
                    ..GradingFacts::default()
                })
                .grade
                .get();
                Converted::Ready(Box::new(Ready {
                    row: row.number,
                    case,
                    grade,
                    standing,
                    original_number,
                }))
            }
            _ => Converted::Bad(problems.list, unknown_category),
        }
    }

    /// Closed when the status says done, or when there is no status but a closing date; then
    /// closed at that date (a date without a time never before receipt) or else when received.
    /// What was done is kept for open cases too, so nothing in the log is dropped.
    fn standing(
        &self,
        row: &Row,
        received: Option<(DateTime<Utc>, bool)>,
        problems: &mut Problems,
    ) -> Option<Standing> {
        let action = match optional_text(
            "actionTaken",
            self.text(row, TargetField::ActionTaken).as_deref(),
            MAX_TEXT_CHARS,
        ) {
            Ok(action) => action,
            Err(error) => {
                problems.add_error(TargetField::ActionTaken, &error);
                None
            }
        };
        let closed = match self.text(row, TargetField::Status) {
            Some(status) => words::means_closed(&status),
            None => self.text(row, TargetField::ClosedAt).is_some(),
        };
        if !closed {
            return action.map(|action| Standing {
                status: "new",
                action_taken: Some(action),
                ..Standing::default()
            });
        }
        let (received_at, _) = received?;
        let closed_at = match self.instant(row, TargetField::ClosedAt, problems) {
            None => received_at,
            Some((at, false)) => at.max(received_at),
            Some((at, true)) if at >= received_at => at,
            Some(_) => {
                problems.add(TargetField::ClosedAt, Invalid::Range.code());
                received_at
            }
        };
        Some(Standing {
            status: "closed",
            resolved_at: Some(stamp(closed_at)),
            closed_at: Some(stamp(closed_at)),
            action_taken: action,
            ..Standing::default()
        })
    }
}
