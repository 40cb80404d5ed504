//! `branchdesk-cli import` run as a user would: the mapping it prints, one line per bad row,
//! exit code 1 with nothing imported, a mapping file, and what is wrong with a bad one.

use super::import::{CLEAN, HEADER, count, write};
use super::support::{TempDb, set_up_branch, text};

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

    let dry = db.cli(&["import", path, "--dry-run"]);
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
    let real = db.cli(&["import", path]);
    assert_eq!(real.status.code(), Some(1));
    assert!(text(&real.stdout).contains("row 3: received_at: invalid.date"));

    let good = write(db.dir.path(), "good.csv", CLEAN.as_bytes());
    let good = good.to_str().unwrap();
    let dry = db.cli(&["import", good, "--dry-run"]);
    assert_eq!(dry.status.code(), Some(0), "{}", text(&dry.stderr));
    assert!(text(&dry.stdout).contains("Dry run: 3 cases would be imported; nothing was changed"));
    let run = db.cli(&["import", good]);
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
    let init = db.cli(&[
        "init",
        "--name",
        "店",
        "--code",
        "ab1",
        "--industry",
        "hotel",
        "--tz",
        "Asia/Shanghai",
    ]);
    assert!(init.status.success(), "{}", text(&init.stderr));
    let log = write(
        db.dir.path(),
        "log.csv",
        "when,what,kind\n2024-03-01 22:10,Noise from room 1203,Noise\n".as_bytes(),
    );
    let log = log.to_str().unwrap();

    let none = db.cli(&["import", log]);
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
    let out = db.cli(&["import", log, "--mapping", wrong.to_str().unwrap()]);
    assert_eq!(
        text(&out.stderr).trim(),
        "error: the mapping names a column for received_at that the file does not have"
    );
    let broken = write(db.dir.path(), "broken.json", b"[1, 2]");
    let out = db.cli(&["import", log, "--mapping", broken.to_str().unwrap()]);
    assert_eq!(
        text(&out.stderr).trim(),
        "error: the mapping file must be a JSON object of field names to column names"
    );
    let mapping = write(
        db.dir.path(),
        "mapping.json",
        r#"{"received_at": "when", "description": "what", "category": "kind"}"#.as_bytes(),
    );
    let out = db.cli(&["import", log, "--mapping", mapping.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "Imported 1 cases\n");
    let docx = write(db.dir.path(), "log.docx", b"PK");
    let out = db.cli(&["import", docx.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("not a spreadsheet BranchDesk reads"));
}
