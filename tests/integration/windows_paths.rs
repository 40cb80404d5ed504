//! What a branch's Windows computer brings that a Linux one hides: folder and file names with
//! Chinese characters and spaces (through the CLI's command line as well as the library), logs
//! saved by Windows programs (GBK, or UTF-16 from Notepad, with CRLF line ends), and the data
//! folder under `%APPDATA%`. They run on Linux and, for the Windows target, under Wine
//! (tests/windows/run-tests.sh).

use std::path::Path;

use super::import::{CLEAN, now, write};
use super::support::{INIT_POSTAL, TempDb, arg, set_up_branch, text};
use branchdesk::import::{self, ImportOptions};

/// A database two folders deep, each folder named with Chinese characters and a space.
fn in_chinese_folders() -> TempDb {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir
        .path()
        .join("网点 数据")
        .join("上海 一店")
        .join("branchdesk.db");
    TempDb { dir, path }
}

/// Runs the CLI and insists it succeeded.
fn run_ok(db: &TempDb, args: &[&str]) -> String {
    let out = db.cli(args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout)
}

async fn case_count(db: &TempDb) -> i64 {
    let pool = db.open().await;
    let count = sqlx::query_scalar("SELECT COUNT(*) FROM cases")
        .fetch_one(&pool)
        .await
        .expect("count");
    branchdesk::store::close(pool).await;
    count
}

/// Names of the files in `folder` (none when it does not exist).
fn names_in(folder: &Path) -> Vec<String> {
    std::fs::read_dir(folder).map_or_else(
        |_| Vec::new(),
        |entries| {
            entries
                .map(|e| {
                    e.expect("read folder")
                        .file_name()
                        .to_string_lossy()
                        .into_owned()
                })
                .collect()
        },
    )
}

#[tokio::test]
async fn a_database_in_chinese_folders_with_spaces_imports_exports_backs_up_and_restores() {
    let db = in_chinese_folders();
    run_ok(&db, &INIT_POSTAL);
    let files = db.dir.path().join("月报 与 备份");
    std::fs::create_dir_all(&files).expect("test set-up");

    let log = write(&files, "投诉 登记 2024.csv", CLEAN.as_bytes());
    run_ok(&db, &["import", arg(&log)]);
    assert_eq!(case_count(&db).await, 3);

    let book = files.join("PD01 2024年3月 投诉.xlsx");
    run_ok(&db, &["export", "--month", "2024-03", "--out", arg(&book)]);
    let written = std::fs::read(&book).expect("the workbook is there");
    assert!(written.starts_with(b"PK"), "an XLSX file is a zip archive");

    let backup = files.join("备份 副本.db");
    run_ok(&db, &["backup", "--out", arg(&backup)]);
    run_ok(&db, &["import", arg(&log)]);
    assert_eq!(case_count(&db).await, 6);

    let said = run_ok(&db, &["restore", arg(&backup)]);
    assert!(said.contains("上海 一店"), "{said}");
    assert_eq!(case_count(&db).await, 3);
    let folder = db.path.parent().expect("a folder");
    let left: Vec<String> = names_in(folder)
        .into_iter()
        .filter(|name| name.ends_with(".restoring"))
        .collect();
    assert!(left.is_empty(), "the restore left {left:?} behind");
    let kept = names_in(&folder.join("backups"));
    assert!(
        kept.iter()
            .any(|name| name.ends_with("_pre-restore.sqlite")),
        "{kept:?}"
    );
}

/// `text` as UTF-16 with its byte-order mark, as Notepad saves "Unicode" files.
fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        let pair = if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        };
        bytes.extend_from_slice(&pair);
    }
    bytes
}

#[tokio::test]
async fn gbk_and_utf16_logs_with_crlf_line_ends_import_as_the_utf8_one_does() {
    let db = TempDb::new();
    let pool = set_up_branch(&db).await;
    // Every line end CRLF, the one inside the quoted description too (as Notepad writes it).
    let crlf = CLEAN.replace('\n', "\r\n");
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&crlf);
    assert!(!unmappable);
    let files = [
        ("utf8.csv", CLEAN.as_bytes().to_vec()),
        ("gbk crlf.csv", gbk.into_owned()),
        ("utf16le crlf.csv", utf16(&crlf, false)),
        ("utf16be crlf.csv", utf16(&crlf, true)),
    ];
    let mut descriptions = Vec::new();
    for (name, bytes) in files {
        let path = write(db.dir.path(), name, &bytes);
        let opened = import::open(&pool, &path, None).await.unwrap();
        assert_eq!(opened.preview.headers[1], "受理时间", "{name}");
        assert_eq!(opened.preview.headers[9], "处理结果", "{name}: no \\r kept");
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
        descriptions.push((name, texts));
    }
    let (_, expected) = &descriptions[0];
    assert_eq!(expected[0], "包裹外箱破损，\n里面的杯子碎了");
    for (name, texts) in &descriptions[1..] {
        assert_eq!(texts, expected, "{name}");
    }
}

/// On Windows the data folder is the user's roaming app data, `%APPDATA%\com.branchdesk.app`,
/// which follows the user between a domain's computers (the installer's uninstaller keeps it).
#[cfg(windows)]
#[test]
fn the_data_folder_is_under_appdata() {
    use branchdesk::store::location::{APP_IDENTIFIER, DB_FILE_NAME, default_db_path};
    let appdata = std::path::PathBuf::from(std::env::var_os("APPDATA").expect("APPDATA is set"));
    assert_eq!(
        default_db_path(),
        appdata.join(APP_IDENTIFIER).join(DB_FILE_NAME)
    );
    if std::env::var_os(branchdesk::logging::LOG_DIR_ENV).is_none() {
        assert_eq!(
            branchdesk::logging::log_dir(),
            appdata.join(APP_IDENTIFIER).join("logs")
        );
    }
}
