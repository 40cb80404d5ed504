//! Row-level security, proven by logging in with each role.

use super::postgres::Postgres;
use super::{ROLE_PASSWORD, branch, cli_env, connect, role_of, set_up_server, sync};
use crate::support::text;

fn refused(result: Result<sqlx::postgres::PgQueryResult, sqlx::Error>) -> bool {
    matches!(result, Err(sqlx::Error::Database(db)) if db.code().as_deref() == Some("42501"))
}

#[tokio::test]
async fn a_branch_role_can_neither_write_nor_read_another_branchs_rows() {
    let Some(pg) = Postgres::start() else { return };
    set_up_server(&pg, &["HF06", "HG07"]);
    let f = branch("HF06", 10);
    let g = branch("HG07", 10);
    assert!(sync(&pg, &f, "HF06", &[]).status.success());
    assert!(sync(&pg, &g, "HG07", &[]).status.success());

    let as_f = connect(&pg.url(&role_of("HF06"), ROLE_PASSWORD)).await;
    let seen: Vec<String> = sqlx::query_scalar("SELECT DISTINCT branch_code FROM branch_rows")
        .fetch_all(&as_f)
        .await
        .unwrap();
    assert_eq!(seen, ["HF06"], "a branch reads only its own rows");
    let insert = "INSERT INTO branch_rows (branch_code, tbl, row_key, data)
                  VALUES ('HG07', 'cases', '[999]', '{}')";
    assert!(refused(sqlx::query(insert).execute(&as_f).await));
    // Taking the group role's identity does not help: the branch is read from the login.
    let mut conn = as_f.acquire().await.unwrap();
    sqlx::query("SET ROLE branchdesk_branch")
        .execute(&mut *conn)
        .await
        .unwrap();
    assert!(refused(sqlx::query(insert).execute(&mut *conn).await));
    drop(conn);
    let updated = sqlx::query("UPDATE branch_rows SET data = '{}' WHERE branch_code = 'HG07'")
        .execute(&as_f)
        .await
        .unwrap();
    assert_eq!(updated.rows_affected(), 0);
    let deleted = sqlx::query("DELETE FROM branch_rows WHERE branch_code = 'HG07'")
        .execute(&as_f)
        .await
        .unwrap();
    assert_eq!(deleted.rows_affected(), 0);
    // Moving its own row to another branch is refused too.
    assert!(refused(
        sqlx::query("UPDATE branch_rows SET branch_code = 'HG07' WHERE branch_code = 'HF06'")
            .execute(&as_f)
            .await
    ));
    assert!(refused(
        sqlx::query(
            "INSERT INTO publications (kind, key, version, data) VALUES ('category', 'x', 1, '{}')"
        )
        .execute(&as_f)
        .await
    ));

    // Head office reads every branch and writes none.
    let office = connect(&pg.url("office", ROLE_PASSWORD)).await;
    let seen: Vec<String> =
        sqlx::query_scalar("SELECT DISTINCT branch_code FROM branch_rows ORDER BY 1")
            .fetch_all(&office)
            .await
            .unwrap();
    assert_eq!(seen, ["HF06", "HG07"]);
    assert!(refused(sqlx::query(insert).execute(&office).await));
    let untouched: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM branch_rows WHERE branch_code = 'HG07' AND data = '{}'",
    )
    .fetch_one(&office)
    .await
    .unwrap();
    assert_eq!(untouched, 0);
}

#[tokio::test]
async fn a_sync_with_the_wrong_role_or_password_is_refused_clearly() {
    let Some(pg) = Postgres::start() else { return };
    set_up_server(&pg, &["HH08", "HI09"]);
    let h = branch("HH08", 3);
    // HH08's database with HI09's role.
    let out = sync(&pg, &h, "HI09", &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("not this branch's role"),
        "{}",
        text(&out.stderr)
    );
    let wrong = pg.url(&role_of("HH08"), "not-the-password");
    let out = cli_env(&h, &["sync", "--server", &wrong], &[]);
    assert_eq!(out.status.code(), Some(1));
    let said = text(&out.stderr);
    assert!(said.contains("refused the role or password"), "{said}");
    assert!(!said.contains("not-the-password"), "{said}");
    // Nothing left the outbox.
    assert!(super::local_count(&h, "group_outbox").await > 0);
}

#[tokio::test]
async fn a_server_without_the_schema_or_with_a_newer_one_is_refused() {
    let Some(pg) = Postgres::start() else { return };
    let h = branch("HJ10", 0);
    let out = cli_env(&h, &["sync", "--server", &pg.admin_url()], &[]);
    assert!(
        text(&out.stderr).contains("group-schema"),
        "{}",
        text(&out.stderr)
    );
    set_up_server(&pg, &["HJ10"]);
    let admin = connect(&pg.admin_url()).await;
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
         VALUES (9999, 'from the future', true, '\\x00', 0)",
    )
    .execute(&admin)
    .await
    .unwrap();
    let out = sync(&pg, &h, "HJ10", &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("newer than this BranchDesk"),
        "{}",
        text(&out.stderr)
    );
}
