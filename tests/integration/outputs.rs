//! Where the CLI's workbooks may go: never over the database, a backup, a folder or a device,
//! and over an existing file only with `--force`.

use super::support::{INIT_POSTAL, TempDb, arg, text};

/// A set-up branch whose database exists.
fn branch() -> TempDb {
    let db = TempDb::new();
    let init = db.cli(&INIT_POSTAL);
    assert!(init.status.success(), "{}", text(&init.stderr));
    db
}

/// Runs a command that must be refused: exit 1, one line naming `--out`, `hint` in it.
fn refused(db: &TempDb, args: &[&str], hint: &str) {
    let run = db.cli(args);
    let err = text(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{args:?}: {err}");
    assert!(err.starts_with("error: --out"), "{args:?}: {err}");
    assert!(err.contains(hint), "{args:?}: {err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn an_existing_file_is_replaced_only_with_force() {
    let db = branch();
    let out = db.dir.path().join("PD01_2026-10_complaints.xlsx");
    std::fs::write(&out, b"someone's own workbook").expect("test set-up");
    let export = ["export", "--month", "2026-10", "--out", arg(&out)];
    refused(&db, &export, "--force");
    assert_eq!(
        std::fs::read(&out).expect("test set-up"),
        b"someone's own workbook"
    );
    let training = ["training-export", "--out", arg(&out)];
    refused(&db, &training, "--force");
    let rollup = ["rollup", arg(&out), "--out", arg(&out)];
    refused(&db, &rollup, "--force");
    assert_eq!(
        std::fs::read(&out).expect("test set-up"),
        b"someone's own workbook"
    );

    let forced = db.cli(&[&export[..], &["--force"]].concat());
    assert!(forced.status.success(), "{}", text(&forced.stderr));
    let bytes = std::fs::read(&out).expect("test set-up");
    assert!(bytes.starts_with(b"PK"), "a real workbook now");
    let group = db.dir.path().join("group.xlsx");
    let rolled = db.cli(&["rollup", arg(&out), "--out", arg(&group)]);
    assert!(rolled.status.success(), "{}", text(&rolled.stderr));
    let again = db.cli(&["rollup", arg(&out), "--out", arg(&group), "--force"]);
    assert!(again.status.success(), "{}", text(&again.stderr));
    let trained = db.dir.path().join("training.xlsx");
    std::fs::write(&trained, b"old").expect("test set-up");
    let forced = db.cli(&["training-export", "--out", arg(&trained), "--force"]);
    assert!(forced.status.success(), "{}", text(&forced.stderr));
    assert!(
        std::fs::read(&trained)
            .expect("test set-up")
            .starts_with(b"PK")
    );
}

#[test]
fn the_database_backups_folders_and_other_names_are_refused_even_with_force() {
    let db = branch();
    let backup = db.cli(&["backup"]);
    assert!(backup.status.success(), "{}", text(&backup.stderr));
    let before = std::fs::read(&db.path).expect("test set-up");
    let backups = db.path.parent().expect("folder").join("backups");
    let in_backups = backups.join("october.xlsx");
    let folder = db.dir.path().join("folder.xlsx");
    std::fs::create_dir(&folder).expect("test set-up");
    let copied = db.dir.path().join("copy.xlsx");
    std::fs::copy(&db.path, &copied).expect("test set-up");
    let cases = [
        (db.path.clone(), "an .xlsx file"),
        (in_backups.clone(), "backups folder"),
        (copied.clone(), "a backup, a database"),
        (folder.clone(), "a folder"),
        (db.dir.path().join("report.csv"), "an .xlsx file"),
    ];
    for (out, hint) in &cases {
        for command in [
            &["export", "--month", "2026-10", "--force", "--out"][..],
            &["training-export", "--force", "--out"][..],
        ] {
            refused(&db, &[command, &[arg(out)]].concat(), hint);
        }
    }
    assert!(!in_backups.exists());
    assert!(folder.is_dir());
    assert_eq!(
        std::fs::read(&copied).expect("test set-up"),
        std::fs::read(&db.path).expect("test set-up")
    );
    // The database itself did not change (nothing was written into it, nothing replaced it).
    assert_eq!(std::fs::read(&db.path).expect("test set-up"), before);
}

#[cfg(unix)]
#[test]
fn a_link_is_followed_only_to_a_workbook() {
    use std::os::unix::fs::symlink;
    let db = branch();
    let to_db = db.dir.path().join("innocent.xlsx");
    symlink(&db.path, &to_db).expect("test set-up");
    let device = db.dir.path().join("null.xlsx");
    symlink("/dev/null", &device).expect("test set-up");
    for (out, hint) in [(&to_db, "the database"), (&device, "a device")] {
        refused(
            &db,
            &["export", "--month", "2026-10", "--force", "--out", arg(out)],
            hint,
        );
    }
    assert!(std::fs::read(&db.path).expect("db").starts_with(b"SQLite"));

    let shared = db.dir.path().join("shared.xlsx");
    std::fs::write(&shared, b"old").expect("test set-up");
    let link = db.dir.path().join("latest.xlsx");
    symlink(&shared, &link).expect("test set-up");
    let export = [
        "export",
        "--month",
        "2026-10",
        "--force",
        "--out",
        arg(&link),
    ];
    let run = db.cli(&export);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert!(std::fs::read(&shared).expect("target").starts_with(b"PK"));
}
