//! The monthly workbook from a real database, read back as head office would read it.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Range, Reader, Xlsx, open_workbook};
use chrono::{DateTime, TimeZone, Utc};
use sqlx::SqlitePool;

use super::support::{TempDb, setup_input};
use branchdesk::cases::intake::CaseInput;
use branchdesk::cases::repo::create::create_case;
use branchdesk::cases::repo::workflow::{StatusChange, change_status};
use branchdesk::cases::resolution::{FollowUpInput, ResolutionInput};
use branchdesk::export::{self, Destination, Existing, ExportOptions};
use branchdesk::settings::Language;
use branchdesk::settings::repo::list_categories;
use branchdesk::stats::glossary::kpi_name;
use branchdesk::stats::{Month, monthly_report};
use branchdesk::status;

/// The hostile text a customer might type to run a command on head office's computer.
pub const HOSTILE: &str = "=cmd|' /C calc'!A0";

/// When the tests run: November 2026, after the October being reported.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 2, 0, 0)
        .single()
        .expect("a real instant")
}

/// October 2026.
pub fn october() -> Month {
    Month::parse("month", "2026-10").expect("test set-up")
}

/// An instant in October 2026, Shanghai time.
fn october_day(day: u32) -> DateTime<Utc> {
    chrono_tz::Asia::Shanghai
        .with_ymd_and_hms(2026, 10, day, 15, 0, 0)
        .single()
        .expect("a real instant")
        .with_timezone(&Utc)
}

/// Receives a walk-in case from 陈小明 (138 0013 8000) at a Shanghai time; returns its id.
pub async fn receive(pool: &SqlitePool, received_at: &str, description: &str) -> i64 {
    let category = list_categories(pool).await.expect("test set-up")[0].id;
    let input = CaseInput {
        received_at: Some(received_at.into()),
        channel: "walk_in".into(),
        customer_type: "angry".into(),
        category_id: category,
        description: description.into(),
        complainant_name: Some("陈小明".into()),
        phone: Some("138 0013 8000".into()),
        department: Some("客服部".into()),
        ..Default::default()
    };
    create_case(pool, &input, None, now())
        .await
        .expect("test set-up")
}

async fn step(pool: &SqlitePool, id: i64, change: StatusChange, day: u32) {
    change_status(pool, id, &change, None, october_day(day))
        .await
        .expect("test set-up");
}

async fn close(pool: &SqlitePool, id: i64) {
    let to = |to: &str| StatusChange {
        to: to.into(),
        judgement: crate::support::judged_for(to),
        ..Default::default()
    };
    for (day, status) in [(2, "acknowledged"), (3, "investigating"), (4, "resolving")] {
        step(pool, id, to(status), day).await;
    }
    let resolution = ResolutionInput {
        action_taken: "当面致歉并重新派送".into(),
        customer_accepted: true,
        goodwill: Some("20".into()),
        root_cause: "delay".into(),
    };
    let follow_up = FollowUpInput {
        called_on: Some("2026-10-06".into()),
        satisfaction: Some(5),
        ..Default::default()
    };
    let resolve = StatusChange {
        resolution: Some(resolution),
        ..to("follow_up")
    };
    step(pool, id, resolve, 5).await;
    let closing = StatusChange {
        follow_up: Some(follow_up),
        ..to("closed")
    };
    step(pool, id, closing, 6).await;
}

/// A postal branch with `code` holding, in October: `received` cases of which the first
/// `closed` are closed and the last one is marked invalid (plus one September case that must
/// not count). The first case's description is [`HOSTILE`].
pub async fn branch(db: &TempDb, code: &str, received: usize, closed: usize) -> SqlitePool {
    let pool = db.open().await;
    let mut input = setup_input("postal");
    input.branch.code = code.into();
    input.branch.name = format!("{code} 快递服务点");
    status::setup(&pool, &input).await.expect("test set-up");
    receive(&pool, "2026-09-30T10:00", "九月的投诉").await;
    let mut ids = Vec::new();
    for n in 0..received {
        let text = if n == 0 {
            HOSTILE.to_owned()
        } else {
            format!("包裹延误第{n}次")
        };
        ids.push(receive(&pool, "2026-10-01T09:00", &text).await);
    }
    for &id in &ids[..closed] {
        close(&pool, id).await;
    }
    if let Some(&last) = ids.last().filter(|_| received > closed) {
        let invalid = StatusChange {
            to: "invalid".into(),
            reason: Some("重复登记".into()),
            ..Default::default()
        };
        step(&pool, last, invalid, 7).await;
    }
    pool
}

fn cell(range: &Range<Data>, row: u32, col: u32) -> Data {
    range.get_value((row, col)).cloned().unwrap_or(Data::Empty)
}

/// The Summary's "this month" value of the figure named `name`.
pub fn summary_value(range: &Range<Data>, name: &str) -> Option<f64> {
    let row = range
        .rows()
        .position(|r| r.first() == Some(&Data::String(name.into())))?;
    match range.rows().nth(row)?.get(1)? {
        Data::Float(v) => Some(*v),
        _ => None,
    }
}

/// October's counts, written here independently of the stats code.
const RECEIVED_SQL: &str = "SELECT COUNT(*) FROM cases WHERE received_month = 202610";
const VALID_SQL: &str =
    "SELECT COUNT(*) FROM cases WHERE received_month = 202610 AND status <> 'invalid'";
const CLOSED_SQL: &str =
    "SELECT COUNT(*) FROM cases WHERE received_month = 202610 AND status = 'closed'";

async fn sql_count(pool: &SqlitePool, sql: &'static str) -> f64 {
    sqlx::query_scalar::<_, i64>(sql)
        .fetch_one(pool)
        .await
        .expect("test set-up") as f64
}

fn open(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    Xlsx::new(Cursor::new(bytes)).expect("test set-up")
}

#[tokio::test]
async fn summary_figures_equal_the_report_and_an_independent_count() {
    let db = TempDb::new();
    let pool = branch(&db, "PD01", 5, 2).await;
    let options = ExportOptions::new(Language::En, false);
    let bytes = export::export_month(&pool, october(), &options, now())
        .await
        .expect("test set-up");
    let mut book = open(bytes);
    assert_eq!(book.sheet_names()[0], "Summary");
    assert!(book.sheet_names().contains(&"Cases".to_owned()));
    assert!(book.sheet_names().contains(&"BranchDesk data".to_owned()));
    let summary = book.worksheet_range("Summary").expect("test set-up");
    assert_eq!(cell(&summary, 3, 1), Data::String("PD01".into()));
    assert_eq!(cell(&summary, 4, 1), Data::String("2026-10".into()));
    let report = monthly_report(&pool, october(), now())
        .await
        .expect("test set-up");
    let reported = |key: &str| {
        report
            .kpis
            .iter()
            .find(|k| k.key == key)
            .expect("test set-up")
            .value
    };
    let independent = [
        ("received", sql_count(&pool, RECEIVED_SQL).await),
        ("valid", sql_count(&pool, VALID_SQL).await),
        ("closed", sql_count(&pool, CLOSED_SQL).await),
    ];
    assert_eq!(independent.map(|(_, n)| n), [5.0, 4.0, 2.0]);
    for (key, counted) in independent {
        let shown = summary_value(&summary, kpi_name(key, Language::En));
        assert_eq!(shown, Some(counted), "{key} against SQL");
        assert_eq!(shown, reported(key), "{key} against monthly_report");
    }
    let rate = summary_value(&summary, kpi_name("closure_rate", Language::En));
    assert_eq!(rate, Some(0.5));
}

#[tokio::test]
async fn the_cases_sheet_rebuilds_closed_even_for_a_case_reopened_after_the_month() {
    let db = TempDb::new();
    let pool = branch(&db, "PD01", 4, 2).await;
    let first = 2; // the September case is 1; October's are 2 to 5
    let reopen = StatusChange {
        to: "reopened".into(),
        reason: Some("客户又来电".into()),
        ..Default::default()
    };
    let november = Utc.with_ymd_and_hms(2026, 11, 10, 2, 0, 0).single();
    change_status(
        &pool,
        first,
        &reopen,
        None,
        november.expect("a real instant"),
    )
    .await
    .expect("test set-up");
    let options = ExportOptions::new(Language::En, false);
    let mut book = open(
        export::export_month(&pool, october(), &options, now())
            .await
            .expect("test set-up"),
    );
    let cases = book.worksheet_range("Cases").expect("test set-up");
    assert_eq!(
        cell(&cases, 0, 14),
        Data::String("Closed at month end".into())
    );
    let column: Vec<(String, String, String)> = (1..cases.height() as u32)
        .map(|row| {
            let text = |col| cell(&cases, row, col).to_string();
            (text(0), text(5), text(14))
        })
        .collect();
    assert_eq!(
        column,
        [
            ("PD01-202610-0001".into(), "Reopened".into(), "Yes".into()),
            ("PD01-202610-0002".into(), "Closed".into(), "Yes".into()),
            ("PD01-202610-0003".into(), "New".into(), "No".into()),
            ("PD01-202610-0004".into(), "Invalid".into(), "No".into()),
        ]
    );
    let summary = book.worksheet_range("Summary").expect("test set-up");
    let closed = summary_value(&summary, kpi_name("closed", Language::En));
    let yes = column.iter().filter(|(_, _, c)| c == "Yes").count() as f64;
    assert_eq!(closed, Some(yes), "the column adds up to the closed figure");
}

#[tokio::test]
async fn cases_sheet_masks_personal_data_unless_asked_and_keeps_hostile_text_as_text() {
    let db = TempDb::new();
    let pool = branch(&db, "PD01", 3, 1).await;
    let masked = ExportOptions::new(Language::ZhCn, false);
    let mut book = open(
        export::export_month(&pool, october(), &masked, now())
            .await
            .expect("test set-up"),
    );
    let cases = book.worksheet_range("案件明细").expect("test set-up");
    assert_eq!(cases.height(), 4, "a header and the three October cases");
    assert_eq!(cell(&cases, 1, 0), Data::String("PD01-202610-0001".into()));
    assert_eq!(cell(&cases, 1, 7), Data::String("陈**".into()));
    assert_eq!(cell(&cases, 1, 8), Data::String("138****8000".into()));
    assert_eq!(cell(&cases, 1, 5), Data::String("已结案".into()));
    assert_eq!(cell(&cases, 1, 18), Data::String(HOSTILE.into()));
    let formulas = book.worksheet_formula("案件明细").expect("test set-up");
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
    let all_text: Vec<String> = cases.used_cells().map(|(_, _, c)| c.to_string()).collect();
    assert!(
        !all_text
            .iter()
            .any(|t| t.contains("陈小明") || t.contains("0013"))
    );

    let open_options = ExportOptions {
        include_personal_data: true,
        ..masked
    };
    let mut book = open(
        export::export_month(&pool, october(), &open_options, now())
            .await
            .expect("test set-up"),
    );
    let cases = book.worksheet_range("案件明细").expect("test set-up");
    assert_eq!(cell(&cases, 1, 7), Data::String("陈小明".into()));
    assert_eq!(cell(&cases, 1, 8), Data::String("138 0013 8000".into()));
}

#[tokio::test]
async fn export_to_a_path_writes_the_whole_file_or_nothing() {
    let db = TempDb::new();
    let pool = branch(&db, "PD01", 2, 1).await;
    let options = ExportOptions::new(Language::En, false);
    let name = export::file_name("pd01", october());
    assert_eq!(name, "PD01_2026-10_complaints.xlsx");
    let path = db.dir.path().join(&name);
    let out = Destination::check(&path, &db.path, Existing::Keep).expect("test set-up");
    export::export_month_to(&pool, october(), &options, now(), &out)
        .await
        .expect("test set-up");
    let mut book: Xlsx<_> = open_workbook(&path).expect("test set-up");
    assert!(book.worksheet_range("Glossary").is_ok());
    let nowhere = db.dir.path().join("missing").join(&name);
    let out = Destination::check(&nowhere, &db.path, Existing::Keep).expect("test set-up");
    let err = export::export_month_to(&pool, october(), &options, now(), &out)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "io");
    assert!(!nowhere.exists());
    let leftovers = std::fs::read_dir(db.dir.path())
        .expect("test set-up")
        .filter(|e| {
            e.as_ref()
                .expect("test set-up")
                .file_name()
                .to_string_lossy()
                .contains(".part")
        })
        .count();
    assert_eq!(leftovers, 0);
}

/// Writes `code`'s October workbook into `folder` and returns its path.
pub async fn export_branch(
    folder: &Path,
    pool: &SqlitePool,
    code: &str,
    month: Month,
) -> std::path::PathBuf {
    let path = folder.join(export::file_name(code, month));
    let options = ExportOptions::new(Language::En, false);
    // Each test's branches live in their own folders, none of them beside `folder`.
    let out =
        Destination::check(&path, Path::new("elsewhere.db"), Existing::Keep).expect("test set-up");
    export::export_month_to(pool, month, &options, now(), &out)
        .await
        .expect("test set-up");
    path
}
