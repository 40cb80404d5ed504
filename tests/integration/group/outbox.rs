//! The outbox on the branch's SQLite (no server needed).

use branchdesk::group::tables;

use super::branch;
use crate::support::TempDb;

#[tokio::test]
async fn every_branch_table_is_sent_or_named_as_derived_and_has_its_triggers() {
    let db = TempDb::new();
    let pool = db.open().await;
    let names: Vec<String> =
        sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .fetch_all(&pool)
            .await
            .unwrap();
    for name in &names {
        assert!(
            tables::is_unsent(name) || tables::key_columns(name).is_some(),
            "table {name} is neither sent to the group server nor named as derived"
        );
    }
    for (table, key) in tables::SENT {
        assert!(names.iter().any(|n| n == table), "{table} exists");
        let triggers: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?
             AND name LIKE 'group_outbox_%'",
        )
        .bind(table)
        .fetch_one(&pool)
        .await
        .unwrap();
        assert_eq!(triggers, 3, "{table}: insert, update and delete");
        let pk: Vec<String> =
            sqlx::query_scalar("SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk")
                .bind(table)
                .fetch_all(&pool)
                .await
                .unwrap();
        assert_eq!(pk, *key, "{table}'s key");
    }
    branchdesk::store::close(pool).await;
}

#[tokio::test]
async fn a_change_and_its_outbox_entry_commit_or_roll_back_together() {
    let db = branch("OB01", 0);
    let pool = branchdesk::store::open_existing(&db.path).await.unwrap();
    let pending = || async {
        sqlx::query_scalar::<_, i64>("SELECT count(*) FROM group_outbox")
            .fetch_one(&pool)
            .await
            .unwrap()
    };
    let before = pending().await;
    assert!(before > 0, "set-up rows made before any sync are queued");
    let mut tx = branchdesk::store::begin_write(&pool).await.unwrap();
    sqlx::query("UPDATE branch SET name = 'renamed'")
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.rollback().await.unwrap();
    assert_eq!(pending().await, before);
    sqlx::query("UPDATE branch SET name = 'renamed'")
        .execute(&pool)
        .await
        .unwrap();
    assert_eq!(pending().await, before + 1);
    // The sync's own settings are not queued (they would go round for ever).
    sqlx::query("INSERT INTO app_settings (key, value) VALUES ('group.last_sync', 'x')")
        .execute(&pool)
        .await
        .unwrap();
    assert_eq!(pending().await, before + 1);
    branchdesk::store::close(pool).await;
}

#[tokio::test]
async fn settings_keep_the_address_without_its_password_and_say_when_a_sync_is_due() {
    use branchdesk::group::app;
    let db = branch("AS01", 0);
    let pool = branchdesk::store::open_existing(&db.path).await.unwrap();
    let now = chrono::Utc::now();
    assert!(
        !app::sync_due(&pool, now).await.unwrap(),
        "no server: never due"
    );
    let saved = app::save(&pool, "postgres://as01:secret@db.example/group", 15)
        .await
        .unwrap();
    assert_eq!(
        saved.server.as_deref(),
        Some("postgres://as01@db.example/group")
    );
    assert_eq!(saved.interval_minutes, 15);
    assert!(saved.pending > 0);
    assert!(
        app::sync_due(&pool, now).await.unwrap(),
        "never synced: due"
    );
    sqlx::query("INSERT INTO app_settings (key, value) VALUES ('group.last_sync', ?)")
        .bind(now.to_rfc3339())
        .execute(&pool)
        .await
        .unwrap();
    assert!(
        !app::sync_due(&pool, now + chrono::TimeDelta::minutes(14))
            .await
            .unwrap()
    );
    assert!(
        app::sync_due(&pool, now + chrono::TimeDelta::minutes(15))
            .await
            .unwrap()
    );
    app::save(&pool, "postgres://as01@db.example/group", 0)
        .await
        .unwrap();
    assert!(
        !app::sync_due(&pool, now + chrono::TimeDelta::days(2))
            .await
            .unwrap(),
        "off"
    );
    let refused = app::save(&pool, "http://db.example", 5).await.unwrap_err();
    assert_eq!(
        (refused.code(), refused.field()),
        ("invalid.choice", Some("server"))
    );
    let refused = app::save(&pool, "", 5000).await.unwrap_err();
    assert_eq!(refused.field(), Some("intervalMinutes"));
    // Nothing of this is queued for the server.
    let queued: i64 =
        sqlx::query_scalar("SELECT count(*) FROM group_outbox WHERE row_key LIKE '%group.%'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(queued, 0);
    branchdesk::store::close(pool).await;
}

#[tokio::test]
async fn sign_ins_and_the_recovery_code_never_enter_the_outbox() {
    let db = branch("OB02", 0);
    let pool = branchdesk::store::open_existing(&db.path).await.unwrap();
    let manager = branchdesk::access::FirstManager {
        staff_id: None,
        name: "王经理".into(),
        username: "Wang".into(),
        secret: "Outbox-test-2026".into(),
    };
    branchdesk::access::repo::create_first_manager(&pool, &manager)
        .await
        .unwrap();
    let private: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM group_outbox
         WHERE tbl IN ('sign_ins', 'sign_in_failures')
            OR (tbl = 'app_settings' AND row_key = json_array('recovery_code_hash'))",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(private, 0, "credentials stay on the branch's computer");
    let person: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM group_outbox WHERE tbl = 'staff' AND row_key = (
             SELECT json_array(staff_id) FROM sign_ins)",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(person, 1, "the manager's staff record itself is sent");
    branchdesk::store::close(pool).await;
}
