//! Customer records as the window and the CLI see them, and the rules for changing them.
//! No SQL here.

use serde::{Deserialize, Serialize};

use super::matching::MatchKey;
use crate::cases::CustomerType;
use crate::cases::repo::list::CaseRow;
use crate::cases::text::{MAX_TEXT_CHARS, optional_text};
use crate::error::{Error, Invalid, Result};
use crate::input::{MAX_NAME_CHARS, optional_line};

/// Why a customer change was refused. Each maps to one stable code (`customer.<kind>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CustomerRefusal {
    /// A merge named the same record twice.
    MergeSame,
    /// A record that was merged into another can no longer change or be merged.
    AlreadyMerged,
}

impl CustomerRefusal {
    /// The stable code the UI translates.
    pub fn code(self) -> &'static str {
        match self {
            CustomerRefusal::MergeSame => "customer.merge_same",
            CustomerRefusal::AlreadyMerged => "customer.already_merged",
        }
    }

    /// A one-line English reason.
    pub fn reason(self) -> &'static str {
        match self {
            CustomerRefusal::MergeSame => {
                "a customer cannot be merged with itself; choose two different records"
            }
            CustomerRefusal::AlreadyMerged => {
                "that record was already merged into another; open the record it was merged into"
            }
        }
    }
}

/// The longest notes on a customer, in characters.
pub const MAX_NOTES_CHARS: usize = 4_000;

/// A customer's details as the customer page sends them.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CustomerEdit {
    /// Name (a person, a household, a company); may be empty.
    pub name: Option<String>,
    /// Customer type code (the four personas, or `unknown`).
    pub customer_type: String,
    /// What worked with them.
    pub notes: Option<String>,
}

/// A [`CustomerEdit`] that passed every field rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidEdit {
    /// Name; empty when not known.
    pub name: String,
    /// Type.
    pub customer_type: CustomerType,
    /// Notes; may be empty.
    pub notes: String,
}

impl CustomerEdit {
    /// Checks each field; the first failing one is named.
    pub fn parse(&self) -> Result<ValidEdit> {
        Ok(ValidEdit {
            name: optional_line("name", self.name.as_deref(), MAX_NAME_CHARS)?.unwrap_or_default(),
            customer_type: CustomerType::parse("customerType", &self.customer_type)?,
            notes: optional_text("notes", self.notes.as_deref(), MAX_NOTES_CHARS)?
                .unwrap_or_default(),
        })
    }
}

/// Setting or clearing the key-customer (重点客户) flag.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct KeyFlag {
    /// Watch this customer.
    pub key_customer: bool,
    /// Why: required when watching, dropped when not.
    pub reason: Option<String>,
}

impl KeyFlag {
    /// The reason to store: required (field `keyReason`) when the flag is set, `None` when not.
    pub fn parse(&self) -> Result<Option<String>> {
        let reason = optional_text("keyReason", self.reason.as_deref(), MAX_TEXT_CHARS)?;
        match (self.key_customer, reason) {
            (true, None) => Err(Error::invalid("keyReason", Invalid::ReasonRequired)),
            (true, reason) => Ok(reason),
            (false, _) => Ok(None),
        }
    }
}

/// One customer in a list or a match.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerSummary {
    /// Id.
    pub id: i64,
    /// Name; empty when not known.
    pub name: String,
    /// Type code.
    pub customer_type: String,
    /// A key customer (重点客户).
    pub key_customer: bool,
    /// Why they are watched.
    pub key_reason: Option<String>,
    /// Phones as typed.
    pub phones: Vec<String>,
    /// References as typed.
    pub references: Vec<String>,
    /// Cases they raised.
    pub case_count: i64,
    /// Of which still open.
    pub open_count: i64,
    /// When the latest was received (RFC 3339), if any.
    pub last_case_at: Option<String>,
}

/// A record offered as the customer of a complaint being taken in.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Candidate {
    /// The record.
    #[serde(flatten)]
    pub customer: CustomerSummary,
    /// The keys it shares with the complaint.
    pub matched_by: Vec<MatchKey>,
}

/// What the intake form shows about the customer: the records that match and the one that
/// will be linked unless the user picks another or "new customer".
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerMatch {
    /// Matching records, the chosen one first.
    pub candidates: Vec<Candidate>,
    /// The record linked without asking (phone or reference), if any.
    pub chosen: Option<i64>,
}

/// An audit line of a customer.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerAudit {
    /// When (RFC 3339).
    pub at: String,
    /// Who, by name, when known.
    pub actor: Option<String>,
    /// What changed: `created`, `name`, `customer_type`, `notes`, `key_customer`, `key`,
    /// `case`, `merged_from`, `merged_into`.
    pub field: String,
    /// Before.
    pub old_value: Option<String>,
    /// After.
    pub new_value: Option<String>,
}

/// The customer page.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerDetail {
    /// The record.
    #[serde(flatten)]
    pub customer: CustomerSummary,
    /// What worked with them.
    pub notes: String,
    /// The record this one was merged into, if it was.
    pub merged_into: Option<i64>,
    /// Created (RFC 3339).
    pub created_at: String,
    /// Last changed (RFC 3339).
    pub updated_at: String,
    /// Every case they raised, newest first.
    pub cases: Vec<CaseRow>,
    /// Their audit trail, newest first.
    pub audit: Vec<CustomerAudit>,
}

/// The Customers list's filters.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CustomerQuery {
    /// Words to find in names, phones, references and notes (Chinese of any length too).
    pub search: Option<String>,
    /// Only key customers.
    pub key_only: bool,
    /// Rows to skip.
    pub offset: u32,
    /// Rows to return (default 50, at most 200).
    pub limit: Option<u32>,
}

/// What the start-up linking of existing cases did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LinkReport {
    /// Cases linked to a customer.
    pub cases_linked: i64,
    /// Customer records created for them.
    pub customers_made: i64,
}

/// One page of the Customers list.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerPage {
    /// Customers matching the filters.
    pub total: i64,
    /// This page of them, key customers first, then by latest case.
    pub rows: Vec<CustomerSummary>,
    /// What the upgrade linked, when it linked anything.
    pub upgrade: Option<LinkReport>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_customer_needs_a_reason_and_clearing_drops_it() {
        let flag = KeyFlag {
            key_customer: true,
            reason: Some("  ".into()),
        };
        assert_eq!(flag.parse().unwrap_err().field(), Some("keyReason"));
        let flag = KeyFlag {
            key_customer: true,
            reason: Some("threatened to go to the press".into()),
        };
        assert_eq!(
            flag.parse().unwrap().as_deref(),
            Some("threatened to go to the press")
        );
        let flag = KeyFlag {
            key_customer: false,
            reason: Some("old".into()),
        };
        assert_eq!(flag.parse().unwrap(), None);
    }

    #[test]
    fn edits_name_the_bad_field_and_keep_hostile_text_verbatim() {
        let hostile = "<img src=x onerror=alert(1)> =cmd|' /C calc'!A0";
        let edit = CustomerEdit {
            name: Some(hostile.into()),
            customer_type: "activist".into(),
            notes: Some(hostile.into()),
        };
        let valid = edit.parse().unwrap();
        assert_eq!(valid.name, hostile);
        assert_eq!(valid.notes, hostile);
        let bad = CustomerEdit {
            customer_type: "villain".into(),
            ..Default::default()
        };
        assert_eq!(bad.parse().unwrap_err().field(), Some("customerType"));
        let long = CustomerEdit {
            customer_type: "passive".into(),
            notes: Some("字".repeat(MAX_NOTES_CHARS + 1)),
            ..Default::default()
        };
        assert_eq!(long.parse().unwrap_err().field(), Some("notes"));
    }
}
