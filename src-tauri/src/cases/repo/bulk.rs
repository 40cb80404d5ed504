//! Many rows in few statements: `… VALUES (…), (…), …` with thousands of rows per statement.
//! Each statement is a round trip to the connection's worker thread; and SQLite makes FTS5
//! flush its pending terms, and copies every page a statement touches into a statement journal,
//! at the start of each statement that may need undoing. So fewer, larger statements are faster.
//! Binding values directly is also much cheaper for SQLite than unpacking JSON.

use sqlx::sqlite::SqliteArguments;
use sqlx::{Arguments, Encode, Sqlite, SqliteConnection, Type};

use crate::error::{Error, Result};

/// The most parameters one statement may have (SQLite's default limit, 32,766).
const MAX_PARAMETERS: usize = 32_766;

/// Rows being bound for one statement, shaped like a row template such as `(?, ?, 'new', ?)`.
pub struct Values {
    row: String,
    width: usize,
    args: SqliteArguments,
    rows: usize,
}

/// One statement's text and arguments; `persistent` when its size recurs, so the connection
/// keeps it prepared (a one-off remainder is finalized after use instead of filling the cache).
pub struct Statement {
    /// The SQL text.
    pub sql: String,
    /// The bound values.
    pub args: SqliteArguments,
    /// Whether to keep the statement prepared.
    pub persistent: bool,
}

impl Values {
    /// Rows shaped like `row`, e.g. `(?, ?, 'new')`.
    pub fn new(row: &str) -> Self {
        Values {
            row: row.to_owned(),
            width: row.matches('?').count(),
            args: SqliteArguments::default(),
            rows: 0,
        }
    }

    /// The most rows one statement takes: a power of two within the parameter limit.
    fn largest(&self) -> usize {
        1 << (MAX_PARAMETERS / self.width.max(1)).max(1).ilog2()
    }

    /// The row counts of the statements that write `rows` rows: full ones, then the rest.
    pub fn sizes(&self, rows: usize) -> Vec<usize> {
        let largest = self.largest();
        (0..rows.div_ceil(largest))
            .map(|i| largest.min(rows - i * largest))
            .collect()
    }

    /// Adds the next value of the current row.
    pub fn add<T>(&mut self, value: T) -> Result<()>
    where
        T: for<'q> Encode<'q, Sqlite> + Type<Sqlite> + Send + 'static,
    {
        self.args
            .add(value)
            .map_err(|e| Error::Database(sqlx::Error::Encode(e)))
    }

    /// Marks the end of a row.
    pub fn end_row(&mut self) {
        self.rows += 1;
    }

    /// `head VALUES (…), (…) tail` for the rows bound, with their arguments; starts afresh.
    pub fn take(&mut self, head: &str, tail: &str) -> Statement {
        let persistent = self.rows == self.largest() || self.rows == 1;
        let rows = vec![self.row.as_str(); self.rows].join(", ");
        self.rows = 0;
        Statement {
            sql: format!("{head} VALUES {rows}{tail}"),
            args: std::mem::take(&mut self.args),
            persistent,
        }
    }
}

/// Runs `head VALUES (row), (row)… tail` over `rows`; `bind` adds one row's values in the order
/// of `row`'s placeholders.
pub async fn execute_rows<R>(
    conn: &mut SqliteConnection,
    (head, row, tail): (&str, &str, &str),
    rows: &[R],
    mut bind: impl FnMut(&mut Values, &R) -> Result<()>,
) -> Result<()> {
    let mut values = Values::new(row);
    let mut rest = rows;
    for size in values.sizes(rows.len()) {
        let (chunk, after) = rest.split_at(size);
        rest = after;
        for item in chunk {
            bind(&mut values, item)?;
            values.end_row();
        }
        let statement = values.take(head, tail);
        sqlx::query_with(sqlx::AssertSqlSafe(statement.sql), statement.args)
            .persistent(statement.persistent)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_go_in_as_few_statements_as_the_parameter_limit_allows() {
        let values = Values::new("(?, ?, 'new')");
        // 32,766 parameters fit 16,383 rows of two; the largest power of two below is 8,192.
        assert_eq!(values.sizes(20_000), [8192, 8192, 3616]);
        assert_eq!(values.sizes(1), [1]);
        assert!(values.sizes(0).is_empty());
        let wide = Values::new(&format!("({})", vec!["?"; 10_000].join(", ")));
        assert_eq!(wide.sizes(5), [2, 2, 1]);
    }

    #[test]
    fn statements_list_the_rows_bound() {
        let mut values = Values::new("(?, ?, 'new')");
        for n in 0..2 {
            values.add(n).unwrap();
            values.add("x").unwrap();
            values.end_row();
        }
        let statement = values.take("INSERT INTO t (a, b, c)", " RETURNING a");
        assert_eq!(
            statement.sql,
            "INSERT INTO t (a, b, c) VALUES (?, ?, 'new'), (?, ?, 'new') RETURNING a"
        );
        assert!(!statement.persistent, "a one-off size is not kept");
        values.add(1).unwrap();
        values.add("y").unwrap();
        values.end_row();
        assert!(values.take("X", "").persistent, "single rows recur: intake");
    }
}
