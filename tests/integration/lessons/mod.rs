//! Lessons learned (issue 16 point 5) on real database files: written on closed cases with an
//! audit, found in the library (Chinese too), turned into a drill scenario and a measure, and
//! offered to each person as new since their last drill.

mod convert;
mod demo;
mod library;
mod record;

use sqlx::SqlitePool;

use super::export::branch;
pub use super::export::{HOSTILE, now};
use super::support::TempDb;
use branchdesk::lessons::LessonInput;

/// A postal branch "SH01" with cases 2 and 3 closed in October 2026 (case 2's description is
/// [`HOSTILE`]) and case 4 marked invalid.
pub async fn branch_with_closed_cases(db: &TempDb) -> SqlitePool {
    branch(db, "SH01", 3, 2).await
}

/// The ids of the closed cases of [`branch_with_closed_cases`].
pub const CLOSED: [i64; 2] = [2, 3];

/// A lesson with all three texts.
pub fn lesson(happened: &str, worked: &str, differently: &str) -> LessonInput {
    LessonInput {
        happened: happened.into(),
        worked: Some(worked.into()),
        differently: Some(differently.into()),
    }
}

/// The audit lines of a case whose field starts with `lesson_`, as (field, old, new).
pub async fn lesson_audit(
    pool: &SqlitePool,
    case_id: i64,
) -> Vec<(String, Option<String>, Option<String>)> {
    sqlx::query_as(
        "SELECT field, old_value, new_value FROM case_audit
         WHERE case_id = ? AND field LIKE 'lesson%' ORDER BY id",
    )
    .bind(case_id)
    .fetch_all(pool)
    .await
    .expect("audit")
}
