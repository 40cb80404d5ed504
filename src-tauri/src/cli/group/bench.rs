//! `branchdesk-cli bench-group --server URL`: times group mode against a real server (figures
//! printed, never asserted): the first sync of a large branch, an incremental sync of 100
//! changes, and the group report for many branches. Needs an administrator's address: it
//! creates the schema, a branch role and its own scratch rows, all under codes starting BG,
//! which it removes first so it can be run again.

use crate::cli::output::say;
use std::time::Instant;

use chrono::{Datelike, Utc};
use sqlx::{PgPool, SqlitePool};

use crate::cases::demo::{self, DemoOptions};
use crate::error::Result;
use crate::export::{Destination, Existing};
use crate::group::report::Source;
use crate::group::sync::{self, SyncOptions};
use crate::group::{pg_error, report, schema, server};
use crate::settings::{BranchInput, Language};
use crate::stats::report::Month;
use crate::status::{self, SetupInput};
use crate::store;

/// What to measure.
#[derive(Debug, Clone, Copy)]
pub struct BenchGroup {
    /// Cases in the branch whose first sync is timed.
    pub cases: u32,
    /// Branches in the group report.
    pub branches: u32,
    /// Cases per branch in the report's month.
    pub branch_cases: u32,
    /// Also time the report rebuilt from raw rows (`group-report --recompute`).
    pub recompute: bool,
}

async fn branch_db(
    dir: &std::path::Path,
    code: &str,
    cases: u32,
    months: u32,
) -> Result<SqlitePool> {
    let pool = store::open(&dir.join(format!("{code}.db"))).await?;
    let input = SetupInput {
        branch: BranchInput {
            name: format!("基准 {code}"),
            code: code.into(),
            industry: "hotel".into(),
            timezone: "Asia/Shanghai".into(),
        },
        language: "zh-CN".into(),
    };
    status::setup(&pool, &input).await?;
    let started = Instant::now();
    demo::generate(
        &pool,
        &DemoOptions {
            cases,
            months,
            seed: 7,
        },
        Utc::now(),
    )
    .await?;
    crate::cli::demo_work(&pool).await?;
    say!(
        "built {code}: {cases} cases over {months} months in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(pool)
}

/// Connects as a new login role for branch `code` (made by the administrator at `admin`).
async fn branch_pool(admin_pg: &PgPool, admin: &str, code: &str) -> Result<PgPool> {
    let role = format!("bench_{}", code.to_ascii_lowercase());
    let password = format!("bench-{}", std::process::id());
    schema::add_branch(admin_pg, code, &role, &password).await?;
    let options = server::options(admin)?.username(&role).password(&password);
    server::connect_with(admin, options).await
}

/// Runs the measures and prints their figures.
pub async fn run(admin: &str, bench: BenchGroup) -> Result<()> {
    let dir = tempfile::tempdir()?;
    let admin_pg = server::connect(admin).await?;
    schema::migrate(&admin_pg).await?;
    sqlx::query("DELETE FROM branch_rows WHERE branch_code LIKE 'BG%'")
        .execute(&admin_pg)
        .await
        .map_err(pg_error)?;
    sqlx::query("DELETE FROM group_branches WHERE branch_code LIKE 'BG%'")
        .execute(&admin_pg)
        .await
        .map_err(pg_error)?;

    // 1. First sync of a large branch.
    let big = branch_db(dir.path(), "BG00", bench.cases, 24).await?;
    let pending = sync::pending(&big).await?;
    let pg = branch_pool(&admin_pg, admin, "BG00").await?;
    let started = Instant::now();
    let sent = sync::send(&big, &pg, "BG00", SyncOptions::default()).await?;
    let first = started.elapsed().as_secs_f64();
    let mut summary = Vec::new();
    let rows: u64 = sent.sent.values().sum();
    say!(
        "first sync, {} cases: {rows} rows ({pending} outbox entries) in {} batches and the figures of {} months, {first:.1} s, {:.0} rows/s (goal < 60 s)",
        bench.cases,
        sent.batches,
        sent.months,
        rows as f64 / first.max(f64::EPSILON)
    );
    summary.push(verdict("first sync", first, 60.0));

    // 2. Incremental sync of 100 changed cases.
    sqlx::query(
        "UPDATE cases SET follow_up_comment = 'bench ' || id, updated_at = ?
         WHERE id IN (SELECT id FROM cases ORDER BY id DESC LIMIT 100)",
    )
    .bind(store::now_utc())
    .execute(&big)
    .await?;
    let started = Instant::now();
    let sent = sync::send(&big, &pg, "BG00", SyncOptions::default()).await?;
    let incremental = started.elapsed().as_secs_f64();
    say!(
        "incremental sync of 100 changed cases: {} rows and the figures of {} months in {incremental:.3} s (goal < 1 s)",
        sent.sent.values().sum::<u64>(),
        sent.months,
    );
    summary.push(verdict("incremental sync", incremental, 1.0));
    pg.close().await;
    store::close(big).await;
    // Out of the report, which measures BG01 and its copies only.
    sqlx::query("DELETE FROM branch_rows WHERE branch_code = 'BG00'")
        .execute(&admin_pg)
        .await
        .map_err(pg_error)?;

    // 3. The group report: one branch's month sent for real, copied on the server under the
    //    other codes (each with its own code in its branch row).
    let one = branch_db(dir.path(), "BG01", bench.branch_cases, 1).await?;
    let pg = branch_pool(&admin_pg, admin, "BG01").await?;
    sync::send(&one, &pg, "BG01", SyncOptions::default()).await?;
    pg.close().await;
    store::close(one).await;
    let started = Instant::now();
    for n in 2..=bench.branches {
        let code = format!("BG{n:02}");
        sqlx::query(
            "INSERT INTO branch_rows (branch_code, tbl, row_key, data)
             SELECT $1, tbl, row_key,
                    CASE WHEN tbl = 'branch' THEN jsonb_set(data, '{code}', to_jsonb($1::text))
                         ELSE data END
             FROM branch_rows WHERE branch_code = 'BG01'",
        )
        .bind(&code)
        .execute(&admin_pg)
        .await
        .map_err(pg_error)?;
        sqlx::query(
            "INSERT INTO group_branches (branch_code, role_name) VALUES ($1, $2)
             ON CONFLICT DO NOTHING",
        )
        .bind(&code)
        .bind(format!("bench_copy_{n}"))
        .execute(&admin_pg)
        .await
        .map_err(pg_error)?;
    }
    say!(
        "copied BG01 to {} more branches on the server in {:.1} s",
        bench.branches.saturating_sub(1),
        started.elapsed().as_secs_f64()
    );
    let today = Utc::now()
        .with_timezone(&chrono_tz::Asia::Shanghai)
        .date_naive();
    let month = Month::parse("month", &format!("{}-{:02}", today.year(), today.month()))?;
    let out_path = dir.path().join("group.xlsx");
    let out = Destination::check(&out_path, &dir.path().join("none.db"), Existing::Replace)?;
    let started = Instant::now();
    let branches = report::group_report(
        &admin_pg,
        month,
        Language::ZhCn,
        Utc::now(),
        Source::Sent,
        &out,
    )
    .await?;
    let grouped = started.elapsed().as_secs_f64();
    say!(
        "group report, {} branches x {} cases in {month}, from the month figures they sent: {grouped:.2} s (goal < 10 s)",
        branches.len(),
        bench.branch_cases,
    );
    summary.push(verdict("group report", grouped, 10.0));
    if bench.recompute {
        let started = Instant::now();
        report::group_report(
            &admin_pg,
            month,
            Language::ZhCn,
            Utc::now(),
            Source::Recomputed,
            &out,
        )
        .await?;
        say!(
            "group report --recompute (every branch rebuilt from its raw rows, to cross-check): {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    sqlx::query("DELETE FROM branch_rows WHERE branch_code LIKE 'BG%'")
        .execute(&admin_pg)
        .await
        .map_err(pg_error)?;
    admin_pg.close().await;
    let build = if cfg!(debug_assertions) {
        "a debug build: a release build is faster"
    } else {
        "a release build"
    };
    say!("summary ({build}):");
    for line in summary {
        say!("  {line}");
    }
    Ok(())
}

/// One summary line: the measure, its time and whether it met its goal.
fn verdict(what: &str, seconds: f64, goal: f64) -> String {
    let met = if seconds < goal { "met" } else { "MISSED" };
    format!("{what}: {seconds:.3} s (goal < {goal} s: {met})")
}
