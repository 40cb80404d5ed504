//! The timeline and the audit trail: every change to a case leaves a line in both places that
//! concern it, in the same transaction as the change.

use sqlx::{SqliteConnection, SqlitePool};

use crate::error::Result;

const CURRENT_STAFF_KEY: &str = "current_staff_id";

/// The staff member working at this computer, in whose name changes are recorded.
pub async fn current_actor(pool: &SqlitePool) -> Result<Option<i64>> {
    let value: Option<String> = sqlx::query_scalar(
        "SELECT s.value FROM app_settings s JOIN staff ON staff.id = CAST(s.value AS INTEGER)
         WHERE s.key = ? AND staff.active = 1",
    )
    .bind(CURRENT_STAFF_KEY)
    .fetch_optional(pool)
    .await?;
    Ok(value.and_then(|v| v.parse().ok()))
}

/// Records who is working at this computer (`None` clears it).
pub async fn set_current_actor(pool: &SqlitePool, staff_id: Option<i64>) -> Result<()> {
    match staff_id {
        Some(id) => {
            crate::staff::repo::get_staff(pool, id).await?;
            sqlx::query(
                "INSERT INTO app_settings (key, value) VALUES (?, ?)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            )
            .bind(CURRENT_STAFF_KEY)
            .bind(id.to_string())
            .execute(pool)
            .await?;
        }
        None => {
            sqlx::query("DELETE FROM app_settings WHERE key = ?")
                .bind(CURRENT_STAFF_KEY)
                .execute(pool)
                .await?;
        }
    }
    Ok(())
}

/// One timeline entry.
pub struct Event<'a> {
    /// `created`, `status`, `grade`, `note`, `call`, `visit`, `pause`, `resume`, `attachment`,
    /// `escalation`, `edit`.
    pub kind: &'a str,
    /// Free text (a note, a reason).
    pub body: &'a str,
    /// The value before, for changes.
    pub old_value: Option<&'a str>,
    /// The value after, for changes.
    pub new_value: Option<&'a str>,
}

impl<'a> Event<'a> {
    /// An entry that changes no value: a note, a pause, a resume.
    pub fn plain(kind: &'a str, body: &'a str) -> Self {
        Event {
            kind,
            body,
            old_value: None,
            new_value: None,
        }
    }
}

/// Adds a timeline entry.
pub async fn record_event(
    conn: &mut SqliteConnection,
    case_id: i64,
    at: &str,
    author: Option<i64>,
    event: Event<'_>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO case_events (case_id, at, author_id, kind, body, old_value, new_value)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(case_id)
    .bind(at)
    .bind(author)
    .bind(event.kind)
    .bind(event.body)
    .bind(event.old_value)
    .bind(event.new_value)
    .execute(conn)
    .await?;
    Ok(())
}

/// Adds an audit line for one field.
pub async fn record_audit(
    conn: &mut SqliteConnection,
    case_id: i64,
    at: &str,
    actor: Option<i64>,
    field: &str,
    old_value: Option<&str>,
    new_value: Option<&str>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO case_audit (case_id, at, actor_id, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(case_id)
    .bind(at)
    .bind(actor)
    .bind(field)
    .bind(old_value)
    .bind(new_value)
    .execute(conn)
    .await?;
    Ok(())
}

/// Replaces a case's entries in both search indexes.
pub async fn index_case(conn: &mut SqliteConnection, case_id: i64, fields: &[&str]) -> Result<()> {
    use crate::cases::search::{gram_body, trigram_body};
    sqlx::query("DELETE FROM case_search_trigram WHERE rowid = ?")
        .bind(case_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM case_search_grams WHERE rowid = ?")
        .bind(case_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("INSERT INTO case_search_trigram (rowid, body) VALUES (?, ?)")
        .bind(case_id)
        .bind(trigram_body(fields))
        .execute(&mut *conn)
        .await?;
    sqlx::query("INSERT INTO case_search_grams (rowid, body) VALUES (?, ?)")
        .bind(case_id)
        .bind(gram_body(fields))
        .execute(&mut *conn)
        .await?;
    Ok(())
}
