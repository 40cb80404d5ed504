//! Money in integer fen (1 yuan = 100 fen), so sums in reports never drift by a rounding error.

use std::fmt;

use serde::Serialize;

use crate::error::{Error, Invalid, Result};

/// The largest goodwill amount accepted: 10,000,000 yuan. Anything above is a typing mistake.
pub const MAX_FEN: i64 = 10_000_000 * 100;

/// A non-negative amount in fen, at most [`MAX_FEN`]. Serialised as the number of fen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Money(i64);

impl Money {
    /// No money.
    pub const ZERO: Money = Money(0);

    /// An amount read back in fen (from the database), checked against the same range as input.
    pub fn from_fen(field: &str, fen: i64) -> Result<Money> {
        if (0..=MAX_FEN).contains(&fen) {
            Ok(Money(fen))
        } else {
            Err(Error::invalid(field, Invalid::Range))
        }
    }

    /// Parses yuan as people type them: `120`, `120.5`, `120.50`, optionally after `¥` or `￥`.
    /// Grouping commas, exponents, a plus sign and more than two decimals are refused as
    /// `invalid.money`; negative or too large amounts as `invalid.range`.
    pub fn from_yuan_str(field: &str, value: &str) -> Result<Money> {
        let text = value.trim();
        let text = text
            .strip_prefix('¥')
            .or_else(|| text.strip_prefix('￥'))
            .unwrap_or(text)
            .trim_start();
        if text.is_empty() {
            return Err(Error::invalid(field, Invalid::Required));
        }
        // A well-formed negative number is a range problem, not a typing one.
        let (negative, magnitude) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let fen = parse_fen(magnitude).map_err(|kind| Error::invalid(field, kind))?;
        if negative || fen > MAX_FEN {
            return Err(Error::invalid(field, Invalid::Range));
        }
        Ok(Money(fen))
    }

    /// The amount in fen.
    pub fn fen(self) -> i64 {
        self.0
    }
}

/// `digits[.d[d]]` in fen; malformed text is `Money`, a number too big for `i64` is `Range`.
fn parse_fen(text: &str) -> std::result::Result<i64, Invalid> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let well_formed = !whole.is_empty()
        && digits(whole)
        && digits(fraction)
        && fraction.len() <= 2
        && !text.ends_with('.');
    if !well_formed {
        return Err(Invalid::Money);
    }
    let value = |s: &str| {
        s.bytes().try_fold(0i64, |acc, b| {
            acc.checked_mul(10)?.checked_add(i64::from(b - b'0'))
        })
    };
    // "5" means 50 fen after the point, so pad the fraction to two digits.
    let fraction_fen = value(&format!("{fraction:0<2}")).ok_or(Invalid::Money)?;
    value(whole)
        .and_then(|yuan| yuan.checked_mul(100))
        .and_then(|fen| fen.checked_add(fraction_fen))
        .ok_or(Invalid::Range)
}

impl fmt::Display for Money {
    /// `¥120.50`: always two decimals, no grouping, as on a receipt.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "¥{}.{:02}", self.0 / 100, self.0 % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fen(text: &str) -> i64 {
        Money::from_yuan_str("goodwill", text).unwrap().fen()
    }

    fn code(text: &str) -> &'static str {
        Money::from_yuan_str("goodwill", text).unwrap_err().code()
    }

    #[test]
    fn yuan_with_up_to_two_decimals_become_fen() {
        assert_eq!(fen("120"), 12_000);
        assert_eq!(fen("120.5"), 12_050);
        assert_eq!(fen("120.50"), 12_050);
        assert_eq!(fen("0.01"), 1);
        assert_eq!(fen(" 0 "), 0);
        assert_eq!(fen("007.10"), 710);
        assert_eq!(fen("¥88"), 8_800);
        assert_eq!(fen("￥ 88.8"), 8_880);
        assert_eq!(fen("10000000"), MAX_FEN);
        assert_eq!(fen("10000000.00"), MAX_FEN);
    }

    #[test]
    fn garbage_and_extra_decimals_are_refused_as_money() {
        for bad in [
            "=1+1",
            "1,000",
            "120.505",
            "12O",
            "1e3",
            ".5",
            "5.",
            "+5",
            "1.2.3",
            "¥",
            "NaN",
            "--5",
            "-",
            "１２０",
            "12 0",
        ] {
            let expected = if bad == "¥" {
                "invalid.required"
            } else {
                "invalid.money"
            };
            assert_eq!(code(bad), expected, "{bad:?}");
        }
        assert_eq!(code("  "), "invalid.required");
    }

    #[test]
    fn negative_and_huge_amounts_are_out_of_range() {
        assert_eq!(code("-5"), "invalid.range");
        assert_eq!(code("-0.01"), "invalid.range");
        assert_eq!(code("10000000.01"), "invalid.range");
        assert_eq!(code("99999999999999999999999"), "invalid.range");
        let err = Money::from_yuan_str("goodwill", "-1").unwrap_err();
        assert_eq!(err.field(), Some("goodwill"));
    }

    #[test]
    fn displays_like_a_receipt_and_serialises_as_fen() {
        assert_eq!(
            Money::from_yuan_str("f", "120.5").unwrap().to_string(),
            "¥120.50"
        );
        assert_eq!(Money::ZERO.to_string(), "¥0.00");
        assert_eq!(Money::from_fen("f", 7).unwrap().to_string(), "¥0.07");
        assert_eq!(
            Money::from_fen("f", MAX_FEN).unwrap().to_string(),
            "¥10000000.00"
        );
        assert_eq!(
            serde_json::to_value(Money::from_fen("f", 12_050).unwrap()).unwrap(),
            12_050
        );
        assert!(Money::from_fen("f", -1).is_err());
        assert!(Money::from_fen("f", MAX_FEN + 1).is_err());
    }
}
