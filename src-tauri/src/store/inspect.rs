//! What a database path holds, found without changing anything there. Opening a file the normal
//! way switches it to WAL mode and migrates it, which would rewrite another program's database;
//! so before that, the file is read here through a read-only connection that creates no side
//! files, and only a blank file or one of ours goes on to be opened.

use std::io::Read;
use std::path::Path;

use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{Connection, SqliteConnection};

use super::MIGRATOR;
use super::startup::StartupProblem;
use crate::error::{Error, Result};

/// The first 16 bytes of every SQLite database file.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Whether `file` starts as every SQLite database does (a short or unreadable file does not).
pub fn has_sqlite_header(file: &mut impl Read) -> bool {
    let mut header = [0u8; 16];
    file.read_exact(&mut header).is_ok() && &header == SQLITE_MAGIC
}

/// What is at a database path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contents {
    /// No file.
    Missing,
    /// A file holding nothing yet: empty, a database without tables, or one whose first
    /// migration never completed.
    Blank,
    /// A BranchDesk database (its first migration is ours), of any version.
    Ours,
    /// Another program's SQLite database.
    Foreign,
}

/// Looks at the file at `path`. A folder, device or pipe in its place is
/// [`StartupProblem::Unreadable`]; a file that is not a SQLite database, or one SQLite finds
/// damaged, is [`StartupProblem::Corrupt`].
pub async fn inspect(path: &Path) -> Result<Contents> {
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Contents::Missing),
        Err(error) => return Err(error.into()),
    };
    // Never open anything but a regular file: reading a pipe would wait forever.
    if !metadata.is_file() {
        return Err(Error::Startup(StartupProblem::Unreadable));
    }
    if metadata.len() == 0 {
        return Ok(Contents::Blank);
    }
    if !has_sqlite_header(&mut std::fs::File::open(path)?) {
        return Err(Error::Startup(StartupProblem::Corrupt));
    }
    let seen = match read_only(path).await {
        Ok(mut conn) => {
            let seen = classify(&mut conn).await;
            let _ = conn.close().await;
            seen
        }
        Err(error) => Err(error),
    };
    seen.map_err(|error| match StartupProblem::of(&error) {
        Some(problem) => Error::Startup(problem),
        None => error,
    })
}

/// A connection that cannot change the file or leave anything beside it. Without a log beside
/// the file it is opened as immutable (no shared-memory file is created); with one, what is in
/// the log is part of the database and must be read, through the log's existing files.
async fn read_only(path: &Path) -> Result<SqliteConnection> {
    let options = SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .create_if_missing(false)
        .immutable(!super::side_file(path, "-wal").exists());
    Ok(SqliteConnection::connect_with(&options).await?)
}

async fn classify(conn: &mut SqliteConnection) -> Result<Contents> {
    let tables: Vec<String> =
        sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table'")
            .fetch_all(&mut *conn)
            .await?;
    if tables.is_empty() {
        return Ok(Contents::Blank);
    }
    if !tables.iter().any(|t| t == "_sqlx_migrations") {
        return Ok(Contents::Foreign);
    }
    let applied: Vec<(i64, Vec<u8>)> =
        sqlx::query_as("SELECT version, checksum FROM _sqlx_migrations")
            .fetch_all(&mut *conn)
            .await?;
    // The migrations table is made just before the first migration runs: alone and empty, it
    // is a new database whose creation was interrupted.
    if applied.is_empty() && tables.len() == 1 {
        return Ok(Contents::Blank);
    }
    let first = MIGRATOR.iter().find(|m| m.version == 1);
    let ours = applied.iter().any(|(version, checksum)| {
        first.is_some_and(|m| m.version == *version && m.checksum.as_ref() == checksum.as_slice())
    });
    Ok(if ours {
        Contents::Ours
    } else {
        Contents::Foreign
    })
}
