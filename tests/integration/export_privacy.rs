//! The head-office workbook's descriptions: phone numbers, the complainant's name and ID-like
//! numbers are masked by default whenever names and phones are, and either way on request.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use super::export::{now, october, receive};
use super::support::{TempDb, setup_input};
use branchdesk::export::{self, ExportOptions};
use branchdesk::settings::Language;
use branchdesk::status;

const WRITTEN: &str = "陈小明说包裹丢了，请打 13800138000 或 021-6234 5678 找他，身份证 11010519491231002X，赔付 50 元";
const MASKED: &str =
    "陈**说包裹丢了，请打 138****8000 或 021****5678 找他，身份证 ******，赔付 50 元";

/// The first case's description and the Summary's two privacy notes, as exported.
async fn exported(pool: &sqlx::SqlitePool, options: ExportOptions) -> (String, String, String) {
    let bytes = export::export_month(pool, october(), &options, now())
        .await
        .expect("export");
    let mut book = Xlsx::new(Cursor::new(bytes)).expect("xlsx");
    let text = |range: &calamine::Range<Data>, row: u32, col: u32| {
        range
            .get_value((row, col))
            .map(ToString::to_string)
            .unwrap_or_default()
    };
    let cases = book.worksheet_range("Cases").expect("cases");
    let summary = book.worksheet_range("Summary").expect("summary");
    (
        text(&cases, 1, 18),
        text(&summary, 6, 0),
        text(&summary, 7, 0),
    )
}

#[tokio::test]
async fn descriptions_are_masked_with_personal_data_by_default_and_on_request() {
    let db = TempDb::new();
    let pool = db.open().await;
    status::setup(&pool, &setup_input("postal"))
        .await
        .expect("setup");
    receive(&pool, "2026-10-08T09:00", WRITTEN).await;
    let options = |include_personal_data, mask_descriptions| ExportOptions {
        lang: Language::En,
        include_personal_data,
        mask_descriptions,
    };

    let (description, privacy, note) = exported(&pool, options(false, None)).await;
    assert_eq!(description, MASKED);
    assert_eq!(privacy, "Complainants’ names and phone numbers are masked.");
    assert!(note.starts_with("In descriptions, phone numbers"), "{note}");

    let (description, _, note) = exported(&pool, options(true, None)).await;
    assert_eq!(
        description, WRITTEN,
        "with personal data: as written by default"
    );
    assert!(note.starts_with("Descriptions are as written"), "{note}");

    let (description, _, _) = exported(&pool, options(true, Some(true))).await;
    assert_eq!(description, MASKED, "masked on request");
    let (description, _, _) = exported(&pool, options(false, Some(false))).await;
    assert_eq!(description, WRITTEN, "kept on request");
}

#[tokio::test]
async fn the_cli_masks_descriptions_unless_told_to_keep_them() {
    let db = TempDb::new();
    let pool = db.open().await;
    status::setup(&pool, &setup_input("postal"))
        .await
        .expect("setup");
    receive(&pool, "2026-10-08T09:00", WRITTEN).await;
    pool.close().await;
    let out = db.dir.path().join("october.xlsx");
    let out_arg = out.to_str().expect("utf-8");
    let description = || {
        let mut book: Xlsx<_> = calamine::open_workbook(&out).expect("xlsx");
        let sheet = book.worksheet_range("Cases").expect("cases");
        sheet
            .get_value((1, 18))
            .map(ToString::to_string)
            .unwrap_or_default()
    };
    let run = db.cli(&[
        "export", "--month", "2026-10", "--lang", "en", "--out", out_arg,
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(description(), MASKED);
    let keep = [
        "export",
        "--month",
        "2026-10",
        "--lang",
        "en",
        "--out",
        out_arg,
        "--force",
        "--keep-descriptions",
    ];
    let run = db.cli(&keep);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(String::from_utf8_lossy(&run.stdout).contains("descriptions as entered"));
    assert_eq!(description(), WRITTEN);
    let both = db.cli(&[&keep[..], &["--mask-descriptions"]].concat());
    assert_eq!(
        both.status.code(),
        Some(2),
        "the two flags contradict each other"
    );
}
