//! The group workbook straight from the server: each branch's rows are loaded into a scratch
//! SQLite database of the branch's own schema, its month is computed by the same statistics
//! path the branch's own workbook uses (`stats::repo::monthly_report`, `stats::sets`), and the
//! branches are rolled up by the same code as `rollup` of files. No figure is defined twice.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use sqlx::{PgPool, SqlitePool};

use super::{pg_error, tables};
use crate::error::Result;
use crate::export::categories::CategoryNames;
use crate::export::workbook::branch_data_of;
use crate::export::{BranchData, Destination};
use crate::settings::Language;
use crate::stats::report::Month;

/// The branches that have sent their records (their `branch` row is on the server).
pub async fn branch_codes(pg: &PgPool) -> Result<Vec<String>> {
    sqlx::query_scalar(
        "SELECT g.branch_code FROM group_branches g
         WHERE EXISTS (SELECT 1 FROM branch_rows r
                       WHERE r.branch_code = g.branch_code AND r.tbl = 'branch')
         ORDER BY g.branch_code",
    )
    .fetch_all(pg)
    .await
    .map_err(pg_error)
}

/// Copies branch `code`'s rows from the server into `sqlite`, a freshly migrated database,
/// replacing whatever its migrations seeded.
pub async fn load_branch(pg: &PgPool, code: &str, sqlite: &SqlitePool) -> Result<()> {
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT tbl, data::text FROM branch_rows WHERE branch_code = $1")
            .bind(code)
            .fetch_all(pg)
            .await
            .map_err(pg_error)?;
    let mut by_table: BTreeMap<&str, String> = BTreeMap::new();
    for (table, data) in &rows {
        let list = by_table.entry(table.as_str()).or_insert_with(|| "[".into());
        if list.len() > 1 {
            list.push(',');
        }
        list.push_str(data);
    }
    let mut tx = crate::store::begin_write(sqlite).await?;
    // The rows arrive in any order; references are checked once all are in.
    sqlx::query("PRAGMA defer_foreign_keys = ON")
        .execute(&mut *tx)
        .await?;
    for (table, _) in tables::SENT {
        sqlx::query(sqlx::AssertSqlSafe(format!("DELETE FROM \"{table}\"")))
            .execute(&mut *tx)
            .await?;
        let Some(list) = by_table.get_mut(table) else {
            continue;
        };
        list.push(']');
        let columns: Vec<String> = sqlx::query_scalar("SELECT name FROM pragma_table_info(?)")
            .bind(table)
            .fetch_all(&mut *tx)
            .await?;
        let names = columns
            .iter()
            .map(|c| format!("\"{c}\""))
            .collect::<Vec<_>>()
            .join(", ");
        let values = columns
            .iter()
            .map(|c| format!("value ->> '{c}'"))
            .collect::<Vec<_>>()
            .join(", ");
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "INSERT INTO \"{table}\" ({names}) SELECT {values} FROM json_each(?)"
        )))
        .bind(list.as_str())
        .execute(&mut *tx)
        .await?;
    }
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

/// Every branch's figures for `month`, computed from its rows on the server, sorted by code;
/// [`crate::Error::NotFound`] when no branch has sent anything. The group dashboard and the
/// group workbook both read their figures here, so they cannot disagree.
pub async fn branches_month(
    pg: &PgPool,
    month: Month,
    lang: Language,
    now: DateTime<Utc>,
) -> Result<Vec<BranchData>> {
    let work = tempfile::tempdir()?;
    // Migrated once and copied per branch: migrating is most of a small branch's cost.
    let template = work.path().join("template.db");
    crate::store::close(crate::store::open(&template).await?).await;
    let codes = branch_codes(pg).await?;
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
    if branches.is_empty() {
        return Err(crate::Error::NotFound);
    }
    // The order branches finished in must not matter: rank from a fixed order.
    branches.sort_by(|a, b| a.code.cmp(&b.code));
    Ok(branches)
}

/// Writes the group workbook of `month` from the server to `out`; returns the branches,
/// ranked best first.
pub async fn group_report(
    pg: &PgPool,
    month: Month,
    lang: Language,
    now: DateTime<Utc>,
    out: &Destination,
) -> Result<Vec<BranchData>> {
    let branches = branches_month(pg, month, lang, now).await?;
    crate::export::rollup::rollup_branches(branches, month, lang, out)
}

fn joined(done: Result<Result<BranchData>, tokio::task::JoinError>) -> Result<BranchData> {
    done.map_err(|error| crate::Error::Io(std::io::Error::other(error.to_string())))?
}
