//! Case numbers such as `SH01-202410-0007`: the branch code, the month the complaint was
//! received in branch local time, and a sequence that restarts every month.

use std::fmt;

use chrono::{DateTime, Datelike, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::error::{Error, Invalid, Result};
use crate::settings::model::BranchCode;

/// A case number. Serialised as its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseNumber {
    branch: BranchCode,
    year: i32,
    month: u32,
    sequence: u32,
}

impl CaseNumber {
    /// Builds the number of the `sequence`-th case (from 1) of a local month. The year must have
    /// four digits so that numbers sort and read the same everywhere.
    pub fn new(branch_code: &str, local_month: (i32, u32), sequence: u32) -> Result<CaseNumber> {
        let branch = BranchCode::parse("caseNumber", branch_code)
            .map_err(|_| Error::invalid("caseNumber", Invalid::CaseNumber))?;
        let (year, month) = local_month;
        let valid = (1000..=9999).contains(&year) && (1..=12).contains(&month) && sequence >= 1;
        if !valid {
            return Err(Error::invalid("caseNumber", Invalid::CaseNumber));
        }
        Ok(CaseNumber {
            branch,
            year,
            month,
            sequence,
        })
    }

    /// Parses a case number as it is displayed; the branch code may be typed in lower case.
    /// Only the canonical form is accepted (`-0007`, not `-007` or `-00007`), so one case never
    /// has two spellings.
    pub fn parse(field: &str, value: &str) -> Result<CaseNumber> {
        let refuse = || Error::invalid(field, Invalid::CaseNumber);
        let mut parts = value.trim().rsplitn(3, '-');
        let (Some(sequence), Some(month), Some(branch)) =
            (parts.next(), parts.next(), parts.next())
        else {
            return Err(refuse());
        };
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(sequence) || !digits(month) || month.len() != 6 {
            return Err(refuse());
        }
        let year = month[..4].parse().map_err(|_| refuse())?;
        let month = month[4..].parse().map_err(|_| refuse())?;
        let number = sequence.parse().map_err(|_| refuse())?;
        let parsed = CaseNumber::new(branch, (year, month), number).map_err(|_| refuse())?;
        if parsed.to_string() != value.trim().to_ascii_uppercase() {
            return Err(refuse());
        }
        Ok(parsed)
    }

    /// The branch code, upper-case.
    pub fn branch_code(&self) -> &str {
        self.branch.as_str()
    }

    /// The local month the case belongs to, as `(year, month)`.
    pub fn local_month(&self) -> (i32, u32) {
        (self.year, self.month)
    }

    /// The case's place in its month, from 1.
    pub fn sequence(&self) -> u32 {
        self.sequence
    }
}

impl fmt::Display for CaseNumber {
    /// At least four sequence digits, more once a month passes 9999 cases.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}-{:04}{:02}-{:04}",
            self.branch.as_str(),
            self.year,
            self.month,
            self.sequence
        )
    }
}

impl Serialize for CaseNumber {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The month, in branch local time, that an instant falls in: what a case is numbered and
/// counted under.
pub fn local_month_of(received_at: DateTime<Utc>, tz: Tz) -> (i32, u32) {
    let local = received_at.with_timezone(&tz);
    (local.year(), local.month())
}

#[cfg(test)]
mod tests {
    use chrono_tz::{America, Asia};

    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .expect("an RFC 3339 instant")
            .with_timezone(&Utc)
    }

    #[test]
    fn numbers_read_branch_month_and_a_padded_sequence() {
        let number = CaseNumber::new("sh01", (2024, 10), 7).unwrap();
        assert_eq!(number.to_string(), "SH01-202410-0007");
        assert_eq!(serde_json::to_value(&number).unwrap(), "SH01-202410-0007");
        assert_eq!(number.branch_code(), "SH01");
        assert_eq!(number.local_month(), (2024, 10));
        assert_eq!(number.sequence(), 7);
        assert_eq!(
            CaseNumber::new("HQ", (2025, 1), 9999).unwrap().to_string(),
            "HQ-202501-9999"
        );
        assert_eq!(
            CaseNumber::new("HQ", (2025, 1), 10_000)
                .unwrap()
                .to_string(),
            "HQ-202501-10000"
        );
    }

    #[test]
    fn impossible_numbers_are_refused() {
        for (code, month, sequence) in [
            ("SH-01", (2024, 10), 1),
            ("S", (2024, 10), 1),
            ("SH01", (2024, 13), 1),
            ("SH01", (2024, 0), 1),
            ("SH01", (999, 1), 1),
            ("SH01", (2024, 1), 0),
        ] {
            let err = CaseNumber::new(code, month, sequence).unwrap_err();
            assert_eq!(
                err.code(),
                "invalid.case_number",
                "{code} {month:?} {sequence}"
            );
        }
    }

    #[test]
    fn parse_reads_back_exactly_what_display_writes() {
        for text in [
            "SH01-202410-0007",
            "HQ-202501-10000",
            "AB12CD34EF56-199912-0001",
        ] {
            let number = CaseNumber::parse("q", text).unwrap();
            assert_eq!(number.to_string(), text);
        }
        let typed = CaseNumber::parse("q", " sh01-202410-0007 ").unwrap();
        assert_eq!(typed, CaseNumber::new("SH01", (2024, 10), 7).unwrap());
        for bad in [
            "",
            "SH01",
            "SH01-202410",
            "SH01-2024-10-0007",
            "SH01-202410-007",
            "SH01-202410-00007",
            "SH01-202413-0001",
            "SH01-202410-0000",
            "SH01-20241-0001",
            "SH 01-202410-0001",
            "=SH01-202410-0001",
            "SH01-202410-+001",
            "SH01-202410-99999999999",
        ] {
            let err = CaseNumber::parse("q", bad).unwrap_err();
            assert_eq!(
                (err.field(), err.code()),
                (Some("q"), "invalid.case_number"),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn the_month_is_the_branch_local_month() {
        // 23:30 on 31 October in Los Angeles is already 1 November in UTC and in Shanghai.
        let la_evening = utc("2024-11-01T06:30:00Z");
        assert_eq!(local_month_of(la_evening, America::Los_Angeles), (2024, 10));
        assert_eq!(local_month_of(la_evening, Asia::Shanghai), (2024, 11));
        // 00:30 on 1 November in Shanghai is still 31 October in UTC.
        let shanghai_night = utc("2024-10-31T16:30:00Z");
        assert_eq!(local_month_of(shanghai_night, Asia::Shanghai), (2024, 11));
        assert_eq!(
            local_month_of(shanghai_night, America::Los_Angeles),
            (2024, 10)
        );
        // 23:30 on 31 October in Shanghai stays in October.
        assert_eq!(
            local_month_of(utc("2024-10-31T15:30:00Z"), Asia::Shanghai),
            (2024, 10)
        );
        // New Year's Eve crosses the year, not only the month.
        assert_eq!(
            local_month_of(utc("2024-12-31T20:00:00Z"), Asia::Shanghai),
            (2025, 1)
        );
        assert_eq!(
            local_month_of(utc("2025-01-01T03:00:00Z"), America::Los_Angeles),
            (2024, 12)
        );
    }
}
