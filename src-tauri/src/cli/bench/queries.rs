//! What the bench asks of the list: each filter alone, and searches of each kind.

use chrono::{Datelike, Months, NaiveDate, Utc};
use sqlx::SqlitePool;

use super::table::Budget;
use crate::cases::demo;
use crate::cases::repo::list::CaseQuery;
use crate::error::Result;
use crate::settings::Industry;

/// The list filters a user reaches for, each alone.
pub async fn list_queries(pool: &SqlitePool) -> Result<Vec<(String, CaseQuery)>> {
    let category: (i64, Option<String>) = sqlx::query_as(
        "SELECT id, seed_key FROM categories WHERE hidden = 0 ORDER BY position, id LIMIT 1",
    )
    .fetch_one(pool)
    .await?;
    let assignee: i64 = sqlx::query_scalar("SELECT MIN(id) FROM staff WHERE active = 1")
        .fetch_one(pool)
        .await?;
    let today = Utc::now()
        .with_timezone(&chrono_tz::Asia::Shanghai)
        .date_naive();
    let this_month = NaiveDate::from_ymd_opt(today.year(), today.month(), 1).unwrap_or(today);
    let last_month = this_month - Months::new(1);
    let base = CaseQuery::default;
    Ok(vec![
        ("list: no filter".into(), base()),
        (
            "list: status=open".into(),
            CaseQuery {
                status: Some("open".into()),
                ..base()
            },
        ),
        (
            "list: grade=4".into(),
            CaseQuery {
                grade: Some(4),
                ..base()
            },
        ),
        (
            format!("list: category={}", category.1.unwrap_or_default()),
            CaseQuery {
                category_id: Some(category.0),
                ..base()
            },
        ),
        (
            "list: channel=phone".into(),
            CaseQuery {
                channel: Some("phone".into()),
                ..base()
            },
        ),
        (
            "list: assignee".into(),
            CaseQuery {
                assignee_id: Some(assignee),
                ..base()
            },
        ),
        (
            "list: overdue".into(),
            CaseQuery {
                overdue: true,
                ..base()
            },
        ),
        (
            "list: due today".into(),
            CaseQuery {
                due_today: true,
                ..base()
            },
        ),
        (
            format!("list: received {}", last_month.format("%Y-%m")),
            CaseQuery {
                from: Some(last_month.to_string()),
                to: Some((this_month - chrono::Days::new(1)).to_string()),
                ..base()
            },
        ),
        (
            "list: sort=due".into(),
            CaseQuery {
                sort: Some("due".into()),
                ..base()
            },
        ),
    ])
}

/// Searches of each kind, with the words the demo really wrote.
pub async fn search_queries(pool: &SqlitePool) -> Result<Vec<(String, String, Budget)>> {
    let [one, two, three, english] = demo::sample_queries(Industry::Property);
    // Four digits from the middle of a stored mobile number: the part people remember.
    let phone: Option<String> = sqlx::query_scalar(
        "SELECT phone_key FROM cases WHERE length(phone_key) = 11 ORDER BY id LIMIT 1",
    )
    .fetch_optional(pool)
    .await?;
    let fragment = phone
        .as_deref()
        .and_then(|digits| digits.get(3..7))
        .unwrap_or("1380")
        .to_owned();
    Ok(vec![
        (
            "search: 1 Chinese character".into(),
            one.into(),
            Budget::None,
        ),
        (
            "search: 2 Chinese characters".into(),
            two.into(),
            Budget::Under(std::time::Duration::from_millis(150)),
        ),
        (
            "search: 3+ Chinese characters".into(),
            three.into(),
            Budget::None,
        ),
        ("search: English word".into(), english.into(), Budget::None),
        ("search: phone fragment".into(), fragment, Budget::None),
    ])
}
