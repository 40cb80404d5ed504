//! Hostile input everywhere (property tests on real databases): any text a customer, a user or
//! a file can produce is either stored exactly and read back exactly, or refused with a field
//! code; nothing panics, nothing is half-saved, and search never fails on what is typed into it.

use branchdesk::cases::intake::CaseInput;
use branchdesk::cases::repo::create::create_case;
use branchdesk::cases::repo::detail::get_case;
use branchdesk::cases::repo::list::{CaseQuery, list_cases};
use branchdesk::error::Error;
use branchdesk::settings::BranchInput;
use branchdesk::settings::repo::list_categories;
use branchdesk::staff::{StaffInput, repo as staff_repo};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use sqlx::SqlitePool;

use super::support::{TempDb, set_up_branch};

/// Pieces attackers and accidents are made of; the strategies below mix them with any text.
const NASTY: &[&str] = &[
    "<img src=x onerror=alert(1)>",
    "<script>alert('x')</script>",
    "=cmd|' /C calc'!A0",
    "+SUM(1,2)",
    "-2+3",
    "@HYPERLINK(\"http://x\")",
    "'; DROP TABLE cases;--",
    "\" OR 1=1 --",
    "NEAR(a b)",
    "漏水*",
    "\u{202e}gnp.exe",
    "مرحبا بالعالم",
    "😀👨‍👩‍👧",
    "\u{0}\u{7}\u{1b}[31m",
    "\r\n\t",
    "\u{feff}",
    "％２７",
];

fn nasty_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(NASTY).prop_map(str::to_owned),
            any::<String>(),
            "[a-z漏水快递 ]{0,12}",
        ],
        0..5,
    )
    .prop_map(|parts| parts.concat())
}

fn runner() -> TestRunner {
    TestRunner::new(Config {
        cases: 48,
        failure_persistence: None,
        ..Config::default()
    })
}

/// What a paragraph field keeps: the text trimmed, with Windows and old-Mac line ends as `\n`.
fn paragraph(text: &str) -> String {
    text.trim().replace("\r\n", "\n").replace('\r', "\n")
}

fn is_field_error(error: &Error, fields: &[&str]) -> bool {
    matches!(error, Error::Invalid { field, .. } if fields.contains(&field.as_str()))
}

async fn case_count(pool: &SqlitePool) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM cases")
        .fetch_one(pool)
        .await
        .expect("count")
}

#[test]
fn intake_text_is_stored_exactly_or_refused_by_field() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let db = TempDb::new();
    let pool = rt.block_on(set_up_branch(&db));
    let category = rt.block_on(list_categories(&pool)).unwrap()[0].id;
    runner()
        .run(
            &(nasty_text(), nasty_text(), nasty_text(), nasty_text()),
            |(description, name, reference, request)| {
                rt.block_on(async {
                    let input = CaseInput {
                        channel: "phone".into(),
                        customer_type: "angry".into(),
                        category_id: category,
                        description: description.clone(),
                        complainant_name: Some(name.clone()),
                        reference: Some(reference.clone()),
                        customer_request: Some(request.clone()),
                        ..Default::default()
                    };
                    let before = case_count(&pool).await;
                    match create_case(&pool, &input, None, chrono::Utc::now()).await {
                        Ok(id) => {
                            let detail = get_case(&pool, id, chrono::Utc::now()).await.unwrap();
                            let stored = |key: &str| {
                                detail.fields[key].as_str().unwrap_or_default().to_owned()
                            };
                            prop_assert_eq!(stored("description"), paragraph(&description));
                            prop_assert_eq!(stored("complainantName"), name.trim());
                            prop_assert_eq!(stored("customerRequest"), paragraph(&request));
                            prop_assert_eq!(case_count(&pool).await, before + 1);
                        }
                        Err(error) => {
                            prop_assert!(
                                is_field_error(
                                    &error,
                                    &[
                                        "description",
                                        "complainantName",
                                        "reference",
                                        "customerRequest"
                                    ]
                                ),
                                "not a field error: {error:?}"
                            );
                            prop_assert_eq!(case_count(&pool).await, before, "nothing half-saved");
                        }
                    }
                    Ok(())
                })
            },
        )
        .unwrap();
}

#[test]
fn search_and_filters_never_fail_on_typed_text() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let db = TempDb::new();
    let pool = rt.block_on(set_up_branch(&db));
    runner()
        .run(&nasty_text(), |search| {
            rt.block_on(async {
                let query = CaseQuery {
                    search: Some(search.clone()),
                    ..Default::default()
                };
                let page = list_cases(&pool, &query, chrono::Utc::now()).await;
                prop_assert!(page.is_ok(), "search {search:?}: {page:?}");
                Ok(())
            })
        })
        .unwrap();
}

#[test]
fn branch_and_staff_text_round_trips_or_is_refused_by_field() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let db = TempDb::new();
    let pool = rt.block_on(set_up_branch(&db));
    runner()
        .run(
            &(nasty_text(), nasty_text(), nasty_text()),
            |(name, position, code)| {
                let branch = BranchInput {
                    name: name.clone(),
                    code,
                    industry: "hotel".into(),
                    timezone: "Asia/Shanghai".into(),
                };
                if let Err(error) = branch.parse() {
                    prop_assert!(is_field_error(&error, &["name", "code"]), "{error:?}");
                }
                let person = StaffInput {
                    name: name.clone(),
                    position: Some(position.clone()),
                    ..Default::default()
                };
                match person.parse() {
                    Ok(valid) => rt.block_on(async {
                        let added = staff_repo::add_staff(&pool, &valid).await.unwrap();
                        prop_assert_eq!(added.name, name.trim());
                        prop_assert_eq!(added.position, position.trim());
                        Ok(())
                    })?,
                    Err(error) => {
                        prop_assert!(is_field_error(&error, &["name", "position"]), "{error:?}")
                    }
                }
                Ok(())
            },
        )
        .unwrap();
}

#[tokio::test]
async fn a_one_megabyte_description_is_refused_by_field_and_nothing_is_saved() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let category = list_categories(&pool).await.unwrap()[0].id;
    let input = CaseInput {
        channel: "phone".into(),
        customer_type: "angry".into(),
        category_id: category,
        description: "投诉".repeat(350_000),
        ..Default::default()
    };
    let error = create_case(&pool, &input, None, chrono::Utc::now())
        .await
        .unwrap_err();
    assert_eq!(error.code(), "invalid.too_long");
    assert_eq!(error.field(), Some("description"));
    assert_eq!(case_count(&pool).await, 0);
}
