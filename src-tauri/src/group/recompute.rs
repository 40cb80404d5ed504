//! The group report's slow path, kept to cross-check the month figures branches send
//! (`group-report --recompute`) and for a branch whose figures for the month are missing or
//! were computed by another app version: each branch's rows are loaded into a scratch SQLite
//! database of the branch's own schema and its month is computed there by the same statistics
//! path the branch's own workbook uses (`stats::repo::monthly_report`).

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use sqlx::{PgPool, SqlitePool};

use super::{figures, pg_error};
use crate::error::Result;
use crate::export::BranchData;
use crate::export::categories::CategoryNames;
use crate::export::workbook::branch_data_of;
use crate::settings::Language;
use crate::stats::report::Month;

/// Copies branch `code`'s rows from the server into `sqlite`, a freshly migrated database,
/// replacing whatever its migrations seeded.
pub async fn load_branch(pg: &PgPool, code: &str, sqlite: &SqlitePool) -> Result<()> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT tbl, data::text FROM branch_rows WHERE branch_code = $1 AND tbl <> $2",
    )
    .bind(code)
    .bind(figures::TABLE)
    .fetch_all(pg)
    .await
    .map_err(pg_error)?;
    let mut tx = crate::store::begin_write(sqlite).await?;
    // The rows arrive in any order; references are checked once all are in.
    sqlx::query("PRAGMA defer_foreign_keys = ON")
        .execute(&mut *tx)
        .await?;
    super::copy::replace_sent_tables(&mut tx, &rows).await?;
    sqlx::query("DELETE FROM group_outbox")
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Branch `code`'s figures for `month`, computed from its rows on the server in a scratch
/// database copied from `template` (a freshly migrated, closed database) into `work`.
pub async fn branch_month(
    pg: &PgPool,
    code: &str,
    month: Month,
    lang: Language,
    now: DateTime<Utc>,
    template: &Path,
    work: &Path,
) -> Result<BranchData> {
    let path = work.join(format!("{code}.db"));
    std::fs::copy(template, &path)?;
    let sqlite = crate::store::open_existing(&path).await?;
    let result = async {
        load_branch(pg, code, &sqlite).await?;
        let report = crate::stats::repo::monthly_report(&sqlite, month, now).await?;
        let categories = CategoryNames::load(&sqlite).await?;
        Ok(branch_data_of(&report, &categories, lang))
    }
    .await;
    crate::store::close(sqlite).await;
    let _ = std::fs::remove_file(&path);
    result
}

/// Branches computed at once: loading one overlaps with computing another (SQLite works on
/// its own threads), without holding many scratch databases at a time.
const AT_ONCE: usize = 3;

/// The months of branches `codes` rebuilt from their raw rows, in no particular order.
pub async fn recompute(
    pg: &PgPool,
    codes: Vec<String>,
    month: Month,
    lang: Language,
    now: DateTime<Utc>,
) -> Result<Vec<BranchData>> {
    if codes.is_empty() {
        return Ok(Vec::new());
    }
    let work = tempfile::tempdir()?;
    // Migrated once and copied per branch: migrating is most of a small branch's cost.
    let template: PathBuf = work.path().join("template.db");
    crate::store::close(crate::store::open(&template).await?).await;
    let mut branches = Vec::with_capacity(codes.len());
    let mut running = tokio::task::JoinSet::new();
    for code in codes {
        if running.len() >= AT_ONCE
            && let Some(done) = running.join_next().await
        {
            branches.push(joined(done)?);
        }
        let (pg, template, dir) = (pg.clone(), template.clone(), work.path().to_path_buf());
        running.spawn(
            async move { branch_month(&pg, &code, month, lang, now, &template, &dir).await },
        );
    }
    while let Some(done) = running.join_next().await {
        branches.push(joined(done)?);
    }
    Ok(branches)
}

fn joined(done: Result<Result<BranchData>, tokio::task::JoinError>) -> Result<BranchData> {
    done.map_err(|error| crate::Error::Io(std::io::Error::other(error.to_string())))?
}
