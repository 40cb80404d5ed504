//! Phrase tables for demo cases, written for this app. Every phrase is a pair `"中文|English"`
//! on one line, so the two languages stay side by side and each table stays short.

mod common;
mod hotel;
mod people;
mod postal;
mod property;

use super::rng::Rng;
use crate::cases::RootCause;
use crate::settings::Industry;

pub use common::{
    ACTIONS, DETAILS, FOLLOW_UP_GOOD, FOLLOW_UP_POOR, GRADE_LOWERED, INVALID_REASONS,
    PAUSE_REASONS, REOPEN_REASONS, UNREACHABLE_NOTES, channel_opener, feeling,
};
pub use people::{EN_NAMES, GIVEN_NAMES, MOBILE_PREFIXES, SURNAMES, staff};

/// The Chinese or the English half of a `"中文|English"` pair.
pub fn half(pair: &'static str, english: bool) -> &'static str {
    match pair.split_once('|') {
        Some((zh, en)) => {
            if english {
                en
            } else {
                zh
            }
        }
        None => pair,
    }
}

/// One phrase of `table`, picked at random, in the chosen language.
pub fn say(rng: &mut Rng, table: &'static [&'static str], english: bool) -> &'static str {
    let pair: &&'static str = rng.pick(table);
    half(pair, english)
}

/// What complaints of one category say, and how the branch usually handles them.
#[derive(Debug)]
pub struct Topic {
    /// The category's seed key.
    pub key: &'static str,
    /// How common the category is relative to the others.
    pub weight: u32,
    /// The department that usually handles it.
    pub department: &'static str,
    /// The usual root cause.
    pub cause: RootCause,
    /// What happened.
    pub issues: &'static [&'static str],
    /// What the customer asks for.
    pub requests: &'static [&'static str],
}

/// The topics of an industry's own categories.
fn industry_topics(industry: Industry) -> &'static [Topic] {
    match industry {
        Industry::Postal => postal::TOPICS,
        Industry::Hotel => hotel::TOPICS,
        Industry::Property => property::TOPICS,
        Industry::Other => &[],
    }
}

/// The topic for a category: the industry's own, a common one, or "other" for a category the
/// user named themselves.
pub fn topic(industry: Industry, seed_key: Option<&str>) -> &'static Topic {
    let key = seed_key.unwrap_or("other");
    industry_topics(industry)
        .iter()
        .chain(common::TOPICS)
        .find(|topic| topic.key == key)
        .unwrap_or(&common::TOPICS[common::TOPICS.len() - 1])
}

/// How the industry identifies what a complaint is about: a tracking number, a room or a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReferenceKind {
    /// Courier tracking numbers (SF…, YT…, ZT…, JD…).
    Tracking,
    /// Hotel rooms.
    Room,
    /// Building and unit numbers.
    Unit,
}

/// The reference kind an industry uses.
pub fn reference_kind(industry: Industry) -> ReferenceKind {
    match industry {
        Industry::Postal => ReferenceKind::Tracking,
        Industry::Hotel => ReferenceKind::Room,
        Industry::Property | Industry::Other => ReferenceKind::Unit,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_seeded_category_has_a_topic_with_text_in_both_languages() {
        for industry in Industry::ALL {
            for key in industry.default_categories() {
                let topic = topic(industry, Some(key));
                assert_eq!(topic.key, key, "{industry:?}");
                for pair in topic.issues.iter().chain(topic.requests) {
                    let (zh, en) = pair.split_once('|').expect(pair);
                    assert!(
                        !zh.is_empty() && !en.is_empty() && !en.contains('|'),
                        "{pair}"
                    );
                }
                assert!(!topic.issues.is_empty() && !topic.requests.is_empty());
            }
        }
        assert_eq!(topic(Industry::Hotel, None).key, "other");
        assert_eq!(topic(Industry::Hotel, Some("renamed")).key, "other");
    }

    #[test]
    fn halves_split_on_the_bar() {
        assert_eq!(half("漏水|leak", false), "漏水");
        assert_eq!(half("漏水|leak", true), "leak");
    }
}
