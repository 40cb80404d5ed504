//! Opening a file (an exported workbook, an attachment) with the system's program for it, and
//! saying what went wrong in words the user can act on. The opener reports every failure as
//! an I/O error ("Launcher xdg-open failed with exit status 3", no launcher found, Windows'
//! "no association"); shown as such it read "check the free disk space and permissions",
//! which sent people to the wrong place. The file was written moments ago, so when it still
//! exists the only sensible reading is that no program opened it: `NoProgram`, and the window
//! offers Show in folder. A file that is gone is `FileGone`.

use std::path::Path;

use crate::error::{Error, Result};

/// Opens `path` with the system's default program for its type.
pub fn open_with_system(path: &Path) -> Result<()> {
    tauri_plugin_opener::open_path(path, None::<&str>)
        .map_err(|err| opener_error(path.exists(), &err))
}

/// What a failed open means to the user, given whether the file is still there.
fn opener_error(file_exists: bool, err: &tauri_plugin_opener::Error) -> Error {
    tracing::warn!(error = %err, file_exists, "the system could not open a file");
    if file_exists {
        Error::NoProgram
    } else {
        Error::FileGone
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io;

    fn launcher_failed() -> tauri_plugin_opener::Error {
        io::Error::other("Launcher \"xdg-open\" \"/tmp/x.xlsx\" failed with ExitStatus(3)").into()
    }

    #[test]
    fn a_launcher_that_finds_no_program_is_said_as_such_not_as_disk_trouble() {
        let error = opener_error(true, &launcher_failed());
        assert_eq!(error.code(), "open.no_program");
        assert_ne!(Error::Io(io::Error::other("x")).code(), error.code());
        // No launcher installed at all (a bare Linux desktop) reads the same.
        let none = io::Error::new(io::ErrorKind::NotFound, "No such file or directory").into();
        assert_eq!(opener_error(true, &none).code(), "open.no_program");
    }

    #[test]
    fn a_file_moved_or_deleted_since_it_was_written_is_said_to_be_gone() {
        let missing = io::Error::new(io::ErrorKind::NotFound, "No such file or directory").into();
        assert_eq!(opener_error(false, &missing).code(), "open.file_gone");
    }

    #[test]
    fn opening_a_file_that_is_not_there_fails_as_gone() {
        let dir = tempfile::tempdir().unwrap();
        let error = open_with_system(&dir.path().join("gone.xlsx")).unwrap_err();
        assert_eq!(error.code(), "open.file_gone");
    }
}
