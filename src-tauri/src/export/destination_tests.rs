use super::*;

/// A folder with a database path (and its backups folder) inside it.
struct Place {
    dir: tempfile::TempDir,
    db: PathBuf,
}

impl Place {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("branchdesk.db");
        std::fs::write(&db, b"SQLite format 3\0rest of the database").unwrap();
        Place { dir, db }
    }

    fn join(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn check(
        &self,
        path: &Path,
        existing: Existing,
    ) -> std::result::Result<Destination, &'static str> {
        Destination::check(path, &self.db, existing).map_err(|e| e.code())
    }
}

fn refused(result: std::result::Result<Destination, &'static str>) -> &'static str {
    result.expect_err("must be refused")
}

#[test]
fn only_xlsx_names_are_accepted() {
    let place = Place::new();
    for name in ["report.csv", "report", "report.xlsx.txt", "branchdesk.db"] {
        let path = place.join(name);
        assert_eq!(
            refused(place.check(&path, Existing::Replace)),
            "output.not_xlsx",
            "{name}"
        );
    }
    let upper = place.join("REPORT.XLSX");
    assert!(place.check(&upper, Existing::Keep).is_ok());
}

#[test]
fn the_database_and_its_companions_are_refused_even_when_named_like_workbooks() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data.xlsx");
    std::fs::write(&db, b"not yet a database").unwrap();
    let check = |path: &Path| {
        Destination::check(path, &db, Existing::Replace)
            .map_err(|e| e.code())
            .expect_err("refused")
    };
    assert_eq!(check(&db), "output.database");
    // Through another spelling of the same folder.
    let roundabout = dir.path().join(".").join("data.xlsx");
    assert_eq!(check(&roundabout), "output.database");
    for suffix in ["-wal", "-shm"] {
        let companion = dir.path().join(format!("data.xlsx{suffix}"));
        std::fs::write(&companion, b"x").unwrap();
        // A name ending in -wal is not .xlsx either; both refusals keep it safe.
        assert!(Destination::check(&companion, &db, Existing::Replace).is_err());
    }
}

#[test]
fn backups_and_other_sqlite_files_are_refused() {
    let place = Place::new();
    let backups = place.join("backups");
    std::fs::create_dir(&backups).unwrap();
    let in_backups = backups.join("new.xlsx");
    assert_eq!(
        refused(place.check(&in_backups, Existing::Replace)),
        "output.backup"
    );
    assert!(!in_backups.exists());
    let disguised = place.join("old-backup.xlsx");
    std::fs::copy(&place.db, &disguised).unwrap();
    assert_eq!(
        refused(place.check(&disguised, Existing::Replace)),
        "output.backup"
    );
}

#[test]
fn existing_files_are_replaced_only_when_allowed() {
    let place = Place::new();
    let path = place.join("report.xlsx");
    std::fs::write(&path, b"last month's workbook").unwrap();
    assert_eq!(refused(place.check(&path, Existing::Keep)), "output.exists");
    let out = place.check(&path, Existing::Replace).unwrap();
    out.write(b"new").unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"new");
}

#[test]
fn folders_are_not_files() {
    let place = Place::new();
    let folder = place.join("folder.xlsx");
    std::fs::create_dir(&folder).unwrap();
    assert_eq!(
        refused(place.check(&folder, Existing::Replace)),
        "output.not_a_file"
    );
}

#[test]
fn writes_replace_the_whole_file_and_leave_no_temporary_behind() {
    let place = Place::new();
    let path = place.join("report.xlsx");
    std::fs::write(&path, b"old contents that are longer").unwrap();
    place
        .check(&path, Existing::Replace)
        .unwrap()
        .write(b"new")
        .unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"new");
    let names: Vec<_> = std::fs::read_dir(place.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(
            mode & 0o644,
            0o644,
            "readable like any saved file: {mode:o}"
        );
    }
    let missing = place.join("no-such-folder").join("x.xlsx");
    let out = place.check(&missing, Existing::Keep).unwrap();
    assert!(out.write(b"x").is_err());
    assert!(!missing.exists());
}

#[cfg(unix)]
mod unix {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn a_link_to_a_device_a_pipe_or_nowhere_is_refused() {
        let place = Place::new();
        let device = place.join("null.xlsx");
        symlink("/dev/null", &device).unwrap();
        assert_eq!(
            refused(place.check(&device, Existing::Replace)),
            "output.not_a_file"
        );
        let fifo = place.join("pipe.xlsx");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        assert_eq!(
            refused(place.check(&fifo, Existing::Replace)),
            "output.not_a_file"
        );
        let dangling = place.join("gone.xlsx");
        symlink(place.join("missing.xlsx"), &dangling).unwrap();
        assert_eq!(
            refused(place.check(&dangling, Existing::Replace)),
            "output.not_a_file"
        );
    }

    #[test]
    fn a_link_never_leads_the_write_into_the_database_or_a_backup() {
        let place = Place::new();
        let to_db = place.join("innocent.xlsx");
        symlink(&place.db, &to_db).unwrap();
        assert_eq!(
            refused(place.check(&to_db, Existing::Replace)),
            "output.database"
        );
        for suffix in ["-wal", "-shm"] {
            let companion = place.join(&format!("branchdesk.db{suffix}"));
            std::fs::write(&companion, b"").unwrap();
            let link = place.join(&format!("companion{suffix}.xlsx"));
            symlink(&companion, &link).unwrap();
            assert_eq!(
                refused(place.check(&link, Existing::Replace)),
                "output.database",
                "{suffix}"
            );
        }
        std::fs::create_dir(place.join("backups")).unwrap();
        let backup = place.join("backups").join("branchdesk-manual.db");
        std::fs::write(&backup, b"SQLite format 3\0").unwrap();
        let to_backup = place.join("monthly.xlsx");
        symlink(&backup, &to_backup).unwrap();
        assert_eq!(
            refused(place.check(&to_backup, Existing::Replace)),
            "output.backup"
        );
        let text = place.join("notes.txt");
        std::fs::write(&text, b"keep me").unwrap();
        let to_text = place.join("notes.xlsx");
        symlink(&text, &to_text).unwrap();
        assert_eq!(
            refused(place.check(&to_text, Existing::Replace)),
            "output.not_xlsx"
        );
        assert_eq!(std::fs::read(&text).unwrap(), b"keep me");
    }

    #[test]
    fn a_chosen_link_to_a_workbook_keeps_the_link_and_replaces_its_target() {
        let place = Place::new();
        let shared = place.join("shared");
        std::fs::create_dir(&shared).unwrap();
        let target = shared.join("group.xlsx");
        std::fs::write(&target, b"old").unwrap();
        let link = place.join("latest.xlsx");
        symlink(&target, &link).unwrap();
        assert_eq!(refused(place.check(&link, Existing::Keep)), "output.exists");
        let out = place.check(&link, Existing::Replace).unwrap();
        assert_eq!(out.chosen(), link);
        out.write(b"new").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
    }
}
