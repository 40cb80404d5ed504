//! One-line English messages for the command line, naming the flag that was wrong.

use crate::error::{AccessRefusal, Error, Invalid};
use crate::export::OutputProblem;
use crate::group::GroupProblem;
use crate::import::ImportProblem;
use crate::store::backup::BackupProblem;
use crate::store::startup::StartupProblem;

/// The flag a field name comes from.
fn flag(field: &str) -> String {
    match field {
        "timezone" => "--tz".into(),
        "language" => "--lang".into(),
        other => format!("--{other}"),
    }
}

/// A one-line explanation of `error` with what to do about it.
pub fn describe(error: &Error) -> String {
    match error {
        Error::Invalid { field, kind } if field.starts_with("mapping.") => {
            let target = field.trim_start_matches("mapping.");
            match kind {
                Invalid::Required => format!(
                    "no column is mapped to {target}; write a mapping file and pass --mapping FILE"
                ),
                _ => format!("the mapping names a column for {target} that the file does not have"),
            }
        }
        Error::Import(problem) => match problem {
            ImportProblem::Unsupported => {
                "that is not a spreadsheet BranchDesk reads (.csv, .xlsx, .xls or .ods)".into()
            }
            ImportProblem::Unreadable => {
                "the spreadsheet is damaged or not what its name says".into()
            }
            ImportProblem::Empty => "the spreadsheet has no header row".into(),
            ImportProblem::NoSheet => "the workbook has no sheet of that name (see --sheet)".into(),
            ImportProblem::TooLarge => {
                "the file is larger than 256 MB, too large to be a complaint log".into()
            }
            ImportProblem::NotAFile => {
                "that is a folder, a device or a pipe, not a spreadsheet file; name a file".into()
            }
            ImportProblem::BadMapping => {
                "the mapping file must be a JSON object of field names to column names".into()
            }
            ImportProblem::BadRows => {
                "some rows have problems (listed above); nothing was imported".into()
            }
        },
        Error::Invalid { field, kind } => {
            let hint = match kind {
                Invalid::Required => "must not be empty",
                Invalid::TooLong => "is too long (at most 100 characters)",
                Invalid::ControlChars => "must not contain control characters",
                Invalid::BranchCode => "must be 2 to 12 letters or digits",
                Invalid::Industry => "must be one of: property, hotel, postal, other",
                Invalid::Timezone => "must be an IANA time zone such as Asia/Shanghai",
                Invalid::Language => "must be zh-CN or en",
                Invalid::Date => "must be a real date written YYYY-MM-DD",
                Invalid::Phone => "must be a phone number (digits, spaces, + - ( ))",
                Invalid::Range => "is out of range",
                Invalid::Choice => "is not one of the allowed values",
                Invalid::ReasonRequired => "needs a reason",
                Invalid::Money => "must be an amount in yuan such as 120 or 120.50",
                Invalid::CaseNumber => "must be a case number such as SH01-202410-0001",
                Invalid::Password => "must be a password of 8 to 128 characters",
                Invalid::Pin => "must be a PIN of exactly six digits",
                Invalid::Username => "must be a user name without spaces",
            };
            format!("{} {hint}", flag(field))
        }
        Error::Duplicate { field } if field == "keep" => {
            "--keep names a file that already exists; choose a new path".into()
        }
        Error::Duplicate { field } if field == "out" => {
            "--out names a file that already exists; choose a new path".into()
        }
        Error::Backup(problem) => match problem {
            BackupProblem::Missing => "the backup file does not exist".into(),
            BackupProblem::Damaged => {
                "the backup is damaged (SQLite's integrity check failed); choose another".into()
            }
            BackupProblem::NotBranchDesk => "that file is not a BranchDesk database".into(),
            BackupProblem::Newer => {
                "that backup is from a newer version of BranchDesk; update the app first".into()
            }
            BackupProblem::Unfinished => {
                "that backup was taken during an upgrade that failed part-way; choose another"
                    .into()
            }
            BackupProblem::Altered => {
                "that backup's record of upgrades does not match this BranchDesk (changed by another program or build); choose another".into()
            }
        },
        Error::NoDatabase => {
            "there is no BranchDesk database at that path (--db, else $BRANCHDESK_DB, else the app-data folder); create one with `branchdesk-cli init`, or check the path".into()
        }
        Error::Startup(problem) => startup_hint(*problem).into(),
        Error::Output(problem) => output_hint(*problem).into(),
        Error::Group(problem) => group_hint(*problem).into(),
        Error::CrisisSteps { unticked } => format!(
            "this crisis case still has unticked crisis steps ({}); tick them on the case page, or close it with a reason",
            unticked.join(", ")
        ),
        Error::AlreadyInitialized => "this database already has a branch; use another --db".into(),
        Error::NotInitialized => {
            "this database has no branch yet; run `branchdesk-cli init` first".into()
        }
        Error::NoProgram => {
            "no program on this computer opens this kind of file; open its folder and choose a program, or install one (Excel, WPS Office or LibreOffice for workbooks)".into()
        }
        Error::FileGone => {
            "the file is no longer where it was written (moved or deleted); write it again".into()
        }
        Error::Access(refusal) => access_hint(*refusal).into(),
        Error::Customer(refusal) => match refusal {
            crate::customers::CustomerRefusal::MergeSame => {
                "a customer record cannot be merged with itself; name two different records".into()
            }
            crate::customers::CustomerRefusal::AlreadyMerged => {
                "that customer record was merged into another; use the record it was merged into"
                    .into()
            }
        },
        other => other.public_message(),
    }
}

/// Why the CLI refused for who it acts as, and what to do.
fn access_hint(refusal: AccessRefusal) -> &'static str {
    match refusal {
        AccessRefusal::SignedOut | AccessRefusal::Locked => {
            "this database has sign-ins: name yourself with --user NAME (the password is asked for, or read from stdin with --password-stdin)"
        }
        AccessRefusal::Denied => "your role does not allow this command; ask a manager to run it",
        AccessRefusal::NotYours => {
            "that case is neither taken by you nor assigned to you; ask a manager"
        }
        AccessRefusal::WrongSignIn => {
            "the user name or password is wrong; check --user and the password"
        }
        AccessRefusal::Wait => {
            "too many wrong passwords in a row; wait a few minutes before trying again"
        }
        AccessRefusal::LastManager => {
            "the branch's only manager must stay an active manager; make someone else manager first"
        }
    }
}

/// What went wrong opening the database, and what to do next.
fn startup_hint(problem: StartupProblem) -> &'static str {
    match problem {
        StartupProblem::Corrupt => {
            "the database file is damaged; restore a backup with `branchdesk-cli restore FILE`"
        }
        StartupProblem::Newer => {
            "the database was upgraded by a newer BranchDesk; update this tool to use it"
        }
        StartupProblem::Unreadable => {
            "the database file cannot be opened; check that it exists and that you may read it"
        }
        StartupProblem::ReadOnly => {
            "the database file or its folder is read-only; move it somewhere writable"
        }
        StartupProblem::DiskFull => "the disk is full; free some space and try again",
        StartupProblem::Locked => {
            "another program is holding the database locked; close it and try again"
        }
        StartupProblem::Foreign => {
            "that file is another program's database, not BranchDesk's; it was left unchanged: check --db"
        }
    }
}

/// What went wrong with head office's server, and what to do next. Nothing was lost: what
/// was not sent stays queued for the next sync.
fn group_hint(problem: GroupProblem) -> &'static str {
    match problem {
        GroupProblem::NoServer => {
            "no group server is set; pass --server postgres://ROLE@HOST/DATABASE"
        }
        GroupProblem::BadAddress => {
            "--server must be a PostgreSQL address such as postgres://sh01@db.example/branchdesk"
        }
        GroupProblem::Unreachable => {
            "the group server cannot be reached (down, wrong host or port, or no network); nothing was lost: pending changes stay queued, try again later"
        }
        GroupProblem::Auth => {
            "the group server refused the role or password; check the role in --server and $PGPASSWORD or the password file"
        }
        GroupProblem::WrongRole => {
            "that role is not this branch's role on the group server; ask head office for the role made for this branch code (group-schema --add-branch)"
        }
        GroupProblem::NoSchema => {
            "the group server has no BranchDesk schema, or an older one; head office must run `branchdesk-cli group-schema` first"
        }
        GroupProblem::SchemaNewer => {
            "the group server's schema is newer than this BranchDesk; update this app"
        }
        GroupProblem::PasswordFileOpen => {
            "the group password file can be read by other users; make it private (chmod 600)"
        }
        GroupProblem::Server => {
            "the group server could not complete the sync (see the log); nothing was lost: try again"
        }
        GroupProblem::Busy => "a sync is already running; wait for it to finish",
        GroupProblem::NoBranches => "no branch has sent its records to the group server yet",
        GroupProblem::Interrupted => {
            "the sync was stopped part-way; what was sent is kept, run sync again to send the rest"
        }
        GroupProblem::NotOffice => {
            "that role is not a head-office role on the group server; use a role made with group-schema --add-office"
        }
    }
}

/// Why `--out` was refused, and what to do instead.
fn output_hint(problem: OutputProblem) -> &'static str {
    match problem {
        OutputProblem::NotXlsx => "--out must name an .xlsx file, e.g. report.xlsx",
        OutputProblem::Database => {
            "--out names the database (or its -wal/-shm file); choose another file"
        }
        OutputProblem::Backup => {
            "--out names a backup, a database or a file in the backups folder; choose another file"
        }
        OutputProblem::NotAFile => {
            "--out names a folder, a device, a pipe or a broken link; name an .xlsx file"
        }
        OutputProblem::Exists => {
            "--out names a file that already exists; pass --force to replace it"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_crisis_refused_for_unticked_steps_names_them_and_the_way_out() {
        let text = describe(&Error::CrisisSteps {
            unticked: vec!["report_head_office", "one_spokesperson"],
        });
        assert!(
            text.contains("report_head_office, one_spokesperson"),
            "{text}"
        );
        assert!(text.contains("with a reason"), "{text}");
    }
}
