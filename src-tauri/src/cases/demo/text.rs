//! The words of a demo case: who complained, how to reach them, what it is about and what
//! they said, in Chinese or English.

use super::phrases::{
    self, DETAILS, EN_NAMES, GIVEN_NAMES, MOBILE_PREFIXES, ReferenceKind, SURNAMES, Topic, half,
    say,
};
use super::rng::Rng;
use crate::cases::{Channel, CustomerType};

/// Who complained, kept so the same customer can come back with another complaint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Customer {
    /// Name; empty when they would not give one.
    pub name: String,
    /// Mobile number as they gave it.
    pub phone: Option<String>,
    /// Room, unit or tracking number.
    pub reference: Option<String>,
    /// Writes in English.
    pub english: bool,
}

/// A new customer.
pub fn customer(rng: &mut Rng, kind: ReferenceKind, channel: Channel, english: bool) -> Customer {
    // Letters often come without a phone number; everyone else is asked for one.
    let has_phone = rng.chance(if channel == Channel::Letter {
        0.4
    } else {
        0.92
    });
    Customer {
        name: name(rng, english),
        phone: has_phone.then(|| mobile(rng)),
        reference: rng.chance(0.85).then(|| reference(rng, kind, english)),
        english,
    }
}

fn name(rng: &mut Rng, english: bool) -> String {
    if english {
        return (*rng.pick(EN_NAMES)).to_owned();
    }
    let surname = *rng.pick(SURNAMES);
    match rng.below(20) {
        0 => String::new(),
        1..=7 => format!("{surname}{}", if rng.chance(0.5) { "先生" } else { "女士" }),
        _ => format!("{surname}{}", rng.pick(GIVEN_NAMES)),
    }
}

/// A mainland mobile number, written the ways people write them.
fn mobile(rng: &mut Rng) -> String {
    let prefix = *rng.pick(MOBILE_PREFIXES);
    let (middle, last) = (rng.digits(4), rng.digits(4));
    match rng.below(10) {
        0..=5 => format!("{prefix}{middle}{last}"),
        6..=8 => format!("{prefix} {middle} {last}"),
        _ => format!("+86 {prefix}-{middle}-{last}"),
    }
}

fn reference(rng: &mut Rng, kind: ReferenceKind, english: bool) -> String {
    match kind {
        ReferenceKind::Tracking => match rng.below(4) {
            0 | 1 => format!("SF{}", rng.digits(12)),
            2 => format!("YT{}", rng.digits(13)),
            _ => format!("ZT{}", rng.digits(12)),
        },
        ReferenceKind::Room => {
            let room = rng.range(2, 18) * 100 + rng.range(1, 36);
            if english {
                format!("Room {room}")
            } else {
                format!("{room}房")
            }
        }
        ReferenceKind::Unit => {
            let (building, entrance) = (rng.range(1, 24), rng.range(1, 4));
            let unit = rng.range(1, 32) * 100 + rng.range(1, 4);
            if english {
                format!("Bldg {building}-{entrance}-{unit}")
            } else {
                format!("{building}栋{entrance}单元{unit}")
            }
        }
    }
}

/// What happened, as the person who took the complaint wrote it down.
pub fn description(
    rng: &mut Rng,
    topic: &Topic,
    channel: Channel,
    kind: CustomerType,
    english: bool,
) -> String {
    let opener = half(phrases::channel_opener(channel), english);
    let issue = say(rng, topic.issues, english);
    let feeling = say(rng, phrases::feeling(kind), english);
    let detail = rng.chance(0.45).then(|| say(rng, DETAILS, english));
    match (english, detail) {
        (false, Some(detail)) => format!("{opener}{issue}，{detail}。{feeling}。"),
        (false, None) => format!("{opener}{issue}。{feeling}。"),
        (true, Some(detail)) => format!("{opener} {issue}; {detail}. {}.", capital(feeling)),
        (true, None) => format!("{opener} {issue}. {}.", capital(feeling)),
    }
}

/// What the customer asks for.
pub fn request(rng: &mut Rng, topic: &Topic, english: bool) -> String {
    let text = say(rng, topic.requests, english);
    if english {
        capital(text)
    } else {
        text.to_owned()
    }
}

/// `text` with its first letter in upper case.
pub fn capital(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Industry;

    #[test]
    fn phones_are_mainland_mobiles_that_intake_accepts() {
        let mut rng = Rng::new(3);
        for _ in 0..200 {
            let phone = mobile(&mut rng);
            let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
            assert!(digits.len() == 11 || digits.starts_with("86") && digits.len() == 13);
            assert!(digits.trim_start_matches("86").starts_with('1'), "{phone}");
            assert!(crate::input::optional_phone("phone", Some(&phone)).is_ok());
        }
    }

    #[test]
    fn references_follow_the_industry() {
        let mut rng = Rng::new(5);
        let tracking = reference(&mut rng, ReferenceKind::Tracking, false);
        assert!(
            ["SF", "YT", "ZT"].iter().any(|p| tracking.starts_with(p)),
            "{tracking}"
        );
        assert!(reference(&mut rng, ReferenceKind::Room, true).starts_with("Room "));
        assert!(reference(&mut rng, ReferenceKind::Unit, false).contains('栋'));
    }

    #[test]
    fn descriptions_read_as_one_language() {
        let mut rng = Rng::new(9);
        let topic = phrases::topic(Industry::Property, Some("repairs"));
        let zh = description(&mut rng, topic, Channel::Phone, CustomerType::Angry, false);
        assert!(
            zh.starts_with("客户来电反映：") && zh.ends_with('。'),
            "{zh}"
        );
        let en = description(
            &mut rng,
            topic,
            Channel::Media,
            CustomerType::Activist,
            true,
        );
        assert!(
            en.starts_with("Posted on social media: ") && en.is_ascii(),
            "{en}"
        );
        assert_eq!(capital("wants it"), "Wants it");
    }
}
