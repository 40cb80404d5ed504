//! The same customer's other cases, found by phone or by reference (room, unit, tracking or
//! order number), whatever their category: for the intake's duplicate warning and for the
//! grade a new complaint takes from an open serious or crisis case of the same customer.

use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use sqlx::SqliteConnection;

use super::list::{CaseRow, ROW_COLUMNS, to_row};
use super::stamp;
use crate::cases::Grade;
use crate::cases::intake::{ValidIntake, phone_key, reference_key};
use crate::error::Result;

/// How a customer is recognised: the folded phone and reference (see
/// [`phone_key`](crate::cases::intake::phone_key) and
/// [`reference_key`](crate::cases::intake::reference_key)).
#[derive(Debug, Clone, Copy)]
pub struct CustomerKeys<'a> {
    /// Digits of the phone.
    pub phone: Option<&'a str>,
    /// The folded reference.
    pub reference: Option<&'a str>,
}

impl CustomerKeys<'_> {
    fn is_empty(&self) -> bool {
        self.phone.is_none() && self.reference.is_none()
    }
}

/// The folded keys of a complaint being taken in, held so [`CustomerKeys`] can borrow them.
#[derive(Debug, Clone, Default)]
pub struct IntakeKeys {
    phone: Option<String>,
    reference: Option<String>,
}

impl IntakeKeys {
    /// The keys of `case`'s phone and reference.
    pub fn of(case: &ValidIntake) -> IntakeKeys {
        IntakeKeys {
            phone: phone_key(case.phone.as_deref()),
            reference: reference_key(case.reference.as_deref()),
        }
    }

    /// The keys, borrowed.
    pub fn keys(&self) -> CustomerKeys<'_> {
        CustomerKeys {
            phone: self.phone.as_deref(),
            reference: self.reference.as_deref(),
        }
    }
}

/// Matches `c` against the keys bound first (phone, then reference).
const SAME_CUSTOMER: &str = "((c.phone_key IS NOT NULL AND c.phone_key = ?1) \
     OR (c.reference_key IS NOT NULL AND c.reference_key = ?2))";

/// The most serious (grade 1 or 2) of the customer's other open cases received no later than
/// `received_at` (`except`, the case itself when stored, counts only cases before it when two
/// were received in the same second): its grade and number. Later cases do not count, so two
/// open cases of one customer never raise each other.
pub async fn open_serious_case(
    conn: &mut SqliteConnection,
    keys: CustomerKeys<'_>,
    received_at: DateTime<Utc>,
    except: Option<i64>,
) -> Result<Option<(Grade, String)>> {
    if keys.is_empty() {
        return Ok(None);
    }
    let row: Option<(i64, String)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT c.grade, c.number FROM cases c WHERE {SAME_CUSTOMER}
         AND c.status NOT IN ('closed', 'invalid') AND c.grade <= 2 AND c.id IS NOT ?4
         AND (c.received_at < ?3 OR (c.received_at = ?3 AND (?4 IS NULL OR c.id < ?4)))
         ORDER BY c.grade, c.received_at, c.id LIMIT 1"
    )))
    .bind(keys.phone)
    .bind(keys.reference)
    .bind(stamp(received_at))
    .bind(except)
    .fetch_optional(conn)
    .await?;
    row.map(|(grade, number)| Ok((Grade::from_number("grade", grade)?, number)))
        .transpose()
}

/// An earlier case of the same customer, with why it was matched.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LikelyDuplicate {
    /// The case, as a list row.
    #[serde(flatten)]
    pub case: CaseRow,
    /// The keys it shares with the new complaint: `phone`, `reference`, or both.
    pub matched_by: Vec<&'static str>,
    /// Whether it is in the same category as the new complaint.
    pub same_category: bool,
}

/// How far back the warning looks for closed cases: as far as the case page's "Nth complaint in
/// 90 days". Open cases are shown whatever their age, since the new complaint may be about one.
const WINDOW_DAYS: i64 = 90;
/// The most earlier cases listed.
const MAX_SHOWN: i64 = 10;

/// The customer's valid cases that are still open or were received within 90 days of
/// `received_at`, in any category, newest first, each saying which key matched.
pub async fn likely_duplicates(
    conn: &mut SqliteConnection,
    keys: CustomerKeys<'_>,
    category_id: i64,
    received_at: DateTime<Utc>,
    now: DateTime<Utc>,
    tz: Tz,
) -> Result<Vec<LikelyDuplicate>> {
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let window = TimeDelta::days(WINDOW_DAYS);
    let matches: Vec<(i64, bool, bool, bool)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT c.id, COALESCE(c.phone_key = ?1, 0), COALESCE(c.reference_key = ?2, 0), c.category_id = ?3
         FROM cases c WHERE {SAME_CUSTOMER} AND c.status <> 'invalid'
         AND (c.status <> 'closed' OR (c.received_at >= ?4 AND c.received_at <= ?5))
         ORDER BY c.received_at DESC, c.id DESC LIMIT {MAX_SHOWN}"
    )))
    .bind(keys.phone)
    .bind(keys.reference)
    .bind(category_id)
    .bind(stamp(received_at - window))
    .bind(stamp(received_at + window))
    .fetch_all(&mut *conn)
    .await?;
    let mut found = Vec::with_capacity(matches.len());
    for (id, phone, reference, same_category) in matches {
        let raw = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {ROW_COLUMNS} FROM cases c LEFT JOIN staff a ON a.id = c.assignee_id WHERE c.id = ?"
        )))
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
        let matched_by = [(phone, "phone"), (reference, "reference")]
            .into_iter()
            .filter_map(|(hit, key)| hit.then_some(key))
            .collect();
        found.push(LikelyDuplicate {
            case: to_row(raw, now, tz)?,
            matched_by,
            same_category,
        });
    }
    Ok(found)
}
