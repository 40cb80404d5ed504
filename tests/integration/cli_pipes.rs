//! `branchdesk-cli … | head -0`: with stdout and stderr already closed, every subcommand does
//! its work (or refuses it) and says which by its exit code, never by a panic (101).

use std::process::{Command, Stdio};

use super::support::{INIT_POSTAL, TempDb, arg, text};

/// Runs the CLI on `db` with stdout and stderr pipes whose reading ends are already closed, so
/// every write fails with a broken pipe; returns the exit code.
fn run_deaf(db: &TempDb, args: &[&str]) -> Option<i32> {
    let (out_reader, out_writer) = std::io::pipe().expect("pipe");
    let (err_reader, err_writer) = std::io::pipe().expect("pipe");
    drop(out_reader);
    drop(err_reader);
    Command::new(env!("CARGO_BIN_EXE_branchdesk-cli"))
        .arg("--db")
        .arg(&db.path)
        .args(args)
        .env_remove("BRANCHDESK_DB")
        .stdin(Stdio::null())
        .stdout(out_writer)
        .stderr(err_writer)
        .status()
        .expect("run branchdesk-cli")
        .code()
}

/// How many cases the database holds, read apart from the CLI.
async fn case_count(db: &TempDb) -> i64 {
    let pool = db.open().await;
    let count = sqlx::query_scalar("SELECT COUNT(*) FROM cases")
        .fetch_one(&pool)
        .await
        .expect("count");
    pool.close().await;
    count
}

#[tokio::test]
async fn every_subcommand_finishes_its_work_with_stdout_and_stderr_closed() {
    let db = TempDb::new();
    let dir = db.dir.path();
    assert_eq!(run_deaf(&db, &INIT_POSTAL), Some(0), "init");
    // The work was done although nothing could be said about it.
    let info = db.cli(&["info"]);
    assert!(
        text(&info.stdout).contains("(PD01)"),
        "{}",
        text(&info.stdout)
    );
    assert_eq!(run_deaf(&db, &["info"]), Some(0), "info");
    assert_eq!(run_deaf(&db, &["--help"]), Some(0), "help");
    let demo = ["demo-data", "--cases", "20", "--months", "2"];
    assert_eq!(run_deaf(&db, &demo), Some(0), "demo-data");
    assert_eq!(case_count(&db).await, 20);

    let month = chrono::Utc::now().format("%Y-%m").to_string();
    let book = dir.join("month.xlsx");
    let export = ["export", "--month", &month, "--out", arg(&book)];
    assert_eq!(run_deaf(&db, &export), Some(0), "export");
    assert!(book.is_file());
    let training = dir.join("training.xlsx");
    let train = ["training-export", "--out", arg(&training)];
    assert_eq!(run_deaf(&db, &train), Some(0), "training-export");
    assert!(training.is_file());
    let group = dir.join("group.xlsx");
    let rollup = ["rollup", arg(&book), "--out", arg(&group)];
    assert_eq!(run_deaf(&db, &rollup), Some(0), "rollup");
    assert!(group.is_file());

    let backup = dir.join("copy.db");
    assert_eq!(
        run_deaf(&db, &["backup", "--out", arg(&backup)]),
        Some(0),
        "backup"
    );
    assert!(backup.is_file());
    assert_eq!(
        run_deaf(&db, &["restore", arg(&backup)]),
        Some(0),
        "restore"
    );

    let csv = dir.join("log.csv");
    std::fs::write(
        &csv,
        "受理时间,投诉内容,客户姓名,投诉类别\n2026-03-01 10:00,包裹破损,张三,服务态度\n",
    )
    .expect("test set-up");
    let dry = ["import", arg(&csv), "--dry-run", "--unknown-category-other"];
    assert_eq!(run_deaf(&db, &dry), Some(0), "import --dry-run");
    let import = ["import", arg(&csv), "--unknown-category-other"];
    assert_eq!(run_deaf(&db, &import), Some(0), "import");
    assert_eq!(case_count(&db).await, 21);

    let bench = ["bench", "--cases", "10", "--branches", "2"];
    assert_eq!(run_deaf(&db, &bench), Some(0), "bench");
}

#[test]
fn a_refused_command_exits_1_and_bad_flags_2_with_stderr_closed() {
    let db = TempDb::new();
    // No branch yet: refused, and the refusal is the exit code.
    let out = db.dir.path().join("x.xlsx");
    let export = ["export", "--month", "2026-10", "--out", arg(&out)];
    assert_eq!(run_deaf(&db, &export), Some(1));
    assert!(!out.exists());
    assert_eq!(run_deaf(&db, &["export", "--month", "2026-13"]), Some(2));
    assert_eq!(run_deaf(&db, &["no-such-command"]), Some(2));
}
