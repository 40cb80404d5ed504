//! Branch settings: the branch itself, language, complaint categories and time limits per grade.
//! Types and rules only; the SQL lives in `repo.rs`.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Invalid, Result};
use crate::input::{MAX_NAME_CHARS, required_line};

/// The kind of business a branch runs; it chooses default categories and time limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Industry {
    /// A property-management project (residential or commercial).
    Property,
    /// A hotel.
    Hotel,
    /// A postal or express-delivery outlet.
    Postal,
    /// Anything else.
    Other,
}

impl Industry {
    /// Every industry, in the order the UI lists them.
    pub const ALL: [Industry; 4] = [
        Industry::Property,
        Industry::Hotel,
        Industry::Postal,
        Industry::Other,
    ];

    /// The code stored in the database and used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Industry::Property => "property",
            Industry::Hotel => "hotel",
            Industry::Postal => "postal",
            Industry::Other => "other",
        }
    }

    /// Parses an industry code.
    pub fn parse(field: &str, value: &str) -> Result<Self> {
        Self::ALL
            .into_iter()
            .find(|industry| industry.as_str() == value.trim())
            .ok_or_else(|| Error::invalid(field, Invalid::Industry))
    }

    /// The default complaint categories (dictionary keys), industry-specific ones first.
    pub fn default_categories(self) -> Vec<&'static str> {
        let specific: &[&str] = match self {
            Industry::Postal => &[
                "delivery_delay",
                "parcel_loss",
                "parcel_damage",
                "wrong_delivery",
                "shipping_fees",
                "pickup",
                "counter_queue",
                "tracking_info",
            ],
            Industry::Hotel => &[
                "room_cleanliness",
                "facilities",
                "noise",
                "front_desk",
                "food_beverage",
                "billing",
                "reservation",
                "safety",
            ],
            Industry::Property => &[
                "building_quality",
                "repairs",
                "security",
                "cleaning",
                "property_fees",
                "parking",
                "neighbours",
                "shared_facilities",
            ],
            Industry::Other => &[],
        };
        let common = ["service_attitude", "communication", "price", "other"];
        specific.iter().copied().chain(common).collect()
    }

    /// The default time limits for grades 1–4; grade 1 (crisis) is the tightest.
    pub fn default_time_limits(self) -> [TimeLimit; 4] {
        // Hotel guests leave within days, so a hotel must act faster than a property office.
        let table: [(u32, u32); 4] = match self {
            Industry::Hotel => [(1, 1), (2, 2), (4, 3), (8, 7)],
            Industry::Postal => [(1, 1), (4, 3), (8, 5), (24, 7)],
            Industry::Property | Industry::Other => [(1, 1), (4, 3), (12, 7), (24, 14)],
        };
        let mut limits = [TimeLimit::default(); 4];
        for (index, (hours, days)) in table.into_iter().enumerate() {
            limits[index] = TimeLimit {
                grade: index as u8 + 1,
                acknowledge_hours: hours,
                resolve_days: days,
            };
        }
        limits
    }
}

/// The UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Language {
    /// Simplified Chinese.
    #[serde(rename = "zh-CN")]
    ZhCn,
    /// English.
    #[serde(rename = "en")]
    En,
}

impl Language {
    /// The language tag stored and sent to the UI.
    pub fn as_str(self) -> &'static str {
        match self {
            Language::ZhCn => "zh-CN",
            Language::En => "en",
        }
    }

    /// Parses `zh-CN` or `en` (also `zh`, `zh_CN`, `en-US`…).
    pub fn parse(field: &str, value: &str) -> Result<Self> {
        let lower = value.trim().to_ascii_lowercase();
        if lower == "zh" || lower.starts_with("zh-") || lower.starts_with("zh_") {
            Ok(Language::ZhCn)
        } else if lower == "en" || lower.starts_with("en-") || lower.starts_with("en_") {
            Ok(Language::En)
        } else {
            Err(Error::invalid(field, Invalid::Language))
        }
    }

    /// The language to start in, from an OS locale such as `zh-Hans-CN` or `en_GB.UTF-8`.
    pub fn from_locale(locale: Option<&str>) -> Self {
        match locale {
            Some(tag) if tag.to_ascii_lowercase().starts_with("zh") => Language::ZhCn,
            _ => Language::En,
        }
    }
}

/// A branch code: 2–12 ASCII letters or digits, stored upper-case. It goes into case numbers and
/// file names, so nothing else is allowed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BranchCode(String);

impl BranchCode {
    /// Parses and upper-cases a branch code.
    pub fn parse(field: &str, value: &str) -> Result<Self> {
        let code = value.trim();
        if code.is_empty() {
            return Err(Error::invalid(field, Invalid::Required));
        }
        let ok = (2..=12).contains(&code.len()) && code.chars().all(|c| c.is_ascii_alphanumeric());
        if !ok {
            return Err(Error::invalid(field, Invalid::BranchCode));
        }
        Ok(BranchCode(code.to_ascii_uppercase()))
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Checks an IANA time-zone name such as `Asia/Shanghai`.
pub fn parse_timezone(field: &str, value: &str) -> Result<chrono_tz::Tz> {
    value
        .trim()
        .parse::<chrono_tz::Tz>()
        .map_err(|_| Error::invalid(field, Invalid::Timezone))
}

/// The branch's details as the user typed them (first-run setup and settings).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BranchInput {
    /// Display name.
    pub name: String,
    /// Branch code (letters and digits).
    pub code: String,
    /// Industry code.
    pub industry: String,
    /// IANA time zone.
    pub timezone: String,
}

/// Branch details that passed every rule.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidBranch {
    /// Display name.
    pub name: String,
    /// Branch code.
    pub code: BranchCode,
    /// Industry.
    pub industry: Industry,
    /// IANA time zone.
    pub timezone: chrono_tz::Tz,
}

impl BranchInput {
    /// Applies every rule; the first failing field is reported.
    pub fn parse(&self) -> Result<ValidBranch> {
        Ok(ValidBranch {
            name: required_line("name", &self.name, MAX_NAME_CHARS)?,
            code: BranchCode::parse("code", &self.code)?,
            industry: Industry::parse("industry", &self.industry)?,
            timezone: parse_timezone("timezone", &self.timezone)?,
        })
    }
}

/// The branch as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Branch {
    /// Display name.
    pub name: String,
    /// Branch code, upper-case.
    pub code: String,
    /// Industry code.
    pub industry: Industry,
    /// IANA time zone.
    pub timezone: String,
    /// When the branch was set up (RFC 3339, UTC).
    pub created_at: String,
}

/// A complaint category.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Category {
    /// Row id.
    pub id: i64,
    /// Dictionary key of a seeded category, translated by the UI while `name` is empty.
    pub seed_key: Option<String>,
    /// The user's own name for it, if any.
    pub name: Option<String>,
    /// Order in lists, from 1.
    pub position: i64,
    /// Hidden categories are kept for old cases but not offered for new ones.
    pub hidden: bool,
}

/// How quickly a case of one grade must be acknowledged and resolved.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TimeLimit {
    /// Grade 1 (crisis) to 4 (general).
    pub grade: u8,
    /// Hours allowed before the customer must hear back.
    pub acknowledge_hours: u32,
    /// Days allowed to resolve.
    pub resolve_days: u32,
}

/// Checks a full set of time limits: one per grade 1–4, acknowledge 1–720 hours,
/// resolve 1–365 days. Returns them ordered by grade.
pub fn parse_time_limits(limits: &[TimeLimit]) -> Result<[TimeLimit; 4]> {
    let mut ordered = [TimeLimit::default(); 4];
    for grade in 1..=4u8 {
        let limit = limits.iter().find(|l| l.grade == grade).ok_or_else(|| {
            Error::invalid(
                format!("limits.{grade}.acknowledgeHours"),
                Invalid::Required,
            )
        })?;
        if !(1..=720).contains(&limit.acknowledge_hours) {
            return Err(Error::invalid(
                format!("limits.{grade}.acknowledgeHours"),
                Invalid::Range,
            ));
        }
        if !(1..=365).contains(&limit.resolve_days) {
            return Err(Error::invalid(
                format!("limits.{grade}.resolveDays"),
                Invalid::Range,
            ));
        }
        ordered[usize::from(grade - 1)] = *limit;
    }
    if limits.len() != 4 {
        return Err(Error::invalid("limits", Invalid::Range));
    }
    Ok(ordered)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn branch_codes_are_letters_and_digits_upper_cased() {
        assert_eq!(
            BranchCode::parse("code", " sh01 ").unwrap().as_str(),
            "SH01"
        );
        for bad in ["A", "TOOLONGCODE123", "SH-01", "上海01", "A B", "<b>"] {
            assert!(
                BranchCode::parse("code", bad).is_err(),
                "{bad} should be refused"
            );
        }
        assert!(matches!(
            BranchCode::parse("code", ""),
            Err(Error::Invalid {
                kind: Invalid::Required,
                ..
            })
        ));
    }

    #[test]
    fn every_industry_seeds_the_common_categories_once() {
        for industry in Industry::ALL {
            let categories = industry.default_categories();
            let unique: std::collections::HashSet<_> = categories.iter().collect();
            assert_eq!(
                unique.len(),
                categories.len(),
                "{industry:?} repeats a category"
            );
            assert!(categories.ends_with(&["service_attitude", "communication", "price", "other"]));
        }
        assert!(
            Industry::Postal
                .default_categories()
                .contains(&"delivery_delay")
        );
        assert!(
            Industry::Hotel
                .default_categories()
                .contains(&"room_cleanliness")
        );
        assert!(Industry::Property.default_categories().contains(&"repairs"));
    }

    #[test]
    fn grade_one_is_always_the_tightest_limit() {
        for industry in Industry::ALL {
            let limits = industry.default_time_limits();
            assert_eq!(limits.map(|l| l.grade), [1, 2, 3, 4]);
            for pair in limits.windows(2) {
                assert!(pair[0].acknowledge_hours <= pair[1].acknowledge_hours);
                assert!(pair[0].resolve_days <= pair[1].resolve_days);
            }
            assert!(parse_time_limits(&limits).is_ok());
        }
    }

    #[test]
    fn time_limits_reject_out_of_range_and_missing_grades() {
        let mut limits = Industry::Hotel.default_time_limits();
        limits[1].resolve_days = 0;
        let err = parse_time_limits(&limits).unwrap_err();
        assert_eq!(err.field(), Some("limits.2.resolveDays"));
        assert!(parse_time_limits(&limits[..3]).is_err());
    }

    #[test]
    fn languages_parse_from_tags_and_locales() {
        assert_eq!(
            Language::parse("language", "zh-CN").unwrap(),
            Language::ZhCn
        );
        assert_eq!(Language::parse("language", "en").unwrap(), Language::En);
        assert!(Language::parse("language", "fr").is_err());
        assert_eq!(Language::from_locale(Some("zh-Hans-CN")), Language::ZhCn);
        assert_eq!(Language::from_locale(Some("en_GB.UTF-8")), Language::En);
        assert_eq!(Language::from_locale(None), Language::En);
    }

    #[test]
    fn branch_input_reports_the_first_bad_field() {
        let input = BranchInput {
            name: "虹桥服务中心".into(),
            code: "HQ1".into(),
            industry: "bank".into(),
            timezone: "Asia/Shanghai".into(),
        };
        assert_eq!(input.parse().unwrap_err().field(), Some("industry"));
        let input = BranchInput {
            industry: "postal".into(),
            timezone: "Mars/Base".into(),
            ..input
        };
        assert_eq!(input.parse().unwrap_err().field(), Some("timezone"));
    }
}
