//! `branchdesk-cli customers` and the demo's customers.

use super::count;
use crate::support::{INIT_POSTAL, TempDb, text};

#[tokio::test]
async fn demo_data_has_repeat_and_key_customers_and_a_merge_and_the_cli_lists_them() {
    let db = TempDb::new();
    assert!(db.cli(&INIT_POSTAL).status.success());
    let out = db.cli(&["demo-data", "--cases", "400", "--months", "6"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("3 key customers, 1 merge"),
        "{}",
        text(&out.stdout)
    );

    let pool = db.open().await;
    assert!(
        count(&pool, "SELECT count(*) FROM (SELECT customer_id FROM cases WHERE customer_id IS NOT NULL GROUP BY customer_id HAVING count(*) > 1)").await >= 3,
        "customers with several cases"
    );
    assert_eq!(
        count(
            &pool,
            "SELECT count(*) FROM customers WHERE key_customer = 1 AND key_reason <> ''"
        )
        .await,
        3
    );
    assert_eq!(
        count(
            &pool,
            "SELECT count(*) FROM customer_audit WHERE field = 'merged_from'"
        )
        .await,
        1
    );
    assert_eq!(
        count(&pool, "SELECT count(*) FROM cases WHERE customer_id IS NULL AND (phone IS NOT NULL OR reference IS NOT NULL)").await,
        0
    );
    branchdesk::store::close(pool).await;

    let out = db.cli(&["customers", "--key"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let listed = text(&out.stdout);
    assert_eq!(listed.lines().count(), 3, "{listed}");
    assert!(listed.lines().all(|l| l.contains("\tKEY: ")), "{listed}");
    // Masked unless asked: no full mobile number is printed.
    assert!(
        !listed
            .split(|c: char| !c.is_ascii_digit())
            .any(|run| run.len() >= 11),
        "{listed}"
    );
    let all = text(&db.cli(&["customers"]).stdout);
    assert!(all.lines().count() > 3);

    // A second run adds cases and links them, but no second set of key customers.
    let again = db.cli(&["demo-data", "--cases", "5", "--months", "1"]);
    assert!(!text(&again.stdout).contains("key customers"));
}
