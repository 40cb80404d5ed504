//! Sending: two branches, interruption, offline changes, edits between syncs, repeats.

use super::postgres::Postgres;
use super::{
    CHECKED_TABLES, ROLE_PASSWORD, branch, connect, local_count, ok, role_of, server_count,
    set_up_server, sync,
};
use crate::support::text;

#[tokio::test]
async fn two_branches_sync_and_head_office_sees_both() {
    let Some(pg) = Postgres::start() else { return };
    set_up_server(&pg, &["HA01", "HB02"]);
    let a = branch("HA01", 60);
    let b = branch("HB02", 40);
    let out = sync(&pg, &a, "HA01", &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(said.contains("Sent HA01"), "{said}");
    assert!(said.contains("60 cases"), "{said}");
    assert!(
        !said.contains(ROLE_PASSWORD),
        "the password is masked: {said}"
    );
    assert!(sync(&pg, &b, "HB02", &[]).status.success());

    let office = connect(&pg.url("office", ROLE_PASSWORD)).await;
    for (db, code) in [(&a, "HA01"), (&b, "HB02")] {
        for table in CHECKED_TABLES {
            assert_eq!(
                server_count(&office, code, table).await,
                local_count(db, table).await,
                "{code} {table}"
            );
        }
    }
    // A row arrives as it is in the branch, column for column.
    let pool = branchdesk::store::open_existing(&a.path).await.unwrap();
    let (number, description): (String, String) =
        sqlx::query_as("SELECT number, description FROM cases WHERE id = 7")
            .fetch_one(&pool)
            .await
            .unwrap();
    branchdesk::store::close(pool).await;
    let (server_number, server_description): (String, String) = sqlx::query_as(
        "SELECT data->>'number', data->>'description' FROM branch_rows
         WHERE branch_code = 'HA01' AND tbl = 'cases' AND row_key = '[7]'",
    )
    .fetch_one(&office)
    .await
    .unwrap();
    assert_eq!((server_number, server_description), (number, description));
    // The server address is remembered without its password.
    let pool = branchdesk::store::open_existing(&a.path).await.unwrap();
    let saved = branchdesk::group::run::saved_server(&pool).await.unwrap();
    branchdesk::store::close(pool).await;
    let saved = saved.expect("the address is kept");
    assert!(!saved.contains(ROLE_PASSWORD), "{saved}");
    assert!(saved.contains(&role_of("HA01")), "{saved}");
}

#[tokio::test]
async fn an_interrupted_sync_resumes_and_loses_and_duplicates_nothing() {
    let Some(pg) = Postgres::start() else { return };
    set_up_server(&pg, &["HC03"]);
    let db = branch("HC03", 80);
    let pending_before = local_pending(&db).await;
    // Stops after two batches are committed on the server but before the second leaves the
    // outbox: the worst moment for a crash.
    let url = pg.url(&role_of("HC03"), ROLE_PASSWORD);
    let out = super::cli_env(
        &db,
        &["sync", "--server", &url, "--batch-rows", "100"],
        &[("BRANCHDESK_GROUP_FAIL_AFTER_BATCHES", "2")],
    );
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("run sync again"),
        "{}",
        text(&out.stderr)
    );
    let pending_between = local_pending(&db).await;
    assert_eq!(
        pending_between,
        pending_before - 100,
        "one batch left the outbox"
    );

    // The server stopped mid-sync: the sync fails clearly and the outbox keeps everything.
    pg.kill();
    let out = sync(&pg, &db, "HC03", &["--batch-rows", "100"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("cannot be reached"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(local_pending(&db).await, pending_between);
    pg.restart();

    let out = sync(&pg, &db, "HC03", &["--batch-rows", "100"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(local_pending(&db).await, 0);
    let office = connect(&pg.url("office", ROLE_PASSWORD)).await;
    for table in CHECKED_TABLES {
        assert_eq!(
            server_count(&office, "HC03", table).await,
            local_count(&db, table).await,
            "{table}"
        );
    }
}

#[tokio::test]
async fn offline_changes_queue_and_go_at_the_next_sync_and_twice_changes_nothing() {
    let Some(pg) = Postgres::start() else { return };
    set_up_server(&pg, &["HD04"]);
    let db = branch("HD04", 20);
    assert!(sync(&pg, &db, "HD04", &[]).status.success());
    assert_eq!(local_pending(&db).await, 0);

    // Offline: the server is down while the branch works.
    pg.kill();
    ok(
        &db,
        &["demo-data", "--cases", "15", "--months", "1", "--seed", "9"],
    );
    assert!(
        local_pending(&db).await >= 15,
        "the new cases wait in the outbox"
    );
    assert!(!sync(&pg, &db, "HD04", &[]).status.success());
    pg.restart();
    let out = sync(&pg, &db, "HD04", &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("15 cases"),
        "{}",
        text(&out.stdout)
    );
    let office = connect(&pg.url("office", ROLE_PASSWORD)).await;
    assert_eq!(server_count(&office, "HD04", "cases").await, 35);

    // Sending everything again changes nothing on the server, not even when it was synced.
    let before = snapshot(&office, "HD04").await;
    let out = sync(&pg, &db, "HD04", &[]);
    assert!(
        text(&out.stdout).contains("Nothing to send"),
        "{}",
        text(&out.stdout)
    );
    requeue_everything(&db).await;
    let out = sync(&pg, &db, "HD04", &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(snapshot(&office, "HD04").await, before);
}

#[tokio::test]
async fn a_case_edited_twice_between_syncs_arrives_in_its_final_state_with_its_audit() {
    use branchdesk::cases::intake::CaseInput;
    use branchdesk::cases::repo::workflow::update_case;
    let Some(pg) = Postgres::start() else { return };
    set_up_server(&pg, &["HE05"]);
    let db = branch("HE05", 5);
    assert!(sync(&pg, &db, "HE05", &[]).status.success());

    let pool = branchdesk::store::open_existing(&db.path).await.unwrap();
    let category: i64 = sqlx::query_scalar("SELECT category_id FROM cases WHERE id = 1")
        .fetch_one(&pool)
        .await
        .unwrap();
    for description in ["first edit", "second edit"] {
        let edit = CaseInput {
            channel: "walk_in".into(),
            customer_type: "passive".into(),
            category_id: category,
            description: description.into(),
            ..Default::default()
        };
        update_case(&pool, 1, &edit, None, chrono::Utc::now())
            .await
            .unwrap();
    }
    let audit: Vec<(i64, String)> = sqlx::query_as(
        "SELECT id, COALESCE(new_value, '') FROM case_audit WHERE case_id = 1 ORDER BY id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    branchdesk::store::close(pool).await;
    assert!(sync(&pg, &db, "HE05", &[]).status.success());

    let office = connect(&pg.url("office", ROLE_PASSWORD)).await;
    let description: String = sqlx::query_scalar(
        "SELECT data->>'description' FROM branch_rows
         WHERE branch_code = 'HE05' AND tbl = 'cases' AND row_key = '[1]'",
    )
    .fetch_one(&office)
    .await
    .unwrap();
    assert_eq!(description, "second edit");
    let server_audit: Vec<(i64, String)> = sqlx::query_as(
        "SELECT (data->>'id')::bigint, COALESCE(data->>'new_value', '') FROM branch_rows
         WHERE branch_code = 'HE05' AND tbl = 'case_audit' AND data->>'case_id' = '1'
         ORDER BY 1",
    )
    .fetch_all(&office)
    .await
    .unwrap();
    assert_eq!(server_audit, audit);
    assert!(audit.iter().any(|(_, v)| v == "first edit"), "{audit:?}");
}

async fn local_pending(db: &crate::support::TempDb) -> i64 {
    local_count(db, "group_outbox").await
}

/// Every row the server holds for `code`, with when it was last written.
async fn snapshot(office: &sqlx::PgPool, code: &str) -> Vec<(String, String, String, String)> {
    sqlx::query_as(
        "SELECT tbl, row_key, data::text, synced_at::text FROM branch_rows
         WHERE branch_code = $1 ORDER BY tbl, row_key",
    )
    .bind(code)
    .fetch_all(office)
    .await
    .expect("read the server's rows")
}

/// Puts every case and audit row in the outbox again, as a crash after the server's commit
/// would have left them.
async fn requeue_everything(db: &crate::support::TempDb) {
    let pool = branchdesk::store::open_existing(&db.path)
        .await
        .expect("open");
    sqlx::query(
        "INSERT INTO group_outbox (tbl, row_key, op)
         SELECT 'cases', json_array(id), 'U' FROM cases
         UNION ALL SELECT 'case_audit', json_array(id), 'U' FROM case_audit",
    )
    .execute(&pool)
    .await
    .expect("queue again");
    branchdesk::store::close(pool).await;
}
