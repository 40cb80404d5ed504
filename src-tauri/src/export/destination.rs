//! Where a workbook may be written. Every output path (the monthly export, the training export
//! and the roll-up, from the CLI and from the app) goes through [`Destination::check`] before
//! anything is built, and is written with [`Destination::write`], all or nothing.
//!
//! A path from the window is never trusted: the webview sends a string, and the same check
//! applies to it as to a path typed on the command line.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::store::backup::backups_dir;
use crate::store::inspect::has_sqlite_header;
use crate::store::side_file;

/// Why a path was refused as a place to write a workbook. Each maps to one stable code
/// (`output.<kind>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputProblem {
    /// The file name does not end in `.xlsx`.
    NotXlsx,
    /// The path is the live database or one of its companion files (`-wal`, `-shm`,
    /// `-journal`).
    Database,
    /// The path is in the backups folder, or is an existing SQLite file (a backup or any other
    /// database).
    Backup,
    /// The path is a folder, a device, a pipe, a socket or a link that leads nowhere.
    NotAFile,
    /// A file is already there and replacing it was not asked for.
    Exists,
}

impl OutputProblem {
    /// The stable code the UI translates.
    pub fn code(self) -> &'static str {
        match self {
            OutputProblem::NotXlsx => "output.not_xlsx",
            OutputProblem::Database => "output.database",
            OutputProblem::Backup => "output.backup",
            OutputProblem::NotAFile => "output.not_a_file",
            OutputProblem::Exists => "output.exists",
        }
    }

    /// What is wrong, in plain English.
    pub fn reason(self) -> &'static str {
        match self {
            OutputProblem::NotXlsx => "a workbook's name must end in .xlsx",
            OutputProblem::Database => "that is the database itself; choose another file",
            OutputProblem::Backup => "that is a backup or a database; choose another file",
            OutputProblem::NotAFile => "that is a folder, a device or a pipe, not a file",
            OutputProblem::Exists => "a file is already there",
        }
    }
}

/// What an existing file at the chosen path may become.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// An existing file is refused ([`OutputProblem::Exists`]): the CLI without `--force`.
    Keep,
    /// An existing workbook may be replaced: the user confirmed it (the native save dialog
    /// asks before it returns an existing file's path; the CLI's `--force`).
    Replace,
}

/// A checked place to write a workbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Destination {
    /// The path the user chose.
    chosen: PathBuf,
    /// The file that will be created or replaced: the chosen path with any symbolic links
    /// resolved, so a link the user chose is kept and its target replaced.
    target: PathBuf,
}

fn refuse(problem: OutputProblem) -> Error {
    Error::Output(problem)
}

fn is_sqlite_file(path: &Path) -> bool {
    std::fs::File::open(path).is_ok_and(|mut file| has_sqlite_header(&mut file))
}

fn has_xlsx_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
}

/// `path` made absolute with its folder's links resolved, whether or not the file itself
/// exists; `None` when the folder does not exist.
fn resolved(path: &Path) -> Option<PathBuf> {
    if let Ok(full) = std::fs::canonicalize(path) {
        return Some(full);
    }
    let name = path.file_name()?;
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    Some(std::fs::canonicalize(folder).ok()?.join(name))
}

impl Destination {
    /// Checks that a workbook may be written at `path`, for the database at `db_path`:
    /// an `.xlsx` name, not the database or its companions, not in the backups folder nor an
    /// existing SQLite file, not a folder, device or pipe, and not an existing file unless
    /// `existing` allows it. A symbolic link is followed and its target checked the same way,
    /// so a link never leads the write into something refused here.
    pub fn check(path: &Path, db_path: &Path, existing: Existing) -> Result<Destination> {
        if !has_xlsx_extension(path) {
            return Err(refuse(OutputProblem::NotXlsx));
        }
        let link = std::fs::symlink_metadata(path).ok();
        let is_link = link.as_ref().is_some_and(|m| m.file_type().is_symlink());
        let target = if is_link {
            // A link that leads nowhere (or round in a circle) is not a file to replace.
            std::fs::canonicalize(path).map_err(|_| refuse(OutputProblem::NotAFile))?
        } else {
            // A missing folder is an ordinary I/O error when the write is tried.
            resolved(path).unwrap_or_else(|| path.to_path_buf())
        };
        if let Some(db) = resolved(db_path) {
            let companions = ["", "-wal", "-shm", "-journal"].map(|suffix| side_file(&db, suffix));
            if companions.contains(&target) {
                return Err(refuse(OutputProblem::Database));
            }
            let backups = resolved(&backups_dir(db_path));
            if backups.is_some() && target.parent() == backups.as_deref() {
                return Err(refuse(OutputProblem::Backup));
            }
        }
        let exists = match std::fs::metadata(&target) {
            Ok(meta) if !meta.is_file() => return Err(refuse(OutputProblem::NotAFile)),
            Ok(_) if is_sqlite_file(&target) => return Err(refuse(OutputProblem::Backup)),
            Ok(_) => true,
            Err(_) => false,
        };
        if !has_xlsx_extension(&target) {
            return Err(refuse(OutputProblem::NotXlsx));
        }
        if exists && existing == Existing::Keep {
            return Err(refuse(OutputProblem::Exists));
        }
        Ok(Destination {
            chosen: path.to_path_buf(),
            target,
        })
    }

    /// The path as the user chose it (what the app offers to open or show).
    pub fn chosen(&self) -> &Path {
        &self.chosen
    }

    /// The file that will be written (links resolved).
    pub fn path(&self) -> &Path {
        &self.target
    }

    /// Writes `bytes` all or nothing: into a temporary file beside the target, flushed to
    /// disk, then renamed over it. A failed or interrupted export never leaves half a workbook
    /// under the chosen name.
    pub fn write(&self, bytes: &[u8]) -> Result<()> {
        let folder = match self.target.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".branchdesk-").suffix(".xlsx.part");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // Like any file the user saves (0666 less the umask), not a temporary file's 0600.
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        let mut temp = builder.tempfile_in(folder)?;
        temp.write_all(bytes)?;
        temp.as_file().sync_all()?;
        temp.persist(&self.target).map_err(|e| e.error)?;
        Ok(())
    }
}

#[cfg(test)]
#[path = "destination_tests.rs"]
mod tests;
