//! The workbook's formats, defined once, and the one way user text reaches a cell.
//!
//! Complaint text is written by customers. A cell whose text starts with `=`, `+`, `-` or `@`
//! is stored as a string by `write_string` (never as a formula), and also gets Excel's quote
//! prefix so that editing the cell later cannot turn it into one either.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Worksheet, XlsxError};

use crate::stats::report::Unit;

/// Excel's longest cell text, in UTF-16 code units.
const MAX_CELL_UTF16: usize = 32_767;

/// A text format and the same with the quote prefix, for text that looks like a formula.
#[derive(Debug, Clone)]
pub struct TextStyle {
    plain: Format,
    quoted: Format,
    /// Plain text needs no format of its own. Then cells are written without one: looking up a
    /// cell's format hashes the whole format, a fifth of the time of a 20,000-case Cases sheet.
    unformatted: bool,
}

impl TextStyle {
    fn new(format: Format) -> Self {
        TextStyle {
            quoted: format.clone().set_quote_prefix(),
            unformatted: format == Format::new(),
            plain: format,
        }
    }
}

/// Every format the workbooks use.
#[derive(Debug, Clone)]
pub struct Styles {
    /// A sheet's title line.
    pub title: Format,
    /// Column headers.
    pub header: Format,
    /// A line of small grey explanation.
    pub note: Format,
    /// Ordinary text cells.
    pub text: TextStyle,
    /// Bold text (labels in the first column).
    pub label: TextStyle,
    /// Long text, wrapped (descriptions, definitions).
    pub wrap: TextStyle,
    /// Local date and time.
    pub datetime: Format,
    /// Local date.
    pub date: Format,
    /// Background of a change for the better.
    pub better: Format,
    /// Background of a change for the worse.
    pub worse: Format,
    /// Bold row of totals.
    pub total: TextStyle,
    /// A dash standing for "no figure", right-aligned like the numbers around it.
    pub dash: Format,
}

impl Default for Styles {
    fn default() -> Self {
        let header = Format::new()
            .set_bold()
            .set_background_color(Color::RGB(0x1F4E79))
            .set_font_color(Color::White)
            .set_text_wrap()
            .set_align(FormatAlign::VerticalCenter)
            .set_border_bottom(FormatBorder::Thin);
        Styles {
            title: Format::new().set_bold().set_font_size(14),
            header,
            note: Format::new()
                .set_italic()
                .set_font_color(Color::RGB(0x595959)),
            text: TextStyle::new(Format::new()),
            label: TextStyle::new(Format::new().set_bold()),
            wrap: TextStyle::new(Format::new().set_text_wrap().set_align(FormatAlign::Top)),
            datetime: Format::new().set_num_format("yyyy-mm-dd hh:mm"),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            better: Format::new()
                .set_background_color(Color::RGB(0xC6EFCE))
                .set_font_color(Color::RGB(0x006100)),
            worse: Format::new()
                .set_background_color(Color::RGB(0xFFC7CE))
                .set_font_color(Color::RGB(0x9C0006)),
            total: TextStyle::new(Format::new().set_bold().set_border_top(FormatBorder::Thin)),
            dash: Format::new()
                .set_align(FormatAlign::Right)
                .set_font_color(Color::RGB(0x808080)),
        }
    }
}

impl Styles {
    /// How a figure of `unit` is shown.
    pub fn value(unit: Unit) -> Format {
        Format::new().set_num_format(match unit {
            Unit::Count => "#,##0",
            Unit::Share => "0.0%",
            Unit::Days => "0.0",
            Unit::Score => "0.00",
            Unit::Yuan => "#,##0.00",
        })
    }

    /// How a change of a figure of `unit` is shown, with its sign. Changes of shares are in
    /// percentage points (see [`change_value`]): "+5.0 pp" reads plainer than "+5.0%".
    pub fn change(unit: Unit) -> Format {
        Format::new().set_num_format(match unit {
            Unit::Count => "+#,##0;-#,##0;0",
            Unit::Share => "+0.0\" pp\";-0.0\" pp\";0.0\" pp\"",
            Unit::Days => "+0.0;-0.0;0.0",
            Unit::Score => "+0.00;-0.00;0.00",
            Unit::Yuan => "+#,##0.00;-#,##0.00;0.00",
        })
    }
}

/// The change from `before` to `now` as the change column writes it: in percentage points for
/// shares, in the figure's own unit otherwise.
pub fn change_value(unit: Unit, now: Option<f64>, before: Option<f64>) -> Option<f64> {
    let (now, before) = (now?, before?);
    Some(match unit {
        Unit::Share => (now - before) * 100.0,
        _ => now - before,
    })
}

/// Whether Excel (or a spreadsheet that imports the text) could read `text` as a formula.
pub fn looks_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// `text` cut to what one cell holds, with an ellipsis where it was cut.
fn fit(text: &str) -> std::borrow::Cow<'_, str> {
    if text.len() <= MAX_CELL_UTF16 || text.encode_utf16().count() <= MAX_CELL_UTF16 {
        return text.into();
    }
    let mut units = 0;
    let cut: String = text
        .chars()
        .take_while(|c| {
            units += c.len_utf16();
            units < MAX_CELL_UTF16
        })
        .collect();
    format!("{cut}…").into()
}

/// Writes user-provided text as a string cell, quote-prefixed when it looks like a formula.
pub fn write_text(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    text: &str,
    style: &TextStyle,
) -> Result<(), XlsxError> {
    if looks_like_formula(text) {
        sheet.write_string_with_format(row, col, fit(text), &style.quoted)?;
    } else if style.unformatted {
        sheet.write_string(row, col, fit(text))?;
    } else {
        sheet.write_string_with_format(row, col, fit(text), &style.plain)?;
    }
    Ok(())
}

/// Writes a figure, or leaves the cell empty when there is none (a dash would not be a number
/// and would break sums and charts).
pub fn write_figure(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: Option<f64>,
    format: &Format,
) -> Result<(), XlsxError> {
    match value {
        Some(v) if v.is_finite() => sheet.write_number_with_format(row, col, v, format)?,
        _ => sheet.write_blank(row, col, format)?,
    };
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_looking_text_is_recognised() {
        for hostile in ["=cmd|' /C calc'!A0", "+1+1", "-2", "@SUM(A1)", "\t=1"] {
            assert!(looks_like_formula(hostile), "{hostile}");
        }
        for plain in ["漏水", "a=b", "", " =1"] {
            assert!(!looks_like_formula(plain), "{plain}");
        }
    }

    #[test]
    fn overlong_text_is_cut_to_what_a_cell_holds() {
        let emoji = "😀".repeat(20_000);
        let cut = fit(&emoji);
        assert!(cut.encode_utf16().count() <= MAX_CELL_UTF16);
        assert!(cut.ends_with('…'));
        assert_eq!(fit("短"), "短");
    }

    #[test]
    fn share_changes_are_in_percentage_points() {
        let pp = change_value(Unit::Share, Some(0.75), Some(0.5)).unwrap();
        assert!((pp - 25.0).abs() < 1e-9);
        assert_eq!(change_value(Unit::Count, Some(7.0), Some(9.0)), Some(-2.0));
        assert_eq!(change_value(Unit::Count, Some(7.0), None), None);
    }
}
