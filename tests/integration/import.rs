//! Importing complaint logs from real CSV and XLSX files into real databases: the dry run, the
//! all-or-nothing import, numbering, categories, closed cases, search, hostile text, encodings,
//! the remembered mapping and the command-line tool.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::{DateTime, TimeZone, Utc};
use sqlx::SqlitePool;

use super::support::{TempDb, set_up_branch};
use branchdesk::cases::repo::list::{CaseQuery, list_cases};
use branchdesk::import::{self, ImportOptions, Mapping, RowProblem, TargetField};
use branchdesk::settings::repo::list_categories;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 2, 0, 0).unwrap()
}

const HEADER: &str = "编号,受理时间,投诉人,电话,房号/单号,投诉内容,类别,渠道,状态,处理结果";

/// A clean log of a postal branch: out of date order, one case per line or over two lines.
const CLEAN: &str = "编号,受理时间,投诉人,电话,房号/单号,投诉内容,类别,渠道,状态,处理结果
X-101,2024/3/5 14:20,王小明,138 0013 8000,SF1001,快递三天没有送到,派送延误,电话,处理中,
X-102,2024-03-01,李女士,,SF1002,\"包裹外箱破损，
里面的杯子碎了\",Damaged parcel,来访,已处理,已赔付 50 元
X-103,2024年4月2日 9:05,,021-6234 5678,,柜台排队半小时,柜台排队,微信,closed,
";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write the log");
    path
}

fn suggested(path: &Path) -> Mapping {
    let table = import::Table::open(path, None).expect("open");
    Mapping::suggest(&table.headers)
}

async fn count(pool: &SqlitePool, sql: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned()))
        .fetch_one(pool)
        .await
        .expect("count")
}

async fn category_id(pool: &SqlitePool, seed: &str) -> i64 {
    list_categories(pool)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.seed_key.as_deref() == Some(seed))
        .unwrap()
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
async fn utf8_with_a_mark_and_gbk_files_import_the_same_cases() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(CLEAN.as_bytes());
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(CLEAN);
    assert!(!unmappable);
    let mut descriptions = Vec::new();
    for (name, bytes) in [("bom.csv", bom), ("gbk.csv", gbk.into_owned())] {
        let path = write(db.dir.path(), name, &bytes);
        let opened = import::open(&pool, &path, None).await.unwrap();
        assert_eq!(opened.preview.headers[1], "受理时间", "{name}");
        assert!(opened.complete);
        let outcome = import::import_file(
            &pool,
            &path,
            &opened.mapping,
            &ImportOptions::default(),
            None,
            now(),
        )
        .await
        .unwrap();
        assert_eq!(outcome.imported, 3, "{name}: {:?}", outcome.report.problems);
        let texts: Vec<String> = sqlx::query_scalar(
            "SELECT c.description FROM cases c JOIN case_events e ON e.case_id = c.id
             WHERE e.body = ? ORDER BY c.received_at",
        )
        .bind(name)
        .fetch_all(&pool)
        .await
        .unwrap();
        descriptions.push(texts);
    }
    assert_eq!(descriptions[0], descriptions[1]);
    assert_eq!(descriptions[0][0], "包裹外箱破损，\n里面的杯子碎了");
}

/// A workbook with a cover sheet and a log sheet: real dates, an Excel serial typed as a
/// number, text dates, and a phone number stored as a number.
fn workbook(path: &Path) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    let cover = book.add_worksheet().set_name("说明").unwrap();
    cover.write(0, 0, "本表为 2024 年投诉登记").unwrap();
    let log = book.add_worksheet().set_name("投诉登记").unwrap();
    log.write(0, 0, "2024年投诉登记表").unwrap();
    for (col, header) in [
        "Date",
        "Customer",
        "Phone",
        "Details",
        "Category",
        "Status",
        "Closed at",
        "No.",
    ]
    .iter()
    .enumerate()
    {
        log.write(1, col as u16, *header).unwrap();
    }
    let when = ExcelDateTime::parse_from_str("2024-03-01 10:30:00").unwrap();
    log.write_datetime_with_format(2, 0, &when, &date).unwrap();
    log.write(2, 1, "Ms Lee").unwrap();
    log.write(2, 2, 13_800_138_000_f64).unwrap();
    log.write(2, 3, "Front desk ignored me").unwrap();
    log.write(2, 4, "service attitude").unwrap();
    log.write(2, 5, "Resolved").unwrap();
    let closed = ExcelDateTime::parse_from_str("2024-03-02 09:00:00").unwrap();
    log.write_datetime_with_format(2, 6, &closed, &date)
        .unwrap();
    log.write(2, 7, 7).unwrap();
    log.write(3, 0, 45_383.5_f64).unwrap();
    log.write(3, 3, "Parcel lost").unwrap();
    log.write(3, 4, "Lost parcel").unwrap();
    log.write(4, 0, "2024/4/3").unwrap();
    log.write(4, 3, "=cmd|' /C calc'!A0").unwrap();
    log.write(4, 4, "其他").unwrap();
    book.save(path).unwrap();
}

#[tokio::test]
async fn a_workbook_sheet_imports_with_excel_dates_serials_and_numbers() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    let path = db.dir.path().join("log.xlsx");
    workbook(&path);
    let cover = import::open(&pool, &path, None).await;
    assert_eq!(
        cover.err().map(|e| e.code()),
        Some("import.empty"),
        "the cover sheet has no header row"
    );
    let missing = import::open(&pool, &path, Some("Sheet9")).await;
    assert_eq!(missing.err().map(|e| e.code()), Some("import.no_sheet"));

    let opened = import::open(&pool, &path, Some("投诉登记")).await.unwrap();
    assert_eq!(opened.preview.sheets, ["说明", "投诉登记"]);
    assert_eq!(
        opened.preview.rows[0].number, 3,
        "the title and header rows count"
    );
    assert_eq!(opened.preview.rows[0].cells[0], "2024-03-01 10:30");
    assert_eq!(opened.preview.rows[0].cells[2], "13800138000");
    let options = ImportOptions {
        sheet: Some("投诉登记".into()),
        ..ImportOptions::default()
    };
    let outcome = import::import_file(&pool, &path, &opened.mapping, &options, None, now())
        .await
        .unwrap();
    assert_eq!(outcome.imported, 3, "{:?}", outcome.report.problems);
    type Stored = (
        String,
        Option<String>,
        String,
        Option<String>,
        Option<String>,
        String,
    );
    let rows: Vec<Stored> = sqlx::query_as(
        "SELECT received_at, phone, status, closed_at, reference, description FROM cases ORDER BY received_at",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(rows[0].0, "2024-03-01T02:30:00Z");
    assert_eq!(rows[0].1.as_deref(), Some("13800138000"));
    assert_eq!(
        (rows[0].2.as_str(), rows[0].3.as_deref()),
        ("closed", Some("2024-03-02T01:00:00Z"))
    );
    assert_eq!(rows[0].4.as_deref(), Some("原编号 7"));
    // Serial 45383.5 is noon on 1 April 2024.
    assert_eq!(rows[1].0, "2024-04-01T04:00:00Z");
    assert_eq!(rows[2].0, "2024-04-02T16:00:00Z");
    assert_eq!(rows[2].5, "=cmd|' /C calc'!A0");
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

fn cli(db: &TempDb, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_branchdesk-cli"))
        .arg("--db")
        .arg(&db.path)
        .args(args)
        .env_remove("BRANCHDESK_DB")
        .output()
        .expect("run branchdesk-cli")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[tokio::test]
async fn the_cli_reports_bad_rows_with_exit_code_1_and_imports_a_clean_file() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    pool.close().await;
    let bad = format!(
        "{HEADER}\n1,2024-03-01,,,,好的,其他,,,\n2,yesterday,,,,坏的,其他,,,\n3,2024-03-02,,,,,其他,,,\n"
    );
    let bad = write(db.dir.path(), "bad.csv", bad.as_bytes());
    let path = bad.to_str().unwrap();

    let dry = cli(&db, &["import", path, "--dry-run"]);
    assert_eq!(dry.status.code(), Some(1));
    let out = text(&dry.stdout);
    assert!(
        out.contains("Using the mapping suggested from the column names"),
        "{out}"
    );
    assert!(out.contains("\"received_at\": \"受理时间\""), "{out}");
    assert!(
        out.contains("Checked 3 rows: 1 ready (0 closed), 2 with problems"),
        "{out}"
    );
    assert!(
        out.contains("\nrow 3: received_at: invalid.date\nrow 4: description: invalid.required\n"),
        "{out}"
    );
    assert_eq!(
        text(&dry.stderr).trim(),
        "error: some rows have problems (listed above); nothing was imported"
    );
    let real = cli(&db, &["import", path]);
    assert_eq!(real.status.code(), Some(1));
    assert!(text(&real.stdout).contains("row 3: received_at: invalid.date"));

    let good = write(db.dir.path(), "good.csv", CLEAN.as_bytes());
    let good = good.to_str().unwrap();
    let dry = cli(&db, &["import", good, "--dry-run"]);
    assert_eq!(dry.status.code(), Some(0), "{}", text(&dry.stderr));
    assert!(text(&dry.stdout).contains("Dry run: 3 cases would be imported; nothing was changed"));
    let run = cli(&db, &["import", good]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let out = text(&run.stdout);
    assert!(
        out.contains("Using the mapping remembered for these columns"),
        "{out}"
    );
    assert!(out.ends_with("Imported 3 cases\n"), "{out}");
    let pool = db.open().await;
    assert_eq!(count(&pool, "SELECT COUNT(*) FROM cases").await, 3);
}

#[test]
fn the_cli_takes_a_mapping_file_and_names_what_is_wrong_with_it() {
    let db = TempDb::new();
    let init = cli(
        &db,
        &[
            "init",
            "--name",
            "店",
            "--code",
            "ab1",
            "--industry",
            "hotel",
            "--tz",
            "Asia/Shanghai",
        ],
    );
    assert!(init.status.success(), "{}", text(&init.stderr));
    let log = write(
        db.dir.path(),
        "log.csv",
        "when,what,kind\n2024-03-01 22:10,Noise from room 1203,Noise\n".as_bytes(),
    );
    let log = log.to_str().unwrap();

    let none = cli(&db, &["import", log]);
    assert_eq!(none.status.code(), Some(1));
    assert_eq!(
        text(&none.stderr).trim(),
        "error: no column is mapped to received_at; write a mapping file and pass --mapping FILE"
    );
    let wrong = write(
        db.dir.path(),
        "wrong.json",
        r#"{"received_at": "date", "description": "what"}"#.as_bytes(),
    );
    let out = cli(&db, &["import", log, "--mapping", wrong.to_str().unwrap()]);
    assert_eq!(
        text(&out.stderr).trim(),
        "error: the mapping names a column for received_at that the file does not have"
    );
    let broken = write(db.dir.path(), "broken.json", b"[1, 2]");
    let out = cli(&db, &["import", log, "--mapping", broken.to_str().unwrap()]);
    assert_eq!(
        text(&out.stderr).trim(),
        "error: the mapping file must be a JSON object of field names to column names"
    );
    let mapping = write(
        db.dir.path(),
        "mapping.json",
        r#"{"received_at": "when", "description": "what", "category": "kind"}"#.as_bytes(),
    );
    let out = cli(
        &db,
        &["import", log, "--mapping", mapping.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "Imported 1 cases\n");
    let docx = write(db.dir.path(), "log.docx", b"PK");
    let out = cli(&db, &["import", docx.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("not a spreadsheet BranchDesk reads"));
}
