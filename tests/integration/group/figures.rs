//! The month figures a branch sends at each sync: the group report reads them, they follow an
//! edit of an old case into that month and every later one, and they equal the figures
//! rebuilt from the branch's raw rows.

use branchdesk::export::BranchData;
use branchdesk::group::report::{branches_month, branches_month_recomputed};
use branchdesk::settings::Language;
use branchdesk::stats::report::Month;
use chrono::Utc;

use super::postgres::Postgres;
use super::{ROLE_PASSWORD, branch, connect, set_up_server, sync};
use crate::support::text;

/// The month under way in the branches' calendar and the two before it, oldest first.
fn last_three_months() -> [Month; 3] {
    let current = Month::of(Utc::now(), chrono_tz::Asia::Shanghai);
    [current.previous().previous(), current.previous(), current]
}

/// The branch's month as the report reads it, with the row it came from on the server.
async fn read(office: &sqlx::PgPool, code: &str, month: Month) -> (BranchData, String) {
    let now = Utc::now();
    let mut branches = branches_month(office, month, Language::En, now)
        .await
        .expect("the sent figures");
    assert_eq!(branches.len(), 1);
    let data = branches.remove(0);
    let mut recomputed = branches_month_recomputed(office, month, Language::En, now)
        .await
        .expect("the figures rebuilt from raw rows");
    let mut rebuilt = recomputed.remove(0);
    rebuilt.computed_at.clone_from(&data.computed_at);
    assert_eq!(data, rebuilt, "{month}: sent and rebuilt figures differ");
    let row: String = sqlx::query_scalar(
        "SELECT data::text FROM branch_rows
         WHERE branch_code = $1 AND tbl = 'month_figures' AND row_key = $2",
    )
    .bind(code)
    .bind(month.to_string())
    .fetch_one(office)
    .await
    .expect("the branch sent this month's figures");
    (data, row)
}

#[tokio::test]
async fn an_old_case_edited_moves_the_group_figures_of_its_month_and_of_later_months() {
    let Some(pg) = Postgres::start() else { return };
    set_up_server(&pg, &["HM13"]);
    let db = branch("HM13", 90);
    let out = sync(&pg, &db, "HM13", &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let office = connect(&pg.url("office", ROLE_PASSWORD)).await;
    let months = last_three_months();
    let mut before = Vec::new();
    for month in months {
        let (data, row) = read(&office, "HM13", month).await;
        assert!(row.contains(&data.computed_at), "{month} read from its row");
        before.push(data);
    }

    // A case of the oldest month, older than the two months every sync recomputes, becomes a
    // crisis: its month's crises rise, and so does the next month's "month before".
    let pool = branchdesk::store::open_existing(&db.path).await.unwrap();
    let start = months[0].start(chrono_tz::Asia::Shanghai).to_rfc3339();
    let end = months[0].end(chrono_tz::Asia::Shanghai).to_rfc3339();
    // The demo's cases that old are closed, and a closed case takes no new grade through the
    // rules; what is tested here is the sync, which sees any change to the row.
    let id: i64 = sqlx::query_scalar(
        "SELECT id FROM cases WHERE received_at >= ? AND received_at < ? AND grade <> 1
         ORDER BY id LIMIT 1",
    )
    .bind(&start)
    .bind(&end)
    .fetch_one(&pool)
    .await
    .expect("a case of the oldest month that is no crisis");
    sqlx::query("UPDATE cases SET grade = 1 WHERE id = ?")
        .bind(id)
        .execute(&pool)
        .await
        .expect("make the old case a crisis");
    branchdesk::store::close(pool).await;
    let out = sync(&pg, &db, "HM13", &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));

    let crises = |data: &BranchData| data.kpi("crises").cloned().expect("crises");
    let (old, _) = read(&office, "HM13", months[0]).await;
    let (next, _) = read(&office, "HM13", months[1]).await;
    assert_eq!(
        crises(&old).value.unwrap_or(0.0),
        crises(&before[0]).value.unwrap_or(0.0) + 1.0,
        "the edited case's month"
    );
    assert_eq!(
        crises(&next).previous.unwrap_or(0.0),
        crises(&before[1]).previous.unwrap_or(0.0) + 1.0,
        "the next month compares with it"
    );
    assert_eq!(crises(&next).value, crises(&before[1]).value);
}

#[tokio::test]
async fn figures_computed_by_other_definitions_are_rebuilt_from_raw_rows() {
    let Some(pg) = Postgres::start() else { return };
    set_up_server(&pg, &["HN14"]);
    let db = branch("HN14", 40);
    assert!(sync(&pg, &db, "HN14", &[]).status.success());
    let month = last_three_months()[1];
    let admin = connect(&pg.admin_url()).await;
    // As an older app would have sent them: other definitions, other numbers.
    sqlx::query(
        "UPDATE branch_rows SET data = jsonb_set(jsonb_set(data, '{definitions}', '\"0.0.0+0\"'),
                                                 '{kpis,0,value}', '\"123456\"')
         WHERE branch_code = 'HN14' AND tbl = 'month_figures' AND row_key = $1",
    )
    .bind(month.to_string())
    .execute(&admin)
    .await
    .expect("age the row");
    let office = connect(&pg.url("office", ROLE_PASSWORD)).await;
    let now = Utc::now();
    let read = branches_month(&office, month, Language::En, now)
        .await
        .expect("figures");
    let rebuilt = branches_month_recomputed(&office, month, Language::En, now)
        .await
        .expect("rebuilt");
    assert_eq!(read, rebuilt);
    assert!(read[0].kpis.iter().all(|k| k.value != Some(123_456.0)));

    // No branch at all: nothing to report.
    let empty = Postgres::start().expect("a second server");
    set_up_server(&empty, &["HO15"]);
    let office = connect(&empty.url("office", ROLE_PASSWORD)).await;
    assert!(matches!(
        branches_month(&office, month, Language::En, now).await,
        Err(branchdesk::Error::NotFound)
    ));
}
