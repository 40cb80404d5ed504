//! Importing the file formats real logs come in: UTF-8 with a byte-order mark and GBK CSV, and
//! XLSX workbooks with a cover sheet, a title row, Excel dates, serials typed as numbers and
//! phone numbers stored as numbers.

use std::path::Path;

use super::import::{CLEAN, now, write};
use super::support::{TempDb, set_up_branch};
use branchdesk::import::{self, ImportOptions};

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
    let cover = book
        .add_worksheet()
        .set_name("说明")
        .expect("build the workbook");
    cover
        .write(0, 0, "本表为 2024 年投诉登记")
        .expect("build the workbook");
    let log = book
        .add_worksheet()
        .set_name("投诉登记")
        .expect("build the workbook");
    log.write(0, 0, "2024年投诉登记表")
        .expect("build the workbook");
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
        log.write(1, col as u16, *header)
            .expect("build the workbook");
    }
    let when = ExcelDateTime::parse_from_str("2024-03-01 10:30:00").expect("build the workbook");
    log.write_datetime_with_format(2, 0, &when, &date)
        .expect("build the workbook");
    log.write(2, 1, "Ms Lee").expect("build the workbook");
    log.write(2, 2, 13_800_138_000_f64)
        .expect("build the workbook");
    log.write(2, 3, "Front desk ignored me")
        .expect("build the workbook");
    log.write(2, 4, "service attitude")
        .expect("build the workbook");
    log.write(2, 5, "Resolved").expect("build the workbook");
    let closed = ExcelDateTime::parse_from_str("2024-03-02 09:00:00").expect("build the workbook");
    log.write_datetime_with_format(2, 6, &closed, &date)
        .expect("build the workbook");
    log.write(2, 7, 7).expect("build the workbook");
    log.write(3, 0, 45_383.5_f64).expect("build the workbook");
    log.write(3, 3, "Parcel lost").expect("build the workbook");
    log.write(3, 4, "Lost parcel").expect("build the workbook");
    log.write(4, 0, "2024/4/3").expect("build the workbook");
    log.write(4, 3, "=cmd|' /C calc'!A0")
        .expect("build the workbook");
    log.write(4, 4, "其他").expect("build the workbook");
    book.save(path).expect("build the workbook");
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
