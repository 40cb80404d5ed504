//! Training on real database files: the seeded curriculum (new and upgraded databases), the
//! matrix through assignment, sign-off, versioning and refreshers, drills and progress, the
//! monthly report's training figures, the case suggestion, and the workbook read back.

mod flow;
mod on_staff;
mod report;
mod withdrawals;

use chrono::{DateTime, Utc};
use sqlx::SqlitePool;

use super::support::{TempDb, migrated_before, set_up_branch};
use branchdesk::cases::intake::CaseInput;
use branchdesk::cases::repo::create::create_case;
use branchdesk::settings::repo::list_categories;
use branchdesk::staff::StaffInput;
use branchdesk::staff::repo::add_staff;
use branchdesk::stats::{Month, monthly_report};
use branchdesk::training::input::Assignee;
use branchdesk::training::repo::curriculum::{Module, assign, list_modules};
use branchdesk::training::repo::scenarios::list_scenarios;

pub(crate) fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("an RFC 3339 instant")
        .with_timezone(&Utc)
}

/// Adds a person in `position` and returns their id.
pub(crate) async fn person(pool: &SqlitePool, name: &str, position: &str) -> i64 {
    let input = StaffInput {
        name: name.into(),
        position: Some(position.into()),
        department: Some("客服部".into()),
        ..Default::default()
    };
    add_staff(pool, &input.parse().expect("valid staff"))
        .await
        .expect("add staff")
        .id
}

/// Gives the branch months to report on (a first case on 5 January 2026, Shanghai time),
/// puts every staff member on the books since 2025, and returns the seeded handling-sequence
/// module.
pub(crate) async fn january_and_technique(pool: &SqlitePool) -> Module {
    let category_id = list_categories(pool).await.expect("categories")[0].id;
    let case = CaseInput {
        received_at: Some("2026-01-05T10:00".into()),
        channel: "phone".into(),
        customer_type: "angry".into(),
        category_id,
        description: "包裹延误".into(),
        ..Default::default()
    };
    create_case(pool, &case, None, utc("2026-01-05T02:01:00Z"))
        .await
        .expect("case");
    sqlx::query("UPDATE staff SET created_at = '2025-01-01T00:00:00Z'")
        .execute(pool)
        .await
        .expect("backdate staff");
    list_modules(pool, false)
        .await
        .expect("modules")
        .into_iter()
        .find(|m| m.seed_key.as_deref() == Some("technique"))
        .expect("technique")
}

/// The month's training completion as (items signed, items due), judged from 1 March 2026.
pub(crate) async fn completion_parts(pool: &SqlitePool, month: u32) -> Option<(i64, i64)> {
    monthly_report(
        pool,
        Month::new(2026, month).expect("month"),
        utc("2026-03-01T00:00:00Z"),
    )
    .await
    .expect("report")
    .kpis
    .into_iter()
    .find(|k| k.key == "training_completion")
    .expect("kpi")
    .parts
}

/// Assigns `module_id` to `to` as if on 1 January 2026, before the months the tests report on.
pub(crate) async fn assign_since_new_year(pool: &SqlitePool, module_id: i64, to: &Assignee) {
    assign(pool, module_id, to, utc("2026-01-01T00:00:00Z"))
        .await
        .expect("assign");
}

async fn assert_seeded(pool: &SqlitePool) {
    let modules = list_modules(pool, false).await.expect("modules");
    let keys: Vec<&str> = modules
        .iter()
        .filter_map(|m| m.seed_key.as_deref())
        .collect();
    assert_eq!(
        keys,
        [
            "principles",
            "technique",
            "customer_types",
            "control",
            "prevention",
            "industry_property",
            "industry_hotel",
            "industry_postal"
        ]
    );
    for module in &modules {
        assert!(
            module.items.len() >= 5,
            "{} has a real checklist",
            module.title_en
        );
        assert_ne!(module.title_en, module.title_zh);
        for item in &module.items {
            assert!(!item.text_en.is_empty() && !item.text_zh.is_empty());
            assert_ne!(item.text_en, item.text_zh);
        }
    }
    let scenarios = list_scenarios(pool, false).await.expect("scenarios");
    assert!(scenarios.len() >= 12);
    for industry in ["property", "hotel", "postal"] {
        for kind in ["passive", "talker", "angry", "activist"] {
            let found = scenarios
                .iter()
                .find(|s| s.industry == industry && s.customer_type == kind)
                .unwrap_or_else(|| panic!("no {kind} scenario for {industry}"));
            for text in [&found.who, &found.opening, &found.briefing, &found.angrier] {
                assert!(!text.en.is_empty() && !text.zh.is_empty() && text.en != text.zh);
            }
        }
    }
}

#[tokio::test]
async fn a_new_database_has_the_curriculum_and_twelve_scenarios_in_both_languages() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    assert_seeded(&pool).await;
    // The test branch is a postal one: its own scenarios are offered first.
    let scenarios = list_scenarios(&pool, false).await.expect("scenarios");
    let own = scenarios
        .iter()
        .take_while(|s| s.industry == "postal")
        .count();
    assert!(own >= 4, "the branch's industry comes first");
}

#[tokio::test]
async fn an_upgraded_database_gets_the_seed_and_keeps_its_staff() {
    let db = TempDb::new();
    // A database as the previous release left it: migrations 0001–0004 only.
    let raw = migrated_before(&db, "0005").await;
    sqlx::query(
        "INSERT INTO staff (name, position, department, created_at, updated_at)
         VALUES ('老员工', '前台', '', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')",
    )
    .execute(&raw)
    .await
    .expect("staff");
    raw.close().await;

    let pool = db.open().await;
    assert_seeded(&pool).await;
    let names: Vec<String> = sqlx::query_scalar("SELECT name FROM staff")
        .fetch_all(&pool)
        .await
        .expect("staff");
    assert_eq!(names, ["老员工"]);
}
