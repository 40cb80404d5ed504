//! A case's attachments travel inside its backup. They live as files in a folder beside the
//! database, which `VACUUM INTO` does not see; so once the copy is made, each file the copy's
//! cases refer to is stored in it, in a table only backups have, and a restore writes them back.
//! A backup stays one file, complete on its own, which is what a user copies to a USB stick.

use std::path::{Component, Path};

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sqlx::{Connection, SqliteConnection};

use crate::error::{Error, Result};

/// The table, present only in backups, holding attachment files by their stored name
/// (written out in each query below, which sqlx wants as literals).
const TABLE: &str = "backup_attachments";

/// A connection on a copy that is being built (a backup, or a restore's staging file): a plain
/// rollback journal, so nothing but the file itself is left when it closes.
pub(super) async fn open_copy(path: &Path) -> Result<SqliteConnection> {
    let options = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(false)
        .journal_mode(SqliteJournalMode::Delete)
        .synchronous(SqliteSynchronous::Full);
    Ok(SqliteConnection::connect_with(&options).await?)
}

async fn has_table(conn: &mut SqliteConnection, name: &str) -> Result<bool> {
    let count: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?")
            .bind(name)
            .fetch_one(&mut *conn)
            .await?;
    Ok(count > 0)
}

/// Whether `name` is a stored name as BranchDesk makes them (`<case id>/<safe file name>`), so
/// writing it under the attachments folder cannot reach anywhere else.
pub(super) fn is_safe_name(name: &str) -> bool {
    let path = Path::new(name);
    let parts: Vec<Component> = path.components().collect();
    let [Component::Normal(case), Component::Normal(file)] = parts.as_slice() else {
        return false;
    };
    let case = case.to_string_lossy();
    let file = file.to_string_lossy();
    !case.is_empty()
        && case.chars().all(|c| c.is_ascii_digit())
        && file
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'))
        && !name.contains('\\')
}

/// Stores in the backup being built at `copy` every attachment file (from `dir`) that its cases
/// refer to. A file that has gone missing from the folder is skipped: the backup holds what
/// there is.
pub(super) async fn pack(copy: &Path, dir: &Path) -> Result<()> {
    let mut conn = open_copy(copy).await?;
    let packed = pack_on(&mut conn, dir).await;
    conn.close().await?;
    packed
}

async fn pack_on(conn: &mut SqliteConnection, dir: &Path) -> Result<()> {
    if !has_table(conn, "case_attachments").await? {
        return Ok(());
    }
    let names: Vec<String> = sqlx::query_scalar("SELECT stored_name FROM case_attachments")
        .fetch_all(&mut *conn)
        .await?;
    if names.is_empty() {
        return Ok(());
    }
    let mut tx = conn.begin().await?;
    sqlx::query(
        "CREATE TABLE backup_attachments (stored_name TEXT PRIMARY KEY, content BLOB NOT NULL)",
    )
    .execute(&mut *tx)
    .await?;
    for name in names.iter().filter(|n| is_safe_name(n)) {
        let content = match tokio::fs::read(dir.join(name)).await {
            Ok(content) => content,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                tracing::warn!(name, "an attachment file is missing; not in the backup");
                continue;
            }
            Err(error) => return Err(error.into()),
        };
        sqlx::query(
            "INSERT OR REPLACE INTO backup_attachments (stored_name, content) VALUES (?, ?)",
        )
        .bind(name)
        .bind(content)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The stored names a backup holds; an unsafe one means the file was not made by BranchDesk.
pub(super) async fn check_names(conn: &mut SqliteConnection) -> Result<bool> {
    if !has_table(conn, TABLE).await? {
        return Ok(true);
    }
    let names: Vec<String> = sqlx::query_scalar("SELECT stored_name FROM backup_attachments")
        .fetch_all(&mut *conn)
        .await?;
    Ok(names.iter().all(|n| is_safe_name(n)))
}

/// Writes the attachments stored in the restore's staging copy back into `dir` (each through a
/// temporary file and a rename; files already there with the same content are left alone, and
/// files the backup does not hold are kept), then takes the table out of the copy and compacts
/// it, so the restored database is the database alone.
pub(super) async fn unpack(staging: &Path, dir: &Path) -> Result<()> {
    let mut conn = open_copy(staging).await?;
    let unpacked = unpack_on(&mut conn, dir).await;
    conn.close().await?;
    unpacked
}

async fn unpack_on(conn: &mut SqliteConnection, dir: &Path) -> Result<()> {
    if !has_table(conn, TABLE).await? {
        return Ok(());
    }
    let names: Vec<String> = sqlx::query_scalar("SELECT stored_name FROM backup_attachments")
        .fetch_all(&mut *conn)
        .await?;
    for name in &names {
        if !is_safe_name(name) {
            return Err(Error::Backup(super::BackupProblem::NotBranchDesk));
        }
        let content: Vec<u8> =
            sqlx::query_scalar("SELECT content FROM backup_attachments WHERE stored_name = ?")
                .bind(name)
                .fetch_one(&mut *conn)
                .await?;
        write_back(&dir.join(name), &content)?;
    }
    sqlx::query("DROP TABLE backup_attachments")
        .execute(&mut *conn)
        .await?;
    sqlx::query("VACUUM").execute(&mut *conn).await?;
    Ok(())
}

fn write_back(target: &Path, content: &[u8]) -> Result<()> {
    if std::fs::read(target).is_ok_and(|there| there == content) {
        return Ok(());
    }
    if let Some(folder) = target.parent() {
        std::fs::create_dir_all(folder)?;
    }
    let mut temporary = target.as_os_str().to_owned();
    temporary.push(".restoring");
    std::fs::write(&temporary, content)?;
    super::sync_file(Path::new(&temporary))?;
    std::fs::rename(&temporary, target)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::is_safe_name;

    #[test]
    fn only_names_the_app_makes_are_written_back() {
        assert!(is_safe_name("12/1732262400000-漏水_照片.jpg"));
        assert!(!is_safe_name("../escape.jpg"));
        assert!(!is_safe_name("12/../../escape.jpg"));
        assert!(!is_safe_name("/etc/passwd"));
        assert!(!is_safe_name("12/sub/deeper.jpg"));
        assert!(!is_safe_name("x/photo.jpg"));
        assert!(!is_safe_name("12/.."));
        assert!(!is_safe_name("12\\..\\escape.jpg"));
        assert!(!is_safe_name("photo.jpg"));
    }
}
