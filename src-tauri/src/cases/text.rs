//! Multi-line free text (what was done, comments, reasons). Unlike the single lines in
//! `crate::input`, line breaks and tabs are kept: people write paragraphs here.

use crate::error::{Error, Invalid, Result};

/// The longest free text a case field takes, in characters.
pub const MAX_TEXT_CHARS: usize = 2000;

/// Required multi-line text: trimmed, CRLF and lone CR folded to LF (so Windows input counts the same),
/// non-empty, at most `max` characters, and no control characters besides line breaks and tabs.
pub fn required_text(field: &str, value: &str, max: usize) -> Result<String> {
    optional_text(field, Some(value), max)?.ok_or_else(|| Error::invalid(field, Invalid::Required))
}

/// Optional multi-line text: `None` or blank gives `None`; otherwise as [`required_text`].
pub fn optional_text(field: &str, value: Option<&str>, max: usize) -> Result<Option<String>> {
    let Some(trimmed) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let text = trimmed.replace("\r\n", "\n").replace('\r', "\n");
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\t'))
    {
        return Err(Error::invalid(field, Invalid::ControlChars));
    }
    if text.chars().count() > max {
        return Err(Error::invalid(field, Invalid::TooLong));
    }
    Ok(Some(text))
}

/// A reason that another choice made necessary: as [`required_text`], but a blank one is
/// `invalid.reason_required` so the UI can say why it is needed.
pub fn required_reason(field: &str, value: Option<&str>) -> Result<String> {
    required_text(field, value.unwrap_or_default(), MAX_TEXT_CHARS).map_err(|err| match err {
        Error::Invalid {
            field,
            kind: Invalid::Required,
        } => Error::invalid(field, Invalid::ReasonRequired),
        other => other,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_kept_and_crlf_folded() {
        assert_eq!(
            required_text("f", "  第一行\r\n\t第二行  ", 10).unwrap(),
            "第一行\n\t第二行"
        );
        assert_eq!(optional_text("f", Some(" \r\n "), 10).unwrap(), None);
        assert_eq!(optional_text("f", None, 10).unwrap(), None);
    }

    #[test]
    fn limits_count_characters_after_folding() {
        assert!(required_text("f", &"名".repeat(10), 10).is_ok());
        assert_eq!(
            required_text("f", &"名".repeat(11), 10).unwrap_err().code(),
            "invalid.too_long"
        );
        assert!(required_text("f", "abcd\r\nefgh", 9).is_ok());
        assert_eq!(
            required_text("f", "", 10).unwrap_err().code(),
            "invalid.required"
        );
        assert_eq!(
            required_text("f", "a\u{0}b", 10).unwrap_err().code(),
            "invalid.control_chars"
        );
        assert_eq!(required_text("f", "a\rb", 10).unwrap(), "a\nb");
    }

    #[test]
    fn a_blank_reason_says_a_reason_is_required() {
        assert_eq!(
            required_reason("r", Some(" ")).unwrap_err().code(),
            "invalid.reason_required"
        );
        assert_eq!(required_reason("r", None).unwrap_err().field(), Some("r"));
        assert_eq!(required_reason("r", Some(" 见记录 ")).unwrap(), "见记录");
        assert_eq!(
            required_reason("r", Some(&"x".repeat(MAX_TEXT_CHARS + 1)))
                .unwrap_err()
                .code(),
            "invalid.too_long"
        );
    }
}
