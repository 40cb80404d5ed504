//! Taking back a sign-off or an assignment made by mistake. The row stays on record, marked
//! with when, by whom and why, so a trainer's history never silently loses a line; a
//! withdrawn row counts nowhere.

use serde::Serialize;

use crate::cases::text::required_reason;
use crate::error::Result;

/// The input field the reason is reported under.
pub const REASON_FIELD: &str = "reason";

/// Checks the reason for a withdrawal: required (a blank one is `invalid.reason_required`),
/// trimmed, at most 2000 characters, line breaks kept.
pub fn withdrawal_reason(value: &str) -> Result<String> {
    required_reason(REASON_FIELD, Some(value))
}

/// How a withdrawn row was taken back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Withdrawal {
    /// When, RFC 3339 UTC.
    pub at: String,
    /// Who, when the person working at the computer was set.
    pub by_name: Option<String>,
    /// Why, as typed.
    pub reason: String,
}

impl Withdrawal {
    /// The withdrawal read from a row's columns; `None` for a row still in force.
    pub fn from_columns(
        at: Option<String>,
        by_name: Option<String>,
        reason: Option<String>,
    ) -> Option<Withdrawal> {
        at.map(|at| Withdrawal {
            at,
            by_name,
            reason: reason.unwrap_or_default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_is_required_trimmed_and_limited() {
        let blank = withdrawal_reason("  \n ").unwrap_err();
        assert_eq!(blank.code(), "invalid.reason_required");
        assert_eq!(blank.field(), Some("reason"));
        assert_eq!(
            withdrawal_reason("  signed for the wrong person \n").unwrap(),
            "signed for the wrong person"
        );
        let long = withdrawal_reason(&"错".repeat(2001)).unwrap_err();
        assert_eq!(long.code(), "invalid.too_long");
        assert_eq!(long.field(), Some("reason"));
        assert_eq!(
            withdrawal_reason(&"错".repeat(2000))
                .unwrap()
                .chars()
                .count(),
            2000
        );
        let hostile = "=cmd|' /C calc'!A0 <img src=x onerror=alert(1)>";
        assert_eq!(
            withdrawal_reason(hostile).unwrap(),
            hostile,
            "stored exactly"
        );
    }

    #[test]
    fn a_row_without_a_withdrawal_time_is_in_force() {
        assert_eq!(Withdrawal::from_columns(None, None, None), None);
        let taken_back = Withdrawal::from_columns(
            Some("2025-06-01T08:00:00Z".into()),
            None,
            Some("wrong person".into()),
        )
        .unwrap();
        assert_eq!(taken_back.by_name, None, "nobody was set at the computer");
        assert_eq!(taken_back.reason, "wrong person");
    }
}
