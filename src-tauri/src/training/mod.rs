//! Staff training: the curriculum (modules of checklist items, versioned), assignments and
//! sign-offs, the training matrix, role-play scenarios and drills scored against the rubric.
//! Rules live in the model files; SQL in `repo`.

pub mod demo;
pub mod export;
pub mod input;
pub mod model;
pub mod repo;
pub mod rubric;
pub mod snapshot;
pub mod suggest;
pub mod version;
pub mod withdrawal;

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqlitePool;

use crate::error::Result;
pub use repo::matrix::Completion;

/// How many of the people `module_id` is assigned to had completed it at `at`.
pub async fn module_completion(
    pool: &SqlitePool,
    module_id: i64,
    at: DateTime<Utc>,
) -> Result<Completion> {
    repo::matrix::module_completion(pool, module_id, at).await
}

/// How many drills were held with `scenario_id` from the local day `since` on.
pub async fn drills_held_since(
    pool: &SqlitePool,
    scenario_id: i64,
    since: NaiveDate,
) -> Result<i64> {
    repo::drills::drills_held_since(pool, scenario_id, since).await
}
