//! Why a database could not be opened, in terms a user can act on. Opening can fail because the
//! file is damaged, was written by a newer app, cannot be read, sits on a read-only or full disk,
//! or is locked by another program; each has its own code so the start-up screen can explain it
//! and offer the right next step.
//!
//! A database that opens can still refuse every write: a read-only file opens read-only without
//! a word, and another program's write lock only shows when something is saved. The window
//! therefore opens through [`open_for_writing`], which proves a write goes through before the
//! user types anything.

use std::path::Path;

use sqlx::SqlitePool;

use crate::error::{Error, Result};

/// How long the start-up check waits for another program's write to finish (2 s). Short, so a
/// held lock is explained on the start-up screen within moments, not after the 15 s that a
/// save waits.
const PROBE_WAIT: &str = "PRAGMA busy_timeout = 2000";

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
            sqlx::Error::Io(io) => Self::from_io(io),
            _ => super::sqlite_code(error).and_then(Self::from_sqlite_code),
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

/// Opens the database like [`super::open`], then proves that a write can go through: a write
/// transaction (started IMMEDIATE, waiting at most two seconds) creates a table and is rolled
/// back, so nothing is changed. A read-only file or folder, a full disk or another program's
/// write lock comes back as [`Error::Startup`] and the pool is closed.
pub async fn open_for_writing(path: &Path) -> Result<SqlitePool> {
    let pool = super::open(path)
        .await
        .map_err(|error| match StartupProblem::of(&error) {
            Some(StartupProblem::Unreadable) if folder_refuses_files(path) => {
                Error::Startup(StartupProblem::ReadOnly)
            }
            _ => error,
        })?;
    match probe_write(&pool).await {
        Ok(()) => Ok(pool),
        Err(error) => {
            pool.close().await;
            tracing::error!(%error, "the start-up write check failed");
            Err(match StartupProblem::of(&error) {
                Some(problem) => Error::Startup(problem),
                None => error,
            })
        }
    }
}

async fn probe_write(pool: &SqlitePool) -> Result<()> {
    let mut conn = pool.acquire().await?;
    // This connection's shorter wait must not outlive the check.
    conn.close_on_drop();
    sqlx::query(PROBE_WAIT).execute(&mut *conn).await?;
    sqlx::query("BEGIN IMMEDIATE").execute(&mut *conn).await?;
    // Taking the write lock succeeds on a file SQLite opened read-only; only a page written
    // shows it. The table never outlives the rollback.
    let wrote = sqlx::query("CREATE TABLE _branchdesk_write_probe (x)")
        .execute(&mut *conn)
        .await;
    sqlx::query("ROLLBACK").execute(&mut *conn).await?;
    wrote?;
    Ok(())
}

/// Whether the database file exists and can be read but its folder refuses a new file: SQLite
/// then cannot create its log beside it and says only "cannot open".
fn folder_refuses_files(path: &Path) -> bool {
    let Some(folder) = path.parent() else {
        return false;
    };
    path.is_file()
        && std::fs::File::open(path).is_ok()
        && tempfile::tempfile_in(folder).is_err_and(|error| {
            matches!(
                error.kind(),
                std::io::ErrorKind::ReadOnlyFilesystem | std::io::ErrorKind::PermissionDenied
            )
        })
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
