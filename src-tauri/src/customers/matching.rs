//! How a customer is recognised: folded phone numbers, references and names, and which of the
//! records that share a key is taken without asking. Pure rules, no SQL.

use serde::Serialize;

/// A phone number folded for matching: digits only, with China's country code (`+86`, `0086`,
/// or `86` before an 11-digit mobile) dropped, so `+86 138-0000-1234`, `13800001234` and
/// `138 0000 1234` are one key. `None` when there are no digits.
pub fn phone_key(phone: Option<&str>) -> Option<String> {
    let text = phone?.trim();
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let national = if text.starts_with('+') && digits.starts_with("86") {
        &digits[2..]
    } else if let Some(rest) = digits.strip_prefix("0086") {
        rest
    } else if digits.len() == 13 && digits.starts_with("861") {
        &digits[2..]
    } else {
        &digits[..]
    };
    (!national.is_empty()).then(|| national.to_owned())
}

/// A reference (room, unit, tracking or order number) folded for matching: spaces dropped and
/// letters lower-cased, otherwise exact (`3栋1203` does not match `3栋1204`).
pub fn reference_key(reference: Option<&str>) -> Option<String> {
    crate::cases::intake::reference_key(reference)
}

/// A name folded for suggestions: trimmed, inner spaces collapsed, lower-cased.
pub fn name_key(name: &str) -> Option<String> {
    let key = name.split_whitespace().collect::<Vec<_>>().join(" ");
    (!key.is_empty()).then(|| key.to_lowercase())
}

/// Why a record was offered as the customer of a new complaint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchKey {
    /// The same phone number.
    Phone,
    /// The same room, unit, tracking or order number.
    Reference,
    /// Only the same name: a suggestion, never linked without the user choosing it.
    Name,
}

/// The record taken without asking among `candidates` (each with the keys it shares), or
/// `None`. Only phone and reference link; the record sharing both wins, then the one sharing
/// the phone, then the reference; among equals the first (the caller lists the most recently
/// active first).
pub fn auto_choice(candidates: &[(i64, Vec<MatchKey>)]) -> Option<i64> {
    let score = |keys: &[MatchKey]| {
        let phone = keys.contains(&MatchKey::Phone);
        let reference = keys.contains(&MatchKey::Reference);
        u8::from(phone) * 2 + u8::from(reference)
    };
    let mut best: Option<(u8, i64)> = None;
    for (id, keys) in candidates {
        let s = score(keys);
        if s > 0 && best.is_none_or(|(b, _)| s > b) {
            best = Some((s, *id));
        }
    }
    best.map(|(_, id)| id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use MatchKey::*;

    #[test]
    fn phones_ignore_spaces_dashes_and_the_country_code() {
        for typed in [
            "13800001234",
            "138-0000-1234",
            " 138 0000 1234 ",
            "+86 138-0000-1234",
            "+8613800001234",
            "0086 138 0000 1234",
            "8613800001234",
        ] {
            assert_eq!(
                phone_key(Some(typed)).as_deref(),
                Some("13800001234"),
                "{typed}"
            );
        }
        assert_eq!(
            phone_key(Some("+86 21 6234 5678")).as_deref(),
            Some("2162345678")
        );
        assert_eq!(
            phone_key(Some("021-6234 5678")).as_deref(),
            Some("02162345678")
        );
        assert_eq!(phone_key(Some("(0)86 12")).as_deref(), Some("08612"));
        assert_eq!(phone_key(Some(" - ")), None);
        assert_eq!(phone_key(None), None);
    }

    #[test]
    fn references_match_exactly_apart_from_spaces_and_case() {
        assert_eq!(
            reference_key(Some(" 3栋 1203 ")),
            reference_key(Some("3栋1203"))
        );
        assert_eq!(
            reference_key(Some("SF1234AB")),
            reference_key(Some("sf1234ab"))
        );
        assert_ne!(
            reference_key(Some("3栋1203")),
            reference_key(Some("3栋1204"))
        );
        assert_ne!(
            reference_key(Some("Room 12")),
            reference_key(Some("Room 120"))
        );
        assert_eq!(reference_key(Some("  ")), None);
    }

    #[test]
    fn names_fold_spaces_and_case() {
        assert_eq!(name_key("  Li   Wei "), name_key("li wei"));
        assert_eq!(name_key("王 芳").as_deref(), Some("王 芳"));
        assert_eq!(name_key(" "), None);
    }

    #[test]
    fn a_name_alone_never_links() {
        assert_eq!(auto_choice(&[(7, vec![Name])]), None);
        assert_eq!(auto_choice(&[]), None);
    }

    #[test]
    fn phone_and_reference_beat_phone_which_beats_reference() {
        let candidates = vec![
            (1, vec![Reference, Name]),
            (2, vec![Phone]),
            (3, vec![Name]),
        ];
        assert_eq!(auto_choice(&candidates), Some(2));
        let candidates = vec![(1, vec![Phone]), (2, vec![Phone, Reference])];
        assert_eq!(auto_choice(&candidates), Some(2));
        let candidates = vec![(4, vec![Reference]), (5, vec![Reference])];
        assert_eq!(auto_choice(&candidates), Some(4));
    }
}
