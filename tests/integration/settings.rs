//! First-run setup, categories, time limits and language on a real database.

use super::support::{TempDb, set_up_branch, setup_input};
use branchdesk::settings::{Industry, Language, repo};
use branchdesk::status;

#[tokio::test]
async fn setup_seeds_the_industry_categories_and_limits() {
    let db = TempDb::new();
    let pool = db.open().await;
    let before = status::status(&pool, &db.path).await.unwrap();
    assert!(!before.initialized);

    let branch = status::setup(&pool, &setup_input("hotel")).await.unwrap();
    assert_eq!(branch.code, "PD01");
    assert_eq!(branch.industry, Industry::Hotel);

    let keys: Vec<String> = repo::list_categories(&pool)
        .await
        .unwrap()
        .into_iter()
        .filter_map(|c| c.seed_key)
        .collect();
    let expected: Vec<String> = Industry::Hotel
        .default_categories()
        .into_iter()
        .map(String::from)
        .collect();
    assert_eq!(keys, expected);
    let limits = repo::get_time_limits(&pool).await.unwrap();
    assert_eq!(limits, Industry::Hotel.default_time_limits().to_vec());

    let after = status::status(&pool, &db.path).await.unwrap();
    assert!(after.initialized);
    assert_eq!(after.language, Language::ZhCn);
}

#[tokio::test]
async fn setup_twice_is_refused_and_changes_nothing() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let mut again = setup_input("hotel");
    again.branch.name = "另一个".into();
    assert_eq!(
        status::setup(&pool, &again).await.unwrap_err().code(),
        "already_initialized"
    );
    let branch = repo::get_branch(&pool).await.unwrap().unwrap();
    assert_eq!(branch.industry, Industry::Postal);
    assert_eq!(repo::list_categories(&pool).await.unwrap().len(), 12);
}

#[tokio::test]
async fn bad_setup_answers_leave_the_database_empty() {
    let db = TempDb::new();
    let pool = db.open().await;
    let bad_inputs = [
        ("name", {
            let mut i = setup_input("postal");
            i.branch.name = "名".repeat(10_000);
            i
        }),
        ("code", {
            let mut i = setup_input("postal");
            i.branch.code = "'; DROP TABLE staff;--".into();
            i
        }),
        ("industry", {
            let mut i = setup_input("postal");
            i.branch.industry = "bank".into();
            i
        }),
        ("timezone", {
            let mut i = setup_input("postal");
            i.branch.timezone = "Shanghai".into();
            i
        }),
        ("language", {
            let mut i = setup_input("postal");
            i.language = "fr".into();
            i
        }),
    ];
    for (field, input) in bad_inputs {
        let err = status::setup(&pool, &input).await.unwrap_err();
        assert_eq!(err.field(), Some(field));
    }
    let rows: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM branch) + (SELECT COUNT(*) FROM categories)",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(rows, 0);
}

#[tokio::test]
async fn branch_and_language_round_trip_through_a_reopen() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let mut input = setup_input("property").branch;
    input.name = "<img src=x onerror=alert(1)> 🏢".into();
    input.timezone = "Europe/London".into();
    repo::update_branch(&pool, &input.parse().unwrap())
        .await
        .unwrap();
    repo::set_language(&pool, Language::En).await.unwrap();
    pool.close().await;

    let pool = db.open().await;
    let branch = repo::get_branch(&pool).await.unwrap().unwrap();
    assert_eq!(branch.name, "<img src=x onerror=alert(1)> 🏢");
    assert_eq!(branch.timezone, "Europe/London");
    assert_eq!(branch.industry, Industry::Property);
    assert_eq!(repo::get_language(&pool).await.unwrap(), Some(Language::En));
}

#[tokio::test]
async fn categories_can_be_added_renamed_reordered_and_hidden() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let added = repo::add_category(&pool, "快递柜故障").await.unwrap();
    assert_eq!(added.position, 13);
    assert_eq!(
        repo::add_category(&pool, "快递柜故障")
            .await
            .unwrap_err()
            .code(),
        "duplicate"
    );
    assert_eq!(
        repo::add_category(&pool, "  ").await.unwrap_err().code(),
        "invalid.required"
    );

    let first = repo::list_categories(&pool).await.unwrap()[0].clone();
    let renamed = repo::rename_category(&pool, first.id, "派送延误（含节假日）")
        .await
        .unwrap();
    assert_eq!(renamed.name.as_deref(), Some("派送延误（含节假日）"));
    assert_eq!(
        renamed.seed_key, first.seed_key,
        "the seed key stays for reporting"
    );

    let moved = repo::move_category(&pool, first.id, 1).await.unwrap();
    assert_eq!(moved[1].id, first.id);
    let moved = repo::move_category(&pool, added.id, 1).await.unwrap();
    assert_eq!(
        moved.last().unwrap().id,
        added.id,
        "moving past the end is a no-op"
    );
    let positions: Vec<i64> = moved.iter().map(|c| c.position).collect();
    assert_eq!(positions, (1..=13).collect::<Vec<_>>());

    assert!(
        repo::set_category_hidden(&pool, added.id, true)
            .await
            .unwrap()
            .hidden
    );
    assert_eq!(
        repo::set_category_hidden(&pool, 9999, true)
            .await
            .unwrap_err()
            .code(),
        "not_found"
    );
}

#[tokio::test]
async fn a_category_in_use_can_never_be_deleted() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let categories = repo::list_categories(&pool).await.unwrap();
    // Any record that points at a category through a foreign key protects it.
    sqlx::query("CREATE TABLE referrer (category_id INTEGER NOT NULL REFERENCES categories (id))")
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query("INSERT INTO referrer VALUES (?)")
        .bind(categories[0].id)
        .execute(&pool)
        .await
        .unwrap();

    assert_eq!(
        repo::delete_category(&pool, categories[0].id)
            .await
            .unwrap_err()
            .code(),
        "in_use"
    );
    repo::delete_category(&pool, categories[1].id)
        .await
        .unwrap();
    let left = repo::list_categories(&pool).await.unwrap();
    assert!(left.iter().any(|c| c.id == categories[0].id));
    assert!(!left.iter().any(|c| c.id == categories[1].id));
    assert_eq!(
        repo::delete_category(&pool, categories[1].id)
            .await
            .unwrap_err()
            .code(),
        "not_found"
    );
}

#[tokio::test]
async fn time_limits_round_trip_and_bad_ones_change_nothing() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let mut limits = repo::get_time_limits(&pool).await.unwrap();
    limits[3].resolve_days = 10;
    limits[0].acknowledge_hours = 2;
    assert_eq!(
        repo::update_time_limits(&pool, &limits).await.unwrap(),
        limits
    );

    let mut bad = limits.clone();
    bad[2].acknowledge_hours = 0;
    let err = repo::update_time_limits(&pool, &bad).await.unwrap_err();
    assert_eq!(err.field(), Some("limits.3.acknowledgeHours"));
    assert_eq!(repo::get_time_limits(&pool).await.unwrap(), limits);
}
