//! Head office's group dashboard and its drill-down, read from a real server with an office
//! login: the figures of every branch, the ranking, a branch's cases of the month as the
//! branch itself lists them, a case masked unless a manager shows it (and that recorded), and
//! a branch login refused.

use branchdesk::access::{Actor, Role};
use branchdesk::cases::repo::list::{CaseQuery, list_cases};
use branchdesk::export::mask;
use branchdesk::group::{dashboard, drill, office};
use branchdesk::settings::Language;
use branchdesk::stats::Month;
use chrono::{Datelike, Months, Utc};

use super::postgres::Postgres;
use super::{ROLE_PASSWORD, branch, role_of, set_up_server, sync};
use crate::support::{TempDb, text};

/// Last month in the branches' calendar (Asia/Shanghai).
fn last_month() -> Month {
    let today = Utc::now()
        .with_timezone(&chrono_tz::Asia::Shanghai)
        .date_naive();
    let month = today.with_day(1).expect("the first of the month") - Months::new(1);
    Month::parse("month", &month.format("%Y-%m").to_string()).expect("a month")
}

/// Two branches synced to a fresh server; returns the server and both databases.
fn two_branches(codes: [&str; 2]) -> Option<(Postgres, TempDb, TempDb)> {
    let pg = Postgres::start()?;
    set_up_server(&pg, &codes);
    let a = branch(codes[0], 90);
    let b = branch(codes[1], 60);
    for (db, code) in [(&a, codes[0]), (&b, codes[1])] {
        let out = sync(&pg, db, code, &[]);
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    Some((pg, a, b))
}

async fn branch_report(db: &TempDb, month: Month) -> branchdesk::stats::MonthlyReport {
    let pool = branchdesk::store::open_existing(&db.path)
        .await
        .expect("open the branch");
    let report = branchdesk::stats::monthly_report(&pool, month, Utc::now())
        .await
        .expect("the branch's own report");
    branchdesk::store::close(pool).await;
    report
}

#[tokio::test]
async fn the_dashboard_shows_every_branchs_figures_ranked_with_when_they_last_sent() {
    let Some((pg, a, b)) = two_branches(["HM13", "HN14"]) else {
        return;
    };
    let office = office::connect(&pg.url("office", ROLE_PASSWORD))
        .await
        .expect("an office login connects");
    let month = last_month();
    let shown = dashboard::dashboard(&office, month, Language::En, Utc::now())
        .await
        .unwrap();
    assert_eq!(shown.month, month.to_string());
    let codes: Vec<&str> = shown.branches.iter().map(|b| b.code.as_str()).collect();
    assert_eq!(codes, ["HM13", "HN14"]);
    for (db, row) in [(&a, &shown.branches[0]), (&b, &shown.branches[1])] {
        let own = branch_report(db, month).await;
        for key in ["received", "valid", "closed", "closure_rate", "crises"] {
            let value = |kpis: &[branchdesk::stats::report::Kpi]| {
                kpis.iter().find(|k| k.key == key).and_then(|k| k.value)
            };
            assert_eq!(
                value(&row.kpis),
                value(&own.kpis),
                "{} {key}: the dashboard shows what the branch's own report says",
                row.code
            );
        }
        assert!(row.last_received.is_some(), "{}", row.code);
        assert!(!row.stale, "{} just synced", row.code);
    }
    // Ranked by received (larger first) and by closure rate (higher first), from the figures.
    let received = |i: usize| {
        shown.branches[i]
            .kpis
            .iter()
            .find(|k| k.key == "received")
            .and_then(|k| k.value)
            .unwrap()
    };
    assert!(
        received(0) > received(1),
        "90 cases against 60 over the months"
    );
    assert_eq!(shown.branches[0].ranks.get("received"), Some(&1));
    assert_eq!(shown.branches[1].ranks.get("received"), Some(&2));
    let rate = |i: usize| {
        shown.branches[i]
            .kpis
            .iter()
            .find(|k| k.key == "closure_rate")
            .and_then(|k| k.value)
    };
    if let (Some(x), Some(y)) = (rate(0), rate(1)) {
        let first = if x >= y { 0 } else { 1 };
        assert_eq!(shown.branches[first].ranks.get("closure_rate"), Some(&1));
    }
    office.close().await;
}

#[tokio::test]
async fn a_branchs_cases_on_the_dashboard_are_the_branchs_own_list_for_the_month() {
    let Some((pg, a, _b)) = two_branches(["HO15", "HP16"]) else {
        return;
    };
    let office = office::connect(&pg.url("office", ROLE_PASSWORD))
        .await
        .unwrap();
    let month = last_month();
    let now = Utc::now();
    let shown = drill::branch_cases(&office, "HO15", month, 0, now)
        .await
        .unwrap();
    let pool = branchdesk::store::open_existing(&a.path).await.unwrap();
    let first = format!("{month}-01");
    let next = month.next();
    let last = (chrono::NaiveDate::from_ymd_opt(next.year, next.month, 1).unwrap()
        - chrono::Days::new(1))
    .to_string();
    let own = list_cases(
        &pool,
        &CaseQuery {
            from: Some(first),
            to: Some(last),
            sort: Some("oldest".into()),
            page_size: Some(200),
            ..CaseQuery::default()
        },
        now,
    )
    .await
    .unwrap();
    branchdesk::store::close(pool).await;
    assert!(own.total > 0, "the demo branch has cases last month");
    assert_eq!(shown.page.total, own.total);
    assert_eq!(shown.page.rows.len(), own.rows.len());
    for (seen, mine) in shown.page.rows.iter().zip(&own.rows) {
        assert_eq!(
            (
                seen.id,
                &seen.number,
                &seen.received_at,
                seen.status,
                seen.grade
            ),
            (
                mine.id,
                &mine.number,
                &mine.received_at,
                mine.status,
                mine.grade
            )
        );
        assert_eq!(seen.category_id, mine.category_id);
        assert_eq!(
            seen.deadline.as_ref().map(|d| d.state),
            mine.deadline.as_ref().map(|d| d.state),
            "{}",
            mine.number
        );
        assert_eq!(seen.complainant_name, mask::name(&mine.complainant_name));
    }
    assert!(!shown.categories.is_empty());
    // A branch the server does not have is not found, not an empty list.
    let missing = drill::branch_cases(&office, "ZZ99", month, 0, now).await;
    assert_eq!(missing.err().map(|e| e.code()), Some("not_found"));
    office.close().await;
}

/// Case 5 of `db`, given a name, a phone and a reference.
async fn a_case_with_a_phone(db: &TempDb) -> (i64, String, String, String) {
    let pool = branchdesk::store::open_existing(&db.path)
        .await
        .expect("open the branch");
    sqlx::query(
        "UPDATE cases SET complainant_name = '张三丰', phone = '138 0013 8000',
                          reference = 'Room 1203' WHERE id = 5",
    )
    .execute(&pool)
    .await
    .expect("give case 5 a name, phone and reference");
    let row: (i64, String, String, String) =
        sqlx::query_as("SELECT id, complainant_name, phone, reference FROM cases WHERE id = 5")
            .fetch_one(&pool)
            .await
            .expect("case 5");
    branchdesk::store::close(pool).await;
    row
}

#[tokio::test]
async fn a_case_is_masked_unless_a_manager_shows_it_and_showing_it_is_recorded() {
    let Some(pg) = Postgres::start() else { return };
    set_up_server(&pg, &["HQ17"]);
    let db = branch("HQ17", 20);
    let (id, name, phone, reference) = a_case_with_a_phone(&db).await;
    assert!(sync(&pg, &db, "HQ17", &[]).status.success());
    let office = office::connect(&pg.url("office", ROLE_PASSWORD))
        .await
        .unwrap();
    let now = Utc::now();
    let field = |record: &drill::GroupCaseRecord, key: &str| {
        record.fields[key].as_str().unwrap_or_default().to_owned()
    };

    let masked = drill::case_record(&office, "HQ17", id, false, now)
        .await
        .unwrap();
    assert!(masked.masked);
    assert_eq!(field(&masked, "complainantName"), mask::name(&name));
    assert_eq!(field(&masked, "phone"), mask::phone(&phone));
    assert_eq!(field(&masked, "reference"), mask::name(&reference));
    assert!(!masked.timeline.is_empty(), "the timeline comes along");
    assert!(!masked.audit.is_empty(), "the audit comes along");
    let json = serde_json::to_string(&masked).unwrap();
    assert!(!json.contains(&phone), "no full phone anywhere: {json}");
    assert!(
        !json.contains(&reference),
        "no full reference anywhere: {json}"
    );
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    assert!(!json.contains(&digits), "nor its digits: {json}");

    // Head office's own computer keeps who saw what.
    let hq = branch("HQ00", 0);
    let local = branchdesk::store::open_existing(&hq.path).await.unwrap();
    let viewer = Actor {
        staff_id: None,
        role: Role::Viewer,
    };
    let refused = drill::reveal_case(&local, &office, &viewer, "HQ17", id, now).await;
    assert_eq!(refused.err().map(|e| e.code()), Some("access.denied"));
    let manager = Actor {
        staff_id: None,
        role: Role::Manager,
    };
    let shown = drill::reveal_case(&local, &office, &manager, "HQ17", id, now)
        .await
        .unwrap();
    assert!(!shown.masked);
    assert_eq!(field(&shown, "complainantName"), name);
    assert_eq!(field(&shown, "phone"), phone);
    assert_eq!(field(&shown, "reference"), reference);
    let recorded: Vec<(String, i64, String)> =
        sqlx::query_as("SELECT branch_code, case_id, case_number FROM group_reveals")
            .fetch_all(&local)
            .await
            .unwrap();
    assert_eq!(
        recorded,
        [("HQ17".to_owned(), id, field(&shown, "number"))],
        "one record, for the manager's look only"
    );
    branchdesk::store::close(local).await;
    office.close().await;
}

#[tokio::test]
async fn a_branch_login_cannot_use_the_office_reads() {
    let Some((pg, _a, _b)) = two_branches(["HR18", "HS19"]) else {
        return;
    };
    let as_branch = pg.url(&role_of("HR18"), ROLE_PASSWORD);
    let refused = office::connect(&as_branch).await;
    assert_eq!(refused.err().map(|e| e.code()), Some("group.not_office"));
    // Even around that check, row-level security shows a branch only its own rows.
    let pool = super::connect(&as_branch).await;
    let other = drill::branch_cases(&pool, "HS19", last_month(), 0, Utc::now()).await;
    assert_eq!(other.err().map(|e| e.code()), Some("not_found"));
    // Nor can it compute the group's figures: the list of branches is head office's alone.
    let figures = dashboard::dashboard(&pool, last_month(), Language::En, Utc::now()).await;
    assert_eq!(figures.err().map(|e| e.code()), Some("group.wrong_role"));
    pool.close().await;
}

#[tokio::test]
async fn an_empty_server_says_no_branch_has_synced() {
    let Some(pg) = Postgres::start() else { return };
    set_up_server(&pg, &["HT20"]);
    let office = office::connect(&pg.url("office", ROLE_PASSWORD))
        .await
        .unwrap();
    let empty = dashboard::dashboard(&office, last_month(), Language::En, Utc::now()).await;
    assert_eq!(empty.err().map(|e| e.code()), Some("group.no_branches"));
    office.close().await;
}
