//! Head office's roll-up of several branches' workbooks, and the refusals that protect it.

use std::path::{Path, PathBuf};

use calamine::{Data, Range, Reader, Xlsx, open_workbook};

use super::export::{branch, export_branch, october};
use super::support::{TempDb, text};
use branchdesk::export::{Destination, Existing, rollup};
use branchdesk::settings::Language;
use branchdesk::stats::Month;
use branchdesk::stats::glossary::kpi_name;

/// Three branches' October workbooks in one folder: (code, received, closed), the last of
/// each branch's cases being invalid when not all are closed.
const BRANCHES: [(&str, usize, usize); 3] = [("SH01", 5, 2), ("BJ02", 3, 3), ("GZ03", 4, 1)];

async fn three_workbooks(folder: &Path) -> Vec<PathBuf> {
    let mut paths = Vec::new();
    for (code, received, closed) in BRANCHES {
        let db = TempDb::new();
        let pool = branch(&db, code, received, closed).await;
        paths.push(export_branch(folder, &pool, code, october()).await);
        pool.close().await;
    }
    paths
}

fn column(range: &Range<Data>, header_row: u32, name: &str) -> u32 {
    (0..range.width() as u32)
        .find(|&c| range.get_value((header_row, c)) == Some(&Data::String(name.into())))
        .unwrap_or_else(|| panic!("no column {name}"))
}

fn row_of(range: &Range<Data>, col: u32, text: &str) -> u32 {
    (0..range.height() as u32)
        .find(|&r| range.get_value((r, col)) == Some(&Data::String(text.into())))
        .unwrap_or_else(|| panic!("no row {text}"))
}

fn float(range: &Range<Data>, row: u32, col: u32) -> f64 {
    match range.get_value((row, col)) {
        Some(Data::Float(v)) => *v,
        other => panic!("({row}, {col}) is {other:?}"),
    }
}

#[tokio::test]
async fn group_totals_are_recomputed_from_the_branches_counts() {
    let folder = tempfile::tempdir().expect("test set-up");
    let paths = three_workbooks(folder.path()).await;
    let out = folder.path().join("group.xlsx");
    let summary = rollup(&paths, &destination(&out), None, Language::En).expect("test set-up");
    assert_eq!(summary.month, october());
    let ranked: Vec<&str> = summary.branches.iter().map(|b| b.code.as_str()).collect();
    // Closure rates: BJ02 3/3, SH01 2/4, GZ03 1/3.
    assert_eq!(ranked, ["BJ02", "SH01", "GZ03"]);
    assert_eq!(summary.branches[0].file, "BJ02_2026-10_complaints.xlsx");

    let mut book: Xlsx<_> = open_workbook(&out).expect("test set-up");
    assert_eq!(book.sheet_names(), ["Branches", "Categories", "Glossary"]);
    let table = book.worksheet_range("Branches").expect("test set-up");
    let header = row_of(&table, 0, "Rank");
    let total = row_of(&table, 1, "Group total");
    let value = |key: &str| {
        float(
            &table,
            total,
            column(&table, header, kpi_name(key, Language::En)),
        )
    };
    let (valid, closed) = (4.0 + 3.0 + 3.0, 2.0 + 3.0 + 1.0);
    assert_eq!(value("received"), 12.0);
    assert_eq!(value("valid"), valid);
    assert_eq!(value("closed"), closed);
    assert!((value("closure_rate") - closed / valid).abs() < 1e-12);
    // Every closed case was judged justified, the branch's fault, on leaving verification
    // (see export::close); the group adds the counts and recomputes the share from them.
    assert_eq!(value("justified_complaints"), closed);
    assert_eq!(value("fault_branch_share"), 1.0);
    assert_eq!(value("fault_customer_share"), 0.0);
    let mean_of_rates = (1.0 + 0.5 + 1.0 / 3.0) / 3.0;
    assert!((value("closure_rate") - mean_of_rates).abs() > 0.01);
    assert_eq!(float(&table, header + 1, 0), 1.0);
    assert_eq!(
        table.get_value((header + 1, 1)),
        Some(&Data::String("BJ02".into()))
    );

    let categories = book.worksheet_range("Categories").expect("test set-up");
    assert_eq!(
        float(&categories, 1, 1),
        valid,
        "all valid cases share one category"
    );
}

/// A checked place for a group workbook (no database of these tests lives beside it).
fn destination(out: &Path) -> Destination {
    Destination::check(out, Path::new("no-database-here.db"), Existing::Keep).expect("test set-up")
}

fn refused(paths: &[PathBuf], month: Option<Month>, out: &Path) -> (String, String) {
    let err = rollup(paths, &destination(out), month, Language::ZhCn).expect_err("must be refused");
    assert!(!out.exists(), "a refused roll-up writes nothing");
    (
        err.code().to_owned(),
        err.field().unwrap_or_default().to_owned(),
    )
}

#[tokio::test]
async fn files_that_are_not_one_months_distinct_branch_workbooks_are_refused_by_name() {
    let folder = tempfile::tempdir().expect("test set-up");
    let paths = three_workbooks(folder.path()).await;
    let out = folder.path().join("group.xlsx");
    let with = |extra: &Path| {
        let mut list = paths.clone();
        list.push(extra.to_path_buf());
        list
    };

    let plain = folder.path().join("budget.xlsx");
    let mut other = rust_xlsxwriter::Workbook::new();
    other
        .add_worksheet()
        .write_string(0, 0, "预算")
        .expect("test set-up");
    other.save(&plain).expect("test set-up");
    let expect = |code: &str, file: &str| (code.to_owned(), file.to_owned());
    assert_eq!(
        refused(&with(&plain), None, &out),
        expect("export.not_branchdesk", "budget.xlsx")
    );

    let text = folder.path().join("notes.xlsx");
    std::fs::write(&text, "not a spreadsheet at all").expect("test set-up");
    assert_eq!(
        refused(&with(&text), None, &out),
        expect("export.not_branchdesk", "notes.xlsx")
    );

    let missing = folder.path().join("gone.xlsx");
    assert_eq!(
        refused(&with(&missing), None, &out),
        expect("export.unreadable", "gone.xlsx")
    );

    let db = TempDb::new();
    let pool = branch(&db, "CD04", 2, 1).await;
    let september = Month::parse("month", "2026-09").expect("test set-up");
    let late = export_branch(folder.path(), &pool, "CD04", september).await;
    assert_eq!(
        refused(&with(&late), None, &out),
        expect("export.other_month", "CD04_2026-09_complaints.xlsx")
    );
    assert_eq!(
        refused(&paths, Some(september), &out),
        expect("export.other_month", "SH01_2026-10_complaints.xlsx")
    );

    let copy = folder.path().join("SH01 copy.xlsx");
    std::fs::copy(&paths[0], &copy).expect("test set-up");
    assert_eq!(
        refused(&with(&copy), None, &out),
        expect("export.duplicate_branch", "SH01 copy.xlsx")
    );
}

#[tokio::test]
async fn the_cli_exports_and_rolls_up_with_clear_exit_codes() {
    let folder = tempfile::tempdir().expect("test set-up");
    let db = TempDb::new();
    branch(&db, "SH01", 3, 1).await.close().await;
    let out = folder.path().join("SH01_2026-10_complaints.xlsx");
    let run = |args: &[&str]| db.cli(args);
    let out_arg = out.to_str().expect("test set-up");
    let bad = run(&["export", "--month", "2026-13", "--out", out_arg]);
    assert_eq!(bad.status.code(), Some(2));
    let stderr = text(&bad.stderr);
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("--month") && stderr.contains("YYYY-MM"),
        "{stderr}"
    );
    assert!(!out.exists());

    let ok = run(&["export", "--month", "2026-10", "--out", out_arg]);
    assert!(ok.status.success(), "{}", text(&ok.stderr));
    assert!(text(&ok.stdout).contains("personal data masked"));
    let mut book: Xlsx<_> = open_workbook(&out).expect("test set-up");
    assert_eq!(
        book.sheet_names()[0],
        "汇总",
        "the branch's language by default"
    );
    assert!(book.worksheet_range("BranchDesk data").is_ok());

    let group = folder.path().join("group.xlsx");
    let group_arg = group.to_str().expect("test set-up");
    let rolled = run(&["rollup", out_arg, "--out", group_arg, "--lang", "en"]);
    assert!(rolled.status.success(), "{}", text(&rolled.stderr));
    assert!(text(&rolled.stdout).contains("Rolled up 1 branches for 2026-10"));
    assert!(group.exists());

    let junk = folder.path().join("junk.xlsx");
    std::fs::write(&junk, "plain text").expect("test set-up");
    let refused = run(&[
        "rollup",
        out_arg,
        junk.to_str().expect("test set-up"),
        "--out",
        group_arg,
        "--force",
    ]);
    assert_eq!(refused.status.code(), Some(1));
    let stderr = text(&refused.stderr);
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("junk.xlsx is not a BranchDesk monthly workbook"),
        "{stderr}"
    );
    let no_files = run(&["rollup", "--out", group_arg]);
    assert_eq!(no_files.status.code(), Some(2));
}
