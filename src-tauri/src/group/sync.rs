//! Sending the outbox: batches read in order, each upserted into the server inside one
//! PostgreSQL transaction, and removed from the outbox only after that transaction committed.
//! A crash or a lost connection anywhere repeats at most one batch and never skips one; and
//! since each row is sent in its current state keyed by (branch code, table, key), repeating a
//! batch (or a whole sync) changes nothing on the server.

use std::collections::{BTreeMap, HashMap, HashSet};

use sqlx::{PgPool, SqlitePool};

use super::{GroupProblem, figures, pg_error, tables};
use crate::error::Result;

/// The `app_settings` key holding when the last sync finished (not itself sent).
pub const LAST_SYNC_KEY: &str = "group.last_sync";

/// How a sync runs.
#[derive(Debug, Clone, Copy)]
pub struct SyncOptions {
    /// Outbox entries per batch (one PostgreSQL transaction each).
    pub batch_rows: u32,
    /// Stop with [`GroupProblem::Interrupted`] right after this many batches were committed on
    /// the server but before the last of them is removed from the outbox: the worst moment for
    /// a crash, used by the tests to prove a resumed sync neither loses nor duplicates rows.
    pub fail_after_batches: Option<u32>,
}

impl Default for SyncOptions {
    fn default() -> Self {
        SyncOptions {
            batch_rows: 5_000,
            fail_after_batches: None,
        }
    }
}

/// What a send did.
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SendReport {
    /// Rows sent (inserted or updated on the server) per kind of record.
    pub sent: BTreeMap<&'static str, u64>,
    /// Rows removed on the server because the branch deleted them.
    pub removed: u64,
    /// Batches committed.
    pub batches: u32,
    /// Months whose figures were computed and sent (see [`super::figures`]).
    pub months: u32,
}

/// How many changes wait in the outbox.
pub async fn pending(sqlite: &SqlitePool) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT count(*) FROM group_outbox")
        .fetch_one(sqlite)
        .await?)
}

/// When the last sync finished (RFC 3339), if ever.
pub async fn last_sync(sqlite: &SqlitePool) -> Result<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT value FROM app_settings WHERE key = ?")
            .bind(LAST_SYNC_KEY)
            .fetch_optional(sqlite)
            .await?,
    )
}

/// Checks that the role logged in at `pg` is the branch role of `code`.
pub async fn check_role(pg: &PgPool, code: &str) -> Result<()> {
    let mine: Option<String> = sqlx::query_scalar("SELECT group_my_branch()")
        .fetch_one(pg)
        .await
        .map_err(pg_error)?;
    if mine.as_deref() == Some(code) {
        Ok(())
    } else {
        Err(GroupProblem::WrongRole.into())
    }
}

/// Sends everything in the outbox to `pg` as branch `code`, batch by batch.
pub async fn send(
    sqlite: &SqlitePool,
    pg: &PgPool,
    code: &str,
    options: SyncOptions,
) -> Result<SendReport> {
    let mut report = SendReport::default();
    let mut readers = Readers::default();
    let mut after = 0;
    // The batch being written on the server while the next one is read here: reading and
    // sending overlap, yet each batch starts only once the one before it has committed.
    let mut writing: Option<(Writing, Batch)> = None;
    while let Some(mut batch) = read_batch(sqlite, &mut readers, after, options.batch_rows).await? {
        after = batch.last_seq;
        // Before the batch can leave the outbox, so a sync cut short still recomputes them.
        figures::note_batch(sqlite, batch.last_seq).await?;
        if let Some((write, done)) = writing.take() {
            finish(sqlite, write, done, &mut report, options).await?;
        }
        let (pg, code) = (pg.clone(), code.to_owned());
        let (upserts, gone) = (
            std::mem::take(&mut batch.upserts),
            std::mem::take(&mut batch.gone),
        );
        let write = tokio::spawn(async move { write_batch(&pg, &code, &upserts, &gone).await });
        writing = Some((write, batch));
    }
    if let Some((write, done)) = writing.take() {
        finish(sqlite, write, done, &mut report, options).await?;
    }
    report.months = figures::send(sqlite, pg, code, chrono::Utc::now()).await?;
    sqlx::query(
        "INSERT INTO app_settings (key, value) VALUES (?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(LAST_SYNC_KEY)
    .bind(crate::store::now_utc())
    .execute(sqlite)
    .await?;
    Ok(report)
}

/// A server write under way: the rows it removed.
type Writing = tokio::task::JoinHandle<Result<u64>>;

/// One batch of the outbox, read and ready to send.
struct Batch {
    /// The last outbox entry it covers.
    last_seq: i64,
    /// The rows to upsert, as a JSON array of {t, k, d}.
    upserts: String,
    /// The (table, key) of rows deleted here.
    gone: (Vec<String>, Vec<String>),
    /// Rows to upsert per kind.
    counts: BTreeMap<&'static str, u64>,
}

/// Reads the next batch of at most `limit` outbox entries after `after`, with the current
/// state of each row they name; `None` when the outbox holds nothing more.
async fn read_batch(
    sqlite: &SqlitePool,
    readers: &mut Readers,
    after: i64,
    limit: u32,
) -> Result<Option<Batch>> {
    let entries: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT seq, tbl, row_key FROM group_outbox WHERE seq > ? ORDER BY seq LIMIT ?",
    )
    .bind(after)
    .bind(limit.max(1))
    .fetch_all(sqlite)
    .await?;
    let Some(&(last_seq, _, _)) = entries.last() else {
        return Ok(None);
    };
    let mut keys: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    let mut seen = HashSet::new();
    for (_, table, key) in &entries {
        if let Some((table, _)) = tables::key_columns(table)
            && seen.insert((table, key.as_str()))
        {
            keys.entry(table).or_default().push(key.clone());
        }
    }
    let mut batch = Batch {
        last_seq,
        upserts: String::from("["),
        gone: (Vec::new(), Vec::new()),
        counts: BTreeMap::new(),
    };
    for (table, keys) in keys {
        let sql = readers.sql(sqlite, table).await?;
        let list = serde_json::to_string(&keys).unwrap_or_else(|_| "[]".into());
        let rows: Vec<(String, Option<String>)> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(list)
            .fetch_all(sqlite)
            .await?;
        for (key, data) in rows {
            match data {
                Some(data) => {
                    let upserts = &mut batch.upserts;
                    if upserts.len() > 1 {
                        upserts.push(',');
                    }
                    upserts.push_str("{\"t\":\"");
                    upserts.push_str(table);
                    upserts.push_str("\",\"k\":");
                    upserts.push_str(&serde_json::to_string(&key).unwrap_or_default());
                    upserts.push_str(",\"d\":");
                    upserts.push_str(&data);
                    upserts.push('}');
                    *batch.counts.entry(tables::kind(table)).or_default() += 1;
                }
                None => {
                    batch.gone.0.push(table.to_owned());
                    batch.gone.1.push(key);
                }
            }
        }
    }
    batch.upserts.push(']');
    Ok(Some(batch))
}

/// Waits for a batch's server transaction, counts it, and only then removes its entries
/// from the outbox.
async fn finish(
    sqlite: &SqlitePool,
    write: Writing,
    batch: Batch,
    report: &mut SendReport,
    options: SyncOptions,
) -> Result<()> {
    let removed = write
        .await
        .map_err(|error| crate::Error::Io(std::io::Error::other(error.to_string())))??;
    report.batches += 1;
    report.removed += removed;
    for (kind, count) in batch.counts {
        *report.sent.entry(kind).or_default() += count;
    }
    if options.fail_after_batches == Some(report.batches) {
        return Err(GroupProblem::Interrupted.into());
    }
    sqlx::query("DELETE FROM group_outbox WHERE seq <= ?")
        .bind(batch.last_seq)
        .execute(sqlite)
        .await?;
    Ok(())
}

/// One batch in one server transaction: the upserts as one multi-row statement over a JSON
/// array, then the deletions. Returns how many rows were removed.
async fn write_batch(
    pg: &PgPool,
    code: &str,
    upserts: &str,
    gone: &(Vec<String>, Vec<String>),
) -> Result<u64> {
    let mut tx = pg.begin().await.map_err(pg_error)?;
    sqlx::query(
        "INSERT INTO branch_rows (branch_code, tbl, row_key, data)
         SELECT $1, r.t, r.k, r.d FROM jsonb_to_recordset($2::jsonb) AS r(t text, k text, d jsonb)
         ON CONFLICT (branch_code, tbl, row_key) DO UPDATE
             SET data = EXCLUDED.data, synced_at = now()
             WHERE branch_rows.data IS DISTINCT FROM EXCLUDED.data",
    )
    .bind(code)
    .bind(upserts)
    .execute(&mut *tx)
    .await
    .map_err(pg_error)?;
    let mut removed = 0;
    if !gone.0.is_empty() {
        removed = sqlx::query(
            "DELETE FROM branch_rows WHERE branch_code = $1
             AND (tbl, row_key) IN (SELECT * FROM UNNEST($2::text[], $3::text[]))",
        )
        .bind(code)
        .bind(&gone.0)
        .bind(&gone.1)
        .execute(&mut *tx)
        .await
        .map_err(pg_error)?
        .rows_affected();
    }
    tx.commit().await.map_err(pg_error)?;
    Ok(removed)
}

/// The SELECT that reads a table's rows by outbox key as JSON objects, built once per table
/// from the table's columns (so a column added by a later migration is sent too).
#[derive(Debug, Default)]
struct Readers(HashMap<&'static str, String>);

impl Readers {
    async fn sql(&mut self, sqlite: &SqlitePool, table: &'static str) -> Result<String> {
        if let Some(sql) = self.0.get(table) {
            return Ok(sql.clone());
        }
        let columns: Vec<String> = sqlx::query_scalar("SELECT name FROM pragma_table_info(?)")
            .bind(table)
            .fetch_all(sqlite)
            .await?;
        let sql = reader_sql(table, &columns);
        self.0.insert(table, sql.clone());
        Ok(sql)
    }
}

/// `SELECT key, json_object(...)` for each key in the JSON array `?1`; the object is NULL
/// where the row no longer exists. Column names come from the schema and are quoted.
fn reader_sql(table: &'static str, columns: &[String]) -> String {
    let pk = tables::key_columns(table).map_or(&[][..], |(_, pk)| pk);
    let object = columns
        .iter()
        .map(|c| format!("'{c}', t.\"{c}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let matches = pk
        .iter()
        .enumerate()
        .map(|(i, c)| format!("t.\"{c}\" = json_extract(o.value, '$[{i}]')"))
        .collect::<Vec<_>>()
        .join(" AND ");
    format!(
        "SELECT o.value, (SELECT json_object({object}) FROM \"{table}\" t WHERE {matches}) \
         FROM json_each(?1) o"
    )
}
