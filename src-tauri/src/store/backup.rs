//! Backups and restore. A backup is a complete, consistent copy made by SQLite itself with
//! `VACUUM INTO` (never a copy of the live file, which may be mid-write and has a separate WAL),
//! with the case attachments stored inside it (see `attachments`), so one file holds everything.
//! It is written under a temporary name (`….sqlite.partial`) and renamed when complete, so an
//! interrupted backup never looks like one. Backups live in a `backups` folder beside the
//! database, named after the database, the UTC time and why they were made, and the newest
//! ones are kept.

mod attachments;
mod restore;

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::Serialize;
use sqlx::{SqliteConnection, SqlitePool};

pub use restore::{BackupProblem, StagedRestore, check_backup, stage_restore};

use super::MIGRATOR;
use crate::cases::repo::attachments::attachments_dir;
use crate::error::{Error, Result};

/// How many backups are kept unless the user chose otherwise.
pub const DEFAULT_KEEP: u32 = 14;
/// The range the user may choose from.
pub const KEEP_RANGE: std::ops::RangeInclusive<u32> = 1..=365;
/// The `app_settings` key holding how many backups to keep.
const KEEP_SETTING: &str = "backup_keep";
/// The time format inside backup file names; sorts in time order.
const NAME_TIME: &str = "%Y%m%d-%H%M%S";
/// Appended to a backup's name while it is being written.
const PARTIAL: &str = ".partial";
/// A partial file untouched for this long is left over from an interrupted backup (one being
/// written is touched all the time), and is deleted when backups are pruned.
const STALE_PARTIAL: Duration = Duration::from_secs(3600);

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

/// Writes a consistent copy of the open database at `db_path`, with its attachments, to `out`,
/// which must not exist yet. Readers and writers carry on meanwhile (WAL); the copy is what was
/// committed when it started. Until it is complete it is `out` + `.partial`, removed on failure.
pub async fn back_up_to(conn: &mut SqliteConnection, db_path: &Path, out: &Path) -> Result<()> {
    if out.exists() {
        return Err(Error::Duplicate {
            field: "out".into(),
        });
    }
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    let partial = super::side_file(out, PARTIAL);
    // VACUUM INTO refuses a file that exists: one of this name is an interrupted attempt.
    remove_if_there(&partial)?;
    let written = write_copy(conn, db_path, &partial).await;
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    written?;
    if out.exists() {
        std::fs::remove_file(&partial)?;
        return Err(Error::Duplicate {
            field: "out".into(),
        });
    }
    std::fs::rename(&partial, out)?;
    sync_folder(out);
    Ok(())
}

async fn write_copy(conn: &mut SqliteConnection, db_path: &Path, partial: &Path) -> Result<()> {
    sqlx::query("VACUUM INTO ?")
        .bind(partial.to_string_lossy().into_owned())
        .execute(&mut *conn)
        .await?;
    attachments::pack(partial, &attachments_dir(db_path)).await?;
    sync_file(partial)
}

/// Makes what was written to the file at `path` durable. It is opened for writing although
/// nothing is written: Windows flushes a file only through a handle that may write to it, and
/// refuses a read-only one ("access denied").
fn sync_file(path: &Path) -> Result<()> {
    std::fs::OpenOptions::new()
        .write(true)
        .open(path)?
        .sync_all()?;
    Ok(())
}

fn remove_if_there(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(error.into()),
        _ => Ok(()),
    }
}

/// Makes a rename in the folder of `path` durable (where the platform allows it).
fn sync_folder(path: &Path) {
    #[cfg(unix)]
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        let _ = std::fs::File::open(folder).and_then(|f| f.sync_all());
    }
    #[cfg(not(unix))]
    let _ = path;
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
    back_up_to(conn, db_path, &path).await?;
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

/// Deletes all but the newest `keep` backups, and what interrupted backups left behind (which
/// never count as backups); returns how many backups went.
pub fn prune(db_path: &Path, keep: u32) -> Result<usize> {
    remove_stale_partials(db_path, SystemTime::now())?;
    let backups = list_backups(db_path)?;
    let mut removed = 0;
    for backup in backups.iter().skip(keep as usize) {
        std::fs::remove_file(&backup.path)?;
        removed += 1;
    }
    Ok(removed)
}

/// Deletes this database's partial backups that nothing has written to for [`STALE_PARTIAL`]
/// (a backup still being written, by this process or another, is younger).
fn remove_stale_partials(db_path: &Path, now: SystemTime) -> Result<()> {
    let stem = db_stem(db_path);
    let entries = match std::fs::read_dir(backups_dir(db_path)) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(error) => return Err(error.into()),
    };
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(backup_name) = name.strip_suffix(PARTIAL) else {
            continue;
        };
        if parse_name(&stem, backup_name).is_none() {
            continue;
        }
        let modified = entry.metadata()?.modified()?;
        if now.duration_since(modified).unwrap_or_default() >= STALE_PARTIAL {
            remove_if_there(&entry.path())?;
        }
    }
    Ok(())
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
