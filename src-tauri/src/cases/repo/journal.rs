//! The timeline and the audit trail: every change to a case leaves a line in both places that
//! concern it, in the same transaction as the change.

use sqlx::SqliteConnection;

use crate::error::Result;

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
