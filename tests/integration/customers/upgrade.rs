//! The upgrade links cases that predate customer records, once; import links like intake.

use branchdesk::cases::repo::branch_context;
use branchdesk::cases::repo::insert::{NewCase, insert_cases};
use branchdesk::customers::model::CustomerQuery;
use branchdesk::customers::{read, upgrade_link};

use super::{complaint, count, now};
use crate::support::{TempDb, migrated_before, setup_input, text};

#[tokio::test]
async fn the_upgrade_links_existing_cases_by_phone_and_reference_once_and_reports_it() {
    let db = TempDb::new();
    // A database as the release before customers left it, with cases in it.
    let old = migrated_before(&db, "0012").await;
    branchdesk::status::setup(&old, &setup_input("postal"))
        .await
        .unwrap();
    let typed = [
        ("王女士", Some("139 2222 3333"), None),
        ("王女士", Some("+86 139-2222-3333"), Some("3栋1203")),
        ("", None, Some("3栋 1203")),
        ("Li Wei", Some("13800001111"), None),
        ("Li Wei", Some("13900009999"), None),
        ("只留名字", None, None),
    ];
    let mut conn = old.acquire().await.unwrap();
    let ctx = branch_context(&mut conn).await.unwrap();
    let tz = ctx.tz;
    let mut valid = Vec::new();
    for (name, phone, reference) in typed {
        valid.push(
            complaint(&old, name, phone, reference)
                .await
                .parse(tz, now())
                .unwrap(),
        );
    }
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
    insert_cases(&mut conn, &ctx, &new).await.unwrap();
    drop(conn);
    old.close().await;

    // The first program to open it (here the CLI) upgrades it and links what it can: 王女士
    // by phone then room, Li Wei's two phones as two customers (a name alone never links), the
    // name-only case not at all; the log says so.
    let out = db.cli(&["customers", "--link-report"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout).trim(),
        "linked 5 cases to 3 customers at upgrade"
    );
    let mut log = String::new();
    for entry in std::fs::read_dir(db.log_dir()).expect("a log folder") {
        log.push_str(&std::fs::read_to_string(entry.expect("entry").path()).expect("read"));
    }
    assert!(
        log.contains("linked 5 cases to 3 customers at upgrade"),
        "{log}"
    );
    let pool = db.open().await;
    assert_eq!(
        count(
            &pool,
            "SELECT count(*) FROM cases WHERE customer_id IS NOT NULL"
        )
        .await,
        5
    );
    assert_eq!(count(&pool, "SELECT count(*) FROM customers").await, 3);
    let page = read::list(&pool, &CustomerQuery::default()).await.unwrap();
    let report = page
        .upgrade
        .expect("the Customers page says what was linked");
    assert_eq!((report.cases_linked, report.customers_made), (5, 3));
    let wang: i64 =
        sqlx::query_scalar("SELECT customer_id FROM cases WHERE reference = '3栋 1203'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(
        read::detail(&pool, wang, now()).await.unwrap().cases.len(),
        3
    );
    branchdesk::store::close(pool).await;

    // Opening again links nothing twice.
    let pool = db.open().await;
    assert_eq!(upgrade_link::run_once(&pool, now()).await.unwrap(), None);
    assert_eq!(count(&pool, "SELECT count(*) FROM customers").await, 3);
    assert_eq!(
        count(&pool, "SELECT count(*) FROM customer_link_runs").await,
        1
    );
    branchdesk::store::close(pool).await;

    let out = db.cli(&["customers", "--link-report"]);
    assert_eq!(
        text(&out.stdout).trim(),
        "linked 5 cases to 3 customers at upgrade",
        "the report stays as it was"
    );
}

#[tokio::test]
async fn imported_cases_are_linked_to_customers_as_intake_links_them() {
    let db = crate::support::TempDb::new();
    let pool = crate::support::set_up_branch(&db).await;
    let known = super::file(
        &pool,
        &complaint(&pool, "王小明", Some("13800138000"), None).await,
    )
    .await
    .unwrap();
    let path = crate::import::write(db.dir.path(), "log.csv", crate::import::CLEAN.as_bytes());
    let table = branchdesk::import::Table::open(&path, None).unwrap();
    let mapping = branchdesk::import::Mapping::suggest(&table.headers);
    let outcome = branchdesk::import::import_file(
        &pool,
        &path,
        &mapping,
        &branchdesk::import::ImportOptions::default(),
        None,
        now(),
    )
    .await
    .unwrap();
    assert_eq!(outcome.imported, 3);
    // 王小明's phone (written 138 0013 8000) finds the record intake made; the other two rows
    // (a tracking number; a landline) each get a record of their own.
    let linked: Vec<(String, Option<i64>)> =
        sqlx::query_as("SELECT complainant_name, customer_id FROM cases ORDER BY id")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(linked.len(), 4);
    assert!(linked.iter().all(|(_, id)| id.is_some()), "{linked:?}");
    let xiaoming = linked.iter().filter(|(n, _)| n == "王小明").count();
    assert_eq!(xiaoming, 2);
    assert!(
        linked
            .iter()
            .filter(|(n, _)| n == "王小明")
            .all(|(_, id)| *id == Some(known))
    );
    assert_eq!(count(&pool, "SELECT count(*) FROM customers").await, 3);
}
