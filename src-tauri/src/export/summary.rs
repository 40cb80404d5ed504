//! The Summary sheet: the branch and month, every figure with its comparisons (changes coloured
//! better or worse by the figure's direction), and the 12-month trend as a native chart.

use rust_xlsxwriter::{
    Chart, ChartType, ConditionalFormatCell, ConditionalFormatCellRule, Format, FormatAlign,
    Worksheet, XlsxError,
};

use super::WorkbookInput;
use super::style::{Styles, change_value, write_figure, write_text};
use super::texts::T;
use crate::stats::glossary::GlossaryEntry;
use crate::stats::report::{Better, Kpi};

/// The row of the figures' header.
const TABLE_ROW: u32 = 8;

/// Colours a change cell green when it moved the good way and red when it moved the bad way.
fn colour_change(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    better: Better,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let (up, down) = match better {
        Better::Higher => (&styles.better, &styles.worse),
        Better::Lower => (&styles.worse, &styles.better),
        Better::Neutral => return Ok(()),
    };
    let rise = ConditionalFormatCell::new()
        .set_rule(ConditionalFormatCellRule::GreaterThan(0))
        .set_format(up);
    let fall = ConditionalFormatCell::new()
        .set_rule(ConditionalFormatCellRule::LessThan(0))
        .set_format(down);
    sheet.add_conditional_format(row, col, row, col, &rise)?;
    sheet.add_conditional_format(row, col, row, col, &fall)?;
    Ok(())
}

/// A figure's name in the workbook's language (its key if the glossary lacks it).
pub fn kpi_name<'a>(glossary: &'a [GlossaryEntry], key: &'a str) -> &'a str {
    glossary
        .iter()
        .find(|g| g.key == key)
        .map_or(key, |g| g.name.as_str())
}

/// A figure, or a dash where there is none, as the screen shows it. Change columns stay
/// empty instead: a text cell there would count as "greater than 0" for the colouring.
fn write_or_dash(
    sheet: &mut Worksheet,
    (row, col): (u32, u16),
    value: Option<f64>,
    format: &Format,
    styles: &Styles,
) -> Result<(), XlsxError> {
    match value {
        Some(_) => write_figure(sheet, row, col, value, format),
        None => {
            sheet.write_string_with_format(row, col, "—", &styles.dash)?;
            Ok(())
        }
    }
}

fn write_kpi(
    sheet: &mut Worksheet,
    row: u32,
    kpi: &Kpi,
    input: &WorkbookInput<'_>,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let value = Styles::value(kpi.unit);
    let change = Styles::change(kpi.unit);
    write_text(
        sheet,
        row,
        0,
        kpi_name(input.glossary, &kpi.key),
        &styles.label,
    )?;
    write_or_dash(sheet, (row, 1), kpi.value, &value, styles)?;
    write_or_dash(sheet, (row, 2), kpi.previous, &value, styles)?;
    let vs_previous = change_value(kpi.unit, kpi.value, kpi.previous);
    write_figure(sheet, row, 3, vs_previous, &change)?;
    write_or_dash(sheet, (row, 4), kpi.last_year, &value, styles)?;
    let vs_last_year = change_value(kpi.unit, kpi.value, kpi.last_year);
    write_figure(sheet, row, 5, vs_last_year, &change)?;
    colour_change(sheet, row, 3, kpi.better, styles)?;
    colour_change(sheet, row, 5, kpi.better, styles)?;
    Ok(())
}

/// Writes the Summary sheet.
pub fn write(
    sheet: &mut Worksheet,
    input: &WorkbookInput<'_>,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let (lang, report) = (input.lang, input.report);
    let name = T::SheetSummary.get(lang);
    sheet.set_name(name)?;
    sheet.write_string_with_format(0, 0, T::TitleMonthly.get(lang), &styles.title)?;
    let facts = [
        (T::Branch, report.branch.name.clone()),
        (T::BranchCode, report.branch.code.clone()),
        (T::Month, report.month.to_string()),
        (T::ComputedAt, input.computed_at_local.clone()),
    ];
    for (row, (label, fact)) in (2u32..).zip(facts) {
        write_text(sheet, row, 0, label.get(lang), &styles.label)?;
        write_text(sheet, row, 1, &fact, &styles.text)?;
    }
    let privacy = if input.include_personal_data {
        T::PersonalIncluded
    } else {
        T::PersonalMasked
    };
    sheet.write_string_with_format(6, 0, privacy.get(lang), &styles.note)?;
    let descriptions = if input.mask_descriptions {
        T::DescriptionsMasked
    } else {
        T::DescriptionsAsWritten
    };
    sheet.write_string_with_format(7, 0, descriptions.get(lang), &styles.note)?;
    let headers = [
        T::Figure,
        T::ThisMonth,
        T::PreviousMonth,
        T::ChangeVsPrevious,
        T::LastYear,
        T::ChangeVsLastYear,
    ];
    for (col, header) in (0u16..).zip(headers) {
        sheet.write_string_with_format(TABLE_ROW, col, header.get(lang), &styles.header)?;
    }
    let mut row = TABLE_ROW + 1;
    for kpi in &report.kpis {
        write_kpi(sheet, row, kpi, input, styles)?;
        row += 1;
    }
    let note = styles
        .note
        .clone()
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    sheet.merge_range(row + 1, 0, row + 1, 5, T::SummaryNote.get(lang), &note)?;
    sheet.set_row_height(row + 1, 32)?;
    write_trend(sheet, row + 3, input, styles)?;
    sheet.set_column_width(0, 34)?;
    for col in 1..=5 {
        sheet.set_column_width(col, 14)?;
    }
    sheet.set_row_height(TABLE_ROW, 30)?;
    sheet.set_freeze_panes(TABLE_ROW + 1, 1)?;
    sheet.set_landscape().set_print_fit_to_pages(1, 0);
    Ok(())
}

/// The trend table (month, received, closed) from `top`, and its chart beside it.
fn write_trend(
    sheet: &mut Worksheet,
    top: u32,
    input: &WorkbookInput<'_>,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let lang = input.lang;
    let trend = &input.report.trend;
    for (col, header) in (0u16..).zip([T::Month, T::Received, T::Closed]) {
        sheet.write_string_with_format(top, col, header.get(lang), &styles.header)?;
    }
    for (row, point) in (top + 1..).zip(trend) {
        sheet.write_string(row, 0, point.month.to_string())?;
        sheet.write_number(row, 1, point.received as f64)?;
        sheet.write_number(row, 2, point.closed as f64)?;
    }
    if trend.is_empty() {
        return Ok(());
    }
    let last = top + trend.len() as u32;
    let sheet_name = T::SheetSummary.get(lang);
    let mut chart = Chart::new(ChartType::Column);
    chart
        .add_series()
        .set_name(T::Received.get(lang))
        .set_categories((sheet_name, top + 1, 0, last, 0))
        .set_values((sheet_name, top + 1, 1, last, 1));
    let mut line = Chart::new(ChartType::Line);
    line.add_series()
        .set_name(T::Closed.get(lang))
        .set_categories((sheet_name, top + 1, 0, last, 0))
        .set_values((sheet_name, top + 1, 2, last, 2));
    chart.combine(&line);
    chart.title().set_name(T::ChartTrend.get(lang));
    chart.set_width(560).set_height(300);
    sheet.insert_chart(top, 4, &chart)?;
    Ok(())
}
