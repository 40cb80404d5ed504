//! The group workbook: the branches ranked side by side with the group's recomputed totals,
//! category totals across branches, the glossary, and native charts.

use rust_xlsxwriter::{Chart, ChartType, Workbook, Worksheet, XlsxError};

use super::group;
use crate::export::breakdowns;
use crate::export::data::BranchData;
use crate::export::style::{Styles, write_figure, write_text};
use crate::export::summary::kpi_name;
use crate::export::texts::T;
use crate::export::workbook::write_glossary;
use crate::settings::Language;
use crate::stats::glossary::GlossaryEntry;
use crate::stats::report::{Month, Unit};

/// The row of the branch table's header.
const TABLE_ROW: u32 = 6;
/// Columns before the figures: rank, code, name.
const LEAD: u16 = 3;

/// When a branch's figures were computed (RFC 3339), in this computer's local time to the
/// minute, like the roll-up's own time; anything else as it is.
pub fn as_of_text(computed_at: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(computed_at).map_or_else(
        |_| computed_at.to_owned(),
        |at| {
            at.with_timezone(&chrono::Local)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        },
    )
}

/// What the group workbook is made from.
pub struct GroupInput<'a> {
    /// The branches, ranked.
    pub branches: &'a [BranchData],
    /// The month they cover.
    pub month: Month,
    /// Names and definitions of the figures, in `lang`.
    pub glossary: &'a [GlossaryEntry],
    /// The workbook's language.
    pub lang: Language,
    /// When the roll-up was made, as text.
    pub made_at: String,
}

fn write_branches(
    sheet: &mut Worksheet,
    input: &GroupInput<'_>,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let lang = input.lang;
    let sheet_name = T::SheetBranches.get(lang);
    sheet.set_name(sheet_name)?;
    sheet.write_string_with_format(0, 0, T::TitleGroup.get(lang), &styles.title)?;
    let facts = [
        (T::Month, input.month.to_string()),
        (T::BranchesIncluded, input.branches.len().to_string()),
        (T::ComputedAt, input.made_at.clone()),
    ];
    for (row, (label, fact)) in (1u32..).zip(facts) {
        write_text(sheet, row, 0, label.get(lang), &styles.label)?;
        write_text(sheet, row, 1, &fact, &styles.text)?;
    }
    sheet.write_string_with_format(4, 0, T::GroupNote.get(lang), &styles.note)?;
    let totals = group::group_figures(input.branches);
    let lead = [T::Rank, T::BranchCode, T::Branch];
    for (col, header) in (0u16..).zip(lead) {
        sheet.write_string_with_format(TABLE_ROW, col, header.get(lang), &styles.header)?;
    }
    for (col, kpi) in (LEAD..).zip(&totals) {
        let name = kpi_name(input.glossary, &kpi.key);
        sheet.write_string_with_format(TABLE_ROW, col, name, &styles.header)?;
        sheet.set_column_width(col, 13)?;
    }
    // Each branch's figures are as of when its branch computed them (at its last sync, for
    // group mode): after the figures, so their columns stay where they were.
    let as_of_col = LEAD + totals.len() as u16;
    sheet.write_string_with_format(
        TABLE_ROW,
        as_of_col,
        T::ComputedAt.get(lang),
        &styles.header,
    )?;
    sheet.set_column_width(as_of_col, 17)?;
    let mut row = TABLE_ROW + 1;
    for (rank, branch) in (1u32..).zip(input.branches) {
        sheet.write_number(row, 0, f64::from(rank))?;
        write_text(sheet, row, 1, &branch.code, &styles.text)?;
        write_text(sheet, row, 2, &branch.name, &styles.text)?;
        for (col, total) in (LEAD..).zip(&totals) {
            let value = branch.kpi(&total.key).and_then(|k| k.value);
            write_figure(sheet, row, col, value, &Styles::value(total.unit))?;
        }
        write_text(
            sheet,
            row,
            as_of_col,
            &as_of_text(&branch.computed_at),
            &styles.text,
        )?;
        row += 1;
    }
    let last_branch = row - 1;
    write_text(sheet, row, 1, T::GroupTotal.get(lang), &styles.total)?;
    write_text(sheet, row, 2, "", &styles.total)?;
    for (col, total) in (LEAD..).zip(&totals) {
        let format = Styles::value(total.unit).set_bold();
        write_figure(sheet, row, col, total.value, &format)?;
    }
    sheet.set_column_width(0, 6)?;
    sheet.set_column_width(1, 12)?;
    sheet.set_column_width(2, 24)?;
    sheet.set_row_height(TABLE_ROW, 45)?;
    sheet.set_freeze_panes(TABLE_ROW + 1, LEAD)?;
    // Landscape, but not squeezed to one page wide: two dozen figures would be unreadable.
    sheet.set_landscape();
    let last_col = LEAD + totals.len().max(1) as u16 - 1;
    sheet.autofilter(TABLE_ROW, 0, last_branch.max(TABLE_ROW + 1), last_col)?;
    let closure = (LEAD..).zip(&totals).find(|(_, k)| k.key == "closure_rate");
    if let (Some((col, _)), false) = (closure, input.branches.is_empty()) {
        let mut chart = Chart::new(ChartType::Column);
        chart
            .add_series()
            .set_name((sheet_name, TABLE_ROW, col))
            .set_categories((sheet_name, TABLE_ROW + 1, 1, last_branch, 1))
            .set_values((sheet_name, TABLE_ROW + 1, col, last_branch, col));
        chart.title().set_name(T::ChartClosureByBranch.get(lang));
        chart.legend().set_hidden();
        chart.y_axis().set_num_format("0%");
        chart.set_width(720).set_height(320);
        sheet.insert_chart(row + 3, 1, &chart)?;
    }
    Ok(())
}

fn write_categories(
    sheet: &mut Worksheet,
    input: &GroupInput<'_>,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let lang = input.lang;
    let sheet_name = T::SheetGroupCategories.get(lang);
    sheet.set_name(sheet_name)?;
    let headers = [T::Category, T::CaseCount, T::Share];
    for (col, header) in (0u16..).zip(headers) {
        sheet.write_string_with_format(0, col, header.get(lang), &styles.header)?;
    }
    let totals = group::dimension_totals(input.branches, "category");
    let sum: i64 = totals.iter().map(|(_, n)| n).sum();
    let (count, share) = (Styles::value(Unit::Count), Styles::value(Unit::Share));
    for (row, (key, n)) in (1u32..).zip(&totals) {
        write_text(
            sheet,
            row,
            0,
            &breakdowns::label("category", key, lang),
            &styles.text,
        )?;
        sheet.write_number_with_format(row, 1, *n as f64, &count)?;
        if sum > 0 {
            sheet.write_number_with_format(row, 2, *n as f64 / sum as f64, &share)?;
        }
    }
    let last = totals.len() as u32;
    write_text(sheet, last + 1, 0, T::Total.get(lang), &styles.total)?;
    sheet.write_number_with_format(last + 1, 1, sum as f64, &count.set_bold())?;
    sheet.set_column_width(0, 34)?;
    sheet.set_column_width(1, 10)?;
    sheet.set_column_width(2, 10)?;
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, last.max(1), 2)?;
    if last > 0 {
        let mut chart = Chart::new(ChartType::Bar);
        chart
            .add_series()
            .set_name(T::CaseCount.get(lang))
            .set_categories((sheet_name, 1, 0, last, 0))
            .set_values((sheet_name, 1, 1, last, 1));
        chart.title().set_name(T::ChartCategories.get(lang));
        chart.legend().set_hidden();
        chart.y_axis().set_reverse();
        chart.set_width(560).set_height(40 * last.clamp(6, 24) + 80);
        sheet.insert_chart(1, 4, &chart)?;
    }
    Ok(())
}

/// The group workbook as the bytes of an .xlsx file.
pub fn build(input: &GroupInput<'_>) -> Result<Vec<u8>, XlsxError> {
    let styles = Styles::default();
    let mut workbook = Workbook::new();
    write_branches(workbook.add_worksheet(), input, &styles)?;
    write_categories(workbook.add_worksheet(), input, &styles)?;
    write_glossary(
        workbook.add_worksheet(),
        input.glossary,
        input.lang,
        &styles,
    )?;
    workbook.save_to_buffer()
}
