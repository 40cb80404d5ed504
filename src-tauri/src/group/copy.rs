//! Server rows back into a branch-schema SQLite database: the drill-down's and the slow group
//! report's scratch databases are both filled this way.

use std::collections::BTreeMap;

use sqlx::SqliteConnection;

use super::tables;
use crate::error::Result;

/// Empties every sent table of the database behind `conn` and fills it with `rows` (table,
/// row as the JSON the branch sent), one `INSERT … SELECT … FROM json_each` per table. The
/// caller holds the transaction and decides how references are checked.
pub(super) async fn replace_sent_tables(
    conn: &mut SqliteConnection,
    rows: &[(String, String)],
) -> Result<()> {
    let mut by_table: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (table, data) in rows {
        by_table
            .entry(table.as_str())
            .or_default()
            .push(data.as_str());
    }
    for (table, _) in tables::SENT {
        sqlx::query(sqlx::AssertSqlSafe(format!("DELETE FROM \"{table}\"")))
            .execute(&mut *conn)
            .await?;
        let Some(list) = by_table.get(*table) else {
            continue;
        };
        let columns: Vec<String> = sqlx::query_scalar("SELECT name FROM pragma_table_info(?)")
            .bind(table)
            .fetch_all(&mut *conn)
            .await?;
        let names = columns
            .iter()
            .map(|c| format!("\"{c}\""))
            .collect::<Vec<_>>()
            .join(", ");
        let values = columns
            .iter()
            .map(|c| format!("value ->> '{}'", c.replace('\'', "''")))
            .collect::<Vec<_>>()
            .join(", ");
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "INSERT INTO \"{table}\" ({names}) SELECT {values} FROM json_each(?)"
        )))
        .bind(format!("[{}]", list.join(",")))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}
