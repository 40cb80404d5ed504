//! The log file a user can send to support: one file a day in `logs/` in the app-data folder
//! (`BRANCHDESK_LOG_DIR` overrides it for tests and portable use), for the window and the CLI
//! alike, the last [`KEEP_FILES`] days of each kept.
//!
//! What goes in: BranchDesk's own events at `info` and above, and other libraries' warnings and
//! errors. Our events name codes, counts, ids and file locations, never a complainant's name,
//! phone number or description; other libraries' debug output (which could quote a row) stays
//! out. An error the user only sees as the generic message logs its cause here
//! ([`crate::error::Error::log_cause`]).

use std::io::Write;
use std::path::{Path, PathBuf};

use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer, Registry};

use crate::store::location::app_data_dir;

/// The environment variable that moves the log folder (tests, portable use).
pub const LOG_DIR_ENV: &str = "BRANCHDESK_LOG_DIR";

/// How many daily files of each program are kept.
pub const KEEP_FILES: usize = 14;

/// What the file records: ours from `info`, everyone else's from `warn`.
const FILE_FILTER: &str = "warn,branchdesk=info";

/// Which program writes: each has its own daily files in the same folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Program {
    /// The desktop window.
    App,
    /// `branchdesk-cli`.
    Cli,
}

impl Program {
    /// The start of this program's file names, e.g. `branchdesk-cli` for
    /// `branchdesk-cli.2026-10-31.log`. Neither starts the other, since the appender prunes
    /// old files by prefix.
    pub fn file_prefix(self) -> &'static str {
        match self {
            Program::App => "branchdesk-app",
            Program::Cli => "branchdesk-cli",
        }
    }
}

/// The log folder: `BRANCHDESK_LOG_DIR`, else [`default_log_dir`].
pub fn log_dir() -> PathBuf {
    std::env::var_os(LOG_DIR_ENV)
        .filter(|dir| !dir.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(default_log_dir)
}

/// `logs` in the app-data folder, beside the database
/// ([`crate::store::location::app_data_dir`]).
pub fn default_log_dir() -> PathBuf {
    app_data_dir().join("logs")
}

/// A writer to `program`'s daily files in `dir` (created if missing).
pub fn appender(dir: &Path, program: Program) -> std::io::Result<RollingFileAppender> {
    // The appender prunes old files before it first writes, and reading a missing folder
    // would print a complaint to standard error.
    std::fs::create_dir_all(dir)?;
    RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .filename_prefix(program.file_prefix())
        .filename_suffix("log")
        .max_log_files(KEEP_FILES)
        .build(dir)
        .map_err(std::io::Error::other)
}

/// The layer that writes the log file, with its filter. Lines are written as they happen (no
/// background thread), so a crash or `exit` loses nothing already logged.
pub fn file_layer<S>(writer: RollingFileAppender) -> impl Layer<S> + Send + Sync
where
    S: tracing::Subscriber + for<'a> tracing_subscriber::registry::LookupSpan<'a>,
{
    tracing_subscriber::fmt::layer()
        .with_ansi(false)
        .with_writer(writer)
        .with_filter(EnvFilter::new(FILE_FILTER))
}

/// Sets up logging for the process: the file, and standard error only when `RUST_LOG` asks
/// (the CLI's standard error is one line for scripts). Without a writable log folder the
/// program runs on without a file. Returns the folder when the file is in use.
pub fn init(program: Program) -> Option<PathBuf> {
    let dir = log_dir();
    let file = match appender(&dir, program) {
        Ok(writer) => Some(file_layer(writer)),
        Err(error) => {
            // Not eprintln!: it panics when standard error is closed.
            let _ = writeln!(
                std::io::stderr(),
                "BranchDesk: no log file in {}: {error}",
                dir.display()
            );
            None
        }
    };
    let stderr = std::env::var_os("RUST_LOG").map(|_| {
        tracing_subscriber::fmt::layer()
            .with_writer(std::io::stderr)
            .with_filter(EnvFilter::from_default_env())
    });
    let in_use = file.is_some();
    let installed = Registry::default()
        .with(file)
        .with(stderr)
        .try_init()
        .is_ok();
    if installed {
        tracing::info!(
            version = env!("CARGO_PKG_VERSION"),
            os = std::env::consts::OS,
            program = program.file_prefix(),
            "started"
        );
    }
    (installed && in_use).then_some(dir)
}

/// The newest of `program`'s log files in `dir`, if there is one.
pub fn newest_file(dir: &Path, program: Program) -> Option<PathBuf> {
    let start = format!("{}.", program.file_prefix());
    std::fs::read_dir(dir)
        .ok()?
        .filter_map(|entry| entry.ok())
        .filter(|entry| {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            name.ends_with(".log")
                && name
                    .strip_prefix(&start)
                    .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        })
        .map(|entry| entry.path())
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_folder_is_beside_the_default_database() {
        let db = crate::store::location::default_db_path();
        assert_eq!(default_log_dir().parent(), db.parent());
        assert_eq!(
            default_log_dir().file_name(),
            Some(std::ffi::OsStr::new("logs"))
        );
    }

    #[test]
    fn each_program_finds_only_its_own_newest_file() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "branchdesk-app.2026-10-30.log",
            "branchdesk-app.2026-10-31.log",
            "branchdesk-cli.2026-11-02.log",
            "branchdesk-app.notes.txt",
        ] {
            std::fs::write(dir.path().join(name), "").unwrap();
        }
        let newest = |program| {
            newest_file(dir.path(), program)
                .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        };
        assert_eq!(
            newest(Program::App).as_deref(),
            Some("branchdesk-app.2026-10-31.log")
        );
        assert_eq!(
            newest(Program::Cli).as_deref(),
            Some("branchdesk-cli.2026-11-02.log")
        );
    }
}
