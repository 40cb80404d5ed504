//! Restoring a backup. The backup is first copied beside the database and checked there
//! completely (the copy is what will be put in place, so nothing can change in between); only
//! then is the current file kept as a pre-restore backup and replaced. The current file is never
//! opened the normal way (which would migrate it), so a damaged database, or one from a newer
//! app, can be replaced too: that is what the start-up screens tell the user to do.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{Connection, SqliteConnection};

use super::{BackupInfo, BackupKind, attachments, backup_path, backups_dir, sync_folder};
use crate::cases::repo::attachments::attachments_dir;
use crate::error::{Error, Result};
use crate::store::inspect::{Contents, inspect};
use crate::store::startup::StartupProblem;
use crate::store::{MIGRATOR, side_file};

/// Why a file cannot be restored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupProblem {
    /// The file does not exist.
    Missing,
    /// SQLite cannot read it or its integrity check fails.
    Damaged,
    /// It is not a BranchDesk database (another program's, or not a file at all).
    NotBranchDesk,
    /// It was written by a newer version of the app.
    Newer,
    /// An upgrade of it failed part-way: a migration is recorded as not applied.
    Unfinished,
    /// Its record of upgrades does not match this app's (an upgrade this app does not know, one
    /// whose contents differ, or one skipped): it was changed by another program or build.
    Altered,
}

impl BackupProblem {
    /// The stable code the UI translates.
    pub fn code(self) -> &'static str {
        match self {
            BackupProblem::Missing => "backup.missing",
            BackupProblem::Damaged => "backup.damaged",
            BackupProblem::NotBranchDesk => "backup.not_branchdesk",
            BackupProblem::Newer => "backup.newer",
            BackupProblem::Unfinished => "backup.unfinished",
            BackupProblem::Altered => "backup.altered",
        }
    }
}

fn refused(problem: BackupProblem) -> Error {
    Error::Backup(problem)
}

/// Checks that `path` is a sound BranchDesk database this version can open: SQLite's
/// `integrity_check` passes; its upgrade record is this app's first upgrades in order, each
/// applied completely and with the contents this app has, none newer; and the attachments it
/// holds have names the app makes. The file is read as immutable, so it is not changed.
pub async fn check_backup(path: &Path) -> Result<()> {
    match std::fs::metadata(path) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Err(refused(BackupProblem::Missing));
        }
        Err(error) => return Err(error.into()),
        Ok(metadata) if !metadata.is_file() => return Err(refused(BackupProblem::NotBranchDesk)),
        Ok(_) => {}
    }
    let options = SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .immutable(true);
    let mut conn = SqliteConnection::connect_with(&options)
        .await
        .map_err(|_| refused(BackupProblem::Damaged))?;
    let checked = check_on(&mut conn).await;
    let _ = conn.close().await;
    checked
}

async fn check_on(conn: &mut SqliteConnection) -> Result<()> {
    let verdict: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&mut *conn)
        .await
        .map_err(|_| refused(BackupProblem::Damaged))?;
    if verdict != ["ok"] {
        return Err(refused(BackupProblem::Damaged));
    }
    let applied: Vec<(i64, bool, Vec<u8>)> =
        sqlx::query_as("SELECT version, success, checksum FROM _sqlx_migrations ORDER BY version")
            .fetch_all(&mut *conn)
            .await
            .map_err(|_| refused(BackupProblem::NotBranchDesk))?;
    check_upgrades(&applied)?;
    if !attachments::check_names(conn).await? {
        return Err(refused(BackupProblem::Altered));
    }
    Ok(())
}

/// The upgrade record (version, applied completely, checksum), in version order, against
/// this app's migrations.
fn check_upgrades(applied: &[(i64, bool, Vec<u8>)]) -> Result<()> {
    let ours: Vec<_> = MIGRATOR.iter().collect();
    let first_is_ours = applied.first().is_some_and(|(version, _, checksum)| {
        ours.first()
            .is_some_and(|m| m.version == *version && m.checksum.as_ref() == checksum.as_slice())
    });
    if !first_is_ours {
        return Err(refused(BackupProblem::NotBranchDesk));
    }
    let newest = ours.iter().map(|m| m.version).max().unwrap_or(0);
    if applied.iter().any(|(version, _, _)| *version > newest) {
        return Err(refused(BackupProblem::Newer));
    }
    if applied.iter().any(|(_, success, _)| !success) {
        return Err(refused(BackupProblem::Unfinished));
    }
    // Made by this app, a backup has exactly its first N upgrades, as this app wrote them.
    let matches = applied.len() <= ours.len()
        && applied
            .iter()
            .zip(&ours)
            .all(|((version, _, checksum), m)| {
                m.version == *version && m.checksum.as_ref() == checksum.as_slice()
            });
    if !matches {
        return Err(refused(BackupProblem::Altered));
    }
    Ok(())
}

/// A backup copied beside the database and checked, ready to replace it with
/// [`StagedRestore::finish`]. Dropped unfinished, it removes its copy.
#[derive(Debug)]
pub struct StagedRestore {
    db_path: PathBuf,
    staging: PathBuf,
}

/// Copies the backup at `from` beside the database at `db_path`, checks the copy with
/// [`check_backup`] and writes the attachments it holds back into the attachments folder
/// (adding files, never removing any). The current database is not touched: a refused backup
/// changes nothing, and the caller may keep using the database until it calls `finish`.
pub async fn stage_restore(db_path: &Path, from: &Path) -> Result<StagedRestore> {
    match std::fs::metadata(from) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Err(refused(BackupProblem::Missing));
        }
        Err(error) => return Err(error.into()),
        // Copying a pipe or a device would wait forever or never end.
        Ok(metadata) if !metadata.is_file() => return Err(refused(BackupProblem::NotBranchDesk)),
        Ok(_) => {}
    }
    let staged = StagedRestore {
        db_path: db_path.to_path_buf(),
        staging: side_file(db_path, ".restoring"),
    };
    std::fs::copy(from, &staged.staging)?;
    check_backup(&staged.staging).await?;
    attachments::unpack(&staged.staging, &attachments_dir(db_path)).await?;
    super::sync_file(&staged.staging)?;
    Ok(staged)
}

impl StagedRestore {
    /// Keeps the current database as a pre-restore backup and puts the checked backup in its
    /// place. Every pool on the database must be closed first (see [`crate::store::close`]).
    ///
    /// A sound current database is copied with its attachments; one SQLite cannot copy
    /// (damaged, not a database) is moved into the backups folder as it is, with its log.
    /// Refused, changing nothing: another program's database in its place
    /// ([`StartupProblem::Foreign`]), and one that is locked or read-only (it could not be
    /// replaced; close the other program or make it writable first). Returns the pre-restore
    /// backup, or `None` when there was no database to keep.
    pub async fn finish(self, now: DateTime<Utc>) -> Result<Option<BackupInfo>> {
        let kept = keep_current(&self.db_path, now).await?;
        std::fs::rename(&self.staging, &self.db_path)?;
        sync_folder(&self.db_path);
        Ok(kept)
    }
}

impl Drop for StagedRestore {
    fn drop(&mut self) {
        // After `finish` the copy has become the database and this finds nothing.
        let _ = std::fs::remove_file(&self.staging);
    }
}

async fn keep_current(db_path: &Path, now: DateTime<Utc>) -> Result<Option<BackupInfo>> {
    match inspect(db_path).await {
        Ok(Contents::Missing) => Ok(None),
        Ok(Contents::Foreign) => Err(Error::Startup(StartupProblem::Foreign)),
        Ok(Contents::Ours) => match copy_current(db_path, now).await {
            Ok(kept) => {
                // The log and shared memory belong to the old database: were they left beside
                // the restored file, SQLite would replay them into it.
                for suffix in ["-wal", "-shm"] {
                    super::remove_if_there(&side_file(db_path, suffix))?;
                }
                Ok(Some(kept))
            }
            Err(error) => match StartupProblem::of(&error) {
                Some(
                    StartupProblem::Locked | StartupProblem::ReadOnly | StartupProblem::DiskFull,
                ) => Err(error),
                _ => move_aside(db_path, now).map(Some),
            },
        },
        Ok(Contents::Blank) | Err(Error::Startup(StartupProblem::Corrupt)) => {
            move_aside(db_path, now).map(Some)
        }
        Err(error) => Err(error),
    }
}

/// A pre-restore backup of the current database through a plain connection: no migration,
/// no change of journal mode.
async fn copy_current(db_path: &Path, now: DateTime<Utc>) -> Result<BackupInfo> {
    let options = SqliteConnectOptions::new()
        .filename(db_path)
        .create_if_missing(false);
    let mut conn = SqliteConnection::connect_with(&options).await?;
    let made = super::back_up_on(&mut conn, db_path, BackupKind::PreRestore, now).await;
    conn.close().await?;
    made
}

/// Moves a database SQLite cannot copy into the backups folder as the pre-restore backup, with
/// its log and shared-memory files, exactly as it is.
fn move_aside(db_path: &Path, now: DateTime<Utc>) -> Result<BackupInfo> {
    let aside = backup_path(db_path, BackupKind::PreRestore, now);
    std::fs::create_dir_all(backups_dir(db_path))?;
    std::fs::rename(db_path, &aside)?;
    for suffix in ["-wal", "-shm"] {
        let side = side_file(db_path, suffix);
        if side.exists() {
            std::fs::rename(&side, side_file(&aside, suffix))?;
        }
    }
    Ok(BackupInfo {
        size_bytes: std::fs::metadata(&aside).map_or(0, |m| m.len()),
        path: aside,
        made_at: now,
        kind: BackupKind::PreRestore,
    })
}
