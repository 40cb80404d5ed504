//! Storing verification's verdict (justified or not, cause, fault): with the move that leaves
//! verification, or later as an edit with a reason. Each part is a column of the case with its
//! audit line; the timeline gets a `judgement` entry.

use chrono::{DateTime, Utc};
use sqlx::{SqliteConnection, SqlitePool};

use super::columns::{Edit, status_of};
use super::journal::Event;
use super::stamp;
use crate::cases::judgement::{Judgement, JudgementInput, check_judgement_edit};
use crate::error::Result;

/// The verdict stored on a case, if it has a whole one.
pub async fn stored_judgement(conn: &mut SqliteConnection, id: i64) -> Result<Option<Judgement>> {
    let row: Option<(Option<bool>, Option<String>, Option<String>)> =
        sqlx::query_as("SELECT justified, judgement_cause, fault FROM cases WHERE id = ?")
            .bind(id)
            .fetch_optional(conn)
            .await?;
    Ok(row.and_then(|(justified, cause, fault)| {
        Judgement::from_stored(justified, cause.as_deref(), fault.as_deref())
    }))
}

/// Writes the verdict's three columns (an audit line each that changed) and a timeline entry
/// whose body is `reason` and whose values are the old and new verdicts.
pub(super) async fn store_judgement(
    conn: &mut SqliteConnection,
    edit: Edit<'_>,
    judgement: &Judgement,
    reason: &str,
) -> Result<()> {
    let old = stored_judgement(conn, edit.id).await?.map(|j| j.summary());
    edit.set(
        conn,
        "justified",
        Some(i64::from(judgement.justified).to_string()),
    )
    .await?;
    edit.set(conn, "judgement_cause", Some(judgement.cause.to_owned()))
        .await?;
    edit.set(conn, "fault", Some(judgement.fault.as_str().to_owned()))
        .await?;
    let new = judgement.summary();
    let event = Event {
        kind: "judgement",
        body: reason,
        old_value: old.as_deref(),
        new_value: Some(&new),
    };
    edit.record(conn, event).await
}

/// Records or corrects the verdict outside the verification move. Changing one already
/// recorded needs a reason; a voided case has none.
pub async fn set_judgement(
    pool: &SqlitePool,
    id: i64,
    input: &JudgementInput,
    reason: Option<&str>,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut tx = crate::store::begin_write(pool).await?;
    let status = status_of(&mut tx, id).await?;
    let stored = stored_judgement(&mut tx, id).await?;
    let (judgement, reason) = check_judgement_edit(status, stored, input, reason)?;
    if stored == Some(judgement) {
        return Ok(());
    }
    let at = stamp(now);
    let edit = Edit { id, at: &at, actor };
    store_judgement(&mut tx, edit, &judgement, &reason).await?;
    tx.commit().await?;
    Ok(())
}
