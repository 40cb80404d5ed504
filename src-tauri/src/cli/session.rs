//! The databases a command opens. Each is closed through [`store::close`] when the command
//! ends, whether it succeeded or failed part-way, so whatever it committed is in the `.db` file
//! itself and a copy of that file alone is complete (as the app does on quitting).

use std::path::Path;

use sqlx::SqlitePool;

use crate::error::Result;
use crate::store;

/// The pools opened by the running command.
#[derive(Debug, Default)]
pub struct Opened(Vec<SqlitePool>);

impl Opened {
    /// Opens the BranchDesk database at `path`; where there is none, fails with
    /// [`crate::Error::NoDatabase`] and creates nothing (only `init` makes a database).
    pub async fn existing(&mut self, path: &Path) -> Result<SqlitePool> {
        let pool = store::open_existing(path).await?;
        self.0.push(pool.clone());
        Ok(pool)
    }

    /// Opens the database at `path`, creating it if there is none (for `init`).
    pub async fn creating(&mut self, path: &Path) -> Result<SqlitePool> {
        let pool = store::open(path).await?;
        self.0.push(pool.clone());
        Ok(pool)
    }

    /// Writes each database's log back into its file and closes it.
    pub async fn close_all(self) {
        for pool in self.0 {
            store::close(pool).await;
        }
    }
}
