//! The breakdown sheets: counts by category, channel, grade, department, root cause and customer
//! type, named in the workbook's language, with a bar chart of the categories.

use rust_xlsxwriter::{Chart, ChartType, Format, Worksheet, XlsxError};

use super::categories::{CategoryNames, label_of_key};
use super::labels;
use super::style::{Styles, write_text};
use super::texts::T;
use crate::settings::Language;
use crate::stats::breakdown::NONE_CODE;
use crate::stats::report::{Breakdown, BreakdownRow};

/// The breakdowns that get a sheet, in sheet order: key, sheet name, column header.
pub const SHEETS: [(&str, T, T); 6] = [
    ("category", T::SheetCategory, T::Category),
    ("channel", T::SheetChannel, T::Channel),
    ("grade", T::SheetGrade, T::Grade),
    ("department", T::SheetDepartment, T::Department),
    ("root_cause", T::SheetRootCause, T::RootCause),
    ("customer_type", T::SheetCustomerType, T::CustomerType),
];

/// A report's breakdown made ready to leave the branch: categories keyed by
/// [`CategoryNames::key`] instead of this database's ids, and every label filled in `lang`.
pub fn localize(breakdown: &Breakdown, categories: &CategoryNames, lang: Language) -> Breakdown {
    let rows = breakdown
        .rows
        .iter()
        .map(|row| {
            let code = match (breakdown.key.as_str(), row.code.parse::<i64>()) {
                ("category", Ok(id)) => categories.key(id),
                ("category", Err(_)) if !row.label.is_empty() => format!("name:{}", row.label),
                _ => row.code.clone(),
            };
            BreakdownRow {
                label: label(&breakdown.key, &code, lang),
                code,
                count: row.count,
            }
        })
        .collect();
    Breakdown {
        key: breakdown.key.clone(),
        rows,
    }
}

/// The name of a group of `dimension` in `lang`; for categories `code` is a category key.
pub fn label(dimension: &str, code: &str, lang: Language) -> String {
    if code.is_empty() || code == NONE_CODE {
        return T::NotSet.get(lang).to_owned();
    }
    match dimension {
        "category" => label_of_key(code, lang),
        "channel" => labels::channel(code, lang),
        "grade" => labels::grade(code, lang),
        "root_cause" => labels::root_cause(code, lang),
        "customer_type" => labels::customer_type(code, lang),
        _ => code.to_owned(),
    }
}

/// Writes one breakdown sheet (rows already localized); the category sheet gets a chart.
pub fn write(
    sheet: &mut Worksheet,
    breakdown: &Breakdown,
    (name, header): (T, T),
    lang: Language,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let sheet_name = name.get(lang);
    sheet.set_name(sheet_name)?;
    for (col, title) in (0u16..).zip([header, T::CaseCount, T::Share]) {
        sheet.write_string_with_format(0, col, title.get(lang), &styles.header)?;
    }
    let total: i64 = breakdown.rows.iter().map(|r| r.count).sum();
    let count = Styles::value(crate::stats::report::Unit::Count);
    let share = Styles::value(crate::stats::report::Unit::Share);
    let mut row = 1u32;
    for line in &breakdown.rows {
        write_text(sheet, row, 0, &line.label, &styles.text)?;
        sheet.write_number_with_format(row, 1, line.count as f64, &count)?;
        if total > 0 {
            sheet.write_number_with_format(row, 2, line.count as f64 / total as f64, &share)?;
        }
        row += 1;
    }
    let last = row - 1;
    let bold = Format::new().set_bold();
    sheet.write_string_with_format(row, 0, T::Total.get(lang), &bold)?;
    sheet.write_number_with_format(row, 1, total as f64, &count.clone().set_bold())?;
    sheet.set_column_width(0, 34)?;
    sheet.set_column_width(1, 10)?;
    sheet.set_column_width(2, 10)?;
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, last.max(1), 2)?;
    if breakdown.key == "category" && last >= 1 {
        let mut chart = Chart::new(ChartType::Bar);
        chart
            .add_series()
            .set_name(T::CaseCount.get(lang))
            .set_categories((sheet_name, 1, 0, last, 0))
            .set_values((sheet_name, 1, 1, last, 1));
        chart.title().set_name(T::ChartCategories.get(lang));
        chart.legend().set_hidden();
        chart.y_axis().set_reverse();
        chart.set_width(560).set_height(40 * last.clamp(6, 20) + 80);
        sheet.insert_chart(1, 4, &chart)?;
    }
    Ok(())
}
