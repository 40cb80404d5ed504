//! The Cases sheet: one row per case received in the month, in the branch's local time, with
//! complainants' names and phones masked unless the user asked to include them, and the
//! personal data customers write into descriptions masked with them (see [`mask::description`]).

use std::collections::HashSet;

use chrono::{DateTime, NaiveDateTime};
use chrono_tz::Tz;
use rust_xlsxwriter::{Format, Worksheet, XlsxError};
use sqlx::SqlitePool;

use super::categories::CategoryNames;
use super::style::{Styles, write_figure, write_text};
use super::texts::T;
use super::{labels, mask};
use crate::error::Result;
use crate::settings::Language;
use crate::stats::report::Month;
use crate::store::json_rows;

/// One case as the sheet shows it (times already in the branch's local time).
#[derive(Debug, Clone, PartialEq)]
pub struct CaseLine {
    /// Case number.
    pub number: String,
    /// When it was received.
    pub received: Option<NaiveDateTime>,
    /// Channel code.
    pub channel: String,
    /// Category id.
    pub category_id: i64,
    /// Grade 1–4.
    pub grade: i64,
    /// Status code.
    pub status: String,
    /// Customer type code.
    pub customer_type: String,
    /// Complainant's name, unmasked.
    pub complainant_name: String,
    /// Complainant's phone, unmasked.
    pub phone: Option<String>,
    /// Responsible department.
    pub department: String,
    /// Assignee's name.
    pub assignee: Option<String>,
    /// When it was acknowledged.
    pub acknowledged: Option<NaiveDateTime>,
    /// When it was resolved.
    pub resolved: Option<NaiveDateTime>,
    /// When it was closed.
    pub closed: Option<NaiveDateTime>,
    /// Whether it counts in the month's "closed" figure: valid and closed at the month's end
    /// (now, for the month under way), whatever happened to it since.
    pub closed_at_month_end: bool,
    /// Root cause code.
    pub root_cause: Option<String>,
    /// Satisfaction 1–5.
    pub satisfaction: Option<i64>,
    /// Goodwill payment in fen.
    pub goodwill_fen: i64,
    /// What happened.
    pub description: String,
}

/// A stored UTC instant as local date and time; `None` for a missing or unreadable one.
fn local(instant: Option<&str>, tz: Tz) -> Option<NaiveDateTime> {
    let parsed = DateTime::parse_from_rfc3339(instant?).ok()?;
    Some(parsed.with_timezone(&tz).naive_local())
}

/// A `cases` row as stored, with the assignee's name.
#[derive(serde::Deserialize)]
struct Stored {
    id: i64,
    number: String,
    received_at: String,
    channel: String,
    category_id: i64,
    grade: i64,
    status: String,
    customer_type: String,
    complainant_name: String,
    phone: Option<String>,
    department: String,
    assignee: Option<String>,
    acknowledged_at: Option<String>,
    resolved_at: Option<String>,
    closed_at: Option<String>,
    root_cause: Option<String>,
    satisfaction: Option<i64>,
    goodwill_fen: i64,
    description: String,
}

/// The cases received in `month` (local), oldest first; `closed` holds the ids of those in the
/// month's "closed" figure.
pub async fn load(
    pool: &SqlitePool,
    month: Month,
    tz: Tz,
    closed: &HashSet<i64>,
) -> Result<Vec<CaseLine>> {
    let month_key = i64::from(month.year) * 100 + i64::from(month.month);
    // One JSON row instead of one row per case: a busy month has tens of thousands.
    let rows: Vec<Stored> = json_rows(
        &mut *pool.acquire().await?,
        "SELECT json_group_array(json_object(
                'id', id, 'number', number, 'received_at', received_at, 'channel', channel,
                'category_id', category_id, 'grade', grade, 'status', status,
                'customer_type', customer_type, 'complainant_name', complainant_name,
                'phone', phone, 'department', department, 'assignee', assignee,
                'acknowledged_at', acknowledged_at, 'resolved_at', resolved_at,
                'closed_at', closed_at, 'root_cause', root_cause, 'satisfaction', satisfaction,
                'goodwill_fen', goodwill_fen, 'description', description))
         FROM (SELECT c.id, c.number, c.received_at, c.channel, c.category_id, c.grade, c.status,
                      c.customer_type, c.complainant_name, c.phone, c.department,
                      s.name AS assignee, c.acknowledged_at, c.resolved_at, c.closed_at,
                      c.root_cause, c.satisfaction, c.goodwill_fen, c.description
               FROM cases c LEFT JOIN staff s ON s.id = c.assignee_id
               WHERE c.received_month = CAST(? AS INTEGER)
               ORDER BY c.received_at, c.id)",
        &[month_key.to_string()],
    )
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| CaseLine {
            received: local(Some(&r.received_at), tz),
            acknowledged: local(r.acknowledged_at.as_deref(), tz),
            resolved: local(r.resolved_at.as_deref(), tz),
            closed: local(r.closed_at.as_deref(), tz),
            closed_at_month_end: closed.contains(&r.id),
            number: r.number,
            channel: r.channel,
            category_id: r.category_id,
            grade: r.grade,
            status: r.status,
            customer_type: r.customer_type,
            complainant_name: r.complainant_name,
            phone: r.phone,
            department: r.department,
            assignee: r.assignee,
            root_cause: r.root_cause,
            satisfaction: r.satisfaction,
            goodwill_fen: r.goodwill_fen,
            description: r.description,
        })
        .collect())
}

/// The sheet's columns: header and width.
const COLUMNS: [(T, f64); 19] = [
    (T::CaseNumber, 18.0),
    (T::ReceivedAt, 17.0),
    (T::Channel, 16.0),
    (T::Category, 18.0),
    (T::Grade, 9.0),
    (T::Status, 11.0),
    (T::CustomerType, 12.0),
    (T::Complainant, 12.0),
    (T::Phone, 15.0),
    (T::Department, 12.0),
    (T::Assignee, 10.0),
    (T::AcknowledgedOn, 17.0),
    (T::ResolvedOn, 17.0),
    (T::ClosedOn, 17.0),
    (T::ClosedAtMonthEnd, 12.0),
    (T::RootCause, 18.0),
    (T::Satisfaction, 11.0),
    (T::GoodwillYuan, 12.0),
    (T::Description, 60.0),
];

/// What the Cases sheet needs besides the cases.
pub struct CasesContext<'a> {
    /// The workbook's language.
    pub lang: Language,
    /// Write names and phones as they are instead of masked.
    pub include_personal_data: bool,
    /// Replace phone numbers, the complainant's name and ID-like numbers in descriptions.
    pub mask_descriptions: bool,
    /// Category names.
    pub categories: &'a CategoryNames,
    /// The workbook's formats.
    pub styles: &'a Styles,
}

/// Writes the Cases sheet, row by row (so it may be a low-memory sheet).
pub fn write(
    sheet: &mut Worksheet,
    cases: &[CaseLine],
    cx: &CasesContext<'_>,
) -> Result<(), XlsxError> {
    let (lang, styles) = (cx.lang, cx.styles);
    sheet.set_name(T::SheetCases.get(lang))?;
    for (col, (header, width)) in (0u16..).zip(COLUMNS) {
        sheet.set_column_width(col, width)?;
        sheet.write_string_with_format(0, col, header.get(lang), &styles.header)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let last_row = u32::try_from(cases.len()).unwrap_or(u32::MAX).max(1);
    sheet.autofilter(0, 0, last_row, COLUMNS.len() as u16 - 1)?;
    let yuan = Format::new().set_num_format("#,##0.00");
    let plain = Format::new();
    let when = |sheet: &mut Worksheet, row, col, at: Option<NaiveDateTime>| match at {
        Some(at) => sheet
            .write_datetime_with_format(row, col, at, &styles.datetime)
            .map(|_| ()),
        None => Ok(()),
    };
    for (row, case) in (1u32..).zip(cases) {
        let text = &styles.text;
        let (name, phone) = if cx.include_personal_data {
            (
                case.complainant_name.clone(),
                case.phone.clone().unwrap_or_default(),
            )
        } else {
            (
                mask::name(&case.complainant_name),
                case.phone.as_deref().map(mask::phone).unwrap_or_default(),
            )
        };
        write_text(sheet, row, 0, &case.number, text)?;
        when(sheet, row, 1, case.received)?;
        write_text(sheet, row, 2, &labels::channel(&case.channel, lang), text)?;
        let category = cx.categories.label(case.category_id, lang);
        write_text(sheet, row, 3, &category, text)?;
        let grade = labels::grade_short(&case.grade.to_string(), lang);
        write_text(sheet, row, 4, &grade, text)?;
        write_text(sheet, row, 5, &labels::status(&case.status, lang), text)?;
        let customer = labels::customer_type(&case.customer_type, lang);
        write_text(sheet, row, 6, &customer, text)?;
        write_text(sheet, row, 7, &name, text)?;
        write_text(sheet, row, 8, &phone, text)?;
        write_text(sheet, row, 9, &case.department, text)?;
        write_text(sheet, row, 10, case.assignee.as_deref().unwrap_or(""), text)?;
        when(sheet, row, 11, case.acknowledged)?;
        when(sheet, row, 12, case.resolved)?;
        when(sheet, row, 13, case.closed)?;
        let closed = if case.closed_at_month_end {
            T::Yes
        } else {
            T::No
        };
        write_text(sheet, row, 14, closed.get(lang), text)?;
        let cause = case
            .root_cause
            .as_deref()
            .map(|c| labels::root_cause(c, lang))
            .unwrap_or_default();
        write_text(sheet, row, 15, &cause, text)?;
        write_figure(sheet, row, 16, case.satisfaction.map(|s| s as f64), &plain)?;
        let goodwill = (case.goodwill_fen != 0).then(|| case.goodwill_fen as f64 / 100.0);
        write_figure(sheet, row, 17, goodwill, &yuan)?;
        let description = if cx.mask_descriptions {
            mask::description(&case.description, &case.complainant_name)
        } else {
            case.description.clone()
        };
        write_text(sheet, row, 18, &description, text)?;
    }
    Ok(())
}
