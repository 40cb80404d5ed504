//! The log file a user can send: a failure shown only as the generic message leaves its cause
//! there, and a case's personal data (names, phones, descriptions) never goes in.

use std::path::Path;

use branchdesk::Error;
use branchdesk::logging::{self, Program};
use tracing_subscriber::layer::SubscriberExt;

use super::import::{CLEAN, write};
use super::support::{TempDb, set_up_branch, text};

/// Everything logged in `dir`, all files together.
fn logged(dir: &Path) -> String {
    let mut all = String::new();
    for entry in std::fs::read_dir(dir).expect("a log folder") {
        all.push_str(&std::fs::read_to_string(entry.expect("entry").path()).expect("read"));
    }
    all
}

#[tokio::test]
async fn a_failing_cli_command_logs_its_cause_and_no_personal_data() {
    let db = TempDb::new();
    branchdesk::store::close(set_up_branch(&db).await).await;
    let log = write(db.dir.path(), "log.csv", CLEAN.as_bytes());
    let imported = db.cli(&["import", log.to_str().unwrap()]);
    assert_eq!(
        imported.status.code(),
        Some(0),
        "{}",
        text(&imported.stderr)
    );

    // Another program's rule refuses new cases: the user sees only the generic message.
    let pool = db.open().await;
    sqlx::raw_sql(
        "CREATE TRIGGER refuse_cases BEFORE INSERT ON cases
         BEGIN SELECT RAISE(ABORT, 'refused by trigger 7f3a'); END;",
    )
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;
    let again = write(
        db.dir.path(),
        "again.csv",
        CLEAN.replace("X-10", "Y-10").as_bytes(),
    );
    let failed = db.cli(&["import", again.to_str().unwrap()]);
    assert_eq!(failed.status.code(), Some(1));
    let shown = text(&failed.stderr);
    assert!(!shown.contains("7f3a"), "the cause is not shown: {shown}");

    let info = text(&db.cli(&["info"]).stdout);
    let folder = format!("log folder:     {}\n", db.log_dir().display());
    assert!(info.contains(&folder), "info says where the log is: {info}");
    let log = logged(&db.log_dir());
    assert!(log.contains("refused by trigger 7f3a"), "{log}");
    assert!(log.contains("code=\"database\""), "{log}");
    for personal in [
        "王小明",
        "李女士",
        "138 0013 8000",
        "13800138000",
        "021-6234 5678",
        "快递三天没有送到",
        "里面的杯子碎了",
    ] {
        assert!(!log.contains(personal), "{personal} is in the log:\n{log}");
    }
}

#[test]
fn an_error_sent_to_the_window_as_the_generic_message_logs_its_cause() {
    let dir = tempfile::tempdir().unwrap();
    let writer = logging::appender(dir.path(), Program::App).unwrap();
    let subscriber = tracing_subscriber::registry().with(logging::file_layer(writer));
    let errors = [
        Error::Database(sqlx::Error::Protocol("cause db-41c2".into())),
        Error::Io(std::io::Error::other("cause io-41c2")),
    ];
    let sent: Vec<serde_json::Value> = tracing::subscriber::with_default(subscriber, || {
        errors
            .iter()
            .map(|e| serde_json::to_value(e).unwrap())
            .collect()
    });
    assert_eq!(sent[0]["code"], "database");
    assert_eq!(sent[1]["code"], "io");
    assert!(sent.iter().all(|s| !s.to_string().contains("41c2")));
    let log = logged(dir.path());
    assert!(log.contains("cause db-41c2"), "{log}");
    assert!(log.contains("cause io-41c2"), "{log}");
}
