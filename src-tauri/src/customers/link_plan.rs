//! Linking many cases at once, decided in memory: which record each case joins, which records
//! are made, which keys and names they gain, in the order intake would have done it. No SQL;
//! [`super::bulk_link`] reads the inputs in a few queries and writes the plan in batches.
//!
//! The rules are intake's when nobody picks (see [`super::read::candidates`] and
//! [`auto_choice`]), applied to the cases in order of receipt: the live records holding the
//! case's folded phone or reference are the candidates; the one holding both wins, then the
//! phone's holder, then the reference's; among equals the most recently active (latest linked
//! case, then highest id). A case whose keys nobody holds makes a new record. The chosen record
//! gains the keys it lacked and, when nameless, the case's name. Two records that a case
//! bridges (its phone held by one, its reference by the other) are not merged, as intake does
//! not merge them: merging is a manager's audited decision.

use std::collections::{HashMap, HashSet};

use super::matching::{MatchKey, auto_choice, phone_key, reference_key};

/// A folded key: phone (`true`) or reference (`false`), and its match key.
type Key = (bool, String);

/// A live record as stored before the linking.
#[derive(Debug, Clone)]
pub struct KnownCustomer {
    /// Id.
    pub id: i64,
    /// Stored name; empty when not known.
    pub name: String,
    /// When its latest linked case was received (stored text), if any.
    pub last_at: Option<String>,
}

/// A case waiting for its customer.
#[derive(Debug, Clone)]
pub struct WaitingCase {
    /// Id.
    pub id: i64,
    /// Case number, for the customer's audit line.
    pub number: String,
    /// Complainant's name; may be empty.
    pub name: String,
    /// Phone as typed.
    pub phone: Option<String>,
    /// Reference as typed.
    pub reference: Option<String>,
    /// Customer type code.
    pub customer_type: String,
    /// When received (stored text, which sorts in time order).
    pub received_at: String,
}

/// A record the plan makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCustomer {
    /// The id it will have.
    pub id: i64,
    /// The name of the case that made it (audited as `created`).
    pub first_name: String,
    /// The name it ends with (a nameless record takes a later case's name).
    pub name: String,
    /// Type code of the case that made it.
    pub customer_type: String,
}

/// One audit line on a customer, in the order intake writes them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditLine {
    /// Customer.
    pub customer_id: i64,
    /// `created`, `phone`, `reference`, `name` or `case`.
    pub field: &'static str,
    /// Old value (`''` for a name given to a nameless record).
    pub old_value: Option<String>,
    /// New value.
    pub new_value: String,
}

/// A key a record gains.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewKey {
    /// Customer.
    pub customer_id: i64,
    /// `phone` or `reference`.
    pub kind: &'static str,
    /// As typed.
    pub value: String,
    /// Folded.
    pub match_key: String,
}

/// What linking the waiting cases does.
#[derive(Debug, Clone, Default)]
pub struct LinkPlan {
    /// Records made, in id order.
    pub created: Vec<NewCustomer>,
    /// Existing records that gain a name: id and name.
    pub named: Vec<(i64, String)>,
    /// Keys gained, in order.
    pub keys: Vec<NewKey>,
    /// Customer audit lines, in order.
    pub audit: Vec<AuditLine>,
    /// Each linked case and its customer, in order of receipt.
    pub links: Vec<(i64, i64)>,
    /// Every record whose search entry changes (existing ones first met, then new).
    pub touched: Vec<i64>,
}

/// A record while planning.
struct Record {
    id: i64,
    name: String,
    last_at: Option<String>,
    keys: HashSet<Key>,
    existing: bool,
}

/// Plans linking `cases` (any order; taken in order of receipt) against the live records
/// `known` with their keys `held` (customer id, phone?, match key); new records get ids from
/// `next_id` up.
pub fn plan(
    known: Vec<KnownCustomer>,
    held: Vec<(i64, bool, String)>,
    mut cases: Vec<WaitingCase>,
    next_id: i64,
) -> LinkPlan {
    let mut records: Vec<Record> = Vec::with_capacity(known.len());
    let mut index_of: HashMap<i64, usize> = HashMap::with_capacity(known.len());
    for customer in known {
        index_of.insert(customer.id, records.len());
        records.push(Record {
            id: customer.id,
            name: customer.name,
            last_at: customer.last_at,
            keys: HashSet::new(),
            existing: true,
        });
    }
    let mut holders: HashMap<Key, Vec<usize>> = HashMap::new();
    for (id, phone, key) in held {
        let Some(&at) = index_of.get(&id) else {
            continue;
        };
        if records[at].keys.insert((phone, key.clone())) {
            holders.entry((phone, key)).or_default().push(at);
        }
    }
    cases.sort_by(|a, b| (&a.received_at, a.id).cmp(&(&b.received_at, b.id)));
    let mut out = LinkPlan::default();
    let mut touched = HashSet::new();
    let first_new = next_id;
    let mut next_id = next_id;
    for case in cases {
        let phone = phone_key(case.phone.as_deref()).map(|k| (true, k));
        let reference = reference_key(case.reference.as_deref()).map(|k| (false, k));
        if phone.is_none() && reference.is_none() {
            continue;
        }
        let chosen = choose(&records, &holders, phone.as_ref(), reference.as_ref());
        let at = match chosen {
            Some(at) => at,
            None => {
                out.created.push(NewCustomer {
                    id: next_id,
                    first_name: case.name.clone(),
                    name: case.name.clone(),
                    customer_type: case.customer_type.clone(),
                });
                out.audit.push(AuditLine {
                    customer_id: next_id,
                    field: "created",
                    old_value: None,
                    new_value: case.name.clone(),
                });
                records.push(Record {
                    id: next_id,
                    name: case.name.clone(),
                    last_at: None,
                    keys: HashSet::new(),
                    existing: false,
                });
                next_id += 1;
                records.len() - 1
            }
        };
        let id = records[at].id;
        let typed = [
            ("phone", case.phone.as_ref(), phone),
            ("reference", case.reference.as_ref(), reference),
        ];
        for (kind, value, key) in typed {
            let (Some(value), Some(key)) = (value, key) else {
                continue;
            };
            if records[at].keys.insert(key.clone()) {
                holders.entry(key.clone()).or_default().push(at);
                out.keys.push(NewKey {
                    customer_id: id,
                    kind,
                    value: value.clone(),
                    match_key: key.1,
                });
                out.audit.push(AuditLine {
                    customer_id: id,
                    field: kind,
                    old_value: None,
                    new_value: value.clone(),
                });
            }
        }
        let record = &mut records[at];
        if !case.name.trim().is_empty() && record.name.is_empty() {
            record.name = case.name.clone();
            out.audit.push(AuditLine {
                customer_id: id,
                field: "name",
                old_value: Some(String::new()),
                new_value: case.name.clone(),
            });
            if record.existing {
                out.named.push((id, case.name.clone()));
            } else {
                // New records have consecutive ids from `first_new`, in creation order.
                out.created[(id - first_new) as usize].name = case.name.clone();
            }
        }
        if record
            .last_at
            .as_ref()
            .is_none_or(|l| *l < case.received_at)
        {
            record.last_at = Some(case.received_at.clone());
        }
        out.audit.push(AuditLine {
            customer_id: id,
            field: "case",
            old_value: None,
            new_value: case.number,
        });
        out.links.push((case.id, id));
        if touched.insert(id) {
            out.touched.push(id);
        }
    }
    out
}

/// The record intake would link without asking: among the holders of either key, scored and
/// ordered as [`super::read::candidates`] orders them (latest case first, then highest id).
fn choose(
    records: &[Record],
    holders: &HashMap<Key, Vec<usize>>,
    phone: Option<&Key>,
    reference: Option<&Key>,
) -> Option<usize> {
    let mut found: Vec<usize> = [phone, reference]
        .into_iter()
        .flatten()
        .filter_map(|key| holders.get(key))
        .flatten()
        .copied()
        .collect();
    found.sort_unstable();
    found.dedup();
    found.sort_by(|&a, &b| {
        let (a, b) = (&records[a], &records[b]);
        (&b.last_at, b.id).cmp(&(&a.last_at, a.id))
    });
    let scored: Vec<(i64, Vec<MatchKey>)> = found
        .iter()
        .map(|&at| {
            let record = &records[at];
            let mut keys = Vec::new();
            if phone.is_some_and(|k| record.keys.contains(k)) {
                keys.push(MatchKey::Phone);
            }
            if reference.is_some_and(|k| record.keys.contains(k)) {
                keys.push(MatchKey::Reference);
            }
            (at as i64, keys)
        })
        .collect();
    auto_choice(&scored).map(|at| at as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(id: i64, name: &str, phone: Option<&str>, reference: Option<&str>) -> WaitingCase {
        WaitingCase {
            id,
            number: format!("N{id}"),
            name: name.into(),
            phone: phone.map(Into::into),
            reference: reference.map(Into::into),
            customer_type: "talker".into(),
            received_at: format!("2026-11-10T08:{id:02}:00Z"),
        }
    }

    #[test]
    fn a_case_bridging_two_records_joins_the_phone_holder_and_merges_nothing() {
        let cases = vec![
            case(1, "王女士", Some("139 2222 3333"), None),
            case(2, "", None, Some("3栋1203")),
            case(3, "", Some("+86 13922223333"), Some("3栋 1203")),
            case(4, "只留名字", None, None),
        ];
        let planned = plan(Vec::new(), Vec::new(), cases, 10);
        assert_eq!(planned.created.len(), 2);
        assert_eq!(planned.links, [(1, 10), (2, 11), (3, 10)]);
        // The phone holder gains the room as a key; the room's own record keeps it too.
        assert_eq!(
            planned
                .keys
                .iter()
                .map(|k| k.customer_id)
                .collect::<Vec<_>>(),
            [10, 11, 10]
        );
    }

    #[test]
    fn among_equal_holders_the_most_recently_active_is_taken() {
        let known = vec![
            KnownCustomer {
                id: 1,
                name: "A".into(),
                last_at: Some("2026-11-01T00:00:00Z".into()),
            },
            KnownCustomer {
                id: 2,
                name: String::new(),
                last_at: Some("2026-11-05T00:00:00Z".into()),
            },
        ];
        let held = vec![(1, false, "a-12".into()), (2, false, "a-12".into())];
        let planned = plan(known, held, vec![case(5, "李先生", None, Some("A-12"))], 3);
        assert_eq!(planned.links, [(5, 2)]);
        assert!(planned.created.is_empty());
        assert_eq!(
            planned.named,
            [(2, "李先生".to_owned())],
            "a nameless record takes the name"
        );
    }
}
