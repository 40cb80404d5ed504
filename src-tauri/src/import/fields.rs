//! The case fields a spreadsheet column can fill, the mapping from fields to columns, and the
//! mapping suggested from header names in Chinese and English.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Invalid, Result};

mod synonyms;

use synonyms::synonyms;

/// A case field that a column of the spreadsheet can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetField {
    /// When the complaint was received (required).
    ReceivedAt,
    /// The complainant's name.
    ComplainantName,
    /// The complainant's phone.
    Phone,
    /// Room, unit, tracking or order number.
    Reference,
    /// What happened (required).
    Description,
    /// The category, by name in either language.
    Category,
    /// How it reached the branch.
    Channel,
    /// The kind of customer.
    CustomerType,
    /// What the customer asked for.
    CustomerRequest,
    /// Whether it is done: words meaning closed store the case as closed.
    Status,
    /// When it was closed.
    ClosedAt,
    /// What was done.
    ActionTaken,
    /// The number the old log gave it, kept in the reference so it can be searched.
    OriginalNumber,
}

impl TargetField {
    /// Every field, in the order the wizard lists them.
    pub const ALL: [TargetField; 13] = [
        TargetField::ReceivedAt,
        TargetField::Description,
        TargetField::ComplainantName,
        TargetField::Phone,
        TargetField::Reference,
        TargetField::Category,
        TargetField::Channel,
        TargetField::CustomerType,
        TargetField::CustomerRequest,
        TargetField::Status,
        TargetField::ClosedAt,
        TargetField::ActionTaken,
        TargetField::OriginalNumber,
    ];

    /// The fields a mapping must fill.
    pub const REQUIRED: [TargetField; 2] = [TargetField::ReceivedAt, TargetField::Description];

    /// The stable code, as in mapping files and row problems.
    pub fn as_str(self) -> &'static str {
        match self {
            TargetField::ReceivedAt => "received_at",
            TargetField::ComplainantName => "complainant_name",
            TargetField::Phone => "phone",
            TargetField::Reference => "reference",
            TargetField::Description => "description",
            TargetField::Category => "category",
            TargetField::Channel => "channel",
            TargetField::CustomerType => "customer_type",
            TargetField::CustomerRequest => "customer_request",
            TargetField::Status => "status",
            TargetField::ClosedAt => "closed_at",
            TargetField::ActionTaken => "action_taken",
            TargetField::OriginalNumber => "original_number",
        }
    }
}

/// A header folded for matching: letters and digits only, lower-case ("Room No." → "roomno",
/// "房号/单号" → "房号单号").
pub fn fold_header(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// How strongly a folded header names a field: an exact synonym beats any partial one, and a
/// longer partial one beats a shorter. Partial matches need a word of some substance (two
/// Chinese characters or four letters), so "id" does not claim "paid".
fn score(folded: &str, field: TargetField) -> u32 {
    synonyms(field)
        .iter()
        .map(|word| {
            let weight: u32 = word.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
            if folded == *word {
                1000 + weight
            } else if weight >= 4 && folded.contains(word) {
                10 * weight
            } else {
                0
            }
        })
        .max()
        .unwrap_or(0)
}

/// Which column (by its header text) fills which field. As a file:
/// `{"received_at": "受理时间", "description": "投诉内容"}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Mapping(pub BTreeMap<TargetField, String>);

/// The column index of each field after checking a mapping against the headers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Columns([Option<usize>; TargetField::ALL.len()]);

impl Columns {
    /// The column that fills `field`, if any.
    pub fn get(&self, field: TargetField) -> Option<usize> {
        self.0[field as usize]
    }
}

impl Mapping {
    /// Suggests a mapping from header names: each column fills at most one field, the
    /// strongest matches first.
    pub fn suggest(headers: &[String]) -> Mapping {
        let folded: Vec<String> = headers.iter().map(|h| fold_header(h)).collect();
        let mut pairs: Vec<(u32, usize, TargetField)> = folded
            .iter()
            .enumerate()
            .flat_map(|(column, header)| {
                TargetField::ALL
                    .into_iter()
                    .map(move |field| (score(header, field), column, field))
            })
            .filter(|(points, ..)| *points > 0)
            .collect();
        // Strongest first; ties go to the leftmost column, then to the field listed first.
        pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut used = vec![false; headers.len()];
        let mut mapping = BTreeMap::new();
        for (_, column, field) in pairs {
            if used[column] || mapping.contains_key(&field) {
                continue;
            }
            used[column] = true;
            mapping.insert(field, headers[column].clone());
        }
        Mapping(mapping)
    }

    /// The same mapping over `headers`: each column name is replaced by the header it matches
    /// up to case, spacing and punctuation, so a mapping remembered from "Date" fits "DATE ".
    pub fn adapt(&self, headers: &[String]) -> Mapping {
        let adapted = self
            .0
            .iter()
            .map(|(field, header)| {
                let folded = fold_header(header);
                let actual = headers
                    .iter()
                    .find(|h| *h == header)
                    .or_else(|| headers.iter().find(|h| fold_header(h) == folded))
                    .unwrap_or(header);
                (*field, actual.clone())
            })
            .collect();
        Mapping(adapted)
    }

    /// Whether every required field has a column.
    pub fn is_complete(&self) -> bool {
        TargetField::REQUIRED
            .iter()
            .all(|field| self.0.contains_key(field))
    }

    /// Finds each mapped header among `headers` (the first of equal ones). A required field
    /// without a column is `invalid.required` on `mapping.<field>`; a header that is not in the
    /// file is `invalid.choice` there.
    pub fn resolve(&self, headers: &[String]) -> Result<Columns> {
        for field in TargetField::REQUIRED {
            let given = self.0.get(&field).is_some_and(|h| !h.trim().is_empty());
            if !given {
                return Err(Error::invalid(
                    format!("mapping.{}", field.as_str()),
                    Invalid::Required,
                ));
            }
        }
        let mut columns = Columns::default();
        for (field, header) in &self.0 {
            if header.trim().is_empty() {
                continue;
            }
            let index = headers
                .iter()
                .position(|h| h == header)
                .or_else(|| headers.iter().position(|h| h.trim() == header.trim()))
                .ok_or_else(|| {
                    Error::invalid(format!("mapping.{}", field.as_str()), Invalid::Choice)
                })?;
            columns.0[*field as usize] = Some(index);
        }
        Ok(columns)
    }
}

/// A short, stable key for a list of headers, so a mapping can be remembered for files that
/// share their columns (FNV-1a over the folded headers).
pub fn header_signature(headers: &[String]) -> String {
    let hash = headers
        .iter()
        .flat_map(|h| fold_header(h).into_bytes().into_iter().chain([0x1f]))
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        });
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests;
