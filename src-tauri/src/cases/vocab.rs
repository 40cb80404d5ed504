//! The fixed vocabularies of a case: how it reached the branch, what kind of customer raised it
//! and what really caused it. Each value has a stable snake_case code shared by the database,
//! serde and the UI dictionary.

use serde::{Deserialize, Serialize};

/// Declares a closed vocabulary: the enum, `ALL`, `as_str` and `parse`, with serde using the same
/// codes as `as_str` so the two can never drift apart.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $($(#[$variant_meta:meta])* $variant:ident => $code:literal,)+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$variant_meta])* #[serde(rename = $code)] $variant,)+
        }

        impl $name {
            /// Every value, in the order the UI lists them.
            pub const ALL: &[$name] = &[$($name::$variant),+];

            /// The stable code stored in the database and sent to the UI.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)+
                }
            }

            /// Parses a code; anything else is refused as `invalid.choice` on `field`.
            pub fn parse(field: &str, value: &str) -> crate::error::Result<Self> {
                let value = value.trim();
                Self::ALL
                    .iter()
                    .copied()
                    .find(|known| known.as_str() == value)
                    .ok_or_else(|| {
                        crate::error::Error::invalid(field, crate::error::Invalid::Choice)
                    })
            }
        }
    };
}

pub(crate) use vocabulary;

vocabulary! {
    /// How the complaint reached the branch.
    pub enum Channel {
        /// A phone call.
        Phone => "phone",
        /// A letter.
        Letter => "letter",
        /// In person, at the counter or the front desk.
        WalkIn => "walk_in",
        /// E-mail or an online form.
        EmailOnline => "email_online",
        /// The branch's own app.
        OwnApp => "own_app",
        /// To the brand or head office, over the branch's head.
        HeadOffice => "head_office",
        /// To an owners' club or trade association.
        Association => "association",
        /// To the consumer association (12315) or a regulator such as the postal bureau.
        ConsumerAssociation => "consumer_association",
        /// Through a lawyer.
        Lawyer => "lawyer",
        /// Through the press or social media.
        Media => "media",
    }
}

impl Channel {
    /// Whether the customer went over the branch's head ("major" complaint): head office,
    /// associations, regulators, lawyers or the media.
    pub fn is_escalated(self) -> bool {
        matches!(
            self,
            Channel::HeadOffice
                | Channel::Association
                | Channel::ConsumerAssociation
                | Channel::Lawyer
                | Channel::Media
        )
    }
}

vocabulary! {
    /// The kind of customer, which decides how staff should handle them.
    pub enum CustomerType {
        /// Avoids conflict and says little: be warm, act at once, offer a few concrete options.
        Passive => "passive",
        /// Lectures and widens the issue: bring them back to the concrete problem.
        Talker => "talker",
        /// Emotional and loud: move away from onlookers, listen, find the real cause.
        Angry => "angry",
        /// Comes prepared and threatens media or regulators: great care, close contact.
        Activist => "activist",
        /// Not judged yet.
        Unknown => "unknown",
    }
}

vocabulary! {
    /// What really caused the complaint, for analysis and prevention plans.
    pub enum RootCause {
        /// Product or service quality.
        Quality => "quality",
        /// Unclear, slow or missing information.
        Communication => "communication",
        /// Price felt too high, unclear or hidden.
        Price => "price",
        /// Delivery or response came too late.
        Delay => "delay",
        /// Staff attitude or skill.
        Staff => "staff",
        /// Facilities and equipment.
        Facilities => "facilities",
        /// A process or rule.
        Process => "process",
        /// Something outside the branch's control.
        External => "external",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{Error, Invalid};

    #[test]
    fn only_the_five_major_channels_are_escalated() {
        let escalated: Vec<&str> = Channel::ALL
            .iter()
            .filter(|c| c.is_escalated())
            .map(|c| c.as_str())
            .collect();
        assert_eq!(
            escalated,
            [
                "head_office",
                "association",
                "consumer_association",
                "lawyer",
                "media"
            ]
        );
        assert_eq!(Channel::ALL.len(), 10);
    }

    #[test]
    fn codes_round_trip_through_parse_and_serde() {
        fn check<T>(
            all: &[T],
            as_str: fn(T) -> &'static str,
            parse: fn(&str, &str) -> crate::Result<T>,
        ) where
            T: Copy + PartialEq + std::fmt::Debug + Serialize + for<'de> Deserialize<'de>,
        {
            for &value in all {
                let code = as_str(value);
                assert_eq!(parse("f", &format!(" {code} ")).unwrap(), value);
                assert_eq!(serde_json::to_value(value).unwrap(), code);
                let back: T = serde_json::from_value(serde_json::json!(code)).unwrap();
                assert_eq!(back, value);
            }
        }
        check(Channel::ALL, Channel::as_str, Channel::parse);
        check(CustomerType::ALL, CustomerType::as_str, CustomerType::parse);
        check(RootCause::ALL, RootCause::as_str, RootCause::parse);
        assert_eq!(Channel::WalkIn.as_str(), "walk_in");
        assert_eq!(CustomerType::ALL.len(), 5);
        assert_eq!(RootCause::ALL.len(), 8);
    }

    #[test]
    fn unknown_codes_name_the_field() {
        for bad in ["", "Phone", "walk-in", "fax", "<script>"] {
            let err = Channel::parse("channel", bad).unwrap_err();
            assert!(matches!(
                &err,
                Error::Invalid { field, kind: Invalid::Choice } if field == "channel"
            ));
            assert_eq!(err.code(), "invalid.choice");
        }
        assert!(RootCause::parse("rootCause", "weather").is_err());
        assert!(CustomerType::parse("customerType", "ANGRY").is_err());
    }
}
