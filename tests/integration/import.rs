//! Importing complaint logs from real CSV and XLSX files into real databases: the dry run, the
//! all-or-nothing import, numbering, categories, closed cases, search, the audit trail, hostile
//! text and the remembered mapping. File formats and the CLI have files of their own.

use std::path::{Path, PathBuf};

use chrono::{DateTime, TimeZone, Utc};
use sqlx::SqlitePool;

use super::support::{TempDb, set_up_branch};
use branchdesk::cases::repo::list::{CaseQuery, list_cases};
use branchdesk::import::{self, ImportOptions, Mapping, RowProblem, TargetField};
use branchdesk::settings::repo::list_categories;

/// The moment the tests run at.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 2, 0, 0).unwrap()
}

/// The header of a typical Chinese log.
pub const HEADER: &str = "编号,受理时间,投诉人,电话,房号/单号,投诉内容,类别,渠道,状态,处理结果";

/// A clean log of a postal branch: out of date order, one case per line or over two lines.
pub const CLEAN: &str = "编号,受理时间,投诉人,电话,房号/单号,投诉内容,类别,渠道,状态,处理结果
X-101,2024/3/5 14:20,王小明,138 0013 8000,SF1001,快递三天没有送到,派送延误,电话,处理中,
X-102,2024-03-01,李女士,,SF1002,\"包裹外箱破损，
里面的杯子碎了\",Damaged parcel,来访,已处理,已赔付 50 元
X-103,2024年4月2日 9:05,,021-6234 5678,,柜台排队半小时,柜台排队,微信,closed,
";

/// Writes a test file and returns its path.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write the log");
    path
}

fn suggested(path: &Path) -> Mapping {
    let table = import::Table::open(path, None).expect("open");
    Mapping::suggest(&table.headers)
}

/// The single number a query returns.
pub async fn count(pool: &SqlitePool, sql: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned()))
        .fetch_one(pool)
        .await
        .expect("count")
}

async fn category_id(pool: &SqlitePool, seed: &str) -> i64 {
    list_categories(pool)
        .await
        .expect("categories")
        .into_iter()
        .find(|c| c.seed_key.as_deref() == Some(seed))
        .expect("a seeded category")
        .id
}

async fn search(pool: &SqlitePool, text: &str) -> Vec<String> {
    let query = CaseQuery {
        search: Some(text.into()),
        ..Default::default()
    };
    let page = list_cases(pool, &query, now()).await.expect("list");
    page.rows.into_iter().map(|r| r.number).collect()
}

fn problem(row: u32, field: TargetField, code: &str) -> RowProblem {
    RowProblem {
        row,
        field,
        code: code.into(),
    }
}

#[tokio::test]
async fn a_clean_log_imports_every_row_numbered_in_order_of_receipt() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let path = write(db.dir.path(), "log.csv", CLEAN.as_bytes());
    let options = ImportOptions::default();
    let outcome = import::import_file(&pool, &path, &suggested(&path), &options, None, now())
        .await
        .unwrap();
    assert_eq!(outcome.report.problems, []);
    assert_eq!(
        (outcome.imported, outcome.report.rows, outcome.report.closed),
        (3, 3, 2)
    );

    type Stored = (
        String,
        String,
        i64,
        String,
        String,
        Option<String>,
        String,
        Option<String>,
        Option<String>,
    );
    let rows: Vec<Stored> = sqlx::query_as(
        "SELECT number, received_at, category_id, channel, status, reference, description, closed_at, action_taken
         FROM cases ORDER BY number",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let numbers: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(
        numbers,
        ["PD01-202403-0001", "PD01-202403-0002", "PD01-202404-0001"]
    );
    // 1 March (date only) is received at local midnight: 16:00 UTC the day before.
    let first = &rows[0];
    assert_eq!(first.1, "2024-02-29T16:00:00Z");
    assert_eq!(first.2, category_id(&pool, "parcel_damage").await);
    assert_eq!((first.3.as_str(), first.4.as_str()), ("walk_in", "closed"));
    assert_eq!(first.5.as_deref(), Some("SF1002 原编号 X-102"));
    assert_eq!(first.6, "包裹外箱破损，\n里面的杯子碎了");
    assert_eq!(
        first.7.as_deref(),
        Some("2024-02-29T16:00:00Z"),
        "closed when received"
    );
    assert_eq!(first.8.as_deref(), Some("已赔付 50 元"));
    let second = &rows[1];
    assert_eq!(second.1, "2024-03-05T06:20:00Z");
    assert_eq!(second.2, category_id(&pool, "delivery_delay").await);
    assert_eq!((second.3.as_str(), second.4.as_str()), ("phone", "new"));
    let third = &rows[2];
    assert_eq!(
        (third.3.as_str(), third.4.as_str()),
        ("email_online", "closed")
    );
    assert_eq!(third.5.as_deref(), Some("原编号 X-103"));

    // The closes are on the timeline at their dates, so monthly trends count them.
    let closes: Vec<(String, String)> = sqlx::query_as(
        "SELECT c.number, e.at FROM case_events e JOIN cases c ON c.id = e.case_id
         WHERE e.kind = 'status' AND e.new_value = 'closed' ORDER BY c.number",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(closes.len(), 2);
    assert_eq!(
        closes[0],
        ("PD01-202403-0001".into(), "2024-02-29T16:00:00Z".into())
    );
    assert_eq!(search(&pool, "X-102").await, ["PD01-202403-0001"]);
    assert_eq!(search(&pool, "杯子").await, ["PD01-202403-0001"]);
    let imported: Vec<(String, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT c.number, a.old_value, a.new_value FROM case_audit a JOIN cases c ON c.id = a.case_id
         WHERE a.field = 'imported' ORDER BY c.number",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(imported.len(), 3);
    assert_eq!(
        imported[0],
        (
            "PD01-202403-0001".into(),
            Some("X-102".into()),
            Some("PD01-202403-0001".into())
        )
    );
    assert_eq!(
        count(
            &pool,
            "SELECT COUNT(*) FROM case_events WHERE kind = 'imported' AND body = 'log.csv'"
        )
        .await,
        3
    );
}

#[tokio::test]
async fn an_imported_complaint_is_graded_by_its_channel_like_one_typed_in() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let log = "受理时间,投诉内容,类别,渠道
2024/3/5 14:20,快递三天没有送到,派送延误,media
2024/3/6 9:00,包裹破损要求赔偿,派送延误,lawyer
2024/3/7 9:00,柜台排队太久,派送延误,phone
";
    let path = write(db.dir.path(), "channels.csv", log.as_bytes());
    let options = ImportOptions::default();
    import::import_file(&pool, &path, &suggested(&path), &options, None, now())
        .await
        .unwrap();
    let grades: Vec<(String, i64)> =
        sqlx::query_as("SELECT channel, grade FROM cases ORDER BY received_at")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(
        grades,
        [
            ("media".to_owned(), 1),
            ("lawyer".to_owned(), 2),
            ("phone".to_owned(), 4)
        ]
    );
}

#[tokio::test]
async fn the_dry_run_lists_every_bad_row_and_stores_nothing() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let text = format!(
        "{HEADER}
A1,2024-03-01 10:00,张三,13800138000,,正常的一行,派送延误,电话,,
A2,2024-02-30,张三,,,日期不存在,派送延误,电话,,
A3,2024-03-02,张三,,,没有这个类别,绿化,电话,,
A4,2024-03-02,张三,=cmd|' /C calc'!A0,,电话不对,派送延误,电话,,
A5,2024-03-02,张三,,,,派送延误,电话,,
A6,,张三,,,没有日期,派送延误,飞鸽,,
A7,2099-01-01,张三,,,在将来,派送延误,电话,,
A8,2024-03-02,张三,,,类别不止一个,问题,电话,,
"
    );
    let path = write(db.dir.path(), "bad.csv", text.as_bytes());
    let report = import::dry_run(
        &pool,
        &path,
        &suggested(&path),
        &ImportOptions::default(),
        now(),
    )
    .await
    .unwrap();
    use TargetField::*;
    assert_eq!(
        report.problems,
        [
            problem(3, ReceivedAt, "invalid.date"),
            problem(4, Category, "import.unknown_category"),
            problem(5, Phone, "invalid.phone"),
            problem(6, Description, "invalid.required"),
            problem(7, ReceivedAt, "invalid.required"),
            problem(7, Channel, "invalid.choice"),
            problem(8, ReceivedAt, "invalid.range"),
            problem(9, Category, "import.ambiguous_category"),
        ]
    );
    assert_eq!((report.rows, report.ready, report.bad_rows), (8, 1, 7));
    assert_eq!(report.unknown_categories, ["绿化"]);
    assert_eq!(count(&pool, "SELECT COUNT(*) FROM cases").await, 0);

    // The real import refuses the same file whole, and uses up no case numbers.
    let outcome = import::import_file(
        &pool,
        &path,
        &suggested(&path),
        &ImportOptions::default(),
        None,
        now(),
    )
    .await
    .unwrap();
    assert_eq!((outcome.imported, outcome.report.bad_rows), (0, 7));
    assert_eq!(count(&pool, "SELECT COUNT(*) FROM cases").await, 0);
    assert_eq!(count(&pool, "SELECT COUNT(*) FROM case_sequences").await, 0);
}

#[tokio::test]
async fn unknown_categories_go_to_other_only_when_asked() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let text =
        format!("{HEADER}\n,2024-03-01,,,,绿化带没人修剪,绿化,,,\n,2024-03-02,,,,没写类别,,,,\n");
    let path = write(db.dir.path(), "log.csv", text.as_bytes());
    let mapping = suggested(&path);
    let strict = import::dry_run(&pool, &path, &mapping, &ImportOptions::default(), now())
        .await
        .unwrap();
    assert_eq!(
        strict.problems,
        [
            problem(2, TargetField::Category, "import.unknown_category"),
            problem(3, TargetField::Category, "invalid.required"),
        ]
    );
    let lenient = ImportOptions {
        unknown_category_to_other: true,
        ..ImportOptions::default()
    };
    let outcome = import::import_file(&pool, &path, &mapping, &lenient, None, now())
        .await
        .unwrap();
    assert_eq!(outcome.imported, 2);
    let other = category_id(&pool, "other").await;
    assert_eq!(
        count(
            &pool,
            &format!("SELECT COUNT(*) FROM cases WHERE category_id = {other}")
        )
        .await,
        2
    );
}

#[tokio::test]
async fn hostile_text_is_stored_exactly() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let hostile = "=cmd|' /C calc'!A0 <img src=x onerror=alert(1)> '; DROP TABLE cases;-- 🙂 مرحبا بالعالم \u{202E}txt.exe";
    let name = "<b>王</b> 🙂 \u{202B}עברית";
    let mut csv = csv_writer();
    csv.write_record(["受理时间", "投诉人", "投诉内容", "类别", "处理结果", "状态"])
        .unwrap();
    csv.write_record(["2024-03-01 08:00", name, hostile, "其他", hostile, "已完成"])
        .unwrap();
    let path = write(db.dir.path(), "hostile.csv", &csv.into_inner().unwrap());
    let outcome = import::import_file(
        &pool,
        &path,
        &suggested(&path),
        &ImportOptions::default(),
        None,
        now(),
    )
    .await
    .unwrap();
    assert_eq!(outcome.imported, 1, "{:?}", outcome.report.problems);
    let stored: (String, String, String) =
        sqlx::query_as("SELECT complainant_name, description, action_taken FROM cases")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(
        stored,
        (name.to_owned(), hostile.to_owned(), hostile.to_owned())
    );
}

fn csv_writer() -> csv::Writer<Vec<u8>> {
    csv::Writer::from_writer(Vec::new())
}

#[tokio::test]
async fn the_mapping_is_remembered_for_files_with_the_same_columns() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let text = "when,what,kind\n2024-03-01,噪音太大,其他\n";
    let path = write(db.dir.path(), "a.csv", text.as_bytes());
    let first = import::open(&pool, &path, None).await.unwrap();
    assert!(!first.remembered);
    assert!(!first.complete, "neither header names a required field");
    let mapping: Mapping = serde_json::from_str(
        r#"{"received_at": "when", "description": "what", "category": "kind"}"#,
    )
    .unwrap();
    let report = import::dry_run(&pool, &path, &mapping, &ImportOptions::default(), now())
        .await
        .unwrap();
    assert_eq!(report.ready, 1);
    let again = write(
        db.dir.path(),
        "b.csv",
        "When , What,KIND\n2024-04-01,又吵了,其他\n".as_bytes(),
    );
    let second = import::open(&pool, &again, None).await.unwrap();
    assert!(second.remembered, "same columns up to case and spacing");
    assert_eq!(second.mapping.0[&TargetField::ReceivedAt], "When");
    assert_eq!(second.mapping.0[&TargetField::Category], "KIND");
    let outcome = import::import_file(
        &pool,
        &again,
        &second.mapping,
        &ImportOptions::default(),
        None,
        now(),
    )
    .await
    .unwrap();
    assert_eq!(outcome.imported, 1);
}
