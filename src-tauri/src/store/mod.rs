//! The local SQLite store: where it lives, how every connection is set up, and migrations.

pub mod backup;
pub mod faults;
pub mod inspect;
pub mod location;
pub mod lock_holder;
pub mod startup;

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use sqlx::SqlitePool;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteQueryResult,
    SqliteSynchronous,
};

use crate::error::{Error, Result};

/// The embedded, forward-only migrations in `src-tauri/migrations`.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// How long a connection waits for another writer before giving up. Long enough that a backup
/// or export running beside the app never surfaces "database is locked" to the user.
const BUSY_TIMEOUT: Duration = Duration::from_secs(15);

/// Opens (creating if missing) the database at `path` and runs pending migrations, backing up
/// an existing database first when there are any.
///
/// Every connection runs in WAL mode with `synchronous=FULL` (a complaint record must survive a
/// power cut), foreign keys on and a busy timeout. The page cache is 64 MiB instead of SQLite's
/// 2 MiB: the cases table carries a dozen indexes and two search indexes, and with the small
/// cache a large write spilled pages to the journal and read them back (demo data ran 40% slower).
/// Memory is taken only as pages are read, so a small database stays small.
///
/// A failure a user can act on (damaged, newer, unreadable, read-only, disk full, locked) comes
/// back as [`Error::Startup`].
///
/// Only a missing or blank file, or a BranchDesk database, is opened: another program's SQLite
/// file is refused as [`StartupProblem::Foreign`](startup::StartupProblem::Foreign) and left
/// exactly as it was (see [`inspect`]).
pub async fn open(path: &Path) -> Result<SqlitePool> {
    open_and_migrate(path, true)
        .await
        .map_err(|error| match startup::StartupProblem::of(&error) {
            Some(problem) => {
                tracing::error!(%error, "the database could not be opened");
                Error::Startup(problem)
            }
            None => error,
        })
}

/// Opens an existing BranchDesk database like [`open`], but never creates one: where there is
/// no database (no file, or a blank one) it fails with [`Error::NoDatabase`] and leaves the path
/// as it was. For every command-line command but `init`.
pub async fn open_existing(path: &Path) -> Result<SqlitePool> {
    open_and_migrate(path, false)
        .await
        .map_err(|error| match startup::StartupProblem::of(&error) {
            Some(problem) => Error::Startup(problem),
            None => error,
        })
}

async fn open_and_migrate(path: &Path, create: bool) -> Result<SqlitePool> {
    match inspect::inspect(path).await? {
        inspect::Contents::Ours => {}
        inspect::Contents::Missing | inspect::Contents::Blank if create => {}
        inspect::Contents::Missing | inspect::Contents::Blank => return Err(Error::NoDatabase),
        inspect::Contents::Foreign => {
            return Err(Error::Startup(startup::StartupProblem::Foreign));
        }
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    let options = SqliteConnectOptions::from_str("sqlite:")?
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        .busy_timeout(BUSY_TIMEOUT)
        .pragma("cache_size", "-65536");
    let pool = SqlitePoolOptions::new()
        .max_connections(4)
        .connect_with(options)
        .await?;
    let prepared = async {
        backup::back_up_before_migrating(&pool, path, chrono::Utc::now()).await?;
        MIGRATOR.run(&pool).await?;
        // Cases from before customers were records are linked once, right after migration 0012.
        crate::customers::upgrade_link::run_once(&pool, chrono::Utc::now()).await?;
        Ok::<(), Error>(())
    }
    .await;
    if let Err(error) = prepared {
        // Closed now rather than whenever the dropped pool gets to it: on Windows a file that is
        // still open cannot be replaced, and after "newer" or "damaged" a restore comes next.
        pool.close().await;
        return Err(error);
    }
    Ok(pool)
}

/// Writes everything in the write-ahead log back into the database file, then closes `pool`.
///
/// A plain close leaves the log in place when two connections close at the same moment (each
/// sees the other still open and skips the final checkpoint). The data is safe either way, but
/// only after this is the `.db` file on its own the whole database: what a user copies to a
/// USB stick, and what a restore or a file switch may rely on.
pub async fn close(pool: SqlitePool) {
    if let Err(error) = sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&pool)
        .await
    {
        tracing::warn!(%error, "the log could not be written back before closing");
    }
    pool.close().await;
}

/// `db_path` with `suffix` appended, e.g. `branchdesk.db-wal`.
pub(crate) fn side_file(db_path: &Path, suffix: &str) -> PathBuf {
    let mut side = db_path.as_os_str().to_owned();
    side.push(suffix);
    PathBuf::from(side)
}

/// Starts a write transaction with `BEGIN IMMEDIATE`: it takes the write lock at once (waiting
/// up to the busy timeout for another writer), so a transaction that reads before it writes can
/// never fail part-way because another connection wrote in between (SQLite's busy snapshot, on
/// which no wait helps). A lock held past the wait fails here, having changed nothing.
/// Read-only snapshots keep `pool.begin()`: they need no lock, and work on a read-only file.
pub async fn begin_write(pool: &SqlitePool) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>> {
    Ok(pool.begin_with("BEGIN IMMEDIATE").await?)
}

/// Runs `sql`, which yields one JSON array (NULL when empty), binding `binds` in order, and
/// reads the array's elements as `T`. One row crosses from SQLite instead of thousands: for
/// the large reads of a month (the report's facts, the workbook's cases) that is several times
/// faster than fetching row by row.
pub async fn json_rows<T: serde::de::DeserializeOwned>(
    conn: &mut sqlx::SqliteConnection,
    sql: &str,
    binds: &[String],
) -> Result<Vec<T>> {
    let mut query = sqlx::query_scalar::<_, Option<String>>(sqlx::AssertSqlSafe(sql.to_owned()));
    for bind in binds {
        query = query.bind(bind);
    }
    match query.fetch_one(conn).await? {
        Some(json) => {
            serde_json::from_str(&json).map_err(|e| Error::Database(sqlx::Error::Decode(e.into())))
        }
        None => Ok(Vec::new()),
    }
}

/// The SQLite result code behind a database error (extended codes carry the primary code in
/// their low byte), for mapping it to something the user can act on.
pub(crate) fn sqlite_code(error: &sqlx::Error) -> Option<i64> {
    match error {
        sqlx::Error::Database(db) => db.code().and_then(|code| code.parse().ok()),
        _ => None,
    }
}

/// `Ok` when a write changed a row; [`Error::NotFound`] when the id it was given named none.
pub fn found(done: SqliteQueryResult) -> Result<()> {
    if done.rows_affected() == 0 {
        Err(Error::NotFound)
    } else {
        Ok(())
    }
}

/// The current time as RFC 3339 UTC text with second precision, as stored in every table.
pub fn now_utc() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// The newest applied migration's version (0 on an empty database).
pub async fn schema_version(pool: &SqlitePool) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT COALESCE(MAX(version), 0) FROM _sqlx_migrations WHERE success = 1",
    )
    .fetch_one(pool)
    .await?)
}

/// The SQLite library version in use, e.g. `3.51.3`.
pub async fn sqlite_version(pool: &SqlitePool) -> Result<String> {
    Ok(sqlx::query_scalar("SELECT sqlite_version()")
        .fetch_one(pool)
        .await?)
}

/// Row counts of the main tables, for `branchdesk-cli info` and diagnostics.
pub async fn row_counts(pool: &SqlitePool) -> Result<Vec<(&'static str, i64)>> {
    let mut counts = Vec::new();
    for (table, sql) in [
        ("branch", "SELECT COUNT(*) FROM branch"),
        ("staff", "SELECT COUNT(*) FROM staff"),
        ("categories", "SELECT COUNT(*) FROM categories"),
    ] {
        counts.push((table, sqlx::query_scalar(sql).fetch_one(pool).await?));
    }
    Ok(counts)
}
