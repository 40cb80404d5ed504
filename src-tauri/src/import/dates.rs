//! Dates and times as old logs write them: `2024-03-01`, `2024/3/1`, `2024.3.1`,
//! `2024年3月1日`, each with an optional time (`10:30`, `10:30:15`, `10时30分`, `下午 3:30`),
//! ISO `2024-03-01T10:30`, and Excel serial day numbers. All are local to the branch, except an
//! ISO 8601 time that carries its own offset (`2026-03-01T10:00:00+08:00`, `…T02:00:00Z`):
//! that names one instant, read by [`parse_instant`].

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Utc};

/// A local date and time read from a cell; `has_time` is false when only a day was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalStamp {
    /// The local date and time (midnight when no time was written).
    pub at: NaiveDateTime,
    /// Whether the cell gave a time of day.
    pub has_time: bool,
}

/// Excel serials from 2000-01-01 (36526) to 2199-12-31 (109574): plausible complaint dates,
/// and not a phone or order number that happens to be in a date column.
const SERIAL_RANGE: std::ops::RangeInclusive<f64> = 36_526.0..=109_574.0;

/// Reads an Excel serial day number (1900 date system; the fraction is the time of day).
pub fn from_serial(serial: f64) -> Option<LocalStamp> {
    if !SERIAL_RANGE.contains(&serial) {
        return None;
    }
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?.and_time(NaiveTime::MIN);
    // Whole seconds, rounded: Excel stores 10:30 as 0.4375 but 10:31 as 0.43819444….
    let seconds = (serial * 86_400.0).round() as i64;
    let at = epoch.checked_add_signed(TimeDelta::seconds(seconds))?;
    Some(LocalStamp {
        at,
        has_time: seconds % 86_400 != 0,
    })
}

/// ISO 8601 date-times with an offset (`+08:00`, `+0800`) or `Z`, with `T` or a space, with or
/// without seconds and their fraction.
const INSTANT_FORMATS: [&str; 6] = [
    "%Y-%m-%dT%H:%M:%S%.f%:z",
    "%Y-%m-%dT%H:%M%:z",
    "%Y-%m-%d %H:%M:%S%.f%:z",
    "%Y-%m-%d %H:%M%:z",
    "%Y-%m-%dT%H:%M:%S%.f%z",
    "%Y-%m-%d %H:%M:%S%.f%z",
];

/// Reads an ISO 8601 time with an explicit offset or `Z` as the instant it names; `None` for
/// any time without one (those are local to the branch: see [`parse_text`]).
pub fn parse_instant(text: &str) -> Option<DateTime<Utc>> {
    let text = text.trim();
    let text = match text.strip_suffix(['Z', 'z']) {
        Some(utc) => format!("{utc}+00:00"),
        None => text.to_owned(),
    };
    INSTANT_FORMATS
        .iter()
        .find_map(|format| DateTime::parse_from_str(&text, format).ok())
        .map(|at| at.with_timezone(&Utc))
}

/// Reads a written date with an optional time; `None` when it is not one of the known forms
/// or names a day that does not exist.
pub fn parse_text(text: &str) -> Option<LocalStamp> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if let Ok(serial) = text.parse::<f64>() {
        return from_serial(serial);
    }
    let (afternoon, morning) = (
        text.contains("下午") || text.contains("晚上") || has_word(text, "pm"),
        text.contains("上午") || text.contains("凌晨") || has_word(text, "am"),
    );
    let mut numbers: Vec<u32> = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() {
            current.push(c);
            continue;
        }
        if !current.is_empty() {
            numbers.push(current.parse().ok()?);
            current.clear();
        }
        if !is_separator(c) {
            return None;
        }
    }
    if !current.is_empty() {
        numbers.push(current.parse().ok()?);
    }
    // Only a four-digit year comes first: 3/1/2024 could be March or January.
    if !text.starts_with(|c: char| c.is_ascii_digit())
        || text.find(|c: char| !c.is_ascii_digit()) != Some(4)
    {
        return None;
    }
    // year month day [hour minute [second [fraction]]]
    let (date, time) = match numbers.as_slice() {
        [y, m, d] => (date_of(*y, *m, *d)?, None),
        [y, m, d, h, min] => (date_of(*y, *m, *d)?, Some((*h, *min, 0))),
        [y, m, d, h, min, s] | [y, m, d, h, min, s, _] => {
            (date_of(*y, *m, *d)?, Some((*h, *min, *s)))
        }
        _ => return None,
    };
    let Some((mut hour, minute, second)) = time else {
        return Some(LocalStamp {
            at: date.and_time(NaiveTime::MIN),
            has_time: false,
        });
    };
    if afternoon && (1..12).contains(&hour) {
        hour += 12;
    } else if morning && hour == 12 {
        hour = 0;
    }
    let time = NaiveTime::from_hms_opt(hour, minute, second)?;
    Some(LocalStamp {
        at: date.and_time(time),
        has_time: true,
    })
}

fn date_of(year: u32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// Characters that may stand between the numbers of a date and time.
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '/'
                | '.'
                | ':'
                | 'T'
                | '年'
                | '月'
                | '日'
                | '号'
                | '时'
                | '点'
                | '分'
                | '秒'
                | '：'
                | '上'
                | '下'
                | '午'
                | '晚'
                | '凌'
                | '晨'
                | 'a'
                | 'p'
                | 'm'
                | 'A'
                | 'P'
                | 'M'
        )
}

fn has_word(text: &str, word: &str) -> bool {
    text.to_ascii_lowercase()
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|part| part == word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Option<String> {
        parse_text(text).map(|s| s.at.format("%Y-%m-%d %H:%M:%S").to_string())
    }

    #[test]
    fn common_written_forms_are_read() {
        let cases = [
            ("2024-03-01", "2024-03-01 00:00:00"),
            ("2024/3/1", "2024-03-01 00:00:00"),
            ("2024.3.1", "2024-03-01 00:00:00"),
            ("2024年3月1日", "2024-03-01 00:00:00"),
            (" 2024年03月01号 ", "2024-03-01 00:00:00"),
            ("2024-03-01 10:30", "2024-03-01 10:30:00"),
            ("2024/3/1 9:05:07", "2024-03-01 09:05:07"),
            ("2024-03-01T10:30", "2024-03-01 10:30:00"),
            ("2024-03-01 10:30:00.000", "2024-03-01 10:30:00"),
            ("2024年3月1日 14:20", "2024-03-01 14:20:00"),
            ("2024年3月1日10时30分", "2024-03-01 10:30:00"),
            ("2024/3/1 下午 3:30", "2024-03-01 15:30:00"),
            ("2024/3/1 上午 12:10", "2024-03-01 00:10:00"),
            ("2024-03-01 3:30 PM", "2024-03-01 15:30:00"),
        ];
        for (text, expected) in cases {
            assert_eq!(at(text).as_deref(), Some(expected), "{text}");
        }
        assert!(!parse_text("2024-03-01").unwrap().has_time);
        assert!(parse_text("2024-03-01 00:00").unwrap().has_time);
    }

    #[test]
    fn an_explicit_offset_or_z_names_one_instant() {
        let utc = |text: &str| parse_instant(text).map(|at| at.to_rfc3339());
        let two_am_utc = Some("2026-03-01T02:00:00+00:00".to_owned());
        for text in [
            "2026-03-01T10:00:00+08:00",
            "2026-03-01T02:00:00Z",
            "2026-03-01 02:00:00z",
            "2026-03-01T10:00+08:00",
            "2026-03-01 10:00:00+0800",
            "2026-03-01T02:00:00.000Z",
            "2026-02-28T21:00:00-05:00",
        ] {
            assert_eq!(utc(text), two_am_utc, "{text}");
        }
        for local in [
            "2026-03-01 10:00",
            "2026-03-01T10:00:00",
            "2026年3月1日 10:00",
        ] {
            assert_eq!(parse_instant(local), None, "{local}");
        }
        // Z is no longer taken for a separator of a local time: it is an offset, or nothing.
        assert_eq!(parse_text("2026-03-01T02:00:00Z"), None);
    }

    #[test]
    fn excel_serials_are_days_since_1899_12_30() {
        assert_eq!(at("45352").as_deref(), Some("2024-03-01 00:00:00"));
        assert_eq!(at("45352.4375").as_deref(), Some("2024-03-01 10:30:00"));
        let stamp = from_serial(45352.43819444444).unwrap();
        assert_eq!(stamp.at.format("%H:%M:%S").to_string(), "10:31:00");
        assert!(stamp.has_time);
        assert!(!from_serial(45352.0).unwrap().has_time);
        // A phone number or a small count in a date column is not a date.
        assert_eq!(from_serial(13_800_001_234.0), None);
        assert_eq!(from_serial(12.0), None);
    }

    #[test]
    fn impossible_ambiguous_and_foreign_forms_are_refused() {
        for text in [
            "",
            "2023-02-29",
            "2024-13-01",
            "2024-03-01 25:00",
            "3/1/2024",
            "01.03.2024",
            "yesterday",
            "2024-03",
            "2024-03-01 10",
            "=NOW()",
            "二〇二四年三月一日",
            "20240301",
        ] {
            assert_eq!(parse_text(text), None, "{text}");
        }
    }
}
