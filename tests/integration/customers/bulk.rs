//! Linking many cases at once (upgrade, import, demo data) groups them exactly as taking them
//! in one by one at intake does.

use std::collections::HashMap;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use sqlx::SqlitePool;

use branchdesk::cases::intake::CaseInput;
use branchdesk::cases::repo::branch_context;
use branchdesk::cases::repo::create::create_case;
use branchdesk::cases::repo::insert::{NewCase, insert_cases};
use branchdesk::customers::bulk_link::link_unlinked;

use super::{complaint, now};
use crate::support::{TempDb, set_up_branch};

const NAMES: [&str; 4] = ["王女士", "Li Wei", "", "张先生"];
const PHONES: [&str; 4] = ["13922223333", "13800001111", "02162345678", "13512345678"];
const REFERENCES: [&str; 4] = ["3栋1203", "3栋1204", "SF1234AB", "Room 12"];

/// One complaint: name, phone (which, how written), reference (which, how written), and
/// minutes after the one before (0: the same minute).
type Typed = (usize, Option<(usize, u8)>, Option<(usize, bool)>, u8);

/// A phone as people write it: plain, grouped with spaces and dashes, or with +86.
fn phone(which: usize, style: u8) -> String {
    let digits = PHONES[which];
    match style {
        0 => digits.to_owned(),
        1 => format!("{} {}-{}", &digits[..3], &digits[3..7], &digits[7..]),
        _ => format!("+86 {digits}"),
    }
}

/// A reference as typed, or spaced out and in the other case.
fn reference(which: usize, spaced: bool) -> String {
    let typed = REFERENCES[which];
    if spaced {
        format!(" {} ", typed.to_lowercase().replace('1', " 1"))
    } else {
        typed.to_owned()
    }
}

async fn input(pool: &SqlitePool, at: usize, typed: &[Typed]) -> CaseInput {
    let minutes: u32 = typed[..=at].iter().map(|t| u32::from(t.3)).sum();
    let (name, phone_of, reference_of, _) = typed[at];
    let mut input = complaint(
        pool,
        NAMES[name],
        phone_of.map(|(w, s)| phone(w, s)).as_deref(),
        reference_of.map(|(w, s)| reference(w, s)).as_deref(),
    )
    .await;
    input.received_at = Some(format!(
        "2026-11-10T{:02}:{:02}",
        8 + minutes / 60,
        minutes % 60
    ));
    input
}

/// Each case's customer as a group number (numbered by first appearance; `None`: unlinked),
/// and each group's name, type, keys and customer audit.
type Grouping = (
    Vec<Option<usize>>,
    Vec<(String, String, Vec<String>, Vec<String>)>,
);

async fn grouping(pool: &SqlitePool) -> Grouping {
    let cases: Vec<(i64, Option<i64>)> = sqlx::query_as(
        "SELECT id, customer_id FROM cases
         WHERE phone IS NOT NULL OR reference IS NOT NULL ORDER BY id",
    )
    .fetch_all(pool)
    .await
    .expect("cases");
    let mut number: HashMap<i64, usize> = HashMap::new();
    let mut order = Vec::new();
    let mut groups = Vec::new();
    for (_, customer) in cases {
        groups.push(customer.map(|id| {
            let next = number.len();
            *number.entry(id).or_insert_with(|| {
                order.push(id);
                next
            })
        }));
    }
    let mut records = Vec::new();
    for id in order {
        let (name, kind): (String, String) =
            sqlx::query_as("SELECT name, customer_type FROM customers WHERE id = ?")
                .bind(id)
                .fetch_one(pool)
                .await
                .expect("record");
        let mut keys: Vec<String> = sqlx::query_scalar(
            "SELECT kind || ':' || value || ':' || match_key FROM customer_keys WHERE customer_id = ?",
        )
        .bind(id)
        .fetch_all(pool)
        .await
        .expect("keys");
        keys.sort();
        // The order of the lines, as well as what they say (the case numbers match too).
        let audit: Vec<String> = sqlx::query_scalar(
            "SELECT field || ':' || COALESCE(old_value, '-') || ':' || COALESCE(new_value, '-')
             FROM customer_audit WHERE customer_id = ? ORDER BY id",
        )
        .bind(id)
        .fetch_all(pool)
        .await
        .expect("audit");
        records.push((name, kind, keys, audit));
    }
    (groups, records)
}

/// How many records searching for `words` finds.
async fn found(pool: &SqlitePool, words: &str) -> i64 {
    let query = branchdesk::customers::model::CustomerQuery {
        search: Some(words.into()),
        ..Default::default()
    };
    branchdesk::customers::read::list(pool, &query)
        .await
        .expect("search")
        .total
}

fn typed() -> impl Strategy<Value = (Vec<Typed>, usize)> {
    let one = (
        0..NAMES.len(),
        prop::option::of((0..PHONES.len(), 0..3u8)),
        prop::option::of((0..REFERENCES.len(), any::<bool>())),
        0..3u8,
    );
    prop::collection::vec(one, 1..24).prop_flat_map(|cases| {
        let len = cases.len();
        (Just(cases), 0..=len)
    })
}

#[test]
fn linking_in_bulk_groups_cases_as_intake_does_one_by_one() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let mut runner = TestRunner::new(Config {
        cases: 24,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&typed(), |(typed, taken_in_first)| {
            rt.block_on(async {
                // One by one at intake, as a branch taking the calls would.
                let one_db = TempDb::new();
                let one = set_up_branch(&one_db).await;
                for at in 0..typed.len() {
                    create_case(&one, &input(&one, at, &typed).await, None, now())
                        .await
                        .unwrap();
                }
                // The first cases at intake, the rest stored unlinked (an upgraded database,
                // an import) and linked in bulk.
                let bulk_db = TempDb::new();
                let bulk = set_up_branch(&bulk_db).await;
                let mut waiting = Vec::new();
                for at in 0..typed.len() {
                    let input = input(&bulk, at, &typed).await;
                    if at < taken_in_first {
                        create_case(&bulk, &input, None, now()).await.unwrap();
                    } else {
                        waiting.push(input);
                    }
                }
                let mut tx = bulk.begin().await.unwrap();
                let ctx = branch_context(&mut tx).await.unwrap();
                let valid: Vec<_> = waiting
                    .iter()
                    .map(|input| input.parse(ctx.tz, now()).unwrap())
                    .collect();
                let new: Vec<NewCase<'_>> = valid
                    .iter()
                    .map(|case| NewCase {
                        case,
                        suggested_grade: 4,
                        grade: 4,
                        now: now(),
                        standing: None,
                    })
                    .collect();
                insert_cases(&mut tx, &ctx, &new).await.unwrap();
                link_unlinked(&mut tx, None, None, now()).await.unwrap();
                tx.commit().await.unwrap();

                let (expected, records) = grouping(&one).await;
                let (got, bulk_records) = grouping(&bulk).await;
                prop_assert_eq!(&got, &expected, "{:?}", typed);
                prop_assert_eq!(&bulk_records, &records, "{:?}", typed);
                // Searching a phone or a reference finds the same records. (Names differ: at
                // intake a complaint with only a name gets a record of its own.)
                for words in PHONES.iter().chain(&REFERENCES) {
                    prop_assert_eq!(
                        found(&bulk, words).await,
                        found(&one, words).await,
                        "{}",
                        words
                    );
                }
                branchdesk::store::close(one).await;
                branchdesk::store::close(bulk).await;
                Ok(())
            })
        })
        .unwrap();
}
