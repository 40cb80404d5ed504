//! Head office's categories, curriculum modules and drill scenarios flow down as versions.

use super::postgres::Postgres;
use super::{ROLE_PASSWORD, branch, connect, set_up_server, sync};
use crate::support::{arg, text};

async fn publish(office: &sqlx::PgPool, kind: &str, key: &str, version: i32, data: &str) {
    sqlx::query(
        "INSERT INTO publications (kind, key, version, data) VALUES ($1, $2, $3, $4::jsonb)",
    )
    .bind(kind)
    .bind(key)
    .bind(version)
    .bind(data)
    .execute(office)
    .await
    .expect("publish");
}

const SCENARIO: &str = r#"{"industry": "hotel", "customerType": "angry", "title": "Cold room",
    "who": "A guest", "happened": "No heating", "wants": "A new room", "angrier": "Waiting",
    "calmer": "An apology", "opening": "I'm sorry", "briefing": "Offer a room at once"}"#;

#[tokio::test]
async fn a_branch_takes_head_offices_publications_as_new_versions_and_keeps_its_own() {
    let Some(pg) = Postgres::start() else { return };
    set_up_server(&pg, &["HM13"]);
    let db = branch("HM13", 0);
    let pool = branchdesk::store::open_existing(&db.path).await.unwrap();
    branchdesk::settings::repo::add_category(&pool, "Our own")
        .await
        .unwrap();
    let own_categories = branchdesk::settings::repo::list_categories(&pool)
        .await
        .unwrap()
        .len();
    let own_modules = branchdesk::training::repo::curriculum::list_modules(&pool, true)
        .await
        .unwrap()
        .len();
    branchdesk::store::close(pool).await;

    let office = connect(&pg.url("office", ROLE_PASSWORD)).await;
    publish(
        &office,
        "category",
        "noise",
        1,
        r#"{"name": "Night noise"}"#,
    )
    .await;
    publish(&office, "category", "our", 1, r#"{"name": "Our own"}"#).await;
    let module = r#"{"title": "Greeting guests", "refresherMonths": 12,
                     "items": [{"text": "Stand up"}, {"text": "Smile"}]}"#;
    publish(&office, "module", "greeting", 1, module).await;
    // Head office publishes through the CLI too; content a branch would refuse is refused here.
    let file = db.dir.path().join("scenario.json");
    std::fs::write(&file, SCENARIO).unwrap();
    let office_url = pg.url("office", ROLE_PASSWORD);
    let publish_cli = |kind: &str, key: &str| {
        super::cli_env(
            &db,
            &[
                "group-publish",
                "--server",
                &office_url,
                "--kind",
                kind,
                "--key",
                key,
                arg(&file),
            ],
            &[],
        )
    };
    let out = publish_cli("scenario", "cold-room");
    assert!(
        text(&out.stdout).contains("as version 1"),
        "{}",
        text(&out.stderr)
    );
    assert!(
        !publish_cli("module", "cold-room").status.success(),
        "not a module"
    );
    assert!(
        !publish_cli("scenario", "<img onerror=x>").status.success(),
        "bad key"
    );
    let out = sync(&pg, &db, "HM13", &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("2 categories, 1 curriculum modules, 1 drill scenarios"),
        "{}",
        text(&out.stdout)
    );

    // Version 2 of the module keeps one item and adds one; the category gets a second name.
    let module = r#"{"title": "Greeting guests well", "refresherMonths": 12,
                     "items": [{"text": "Smile"}, {"text": "Offer help"}]}"#;
    publish(&office, "module", "greeting", 2, module).await;
    publish(
        &office,
        "category",
        "noise",
        2,
        r#"{"name": "Noise at night"}"#,
    )
    .await;
    assert!(sync(&pg, &db, "HM13", &[]).status.success());
    let out = sync(&pg, &db, "HM13", &[]);
    assert!(
        !text(&out.stdout).contains("Took"),
        "taken once: {}",
        text(&out.stdout)
    );

    let pool = branchdesk::store::open_existing(&db.path).await.unwrap();
    let categories: Vec<Option<String>> = branchdesk::settings::repo::list_categories(&pool)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(categories.len(), own_categories + 2, "{categories:?}");
    for name in ["Our own", "Night noise", "Noise at night"] {
        assert!(
            categories.iter().any(|c| c.as_deref() == Some(name)),
            "{name}"
        );
    }
    let modules = branchdesk::training::repo::curriculum::list_modules(&pool, true)
        .await
        .unwrap();
    assert_eq!(
        modules.len(),
        own_modules + 1,
        "one module, in a new version"
    );
    let greeting = modules
        .iter()
        .find(|m| m.title_en == "Greeting guests well")
        .expect("the module's new version");
    assert_eq!(greeting.version, 2);
    let texts: Vec<&str> = greeting.items.iter().map(|i| i.text_en.as_str()).collect();
    assert_eq!(texts, ["Smile", "Offer help"]);
    let scenarios = branchdesk::training::repo::scenarios::list_scenarios(&pool, false)
        .await
        .unwrap();
    assert_eq!(
        scenarios
            .iter()
            .filter(|s| s.title.en == "Cold room")
            .count(),
        1
    );
    branchdesk::store::close(pool).await;
}
