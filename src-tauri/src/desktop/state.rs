//! What the window keeps while it runs: the database path and its pool (or why it failed).

use std::path::PathBuf;

use sqlx::SqlitePool;

use crate::error::{Error, ErrorPayload, Result};
use crate::store;

/// The app's shared state, managed by Tauri.
pub struct AppState {
    /// The database file in use.
    pub db_path: PathBuf,
    pool: std::result::Result<SqlitePool, ErrorPayload>,
}

impl AppState {
    /// Opens the database; a failure is kept so the UI can explain it instead of crashing.
    pub async fn open(db_path: PathBuf) -> Self {
        let pool = store::open(&db_path).await.map_err(|error| {
            tracing::error!(%error, path = %db_path.display(), "could not open the database");
            ErrorPayload::from(&error)
        });
        AppState { db_path, pool }
    }

    /// The pool, or a database error when it could not be opened.
    pub fn pool(&self) -> Result<&SqlitePool> {
        self.pool
            .as_ref()
            .map_err(|_| Error::Database(sqlx::Error::PoolClosed))
    }

    /// Why the database could not be opened, if it could not.
    pub fn startup_error(&self) -> Option<ErrorPayload> {
        self.pool.as_ref().err().cloned()
    }
}
