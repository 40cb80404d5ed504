//! What the import reads: only regular files of at most 256 MiB, whatever their kind, checked
//! before anything is read; and times with their own offset (or `Z`) read as that instant, with
//! the check saying how the first rows' times were read.

use std::path::Path;

use branchdesk::import::{self, ImportOptions, Mapping, source::MAX_FILE_BYTES};

use super::import::{count, now, write};
use super::support::{TempDb, set_up_branch, text};

fn problem_of(path: &Path) -> String {
    match import::Table::open(path, None) {
        Ok(_) => "opened".to_owned(),
        Err(error) => error.code().to_owned(),
    }
}

#[test]
fn folders_devices_and_pipes_are_refused_before_reading() {
    let dir = tempfile::tempdir().expect("test set-up");
    let folder = dir.path().join("log.csv");
    std::fs::create_dir(&folder).expect("test set-up");
    assert_eq!(problem_of(&folder), "import.not_a_file");
    #[cfg(unix)]
    {
        use std::os::unix::fs::symlink;
        // Reading either would never end: a device without an end, a pipe nobody writes.
        let device = dir.path().join("zero.xlsx");
        symlink("/dev/zero", &device).expect("test set-up");
        assert_eq!(problem_of(&device), "import.not_a_file");
        let fifo = dir.path().join("pipe.csv");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo");
        assert!(made.success());
        assert_eq!(problem_of(&fifo), "import.not_a_file");
        // A link to a real file is read like the file.
        let real = write(
            dir.path(),
            "real.csv",
            "受理时间,投诉内容\n2024-03-01,好\n".as_bytes(),
        );
        let link = dir.path().join("link.csv");
        symlink(&real, &link).expect("test set-up");
        assert_eq!(problem_of(&link), "opened");
    }
}

#[test]
fn the_size_limit_holds_for_every_kind_of_file() {
    let dir = tempfile::tempdir().expect("test set-up");
    for name in ["big.csv", "big.xlsx", "big.xls", "big.ods", "big.tsv"] {
        let path = dir.path().join(name);
        // Sparse: as large as it says, without writing 256 MiB.
        let file = std::fs::File::create(&path).expect("test set-up");
        file.set_len(MAX_FILE_BYTES + 1).expect("test set-up");
        assert_eq!(problem_of(&path), "import.too_large", "{name}");
    }
}

#[tokio::test]
async fn the_cli_refuses_a_pipe_or_folder_in_one_line() {
    let db = TempDb::new();
    set_up_branch(&db).await.close().await;
    let folder = db.dir.path().join("folder.csv");
    std::fs::create_dir(&folder).expect("test set-up");
    let run = db.cli(&["import", folder.to_str().expect("utf-8"), "--dry-run"]);
    assert_eq!(run.status.code(), Some(1));
    assert_eq!(
        text(&run.stderr).trim(),
        "error: that is a folder, a device or a pipe, not a spreadsheet file; name a file"
    );
}

/// A log whose times are written three ways: local, with an offset and in UTC.
const TIMES: &str = "受理时间,投诉内容,类别
2026-03-01 10:00,本地时间,派送延误
2026-03-01T10:00:00-05:00,纽约时间,派送延误
2026-03-01T02:00:00Z,协调世界时,派送延误
";

fn mapping() -> Mapping {
    serde_json::from_value(serde_json::json!({
        "received_at": "受理时间",
        "description": "投诉内容",
        "category": "类别",
    }))
    .expect("mapping")
}

#[tokio::test]
async fn times_with_an_offset_or_z_are_that_instant_and_the_check_shows_how_they_were_read() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await; // Asia/Shanghai, UTC+8
    let path = write(db.dir.path(), "times.csv", TIMES.as_bytes());
    let options = ImportOptions::default();
    let report = import::dry_run(&pool, &path, &mapping(), &options, now())
        .await
        .expect("dry run");
    assert_eq!(report.problems, []);
    assert_eq!(report.timezone, "Asia/Shanghai");
    let read: Vec<(u32, &str, &str)> = report
        .times
        .iter()
        .map(|t| (t.row, t.written.as_str(), t.local.as_str()))
        .collect();
    assert_eq!(
        read,
        [
            (2, "2026-03-01 10:00", "2026-03-01 10:00"),
            (3, "2026-03-01T10:00:00-05:00", "2026-03-01 23:00"),
            (4, "2026-03-01T02:00:00Z", "2026-03-01 10:00"),
        ]
    );

    let outcome = import::import_file(&pool, &path, &mapping(), &options, None, now())
        .await
        .expect("import");
    assert_eq!(outcome.imported, 3);
    let stored: Vec<(String, String)> =
        sqlx::query_as("SELECT description, received_at FROM cases ORDER BY id")
            .fetch_all(&pool)
            .await
            .expect("cases");
    let at = |what: &str| {
        stored
            .iter()
            .find(|(d, _)| d == what)
            .map(|(_, at)| {
                chrono::DateTime::parse_from_rfc3339(at)
                    .expect("rfc3339")
                    .to_utc()
                    .to_rfc3339()
            })
            .expect(what)
    };
    assert_eq!(at("本地时间"), "2026-03-01T02:00:00+00:00");
    assert_eq!(at("纽约时间"), "2026-03-01T15:00:00+00:00");
    assert_eq!(at("协调世界时"), "2026-03-01T02:00:00+00:00");
    assert_eq!(count(&pool, "SELECT COUNT(*) FROM cases").await, 3);
}

#[tokio::test]
async fn the_cli_dry_run_prints_how_times_were_read() {
    let db = TempDb::new();
    set_up_branch(&db).await.close().await;
    let path = write(db.dir.path(), "times.csv", TIMES.as_bytes());
    let map = write(
        db.dir.path(),
        "map.json",
        serde_json::to_string(&mapping()).expect("json").as_bytes(),
    );
    let run = db.cli(&[
        "import",
        path.to_str().expect("utf-8"),
        "--mapping",
        map.to_str().expect("utf-8"),
        "--dry-run",
    ]);
    let out = text(&run.stdout);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    assert!(
        out.contains("read in the branch's time zone, Asia/Shanghai"),
        "{out}"
    );
    assert!(
        out.contains("  row 3: 2026-03-01T10:00:00-05:00 -> 2026-03-01 23:00\n"),
        "{out}"
    );
    assert!(
        out.contains("  row 4: 2026-03-01T02:00:00Z -> 2026-03-01 10:00\n"),
        "{out}"
    );
}
