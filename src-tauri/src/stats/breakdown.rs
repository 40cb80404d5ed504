//! Counts of the month's valid cases by category, channel, grade, department, root cause and
//! customer type, largest group first, and the cases behind each row.

use std::collections::HashMap;

use super::facts::CaseFacts;
use super::month::Period;
use super::report::{Breakdown, BreakdownRow};
use super::sets::{ReceivedAndClosed, received_and_closed};

/// The breakdown keys, in report order.
pub const BREAKDOWN_KEYS: [&str; 6] = [
    "category",
    "channel",
    "grade",
    "department",
    "root_cause",
    "customer_type",
];

/// The code that stands for "not recorded" (no department, no root cause).
pub const NONE_CODE: &str = "none";

/// Groups `codes` (each with its label) into rows, largest first, ties by code.
fn rows(codes: impl Iterator<Item = (String, String)>) -> Vec<BreakdownRow> {
    let mut groups: HashMap<String, (String, i64)> = HashMap::new();
    for (code, label) in codes {
        groups.entry(code).or_insert((label, 0)).1 += 1;
    }
    let mut rows: Vec<BreakdownRow> = groups
        .into_iter()
        .map(|(code, (label, count))| BreakdownRow { code, label, count })
        .collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.code.cmp(&b.code)));
    rows
}

/// The month's cases each breakdown counts, each with the code of its group, in
/// [`BREAKDOWN_KEYS`] order: the valid cases received in the month, except root causes, which
/// count only those closed at the month's end, by the cause recorded then (`none` when it was
/// not recorded). Departments are coded by name, `none` when there is none.
fn coded<'a>(cases: &'a [CaseFacts], period: &Period) -> [Vec<(String, &'a CaseFacts)>; 6] {
    let ReceivedAndClosed { valid, closed, .. } = received_and_closed(cases, period);
    let by = |code: &dyn Fn(&CaseFacts) -> String| -> Vec<(String, &'a CaseFacts)> {
        valid.iter().map(|&c| (code(c), c)).collect()
    };
    let closed = closed
        .into_iter()
        .map(|c| {
            let cause = c.outcome_at(period.until).root_cause;
            (cause.unwrap_or_else(|| NONE_CODE.to_owned()), c)
        })
        .collect();
    [
        by(&|c| c.category_id.to_string()),
        by(&|c| c.channel.as_str().to_owned()),
        by(&|c| c.grade.to_string()),
        by(&|c| match c.department.trim() {
            "" => NONE_CODE.to_owned(),
            name => name.to_owned(),
        }),
        closed,
        by(&|c| c.customer_type.as_str().to_owned()),
    ]
}

/// The six breakdowns of the month's cases (see [`coded`] for who counts where). Categories
/// are labelled with `category_name` (empty for a seeded category the UI names from its own
/// dictionary) and departments with their name; other labels are empty: the UI translates the
/// codes.
pub fn breakdowns(
    cases: &[CaseFacts],
    period: &Period,
    category_name: impl Fn(i64) -> String,
) -> Vec<Breakdown> {
    BREAKDOWN_KEYS
        .iter()
        .zip(coded(cases, period))
        .map(|(&key, members)| {
            let label = |code: &str, case: &CaseFacts| match key {
                "category" => category_name(case.category_id),
                "department" if code != NONE_CODE => code.to_owned(),
                _ => String::new(),
            };
            Breakdown {
                key: key.to_owned(),
                rows: rows(
                    members
                        .iter()
                        .map(|(code, case)| (code.clone(), label(code, case))),
                ),
            }
        })
        .collect()
}

/// The ids of the cases counted in the row `code` of the breakdown `key`; `None` for a key
/// that is not a breakdown.
pub fn breakdown_members(
    cases: &[CaseFacts],
    period: &Period,
    key: &str,
    code: &str,
) -> Option<Vec<i64>> {
    let at = BREAKDOWN_KEYS.iter().position(|&k| k == key)?;
    let [a, b, c, d, e, f] = coded(cases, period);
    let members = [a, b, c, d, e, f].into_iter().nth(at)?;
    Some(
        members
            .into_iter()
            .filter(|(group, _)| group == code)
            .map(|(_, case)| case.id)
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, TimeDelta, Utc};

    use super::*;
    use crate::cases::Status;
    use crate::cases::vocab::{Channel, CustomerType};
    use crate::stats::Month;
    use crate::stats::facts::{Outcome, StatusMove};

    fn case(id: i64, category_id: i64, department: &str, channel: Channel) -> CaseFacts {
        let received_at = DateTime::parse_from_rfc3339("2026-10-10T02:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        CaseFacts {
            id,
            received_at,
            status: Status::New,
            history: Vec::new(),
            acknowledged_at: None,
            acknowledge_by: received_at + TimeDelta::hours(1),
            resolved_at: None,
            resolve_by: received_at + TimeDelta::days(3),
            pauses: Vec::new(),
            grade: 4,
            category_id,
            channel,
            department: department.to_owned(),
            customer_type: CustomerType::Angry,
            outcome: Outcome::default(),
            outcome_changes: Vec::new(),
            phone_key: None,
            reference_key: None,
            judgement: None,
            progress_updates: Vec::new(),
        }
    }

    fn closed(mut c: CaseFacts, cause: Option<&str>) -> CaseFacts {
        c.history.push(StatusMove {
            at: c.received_at + TimeDelta::days(1),
            from: Status::FollowUp,
            to: Status::Closed,
        });
        c.status = Status::Closed;
        c.outcome.root_cause = cause.map(str::to_owned);
        c
    }

    #[test]
    fn groups_are_largest_first_with_ties_by_code_and_none_for_missing() {
        let mut voided = case(9, 3, "工程部", Channel::Media);
        voided.status = Status::Invalid;
        let cases = [
            closed(case(1, 2, "客服部", Channel::Phone), Some("delay")),
            closed(case(2, 10, " ", Channel::Phone), None),
            case(3, 10, "工程部", Channel::Media),
            case(4, 2, "", Channel::WalkIn),
            case(5, 1, "客服部", Channel::Phone),
            voided,
        ];
        let tz = chrono_tz::Asia::Shanghai;
        let period = Period::new(Month::new(2026, 10).unwrap(), tz, Utc::now());
        let names = |id: i64| {
            if id == 10 {
                "快递延误".to_owned()
            } else {
                String::new()
            }
        };
        let all = breakdowns(&cases, &period, names);
        let keys: Vec<&str> = all.iter().map(|b| b.key.as_str()).collect();
        assert_eq!(keys, BREAKDOWN_KEYS);
        let rows = |i: usize| -> Vec<(String, String, i64)> {
            all[i]
                .rows
                .iter()
                .map(|r| (r.code.clone(), r.label.clone(), r.count))
                .collect()
        };
        let row = |code: &str, label: &str, count| (code.to_owned(), label.to_owned(), count);
        // Ties by code as text: "10" before "2".
        assert_eq!(
            rows(0),
            [row("10", "快递延误", 2), row("2", "", 2), row("1", "", 1)]
        );
        assert_eq!(
            rows(1),
            [
                row("phone", "", 3),
                row("media", "", 1),
                row("walk_in", "", 1)
            ]
        );
        assert_eq!(rows(2), [row("4", "", 5)]);
        assert_eq!(
            rows(3),
            [
                row("none", "", 2),
                row("客服部", "客服部", 2),
                row("工程部", "工程部", 1)
            ]
        );
        assert_eq!(rows(4), [row("delay", "", 1), row("none", "", 1)]);
        assert_eq!(rows(5), [row("angry", "", 5)]);
    }
}
