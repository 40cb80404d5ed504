//! `branchdesk-cli demo-data` and `bench`, run as a user would.

use std::collections::HashSet;
use std::process::Output;

use chrono::Utc;

use super::support::{TempDb, set_up_branch, text};
use branchdesk::prevention::repo::measures::overview;
use branchdesk::prevention::repo::plans::list_plans;
use branchdesk::training::model::CellStatus;
use branchdesk::training::repo::drills::progress;
use branchdesk::training::repo::matrix::{MatrixFilter, matrix};
use branchdesk::training::rubric::Step;

fn one_line_error(out: &Output, needle: &str) {
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    let stderr = text(&out.stderr);
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(stderr.contains(needle), "{stderr}");
}

#[test]
fn demo_data_fills_a_set_up_branch_and_bench_prints_its_table() {
    let db = TempDb::new();
    let demo = [
        "demo-data",
        "--cases",
        "300",
        "--months",
        "3",
        "--seed",
        "5",
    ];
    one_line_error(&db.cli(&demo), "init");

    let init = [
        "init",
        "--name",
        "虹桥物业",
        "--code",
        "hq1",
        "--industry",
        "property",
    ];
    assert!(db.cli(&init).status.success());
    one_line_error(
        &db.cli(&["demo-data", "--cases", "10", "--months", "0"]),
        "--months",
    );
    let out = db.cli(&demo);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Added 8 demo staff members"), "{stdout}");
    assert!(
        stdout.contains("Added 300 demo cases over 3 months (seed 5)"),
        "{stdout}"
    );
    assert!(stdout.contains("cases/s"), "{stdout}");
    let info = text(&db.cli(&["info"]).stdout);
    assert!(info.contains("rows staff      8"), "{info}");

    let kept = db.dir.path().join("bench.db");
    let kept_arg = kept.to_str().unwrap();
    let bench = db.cli(&[
        "bench",
        "--cases",
        "2000",
        "--branches",
        "3",
        "--keep",
        kept_arg,
    ]);
    assert!(bench.status.success(), "{}", text(&bench.stderr));
    let table = text(&bench.stdout);
    for expected in [
        "measure",
        "median",
        "p95",
        "budget",
        "insert demo cases",
        "≥ 20,000/s",
        "list: no filter (2000 rows)",
        "list: status=open",
        "list: sort=due",
        "search: 2 Chinese characters \"漏水\"",
        "< 150 ms",
        "search: phone fragment",
        "save a new case",
        "start to interactive list",
        "< 1.5 s",
        "database file size",
        "export a month of",
        "peak memory added by the export",
        "roll up 3 branch workbooks",
        "< 10 s",
        "Kept the database at",
    ] {
        assert!(table.contains(expected), "missing {expected:?} in\n{table}");
    }
    let verdicts = table.matches("PASS").count() + table.matches("OVER").count();
    assert_eq!(
        verdicts,
        1 + 10 + 1 + 1 + 1 + 3,
        "one verdict per budget:\n{table}"
    );
    assert!(kept.exists());
    one_line_error(
        &db.cli(&["bench", "--cases", "10", "--keep", kept_arg]),
        "--keep",
    );
}

#[tokio::test]
async fn demo_data_also_fills_training_and_prevention_once() {
    let db = TempDb::new();
    set_up_branch(&db).await.close().await;
    let out = db.cli(&["demo-data", "--cases", "200", "--months", "6"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Added demo training: "), "{stdout}");
    assert!(
        stdout.contains("Added demo prevention work: 2 plans with 4 measures, 1 emergency plan"),
        "{stdout}"
    );

    let pool = db.open().await;
    let now = Utc::now();
    let grid = matrix(&pool, &MatrixFilter::default(), now)
        .await
        .expect("matrix");
    let states: HashSet<CellStatus> = grid
        .people
        .iter()
        .flat_map(|p| p.cells.iter().map(|c| c.status))
        .collect();
    for state in [
        CellStatus::Assigned,
        CellStatus::InProgress,
        CellStatus::Complete,
        CellStatus::Overdue,
    ] {
        assert!(states.contains(&state), "{state:?} in {states:?}");
    }
    let team = progress(&pool, now).await.expect("progress");
    assert!(
        matches!(team.weakest_steps[0].step, Step::Apologise | Step::FollowUp),
        "{:?}",
        team.weakest_steps[0]
    );
    let plans = list_plans(&pool, now).await.expect("plans");
    let statuses: Vec<&str> = plans.iter().map(|p| p.plan.status.as_str()).collect();
    assert_eq!(statuses, ["active", "done"]);
    assert_eq!(
        overview(&pool, now).await.expect("overview").overdue.len(),
        1
    );
    pool.close().await;

    // A second run adds complaints only: the branch already has training and plans.
    let again = text(
        &db.cli(&["demo-data", "--cases", "5", "--months", "1"])
            .stdout,
    );
    assert!(!again.contains("demo training"), "{again}");
    assert!(!again.contains("demo prevention"), "{again}");
}
