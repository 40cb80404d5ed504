//! Why a write to the database could not proceed while the app runs, in terms a user can act
//! on. SQLite reports these as result codes deep inside a generic database error; without this
//! mapping every one of them reached the user as "try again; restart", which fixes none of them.

/// A reason a write could not proceed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteProblem {
    /// The data file or its folder is read-only (SQLITE_READONLY).
    ReadOnly,
    /// Another program held the database for longer than the busy timeout
    /// (SQLITE_BUSY, SQLITE_LOCKED).
    Locked,
    /// The disk is full (SQLITE_FULL, or a file write that ran out of space).
    DiskFull,
    /// The file could not be written or reopened: a drive removed or failing
    /// (SQLITE_IOERR, SQLITE_CANTOPEN).
    Io,
}

impl WriteProblem {
    /// The stable code the UI translates.
    pub fn code(self) -> &'static str {
        match self {
            WriteProblem::ReadOnly => "write.read_only",
            WriteProblem::Locked => "write.locked",
            WriteProblem::DiskFull => "write.disk_full",
            WriteProblem::Io => "write.io",
        }
    }

    /// What went wrong and what to do, in plain English (the CLI prints this).
    pub fn message(self) -> &'static str {
        match self {
            WriteProblem::ReadOnly => {
                "the data file or its folder is read-only, so nothing could be saved; make it writable or move it somewhere writable, then restart"
            }
            WriteProblem::Locked => {
                "another program kept the data file locked, so nothing was saved; close it (a backup or sync tool, or a second copy of BranchDesk) and try again"
            }
            WriteProblem::DiskFull => {
                "the disk is full, so nothing was saved; free some space and try again"
            }
            WriteProblem::Io => {
                "the data file could not be written (its drive may have been removed or be failing); check the drive, then restart"
            }
        }
    }

    /// The problem behind a SQLite result code (extended codes carry the primary code in their
    /// low byte), if it is one a user can act on.
    pub fn from_sqlite_code(code: i64) -> Option<Self> {
        match code & 0xff {
            5 | 6 => Some(WriteProblem::Locked),
            8 => Some(WriteProblem::ReadOnly),
            13 => Some(WriteProblem::DiskFull),
            10 | 14 => Some(WriteProblem::Io),
            _ => None,
        }
    }

    /// The problem behind a database error, if it is one of these.
    pub fn of_sqlx(error: &sqlx::Error) -> Option<Self> {
        match error {
            sqlx::Error::Io(io) => Self::of_io(io),
            _ => super::sqlite_code(error).and_then(Self::from_sqlite_code),
        }
    }

    /// The problem behind a file error: only a full disk, since a read-only or missing file
    /// outside the database (an export's target) is not about the data file.
    pub fn of_io(error: &std::io::Error) -> Option<Self> {
        (error.kind() == std::io::ErrorKind::StorageFull).then_some(WriteProblem::DiskFull)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_codes_at_write_time_map_to_what_the_user_can_do() {
        let cases = [
            (5, Some(WriteProblem::Locked)),
            (261, Some(WriteProblem::Locked)), // SQLITE_BUSY_RECOVERY
            (6, Some(WriteProblem::Locked)),
            (8, Some(WriteProblem::ReadOnly)),
            (776, Some(WriteProblem::ReadOnly)), // SQLITE_READONLY_ROLLBACK
            (13, Some(WriteProblem::DiskFull)),
            (778, Some(WriteProblem::Io)), // SQLITE_IOERR_WRITE
            (14, Some(WriteProblem::Io)),
            (19, None), // a constraint is a bug or bad input, not the disk
            (1, None),
        ];
        for (code, expected) in cases {
            assert_eq!(
                WriteProblem::from_sqlite_code(code),
                expected,
                "code {code}"
            );
        }
    }

    #[test]
    fn only_a_full_disk_counts_among_file_errors() {
        use std::io::{Error, ErrorKind};
        assert_eq!(
            WriteProblem::of_io(&Error::from(ErrorKind::StorageFull)),
            Some(WriteProblem::DiskFull)
        );
        assert_eq!(
            WriteProblem::of_io(&Error::from(ErrorKind::PermissionDenied)),
            None
        );
    }
}
