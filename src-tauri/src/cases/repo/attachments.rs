//! Photos and documents attached to a case. Files are copied into an `attachments` folder
//! beside the database, so the case keeps its evidence even if the original is moved.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use sqlx::SqlitePool;

use super::journal::{Event, record_event};
use super::stamp;
use crate::error::{Error, Invalid, Result};

/// The largest file accepted (a phone photo or a scanned letter fits easily).
pub const MAX_ATTACHMENT_BYTES: u64 = 25 * 1024 * 1024;

/// File types a case may hold: photos and PDF.
pub const ALLOWED_EXTENSIONS: [&str; 7] = ["jpg", "jpeg", "png", "gif", "webp", "heic", "pdf"];

/// The folder holding attachments for the database at `db_path`.
pub fn attachments_dir(db_path: &Path) -> PathBuf {
    db_path
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join("attachments")
}

/// Keeps letters, digits, CJK and `.-_` of a file name, so a stored name is safe on every OS.
fn safe_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .take(80)
        .collect();
    if cleaned.trim_matches(['.', '_']).is_empty() {
        "file".into()
    } else {
        cleaned
    }
}

/// Copies `source` into the attachments folder and records it on the case and its timeline.
pub async fn add_attachment(
    pool: &SqlitePool,
    case_id: i64,
    source: &Path,
    dir: &Path,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64> {
    let file_name = source
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("file")
        .to_owned();
    let extension = source
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    if !ALLOWED_EXTENSIONS.contains(&extension.as_str()) {
        return Err(Error::invalid("attachment", Invalid::Choice));
    }
    let size = tokio::fs::metadata(source).await?.len();
    if size > MAX_ATTACHMENT_BYTES {
        return Err(Error::invalid("attachment", Invalid::TooLong));
    }
    let exists: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM cases WHERE id = ?")
        .bind(case_id)
        .fetch_one(pool)
        .await?;
    if exists == 0 {
        return Err(Error::NotFound);
    }
    let folder = dir.join(case_id.to_string());
    tokio::fs::create_dir_all(&folder).await?;
    let stored_name = format!(
        "{case_id}/{}-{}",
        now.timestamp_millis(),
        safe_name(&file_name)
    );
    let target = dir.join(&stored_name);
    tokio::fs::copy(source, &target).await?;
    let at = stamp(now);
    let mut tx = crate::store::begin_write(pool).await?;
    let id = sqlx::query(
        "INSERT INTO case_attachments (case_id, file_name, stored_name, size_bytes, added_at, added_by)
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(case_id)
    .bind(&file_name)
    .bind(&stored_name)
    .bind(i64::try_from(size).unwrap_or(i64::MAX))
    .bind(&at)
    .bind(actor)
    .execute(&mut *tx)
    .await?
    .last_insert_rowid();
    record_event(
        &mut tx,
        case_id,
        &at,
        actor,
        Event::plain("attachment", &file_name),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Where an attachment's copy lives.
pub async fn attachment_path(pool: &SqlitePool, attachment_id: i64, dir: &Path) -> Result<PathBuf> {
    let stored: String =
        sqlx::query_scalar("SELECT stored_name FROM case_attachments WHERE id = ?")
            .bind(attachment_id)
            .fetch_optional(pool)
            .await?
            .ok_or(Error::NotFound)?;
    Ok(dir.join(stored))
}

#[cfg(test)]
mod tests {
    use super::safe_name;

    #[test]
    fn stored_names_keep_only_safe_characters() {
        assert_eq!(safe_name("漏水 照片(1).jpg"), "漏水_照片_1_.jpg");
        assert_eq!(safe_name("../../etc/passwd"), ".._.._etc_passwd");
        assert_eq!(safe_name("..."), "file");
    }
}
