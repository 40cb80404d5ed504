//! Shared set-up: a fresh database file in its own temporary folder.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use branchdesk::settings::{BranchInput, Language};
use branchdesk::status::{self, SetupInput};
use sqlx::SqlitePool;

/// A database file that lives as long as the value.
pub struct TempDb {
    /// Keeps the folder alive.
    pub dir: tempfile::TempDir,
    /// The database file inside it.
    pub path: PathBuf,
}

impl TempDb {
    /// A path to a database that does not exist yet.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("nested").join("branchdesk.db");
        TempDb { dir, path }
    }

    /// Opens (and migrates) the database.
    pub async fn open(&self) -> SqlitePool {
        branchdesk::store::open(&self.path)
            .await
            .expect("open database")
    }

    /// Where the CLI run by [`TempDb::cli`] writes its log: in this test's own folder.
    pub fn log_dir(&self) -> PathBuf {
        self.dir.path().join("logs")
    }

    /// Runs `branchdesk-cli --db <this database> args…` as a user would, whatever
    /// `BRANCHDESK_DB` the test run has.
    pub fn cli(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_branchdesk-cli"))
            .arg("--db")
            .arg(&self.path)
            .args(args)
            .env_remove("BRANCHDESK_DB")
            .env(branchdesk::logging::LOG_DIR_ENV, self.log_dir())
            .output()
            .expect("run branchdesk-cli")
    }
}

impl TempDb {
    /// Like [`TempDb::cli`], with `input` on stdin (a password for `--password-stdin`).
    pub fn cli_with_stdin(&self, args: &[&str], input: &str) -> Output {
        use std::io::Write;
        let mut child = Command::new(env!("CARGO_BIN_EXE_branchdesk-cli"))
            .arg("--db")
            .arg(&self.path)
            .args(args)
            .env_remove("BRANCHDESK_DB")
            .env(branchdesk::logging::LOG_DIR_ENV, self.log_dir())
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("run branchdesk-cli");
        let mut stdin = child.stdin.take().expect("stdin");
        // A command that refuses before reading closes its end: that is not this test's fault.
        let _ = stdin.write_all(input.as_bytes());
        drop(stdin);
        child.wait_with_output().expect("wait for branchdesk-cli")
    }
}

/// `branchdesk-cli init` for a postal branch PD01 in Shanghai, in English.
pub const INIT_POSTAL: [&str; 11] = [
    "init",
    "--name",
    "店",
    "--code",
    "pd01",
    "--industry",
    "postal",
    "--tz",
    "Asia/Shanghai",
    "--lang",
    "en",
];

/// A path as a command-line argument.
pub fn arg(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

/// A command's output as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The answers of a typical first run.
pub fn setup_input(industry: &str) -> SetupInput {
    SetupInput {
        branch: BranchInput {
            name: "浦东快递服务点".into(),
            code: "pd01".into(),
            industry: industry.into(),
            timezone: "Asia/Shanghai".into(),
        },
        language: Language::ZhCn.as_str().into(),
    }
}

/// A fresh database with a postal branch set up.
pub async fn set_up_branch(db: &TempDb) -> SqlitePool {
    let pool = db.open().await;
    status::setup(&pool, &setup_input("postal"))
        .await
        .expect("setup");
    pool
}

/// A database as an earlier release left it: created with only the migrations whose file
/// names sort before `first_missing` (e.g. `"0005"`), opened without the app's own set-up.
pub async fn migrated_before(db: &TempDb, first_missing: &str) -> SqlitePool {
    std::fs::create_dir_all(db.path.parent().expect("folder")).expect("folder");
    let old = tempfile::tempdir().expect("temp dir");
    let source = concat!(env!("CARGO_MANIFEST_DIR"), "/migrations");
    for entry in std::fs::read_dir(source).expect("migrations") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        if name.as_str() < first_missing {
            std::fs::copy(&path, old.path().join(name)).expect("copy");
        }
    }
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(&db.path)
        .create_if_missing(true);
    let raw = SqlitePool::connect_with(options).await.expect("connect");
    sqlx::migrate::Migrator::new(old.path())
        .await
        .expect("old migrations")
        .run(&raw)
        .await
        .expect("the old migrations");
    raw
}

/// Adds a person to the staff directory with only a name; returns their id.
pub async fn add_person(pool: &SqlitePool, name: &str) -> i64 {
    let input = branchdesk::staff::StaffInput {
        name: name.into(),
        ..Default::default()
    };
    branchdesk::staff::repo::add_staff(pool, &input.parse().expect("a valid person"))
        .await
        .expect("add a person")
        .id
}

/// A verdict for leaving verification (investigating -> resolving): justified, a service delay,
/// the branch's own fault.
pub fn judged() -> branchdesk::cases::judgement::JudgementInput {
    branchdesk::cases::judgement::JudgementInput {
        justified: Some(true),
        cause: "service_delay".into(),
        fault: "branch".into(),
    }
}

/// The verdict a move to `status` needs: one for `resolving`, none otherwise.
pub fn judged_for(status: &str) -> Option<branchdesk::cases::judgement::JudgementInput> {
    (status == "resolving").then(judged)
}
