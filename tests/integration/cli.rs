//! The headless `branchdesk-cli` binary, run as a user would.

use super::support::{TempDb, text};

#[test]
fn init_then_info_reports_the_branch_and_versions() {
    let db = TempDb::new();
    let init = db.cli(&[
        "init",
        "--name",
        "虹桥酒店",
        "--code",
        "hq1",
        "--industry",
        "hotel",
        "--tz",
        "Asia/Shanghai",
        "--lang",
        "en",
    ]);
    assert!(init.status.success(), "{}", text(&init.stderr));
    let info = db.cli(&["info"]);
    assert!(info.status.success());
    let out = text(&info.stdout);
    assert!(
        out.contains("虹桥酒店 (HQ1), hotel, Asia/Shanghai"),
        "{out}"
    );
    let newest = branchdesk::store::MIGRATOR
        .iter()
        .map(|m| m.version)
        .max()
        .unwrap();
    assert!(out.contains(&format!("schema version: {newest}")), "{out}");
    assert!(out.contains("sqlite version: 3."), "{out}");
    assert!(out.contains("rows categories 12"), "{out}");
}

#[test]
fn bad_input_exits_non_zero_with_one_line_and_creates_no_file() {
    let db = TempDb::new();
    let cases: [(&[&str], &str); 5] = [
        (
            &[
                "init",
                "--name",
                "x",
                "--code",
                "A-1",
                "--industry",
                "hotel",
            ],
            "--code",
        ),
        (
            &["init", "--name", "x", "--code", "AB", "--industry", "bank"],
            "--industry",
        ),
        (
            &[
                "init",
                "--name",
                "x",
                "--code",
                "AB",
                "--industry",
                "hotel",
                "--tz",
                "Moon/Base",
            ],
            "--tz",
        ),
        (
            &["init", "--name", "", "--code", "AB", "--industry", "hotel"],
            "--name",
        ),
        (&["init", "--code", "AB", "--industry", "hotel"], "--name"),
    ];
    for (args, flag) in cases {
        let out = db.cli(args);
        assert!(!out.status.success(), "{args:?} should fail");
        let stderr = text(&out.stderr);
        assert_eq!(
            stderr.trim_end().lines().count(),
            1,
            "one line for {args:?}: {stderr}"
        );
        assert!(stderr.contains(flag), "{args:?}: {stderr}");
    }
    assert!(
        !db.path.exists(),
        "refused input must not create a database"
    );
}

#[test]
fn every_subcommand_has_help() {
    let db = TempDb::new();
    for sub in [&["--help"][..], &["init", "--help"], &["info", "--help"]] {
        let out = db.cli(sub);
        assert!(out.status.success());
        assert!(text(&out.stdout).contains("Usage:"));
    }
}

#[test]
fn a_second_init_is_refused() {
    let db = TempDb::new();
    let args = ["init", "--name", "A", "--code", "AA", "--industry", "other"];
    assert!(db.cli(&args).status.success());
    let again = db.cli(&args);
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again.stderr).contains("already has a branch"));
}
