//! Group mode against a real PostgreSQL server (see `group/postgres.rs`; skipped with a
//! message where PostgreSQL is not installed, except on CI).

mod dashboard;
mod figures;
mod outbox;
mod postgres;
mod publications;
mod report;
mod rls;
mod sync;

use std::process::{Command, Output};

use sqlx::PgPool;

use super::support::{TempDb, text};
use postgres::Postgres;

/// The password every test role gets.
pub const ROLE_PASSWORD: &str = "role-pw";

/// Runs `branchdesk-cli --db <db> args…` with extra environment variables.
pub fn cli_env(db: &TempDb, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_branchdesk-cli"));
    command
        .arg("--db")
        .arg(&db.path)
        .args(args)
        .env_remove("BRANCHDESK_DB")
        .env_remove("PGPASSWORD")
        .env(branchdesk::logging::LOG_DIR_ENV, db.log_dir());
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().expect("run branchdesk-cli")
}

/// Runs the CLI and insists it succeeded; returns its stdout.
pub fn ok(db: &TempDb, args: &[&str]) -> String {
    let out = cli_env(db, args, &[]);
    assert!(
        out.status.success(),
        "{args:?} failed: {}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout)
}

/// A branch database set up with `code` and `cases` demo cases (with their training and
/// prevention work) over three months.
pub fn branch(code: &str, cases: u32) -> TempDb {
    let db = TempDb::new();
    ok(
        &db,
        &[
            "init",
            "--name",
            "店",
            "--code",
            code,
            "--industry",
            "hotel",
            "--tz",
            "Asia/Shanghai",
            "--lang",
            "en",
        ],
    );
    if cases > 0 {
        ok(
            &db,
            &["demo-data", "--cases", &cases.to_string(), "--months", "3"],
        );
    }
    db
}

/// The role name a test gives branch `code`.
pub fn role_of(code: &str) -> String {
    format!("branch_{}", code.to_ascii_lowercase())
}

/// Creates the group schema on `pg` with a login role for each branch code and a head-office
/// role `office`.
pub fn set_up_server(pg: &Postgres, codes: &[&str]) {
    let scratch = TempDb::new();
    let admin = pg.admin_url();
    for code in codes {
        let role = role_of(code);
        let out = cli_env(
            &scratch,
            &[
                "group-schema",
                "--server",
                &admin,
                "--add-branch",
                code,
                "--role",
                &role,
            ],
            &[("BRANCHDESK_ROLE_PASSWORD", ROLE_PASSWORD)],
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    let out = cli_env(
        &scratch,
        &["group-schema", "--server", &admin, "--add-office", "office"],
        &[("BRANCHDESK_ROLE_PASSWORD", ROLE_PASSWORD)],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
}

/// `sync` of `db` as branch `code`'s role; returns the output.
pub fn sync(pg: &Postgres, db: &TempDb, code: &str, extra: &[&str]) -> Output {
    let url = pg.url(&role_of(code), ROLE_PASSWORD);
    let mut args = vec!["sync", "--server", url.as_str()];
    args.extend_from_slice(extra);
    cli_env(db, &args, &[])
}

/// A pool on `url` (a test's own look at the server).
pub async fn connect(url: &str) -> PgPool {
    sqlx::postgres::PgPoolOptions::new()
        .max_connections(2)
        .connect(url)
        .await
        .expect("connect to the test server")
}

/// How many rows of `table` the server holds for `code`, as the head office role sees them.
pub async fn server_count(office: &PgPool, code: &str, table: &str) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM branch_rows WHERE branch_code = $1 AND tbl = $2")
        .bind(code)
        .bind(table)
        .fetch_one(office)
        .await
        .expect("count server rows")
}

/// How many rows of `table` the branch database has.
pub async fn local_count(db: &TempDb, table: &str) -> i64 {
    let pool = branchdesk::store::open_existing(&db.path)
        .await
        .expect("open");
    let count = sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT count(*) FROM {table}")))
        .fetch_one(&pool)
        .await
        .expect("count local rows");
    branchdesk::store::close(pool).await;
    count
}

/// The tables a branch sends, as a test checks them.
pub const CHECKED_TABLES: [&str; 8] = [
    "cases",
    "case_events",
    "case_audit",
    "staff",
    "training_assignments",
    "drills",
    "prevention_plans",
    "prevention_measures",
];
