//! Parsing of free user input shared by every form: single-line text, optional text, dates.
//! Parse, don't validate: each function returns the clean value or a field-level error.

use chrono::NaiveDate;

use crate::error::{Error, Invalid, Result};

/// The longest name-like text (a person, a branch, a category) in characters.
pub const MAX_NAME_CHARS: usize = 100;

/// A required single line: trimmed, non-empty, at most `max` characters, no control characters.
pub fn required_line(field: &str, value: &str, max: usize) -> Result<String> {
    optional_line(field, Some(value), max)?.ok_or_else(|| Error::invalid(field, Invalid::Required))
}

/// An optional single line: `None` or blank gives `None`; otherwise as [`required_line`].
pub fn optional_line(field: &str, value: Option<&str>, max: usize) -> Result<Option<String>> {
    let Some(trimmed) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    if trimmed.chars().any(char::is_control) {
        return Err(Error::invalid(field, Invalid::ControlChars));
    }
    if trimmed.chars().count() > max {
        return Err(Error::invalid(field, Invalid::TooLong));
    }
    Ok(Some(trimmed.to_owned()))
}

/// An optional calendar date written `YYYY-MM-DD`, between 1900 and 2199.
pub fn optional_date(field: &str, value: Option<&str>) -> Result<Option<NaiveDate>> {
    let Some(text) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| Error::invalid(field, Invalid::Date))?;
    let year = chrono::Datelike::year(&date);
    if !(1900..2200).contains(&year) {
        return Err(Error::invalid(field, Invalid::Date));
    }
    Ok(Some(date))
}

/// An optional phone number: 3–20 of digits, spaces, `+`, `-`, `(`, `)`, with at least 3 digits.
pub fn optional_phone(field: &str, value: Option<&str>) -> Result<Option<String>> {
    let Some(phone) = optional_line(field, value, 20)? else {
        return Ok(None);
    };
    let allowed = phone
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')'));
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    if !allowed || digits < 3 {
        return Err(Error::invalid(field, Invalid::Phone));
    }
    Ok(Some(phone))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(result: Result<impl std::fmt::Debug>) -> Invalid {
        match result {
            Err(Error::Invalid { kind, .. }) => kind,
            other => panic!("expected an input error, got {other:?}"),
        }
    }

    #[test]
    fn required_line_trims_and_keeps_hostile_text_verbatim() {
        assert_eq!(required_line("name", "  王小明 ", 100).unwrap(), "王小明");
        let hostile = "<img src=x onerror=alert(1)>'; DROP TABLE staff;-- 🙂";
        assert_eq!(required_line("name", hostile, 100).unwrap(), hostile);
    }

    #[test]
    fn required_line_rejects_empty_long_and_control_text() {
        assert_eq!(kind(required_line("name", "   ", 100)), Invalid::Required);
        assert_eq!(
            kind(required_line("name", &"名".repeat(101), 100)),
            Invalid::TooLong
        );
        assert!(required_line("name", &"名".repeat(100), 100).is_ok());
        assert_eq!(
            kind(required_line("name", "a\u{0}b", 100)),
            Invalid::ControlChars
        );
        assert_eq!(
            kind(required_line("name", "a\nb", 100)),
            Invalid::ControlChars
        );
    }

    #[test]
    fn dates_must_exist() {
        assert_eq!(
            optional_date("startDate", Some("2024-02-29")).unwrap(),
            NaiveDate::from_ymd_opt(2024, 2, 29)
        );
        assert_eq!(
            kind(optional_date("startDate", Some("2023-02-29"))),
            Invalid::Date
        );
        assert_eq!(
            kind(optional_date("startDate", Some("2023-13-01"))),
            Invalid::Date
        );
        assert_eq!(
            kind(optional_date("startDate", Some("0001-01-01"))),
            Invalid::Date
        );
        assert_eq!(optional_date("startDate", Some(" ")).unwrap(), None);
    }

    #[test]
    fn phones_allow_common_punctuation_only() {
        assert_eq!(
            optional_phone("phone", Some("+86 (10) 1234-5678"))
                .unwrap()
                .as_deref(),
            Some("+86 (10) 1234-5678")
        );
        assert_eq!(
            kind(optional_phone("phone", Some("=cmd|' /C calc'!A0"))),
            Invalid::Phone
        );
        assert_eq!(kind(optional_phone("phone", Some("+-"))), Invalid::Phone);
        assert_eq!(optional_phone("phone", None).unwrap(), None);
    }
}
