//! Why a database could not be opened, in terms a user can act on. Opening can fail because the
//! file is damaged, was written by a newer app, cannot be read, sits on a read-only or full disk,
//! or is locked by another program; each has its own code so the start-up screen can explain it
//! and offer the right next step.

use crate::error::Error;

/// A reason the database could not be opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartupProblem {
    /// The file is not a SQLite database or is damaged.
    Corrupt,
    /// A newer version of the app has upgraded it.
    Newer,
    /// It cannot be opened or read (permissions, a folder in its place, a missing drive).
    Unreadable,
    /// The file or its folder is read-only.
    ReadOnly,
    /// The disk is full.
    DiskFull,
    /// Another program holds it locked.
    Locked,
    /// It is another program's SQLite database; BranchDesk leaves it as it is.
    Foreign,
}

impl StartupProblem {
    /// The stable code the UI translates.
    pub fn code(self) -> &'static str {
        match self {
            StartupProblem::Corrupt => "startup.corrupt",
            StartupProblem::Newer => "startup.newer",
            StartupProblem::Unreadable => "startup.unreadable",
            StartupProblem::ReadOnly => "startup.read_only",
            StartupProblem::DiskFull => "startup.disk_full",
            StartupProblem::Locked => "startup.locked",
            StartupProblem::Foreign => "startup.not_branchdesk",
        }
    }

    /// The problem behind a SQLite result code (extended codes carry the primary code in their
    /// low byte), if it is one a user can act on.
    pub fn from_sqlite_code(code: i64) -> Option<Self> {
        match code & 0xff {
            5 | 6 => Some(StartupProblem::Locked),
            8 => Some(StartupProblem::ReadOnly),
            11 | 26 => Some(StartupProblem::Corrupt),
            13 => Some(StartupProblem::DiskFull),
            3 | 10 | 14 | 23 => Some(StartupProblem::Unreadable),
            _ => None,
        }
    }

    fn from_io(error: &std::io::Error) -> Option<Self> {
        use std::io::ErrorKind;
        match error.kind() {
            ErrorKind::PermissionDenied => Some(StartupProblem::Unreadable),
            ErrorKind::ReadOnlyFilesystem => Some(StartupProblem::ReadOnly),
            ErrorKind::StorageFull => Some(StartupProblem::DiskFull),
            _ => None,
        }
    }

    fn from_sqlx(error: &sqlx::Error) -> Option<Self> {
        match error {
            sqlx::Error::Database(db) => db
                .code()
                .and_then(|code| code.parse::<i64>().ok())
                .and_then(Self::from_sqlite_code),
            sqlx::Error::Io(io) => Self::from_io(io),
            _ => None,
        }
    }

    /// The problem behind an error from opening the store, if it is one of these.
    pub fn of(error: &Error) -> Option<Self> {
        match error {
            Error::Database(db) => Self::from_sqlx(db),
            Error::Io(io) => Self::from_io(io),
            Error::Migrate(migrate) => match migrate {
                sqlx::migrate::MigrateError::VersionMissing(_)
                | sqlx::migrate::MigrateError::VersionTooNew(..) => Some(StartupProblem::Newer),
                sqlx::migrate::MigrateError::Execute(db)
                | sqlx::migrate::MigrateError::ExecuteMigration(db, _) => Self::from_sqlx(db),
                _ => None,
            },
            Error::Startup(problem) => Some(*problem),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_codes_map_to_what_the_user_can_do() {
        let cases = [
            (5, Some(StartupProblem::Locked)),
            (517, Some(StartupProblem::Locked)), // SQLITE_BUSY_SNAPSHOT
            (8, Some(StartupProblem::ReadOnly)),
            (1032, Some(StartupProblem::ReadOnly)), // SQLITE_READONLY_DBMOVED
            (11, Some(StartupProblem::Corrupt)),
            (26, Some(StartupProblem::Corrupt)),
            (13, Some(StartupProblem::DiskFull)),
            (14, Some(StartupProblem::Unreadable)),
            (3, Some(StartupProblem::Unreadable)),
            (1, None),
            (19, None),
        ];
        for (code, expected) in cases {
            assert_eq!(
                StartupProblem::from_sqlite_code(code),
                expected,
                "code {code}"
            );
        }
    }

    #[test]
    fn io_errors_map_too() {
        use std::io::{Error as IoError, ErrorKind};
        let of = |kind| StartupProblem::of(&Error::Io(IoError::from(kind)));
        assert_eq!(of(ErrorKind::StorageFull), Some(StartupProblem::DiskFull));
        assert_eq!(
            of(ErrorKind::ReadOnlyFilesystem),
            Some(StartupProblem::ReadOnly)
        );
        assert_eq!(
            of(ErrorKind::PermissionDenied),
            Some(StartupProblem::Unreadable)
        );
        assert_eq!(of(ErrorKind::Interrupted), None);
        let newer = Error::Migrate(sqlx::migrate::MigrateError::VersionMissing(99));
        assert_eq!(StartupProblem::of(&newer), Some(StartupProblem::Newer));
    }

    #[test]
    fn every_problem_has_its_own_code() {
        let all = [
            StartupProblem::Corrupt,
            StartupProblem::Newer,
            StartupProblem::Unreadable,
            StartupProblem::ReadOnly,
            StartupProblem::DiskFull,
            StartupProblem::Locked,
            StartupProblem::Foreign,
        ];
        let mut codes: Vec<&str> = all.iter().map(|p| p.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), all.len());
        assert!(codes.iter().all(|c| c.starts_with("startup.")));
    }
}
