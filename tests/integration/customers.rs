//! Customers as records (issue 16 point 1): linked at intake, by import and by the upgrade;
//! key customers; merging; search; the CLI. Real SQLite files in temporary folders.

mod bulk;
mod cli;
mod intake;
mod merge;
mod upgrade;

use chrono::{DateTime, TimeZone, Utc};
use sqlx::SqlitePool;

use branchdesk::cases::intake::CaseInput;
use branchdesk::cases::repo::create::create_case;
use branchdesk::settings::repo::list_categories;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 2, 0, 0).unwrap()
}

/// A complaint from `name` with `phone` and `reference`.
async fn complaint(
    pool: &SqlitePool,
    name: &str,
    phone: Option<&str>,
    reference: Option<&str>,
) -> CaseInput {
    CaseInput {
        channel: "phone".into(),
        customer_type: "talker".into(),
        category_id: list_categories(pool).await.expect("categories")[0].id,
        description: "快递三天没有送到".into(),
        complainant_name: Some(name.into()),
        phone: phone.map(Into::into),
        reference: reference.map(Into::into),
        ..Default::default()
    }
}

/// Stores `input` as a new case; returns the customer it was linked to.
async fn file(pool: &SqlitePool, input: &CaseInput) -> Option<i64> {
    let id = create_case(pool, input, None, now()).await.expect("create");
    sqlx::query_scalar("SELECT customer_id FROM cases WHERE id = ?")
        .bind(id)
        .fetch_one(pool)
        .await
        .expect("customer id")
}

async fn count(pool: &SqlitePool, sql: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned()))
        .fetch_one(pool)
        .await
        .expect("count")
}
