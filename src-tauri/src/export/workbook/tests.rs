//! The workbook read back with calamine, as head office's spreadsheet would read it.

use std::io::Cursor;

use calamine::{Data, Reader, SheetVisible, Xlsx};

use super::*;
use crate::export::data::{self, DATA_SHEET};
use crate::settings::Category;
use crate::stats::report::{
    Better, Breakdown, BreakdownRow, Kpi, Month, ReportBranch, TrendPoint, Unit,
};
use crate::training::model::{Cell, CellStatus};
use crate::training::repo::matrix::{MatrixModule, MatrixPerson};

const HOSTILE: &str = "=cmd|' /C calc'!A0";

fn kpi(key: &str, unit: Unit, better: Better, value: f64, parts: Option<(i64, i64)>) -> Kpi {
    Kpi {
        key: key.into(),
        unit,
        better,
        value: Some(value),
        previous: Some(value / 2.0),
        last_year: None,
        parts,
    }
}

pub(crate) fn report() -> MonthlyReport {
    let month = Month {
        year: 2026,
        month: 10,
    };
    MonthlyReport {
        branch: ReportBranch {
            name: "+浦东快递服务点".into(),
            code: "PD01".into(),
            industry: "postal".into(),
            timezone: "Asia/Shanghai".into(),
        },
        month,
        computed_at: "2026-11-02T01:30:00Z".into(),
        kpis: vec![
            kpi("received", Unit::Count, Better::Neutral, 4.0, None),
            kpi(
                "closure_rate",
                Unit::Share,
                Better::Higher,
                0.5,
                Some((1, 2)),
            ),
            kpi("goodwill", Unit::Yuan, Better::Lower, 120.5, None),
        ],
        breakdowns: vec![
            Breakdown {
                key: "category".into(),
                rows: vec![
                    BreakdownRow {
                        code: "1".into(),
                        label: String::new(),
                        count: 3,
                    },
                    BreakdownRow {
                        code: "2".into(),
                        label: "@自定义".into(),
                        count: 1,
                    },
                ],
            },
            Breakdown {
                key: "channel".into(),
                rows: vec![BreakdownRow {
                    code: "walk_in".into(),
                    label: String::new(),
                    count: 4,
                }],
            },
        ],
        trend: vec![TrendPoint {
            month,
            received: 4,
            closed: 1,
        }],
    }
}

pub(crate) fn categories() -> CategoryNames {
    CategoryNames::new(vec![
        Category {
            id: 1,
            seed_key: Some("delivery_delay".into()),
            name: None,
            position: 1,
            hidden: false,
        },
        Category {
            id: 2,
            seed_key: None,
            name: Some("@自定义".into()),
            position: 2,
            hidden: false,
        },
    ])
}

fn case() -> CaseLine {
    let at =
        |d: u32| chrono::NaiveDate::from_ymd_opt(2026, 10, d).and_then(|d| d.and_hms_opt(9, 30, 0));
    CaseLine {
        number: "PD01-202610-0001".into(),
        received: at(1),
        channel: "walk_in".into(),
        category_id: 1,
        grade: 2,
        status: "closed".into(),
        customer_type: "angry".into(),
        complainant_name: "张三丰".into(),
        phone: Some("138 0013 8000".into()),
        department: "-客服部".into(),
        assignee: Some("李四".into()),
        acknowledged: at(1),
        resolved: at(3),
        closed: at(5),
        closed_at_month_end: true,
        root_cause: Some("delay".into()),
        satisfaction: Some(4),
        goodwill_fen: 12_050,
        description: HOSTILE.into(),
    }
}

fn glossary() -> Vec<GlossaryEntry> {
    vec![GlossaryEntry {
        key: "closure_rate".into(),
        name: "Closure rate".into(),
        definition: "Closed ÷ valid".into(),
    }]
}

/// One person (with a name that looks like markup) and one module, complete.
fn training() -> Matrix {
    Matrix {
        today: "2026-10-31".into(),
        modules: vec![MatrixModule {
            id: 1,
            title_en: "Handling principles".into(),
            title_zh: "投诉处理原则".into(),
            refresher_months: None,
            assigned: 1,
            complete: 1,
            percent: Some(100),
        }],
        people: vec![MatrixPerson {
            id: 7,
            name: "<img src=x onerror=alert(1)>".into(),
            position: "前台".into(),
            department: "=cmd|' /C calc'!A0".into(),
            cells: vec![Cell {
                status: CellStatus::Complete,
                due_on: None,
                signed: 3,
                total: 3,
            }],
            assigned: 1,
            complete: 1,
            percent: Some(100),
        }],
        departments: Vec::new(),
        positions: Vec::new(),
    }
}

fn build_with(lang: Language, include_personal_data: bool) -> Xlsx<Cursor<Vec<u8>>> {
    let (report, cases, categories, glossary) = (report(), vec![case()], categories(), glossary());
    let input = WorkbookInput {
        report: &report,
        cases: &cases,
        training: &training(),
        prevention: &PreventionSheet::default(),
        categories: &categories,
        glossary: &glossary,
        lang,
        include_personal_data,
        mask_descriptions: !include_personal_data,
        computed_at_local: local_time_text(&report.computed_at, &report.branch.timezone),
    };
    Xlsx::new(Cursor::new(build(&input).unwrap())).unwrap()
}

fn cell(range: &calamine::Range<Data>, row: u32, col: u32) -> &Data {
    range.get_value((row, col)).unwrap_or(&Data::Empty)
}

#[test]
fn sheets_come_in_order_in_the_chosen_language_with_the_data_sheet_hidden() {
    let book = build_with(Language::En, false);
    assert_eq!(
        book.sheet_names(),
        [
            "Summary",
            "By category",
            "By channel",
            "By grade",
            "By department",
            "By root cause",
            "By customer type",
            "Cases",
            "Training",
            "Prevention",
            "Glossary",
            "BranchDesk data"
        ]
    );
    let hidden: Vec<_> = book
        .sheets_metadata()
        .iter()
        .filter(|s| s.visible != SheetVisible::Visible)
        .map(|s| s.name.clone())
        .collect();
    assert_eq!(hidden, ["BranchDesk data"]);
    let zh = build_with(Language::ZhCn, false);
    assert_eq!(zh.sheet_names()[0], "汇总");
    assert_eq!(zh.sheet_names()[7], "案件明细");
    assert_eq!(zh.sheet_names()[8], "员工培训");
}

#[test]
fn the_training_sheet_shows_each_persons_modules_in_words_with_user_text_as_text() {
    let mut book = build_with(Language::En, false);
    let sheet = book.worksheet_range("Training").unwrap();
    assert_eq!(cell(&sheet, 1, 0), &Data::String("As of 2026-10-31".into()));
    assert_eq!(
        cell(&sheet, 3, 4),
        &Data::String("Handling principles".into())
    );
    assert_eq!(
        cell(&sheet, 4, 0),
        &Data::String("<img src=x onerror=alert(1)>".into())
    );
    assert_eq!(
        cell(&sheet, 4, 1),
        &Data::String("=cmd|' /C calc'!A0".into())
    );
    assert_eq!(cell(&sheet, 4, 3), &Data::Float(100.0));
    assert_eq!(cell(&sheet, 4, 4), &Data::String("complete".into()));
    let formulas = book.worksheet_formula("Training").unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
}

#[test]
fn formula_looking_text_reads_back_as_that_exact_text_and_never_as_a_formula() {
    let mut book = build_with(Language::En, false);
    let cases = book.worksheet_range("Cases").unwrap();
    assert_eq!(cell(&cases, 1, 18), &Data::String(HOSTILE.into()));
    assert_eq!(cell(&cases, 1, 9), &Data::String("-客服部".into()));
    let formulas = book.worksheet_formula("Cases").unwrap();
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "no cell of the Cases sheet is a formula"
    );
    let summary = book.worksheet_range("Summary").unwrap();
    assert_eq!(
        cell(&summary, 2, 1),
        &Data::String("+浦东快递服务点".into())
    );
    let categories = book.worksheet_range("By category").unwrap();
    assert_eq!(cell(&categories, 2, 0), &Data::String("@自定义".into()));
    for sheet in ["Summary", "By category", "BranchDesk data"] {
        let formulas = book.worksheet_formula(sheet).unwrap();
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "{sheet}"
        );
    }
    // The check above can fail: a real formula is seen as one.
    let mut control = rust_xlsxwriter::Workbook::new();
    control.add_worksheet().write_formula(0, 0, "=1+1").unwrap();
    let mut control = Xlsx::new(Cursor::new(control.save_to_buffer().unwrap())).unwrap();
    let formulas = control.worksheet_formula("Sheet1").unwrap();
    assert_eq!(cell_text(&formulas), ["1+1"]);
}

fn cell_text(range: &calamine::Range<String>) -> Vec<String> {
    range.used_cells().map(|(_, _, f)| f.clone()).collect()
}

#[test]
fn personal_data_is_masked_unless_asked_for() {
    let mut masked = build_with(Language::ZhCn, false);
    let cases = masked.worksheet_range("案件明细").unwrap();
    assert_eq!(cell(&cases, 1, 7), &Data::String("张**".into()));
    assert_eq!(cell(&cases, 1, 8), &Data::String("138****8000".into()));
    assert_eq!(cell(&cases, 1, 2), &Data::String("到店 / 上门".into()));
    let mut open = build_with(Language::ZhCn, true);
    let cases = open.worksheet_range("案件明细").unwrap();
    assert_eq!(cell(&cases, 1, 7), &Data::String("张三丰".into()));
    assert_eq!(cell(&cases, 1, 8), &Data::String("138 0013 8000".into()));
}

#[test]
fn summary_shows_values_comparisons_and_local_computation_time() {
    let mut book = build_with(Language::En, false);
    let summary = book.worksheet_range("Summary").unwrap();
    assert_eq!(cell(&summary, 4, 1), &Data::String("2026-10".into()));
    assert_eq!(
        cell(&summary, 5, 1),
        &Data::String("2026-11-02 09:30 (Asia/Shanghai)".into())
    );
    assert_eq!(cell(&summary, 10, 0), &Data::String("Closure rate".into()));
    assert_eq!(cell(&summary, 10, 1), &Data::Float(0.5));
    assert_eq!(cell(&summary, 10, 2), &Data::Float(0.25));
    assert_eq!(
        cell(&summary, 10, 3),
        &Data::Float(25.0),
        "change in points"
    );
    assert_eq!(
        cell(&summary, 10, 4),
        &Data::String("—".into()),
        "no figure last year"
    );
    assert_eq!(
        cell(&summary, 10, 5),
        &Data::Empty,
        "no change without a figure"
    );
    assert_eq!(cell(&summary, 9, 0), &Data::String("received".into()));
}

#[test]
fn the_data_sheet_round_trips_what_the_roll_up_needs() {
    let (report, categories) = (report(), categories());
    let input = WorkbookInput {
        report: &report,
        cases: &[],
        training: &training(),
        prevention: &PreventionSheet::default(),
        categories: &categories,
        glossary: &[],
        lang: Language::En,
        include_personal_data: false,
        mask_descriptions: true,
        computed_at_local: String::new(),
    };
    let mut book = Xlsx::new(Cursor::new(build(&input).unwrap())).unwrap();
    let range = book.worksheet_range(DATA_SHEET).unwrap();
    let back = data::read(&range).unwrap();
    assert_eq!(back, branch_data(&input));
    assert_eq!(back.kpi("closure_rate").unwrap().parts, Some((1, 2)));
    let category = back.breakdown("category").unwrap();
    assert_eq!(category.rows[0].code, "seed:delivery_delay");
    assert_eq!(category.rows[1].code, "name:@自定义");
    assert_eq!(
        cell(&range, 0, 0),
        &Data::String(
            "BranchDesk data: machine-readable figures for head office's roll-up. \
             Do not edit. Generated by BranchDesk."
                .into()
        )
    );
}
