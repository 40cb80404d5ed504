//! The group workbook from the server equals `rollup` of the branches' own workbooks.

use calamine::{Data, Reader, Xlsx, open_workbook};
use chrono::{Datelike, Months};

use super::postgres::Postgres;
use super::{ROLE_PASSWORD, branch, cli_env, ok, set_up_server, sync};
use crate::support::{TempDb, arg, text};

/// Every sheet's cells, by sheet name.
fn cells(path: &std::path::Path) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut book: Xlsx<_> = open_workbook(path).expect("open workbook");
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).expect("sheet");
            (name, range.rows().map(<[Data]>::to_vec).collect())
        })
        .collect()
}

/// Last month in the branches' calendar (Asia/Shanghai), as YYYY-MM.
fn last_month() -> String {
    let today = chrono::Utc::now()
        .with_timezone(&chrono_tz::Asia::Shanghai)
        .date_naive();
    let month = today.with_day(1).expect("the first of the month") - Months::new(1);
    month.format("%Y-%m").to_string()
}

#[tokio::test]
async fn the_group_workbook_from_the_server_equals_the_rollup_of_the_branches_files() {
    let Some(pg) = Postgres::start() else { return };
    set_up_server(&pg, &["HK11", "HL12"]);
    let k = branch("HK11", 120);
    let l = branch("HL12", 90);
    assert!(sync(&pg, &k, "HK11", &[]).status.success());
    assert!(sync(&pg, &l, "HL12", &[]).status.success());

    let month = last_month();
    let out = TempDb::new();
    let dir = out.dir.path();
    let (kf, lf) = (dir.join("HK11.xlsx"), dir.join("HL12.xlsx"));
    let (rolled, grouped) = (dir.join("rollup.xlsx"), dir.join("group.xlsx"));
    ok(
        &k,
        &[
            "export",
            "--month",
            &month,
            "--out",
            arg(&kf),
            "--lang",
            "en",
        ],
    );
    ok(
        &l,
        &[
            "export",
            "--month",
            &month,
            "--out",
            arg(&lf),
            "--lang",
            "en",
        ],
    );
    ok(
        &k,
        &[
            "rollup",
            arg(&kf),
            arg(&lf),
            "--out",
            arg(&rolled),
            "--lang",
            "en",
        ],
    );
    let office = pg.url("office", ROLE_PASSWORD);
    let done = cli_env(
        &k,
        &[
            "group-report",
            "--server",
            &office,
            "--month",
            &month,
            "--out",
            arg(&grouped),
            "--lang",
            "en",
        ],
        &[],
    );
    assert!(done.status.success(), "{}", text(&done.stderr));
    let said = text(&done.stdout);
    assert!(said.contains("2 branches"), "{said}");
    assert!(!said.contains(ROLE_PASSWORD), "{said}");

    assert!(said.contains("HK11: figures as of "), "{said}");

    // The slow path, rebuilt from every branch's raw rows, gives the same workbook.
    let recomputed = dir.join("recomputed.xlsx");
    let done = cli_env(
        &k,
        &[
            "group-report",
            "--server",
            &office,
            "--month",
            &month,
            "--out",
            arg(&recomputed),
            "--lang",
            "en",
            "--recompute",
        ],
        &[],
    );
    assert!(done.status.success(), "{}", text(&done.stderr));

    // The report read the month figures each branch sent at its sync.
    let pool = super::connect(&office).await;
    let sent: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM branch_rows WHERE tbl = 'month_figures' AND row_key = $1",
    )
    .bind(&month)
    .fetch_one(&pool)
    .await
    .expect("count month figures");
    assert_eq!(sent, 2, "each branch sent the month's figures");

    let (expected, got) = (cells(&rolled), cells(&grouped));
    let compared = same_cells(&expected, &got);
    assert!(
        compared > 100,
        "the workbooks hold figures ({compared} cells)"
    );
    same_cells(&got, &cells(&recomputed));

    // Each branch's row says when its figures were computed.
    let (_, branches) = &got[0];
    let header = branches
        .iter()
        .position(|row| row.first() == Some(&Data::String("Rank".into())))
        .expect("the branch table");
    let as_of = branches[header]
        .iter()
        .position(|cell| cell == &Data::String("Computed at".into()))
        .expect("a computed-at column");
    for row in &branches[header + 1..header + 3] {
        assert!(is_clock(&row[as_of]), "{row:?}");
    }
}

/// Asserts two workbooks hold the same sheets and cells (but for clocks); returns how many
/// cells were compared.
fn same_cells(expected: &[(String, Vec<Vec<Data>>)], got: &[(String, Vec<Vec<Data>>)]) -> usize {
    assert_eq!(
        expected.iter().map(|(n, _)| n).collect::<Vec<_>>(),
        got.iter().map(|(n, _)| n).collect::<Vec<_>>()
    );
    let mut compared = 0;
    for ((name, want), (_, have)) in expected.iter().zip(got) {
        assert_eq!(want.len(), have.len(), "rows of {name}");
        for (r, (want, have)) in want.iter().zip(have).enumerate() {
            for (c, (w, h)) in want.iter().zip(have).enumerate() {
                if w != h && !is_clock(w) {
                    panic!("{name} row {r} column {c}: expected {w:?}, got {h:?}");
                }
                compared += 1;
            }
            assert_eq!(want.len(), have.len(), "{name} row {r}");
        }
    }
    compared
}

/// A cell holding when the workbook or its figures were made ("2026-11-03 10:15"): the two
/// workbooks are made moments apart.
fn is_clock(cell: &Data) -> bool {
    let Data::String(s) = cell else { return false };
    let s = s.trim();
    s.len() >= 16 && s.as_bytes()[4] == b'-' && s.as_bytes()[10] == b' ' && s.as_bytes()[13] == b':'
}

#[test]
fn bench_group_measures_and_prints_its_figures() {
    let Some(pg) = Postgres::start() else { return };
    let scratch = TempDb::new();
    let out = cli_env(
        &scratch,
        &[
            "bench-group",
            "--server",
            &pg.admin_url(),
            "--cases",
            "60",
            "--branches",
            "3",
            "--branch-cases",
            "30",
            "--recompute",
        ],
        &[],
    );
    let said = text(&out.stdout);
    assert!(out.status.success(), "{said}{}", text(&out.stderr));
    assert!(said.contains("first sync, 60 cases"), "{said}");
    assert!(
        said.contains("incremental sync of 100 changed cases"),
        "{said}"
    );
    assert!(
        said.contains("group report, 3 branches x 30 cases"),
        "{said}"
    );
    assert!(said.contains("group report --recompute"), "{said}");
    for goal in ["first sync", "incremental sync", "group report"] {
        assert!(
            said.lines()
                .any(|l| l.starts_with("  ") && l.contains(goal) && l.contains("goal")),
            "the summary names {goal}: {said}"
        );
    }
    assert!(!said.contains(super::postgres::ADMIN_PASSWORD), "{said}");
}
