//! Backups and restore. A backup is a complete, consistent copy made by SQLite itself with
//! `VACUUM INTO` (never a copy of the live file, which may be mid-write and has a separate WAL).
//! Backups live in a `backups` folder beside the database, named after the database, the UTC
//! time and why they were made, and the newest ones are kept.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::Serialize;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{Connection, SqliteConnection, SqlitePool};

use super::MIGRATOR;
use crate::error::{Error, Result};

/// How many backups are kept unless the user chose otherwise.
pub const DEFAULT_KEEP: u32 = 14;
/// The range the user may choose from.
pub const KEEP_RANGE: std::ops::RangeInclusive<u32> = 1..=365;
/// The `app_settings` key holding how many backups to keep.
const KEEP_SETTING: &str = "backup_keep";
/// The time format inside backup file names; sorts in time order.
const NAME_TIME: &str = "%Y%m%d-%H%M%S";

/// Why a backup was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum BackupKind {
    /// The first start of the day.
    Daily,
    /// "Back up now" or `branchdesk-cli backup`.
    Manual,
    /// Before the database was upgraded to a new version of the app.
    PreMigration,
    /// The database as it was just before a restore replaced it.
    PreRestore,
}

impl BackupKind {
    const ALL: [BackupKind; 4] = [
        BackupKind::Daily,
        BackupKind::Manual,
        BackupKind::PreMigration,
        BackupKind::PreRestore,
    ];

    fn tag(self) -> &'static str {
        match self {
            BackupKind::Daily => "daily",
            BackupKind::Manual => "manual",
            BackupKind::PreMigration => "pre-migration",
            BackupKind::PreRestore => "pre-restore",
        }
    }
}

/// A backup file in the backups folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BackupInfo {
    /// Where it is.
    pub path: PathBuf,
    /// When it was made (UTC).
    pub made_at: DateTime<Utc>,
    /// Why it was made.
    pub kind: BackupKind,
    /// Its size in bytes.
    pub size_bytes: u64,
}

/// The backups folder for the database at `db_path`.
pub fn backups_dir(db_path: &Path) -> PathBuf {
    db_path
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join("backups")
}

fn db_stem(db_path: &Path) -> String {
    db_path
        .file_stem()
        .map_or_else(|| "branchdesk".into(), |s| s.to_string_lossy().into_owned())
}

/// Where a backup of `kind` made at `now` goes: `<stem>_<YYYYMMDD-HHMMSS>_<kind>.sqlite` in the
/// backups folder (the form [`parse_name`] reads back).
fn backup_path(db_path: &Path, kind: BackupKind, now: DateTime<Utc>) -> PathBuf {
    let name = format!(
        "{}_{}_{}.sqlite",
        db_stem(db_path),
        now.format(NAME_TIME),
        kind.tag()
    );
    backups_dir(db_path).join(name)
}

/// Parses `<stem>_<YYYYMMDD-HHMMSS>_<kind>.sqlite`; anything else in the folder is not ours.
fn parse_name(stem: &str, name: &str) -> Option<(DateTime<Utc>, BackupKind)> {
    let rest = name.strip_prefix(stem)?.strip_prefix('_')?;
    let rest = rest.strip_suffix(".sqlite")?;
    let (time, tag) = rest.split_once('_')?;
    let made_at = NaiveDateTime::parse_from_str(time, NAME_TIME)
        .ok()?
        .and_utc();
    let kind = BackupKind::ALL.into_iter().find(|k| k.tag() == tag)?;
    Some((made_at, kind))
}

/// Every backup of the database at `db_path`, newest first.
pub fn list_backups(db_path: &Path) -> Result<Vec<BackupInfo>> {
    let dir = backups_dir(db_path);
    let stem = db_stem(db_path);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(error.into()),
    };
    let mut backups = Vec::new();
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some((made_at, kind)) = parse_name(&stem, &name) {
            backups.push(BackupInfo {
                path: entry.path(),
                made_at,
                kind,
                size_bytes: entry.metadata()?.len(),
            });
        }
    }
    backups.sort_by(|a, b| b.made_at.cmp(&a.made_at).then(b.path.cmp(&a.path)));
    Ok(backups)
}

/// Writes a consistent copy of the open database to `out`, which must not exist yet. Readers
/// and writers carry on meanwhile (WAL); the copy is what was committed when it started.
pub async fn back_up_to(conn: &mut SqliteConnection, out: &Path) -> Result<()> {
    if out.exists() {
        return Err(Error::Duplicate {
            field: "out".into(),
        });
    }
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    sqlx::query("VACUUM INTO ?")
        .bind(out.to_string_lossy().into_owned())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Makes a backup of `kind` in the backups folder and prunes old ones down to the kept number.
pub async fn back_up(
    pool: &SqlitePool,
    db_path: &Path,
    kind: BackupKind,
    now: DateTime<Utc>,
) -> Result<BackupInfo> {
    let mut conn = pool.acquire().await?;
    let info = back_up_on(&mut conn, db_path, kind, now).await?;
    let keep = keep_count(pool).await?;
    prune(db_path, keep)?;
    Ok(info)
}

async fn back_up_on(
    conn: &mut SqliteConnection,
    db_path: &Path,
    kind: BackupKind,
    now: DateTime<Utc>,
) -> Result<BackupInfo> {
    let path = backup_path(db_path, kind, now);
    back_up_to(conn, &path).await?;
    Ok(BackupInfo {
        size_bytes: std::fs::metadata(&path)?.len(),
        path,
        made_at: now,
        kind,
    })
}

/// The first start of a (UTC) day makes a backup; later starts that day do not.
pub async fn daily_backup_if_due(
    pool: &SqlitePool,
    db_path: &Path,
    now: DateTime<Utc>,
) -> Result<Option<BackupInfo>> {
    let today = now.date_naive();
    let done_today = list_backups(db_path)?
        .iter()
        .any(|backup| backup.kind == BackupKind::Daily && backup.made_at.date_naive() == today);
    if done_today {
        return Ok(None);
    }
    back_up(pool, db_path, BackupKind::Daily, now)
        .await
        .map(Some)
}

/// Deletes all but the newest `keep` backups; returns how many went.
pub fn prune(db_path: &Path, keep: u32) -> Result<usize> {
    let backups = list_backups(db_path)?;
    let mut removed = 0;
    for backup in backups.iter().skip(keep as usize) {
        std::fs::remove_file(&backup.path)?;
        removed += 1;
    }
    Ok(removed)
}

/// How many backups to keep (the user's choice, else [`DEFAULT_KEEP`]).
pub async fn keep_count(pool: &SqlitePool) -> Result<u32> {
    let value: Option<String> = sqlx::query_scalar("SELECT value FROM app_settings WHERE key = ?")
        .bind(KEEP_SETTING)
        .fetch_optional(pool)
        .await?;
    Ok(value
        .and_then(|v| v.parse().ok())
        .filter(|n| KEEP_RANGE.contains(n))
        .unwrap_or(DEFAULT_KEEP))
}

/// Sets how many backups to keep, and prunes to it.
pub async fn set_keep_count(pool: &SqlitePool, db_path: &Path, keep: u32) -> Result<u32> {
    if !KEEP_RANGE.contains(&keep) {
        return Err(Error::invalid("keep", crate::error::Invalid::Range));
    }
    sqlx::query(
        "INSERT INTO app_settings (key, value) VALUES (?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(KEEP_SETTING)
    .bind(keep.to_string())
    .execute(pool)
    .await?;
    prune(db_path, keep)?;
    Ok(keep)
}

/// Checks that `path` is a sound BranchDesk database this version can open: SQLite's
/// `integrity_check` passes and its schema is not from a newer version of the app.
pub async fn check_backup(path: &Path) -> Result<()> {
    if !path.is_file() {
        return Err(Error::Backup(BackupProblem::Missing));
    }
    let options = SqliteConnectOptions::from_str("sqlite:")?
        .filename(path)
        .read_only(true)
        .immutable(true);
    let mut conn = match SqliteConnection::connect_with(&options).await {
        Ok(conn) => conn,
        Err(_) => return Err(Error::Backup(BackupProblem::Damaged)),
    };
    let verdict: Vec<String> = match sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&mut conn)
        .await
    {
        Ok(rows) => rows,
        Err(_) => return Err(Error::Backup(BackupProblem::Damaged)),
    };
    if verdict != ["ok"] {
        return Err(Error::Backup(BackupProblem::Damaged));
    }
    let versions: Vec<i64> =
        sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success = 1")
            .fetch_all(&mut conn)
            .await
            .map_err(|_| Error::Backup(BackupProblem::NotBranchDesk))?;
    let known: Vec<i64> = MIGRATOR.iter().map(|m| m.version).collect();
    if versions.is_empty() {
        return Err(Error::Backup(BackupProblem::NotBranchDesk));
    }
    if versions.iter().any(|v| !known.contains(v)) {
        return Err(Error::Backup(BackupProblem::Newer));
    }
    conn.close().await?;
    Ok(())
}

/// Replaces the database at `db_path` with the backup at `from`, after checking the backup
/// and keeping the current database as a pre-restore backup. `pool` is the open database; it
/// is closed here, and the caller reopens the restored file with [`super::open`].
pub async fn restore(
    pool: SqlitePool,
    db_path: &Path,
    from: &Path,
    now: DateTime<Utc>,
) -> Result<BackupInfo> {
    check_backup(from).await?;
    let kept = {
        let mut conn = pool.acquire().await?;
        back_up_on(&mut conn, db_path, BackupKind::PreRestore, now).await?
    };
    super::close(pool).await;
    // The old WAL and shared-memory files belong to the old database: were they left beside
    // the restored file, SQLite would replay them into it.
    for suffix in ["-wal", "-shm"] {
        match std::fs::remove_file(side_file(db_path, suffix)) {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
                return Err(error.into());
            }
            _ => {}
        }
    }
    put_in_place(from, db_path)?;
    Ok(kept)
}

/// Restores `from` over a database that cannot be opened (damaged, newer, locked open by
/// nobody): the current file is moved, with its WAL, into the backups folder as a pre-restore
/// backup rather than copied, since SQLite cannot read it.
pub async fn restore_over_unopenable(
    db_path: &Path,
    from: &Path,
    now: DateTime<Utc>,
) -> Result<BackupInfo> {
    check_backup(from).await?;
    let aside = backup_path(db_path, BackupKind::PreRestore, now);
    std::fs::create_dir_all(backups_dir(db_path))?;
    if db_path.is_file() {
        std::fs::rename(db_path, &aside)?;
    }
    for suffix in ["-wal", "-shm"] {
        let side = side_file(db_path, suffix);
        if side.exists() {
            std::fs::rename(&side, side_file(&aside, suffix))?;
        }
    }
    put_in_place(from, db_path)?;
    Ok(BackupInfo {
        size_bytes: std::fs::metadata(&aside).map_or(0, |m| m.len()),
        path: aside,
        made_at: now,
        kind: BackupKind::PreRestore,
    })
}

/// `db_path` with `suffix` appended, e.g. `branchdesk.db-wal`.
fn side_file(db_path: &Path, suffix: &str) -> PathBuf {
    let mut side = db_path.as_os_str().to_owned();
    side.push(suffix);
    PathBuf::from(side)
}

/// Copies `from` to `db_path` through a synced staging file and a rename, so a crash leaves
/// either the old file or the whole new one.
fn put_in_place(from: &Path, db_path: &Path) -> Result<()> {
    let staging = db_path.with_extension("restoring");
    std::fs::copy(from, &staging)?;
    std::fs::File::open(&staging)?.sync_all()?;
    std::fs::rename(&staging, db_path)?;
    Ok(())
}

/// Makes a pre-migration backup when `pool`'s database is an existing BranchDesk database with
/// migrations still to apply. A new, empty database has nothing to lose and gets none.
pub async fn back_up_before_migrating(
    pool: &SqlitePool,
    db_path: &Path,
    now: DateTime<Utc>,
) -> Result<Option<BackupInfo>> {
    let applied: Vec<i64> =
        match sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success = 1")
            .fetch_all(pool)
            .await
        {
            Ok(versions) => versions,
            Err(_) => return Ok(None),
        };
    let pending = MIGRATOR.iter().any(|m| !applied.contains(&m.version));
    if applied.is_empty() || !pending {
        return Ok(None);
    }
    let mut conn = pool.acquire().await?;
    back_up_on(&mut conn, db_path, BackupKind::PreMigration, now)
        .await
        .map(Some)
}

/// Why a file cannot be restored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupProblem {
    /// The file does not exist.
    Missing,
    /// SQLite cannot read it or its integrity check fails.
    Damaged,
    /// It is a database, but not one of ours.
    NotBranchDesk,
    /// It was written by a newer version of the app.
    Newer,
}

impl BackupProblem {
    /// The stable code the UI translates.
    pub fn code(self) -> &'static str {
        match self {
            BackupProblem::Missing => "backup.missing",
            BackupProblem::Damaged => "backup.damaged",
            BackupProblem::NotBranchDesk => "backup.not_branchdesk",
            BackupProblem::Newer => "backup.newer",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_names_count_as_backups() {
        let made = parse_name("branchdesk", "branchdesk_20261122-080910_daily.sqlite");
        assert_eq!(
            made.map(|(at, kind)| (at.to_rfc3339(), kind)),
            Some(("2026-11-22T08:09:10+00:00".into(), BackupKind::Daily))
        );
        assert!(parse_name("branchdesk", "other_20261122-080910_daily.sqlite").is_none());
        assert!(parse_name("branchdesk", "branchdesk_20261122_daily.sqlite").is_none());
        assert!(parse_name("branchdesk", "branchdesk_20261122-080910_weekly.sqlite").is_none());
        assert!(parse_name("branchdesk", "branchdesk_20261122-080910_daily.db").is_none());
        assert_eq!(
            parse_name("shop", "shop_20260101-000000_pre-migration.sqlite").map(|(_, k)| k),
            Some(BackupKind::PreMigration)
        );
    }

    #[test]
    fn backups_sit_beside_the_database() {
        assert_eq!(
            backups_dir(Path::new("/data/branchdesk.sqlite")),
            Path::new("/data/backups")
        );
        assert_eq!(backups_dir(Path::new("x.sqlite")), Path::new("backups"));
    }
}
