//! Reading files: header detection, blank rows, row numbers, previews, refusals.

use super::*;

fn csv_table(text: &str) -> Table {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("log.csv");
    std::fs::write(&path, text).unwrap();
    Table::open(&path, None).unwrap()
}

#[test]
fn a_title_row_and_blank_rows_are_skipped_and_rows_keep_their_numbers() {
    let table = csv_table(
        "2024年投诉登记表,,\n,,\n日期,内容,\n2024-03-01,\"两行\n内容\",\n,,\n2024-03-02,噪音,\n",
    );
    assert_eq!(table.headers, ["日期", "内容"]);
    let rows: Vec<Row> = table.rows().collect::<Result<_>>().unwrap();
    assert_eq!(rows.iter().map(|r| r.number).collect::<Vec<_>>(), [4, 6]);
    assert_eq!(rows[0].cell(1), &Cell::Text("两行\n内容".into()));
    assert_eq!(rows[1].cell(5), &Cell::Empty);
}

#[test]
fn blank_headers_are_named_by_their_column_letter() {
    let table = csv_table("日期,,内容\n2024-03-01,x,y\n");
    assert_eq!(table.headers, ["日期", "B", "内容"]);
    assert_eq!(column_letter(25), "Z");
    assert_eq!(column_letter(26), "AA");
    assert_eq!(column_letter(27), "AB");
}

#[test]
fn numbers_read_as_text_lose_a_trailing_point_zero() {
    assert_eq!(
        Cell::Number(13_800_001_234.0).text().as_deref(),
        Some("13800001234")
    );
    assert_eq!(Cell::Number(1.5).text().as_deref(), Some("1.5"));
    assert_eq!(Cell::Text("  ".into()).text(), None);
}

#[test]
fn a_preview_counts_every_row_but_shows_twenty() {
    let mut text = String::from("日期;内容\n");
    for day in 1..=25 {
        text.push_str(&format!("2024-03-{day:02};第{day}件\n"));
    }
    let preview = csv_table(&text).preview("log.csv".into()).unwrap();
    assert_eq!(preview.row_count, 25);
    assert_eq!(preview.rows.len(), PREVIEW_ROWS);
    assert_eq!(preview.rows[0].number, 2);
    assert_eq!(preview.rows[0].cells, ["2024-03-01", "第1件"]);
    assert_eq!(preview.encoding, Some("utf-8"));
}

#[test]
fn unknown_extensions_and_empty_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("log.docx");
    std::fs::write(&doc, "x").unwrap();
    assert_eq!(
        Table::open(&doc, None).err().map(|e| e.code()),
        Some("import.unsupported")
    );
    let empty = dir.path().join("empty.csv");
    std::fs::write(&empty, "\n\n").unwrap();
    assert_eq!(
        Table::open(&empty, None).err().map(|e| e.code()),
        Some("import.empty")
    );
}
