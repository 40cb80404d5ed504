//! SQL for the branch, language, categories and time limits.

use sqlx::SqlitePool;

use super::model::{Branch, Category, Language, TimeLimit, ValidBranch};
use crate::error::{Error, Invalid, Result};
use crate::input::{MAX_NAME_CHARS, required_line};
use crate::store::{found, now_utc};

const LANGUAGE_KEY: &str = "language";

/// A `categories` row: id, seed key, user name, position, hidden.
type CategoryRow = (i64, Option<String>, Option<String>, i64, bool);

/// The branch, or `None` before first-run setup.
pub async fn get_branch(pool: &SqlitePool) -> Result<Option<Branch>> {
    let row: Option<(String, String, String, String, String)> = sqlx::query_as(
        "SELECT name, code, industry, timezone, created_at FROM branch WHERE id = 1",
    )
    .fetch_optional(pool)
    .await?;
    row.map(|(name, code, industry, timezone, created_at)| {
        Ok(Branch {
            name,
            code,
            industry: super::model::Industry::parse("industry", &industry)?,
            timezone,
            created_at,
        })
    })
    .transpose()
}

/// First-run setup: stores the branch, seeds the industry's categories and time limits and the
/// language, all in one transaction. Fails with `AlreadyInitialized` on a set-up database.
pub async fn setup_branch(
    pool: &SqlitePool,
    branch: &ValidBranch,
    language: Language,
) -> Result<Branch> {
    let now = now_utc();
    let mut tx = crate::store::begin_write(pool).await?;
    let exists: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM branch")
        .fetch_one(&mut *tx)
        .await?;
    if exists > 0 {
        return Err(Error::AlreadyInitialized);
    }
    sqlx::query(
        "INSERT INTO branch (id, name, code, industry, timezone, created_at, updated_at)
         VALUES (1, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&branch.name)
    .bind(branch.code.as_str())
    .bind(branch.industry.as_str())
    .bind(branch.timezone.name())
    .bind(&now)
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    for (index, key) in branch.industry.default_categories().into_iter().enumerate() {
        sqlx::query(
            "INSERT INTO categories (seed_key, position, created_at) VALUES (?, ?, ?)
             ON CONFLICT (seed_key) DO NOTHING",
        )
        .bind(key)
        .bind(index as i64 + 1)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
    }
    for limit in branch.industry.default_time_limits() {
        sqlx::query(
            "INSERT OR REPLACE INTO grade_time_limits (grade, acknowledge_hours, resolve_days) VALUES (?, ?, ?)",
        )
        .bind(limit.grade)
        .bind(limit.acknowledge_hours)
        .bind(limit.resolve_days)
        .execute(&mut *tx)
        .await?;
    }
    put_setting(&mut *tx, LANGUAGE_KEY, language.as_str()).await?;
    tx.commit().await?;
    get_branch(pool).await?.ok_or(Error::NotInitialized)
}

/// Changes the branch's details. A new code applies to case numbers issued from now on.
pub async fn update_branch(pool: &SqlitePool, branch: &ValidBranch) -> Result<Branch> {
    let changed = sqlx::query(
        "UPDATE branch SET name = ?, code = ?, industry = ?, timezone = ?, updated_at = ? WHERE id = 1",
    )
    .bind(&branch.name)
    .bind(branch.code.as_str())
    .bind(branch.industry.as_str())
    .bind(branch.timezone.name())
    .bind(now_utc())
    .execute(pool)
    .await?
    .rows_affected();
    if changed == 0 {
        return Err(Error::NotInitialized);
    }
    get_branch(pool).await?.ok_or(Error::NotInitialized)
}

pub(crate) async fn put_setting<'e, E>(executor: E, key: &str, value: &str) -> Result<()>
where
    E: sqlx::Executor<'e, Database = sqlx::Sqlite>,
{
    sqlx::query("INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(key)
        .bind(value)
        .execute(executor)
        .await?;
    Ok(())
}

/// A stored app setting (`app_settings` row), if set.
pub(crate) async fn get_setting(pool: &SqlitePool, key: &str) -> Result<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT value FROM app_settings WHERE key = ?")
            .bind(key)
            .fetch_optional(pool)
            .await?,
    )
}

/// The stored UI language, if one was chosen.
pub async fn get_language(pool: &SqlitePool) -> Result<Option<Language>> {
    let value: Option<String> = sqlx::query_scalar("SELECT value FROM app_settings WHERE key = ?")
        .bind(LANGUAGE_KEY)
        .fetch_optional(pool)
        .await?;
    Ok(value.and_then(|v| Language::parse(LANGUAGE_KEY, &v).ok()))
}

/// Stores the UI language.
pub async fn set_language(pool: &SqlitePool, language: Language) -> Result<()> {
    put_setting(pool, LANGUAGE_KEY, language.as_str()).await
}

/// Every category in list order, hidden ones included.
pub async fn list_categories(pool: &SqlitePool) -> Result<Vec<Category>> {
    let rows: Vec<CategoryRow> = sqlx::query_as(
        "SELECT id, seed_key, name, position, hidden FROM categories ORDER BY position, id",
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, seed_key, name, position, hidden)| Category {
            id,
            seed_key,
            name,
            position,
            hidden,
        })
        .collect())
}

async fn get_category(pool: &SqlitePool, id: i64) -> Result<Category> {
    list_categories(pool)
        .await?
        .into_iter()
        .find(|c| c.id == id)
        .ok_or(Error::NotFound)
}

async fn ensure_unique_name(pool: &SqlitePool, name: &str, except_id: i64) -> Result<()> {
    let clash: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM categories WHERE name = ? COLLATE NOCASE AND id <> ?",
    )
    .bind(name)
    .bind(except_id)
    .fetch_one(pool)
    .await?;
    if clash > 0 {
        return Err(Error::Duplicate {
            field: "name".into(),
        });
    }
    Ok(())
}

/// Adds a category at the end of the list.
pub async fn add_category(pool: &SqlitePool, name: &str) -> Result<Category> {
    let name = required_line("name", name, MAX_NAME_CHARS)?;
    ensure_unique_name(pool, &name, 0).await?;
    let id = sqlx::query(
        "INSERT INTO categories (name, position, created_at)
         VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM categories), ?)",
    )
    .bind(&name)
    .bind(now_utc())
    .execute(pool)
    .await?
    .last_insert_rowid();
    get_category(pool, id).await
}

/// Gives a category the user's own name (a seeded one stops following the dictionary).
pub async fn rename_category(pool: &SqlitePool, id: i64, name: &str) -> Result<Category> {
    let name = required_line("name", name, MAX_NAME_CHARS)?;
    ensure_unique_name(pool, &name, id).await?;
    let done = sqlx::query("UPDATE categories SET name = ? WHERE id = ?")
        .bind(&name)
        .bind(id)
        .execute(pool)
        .await?;
    found(done)?;
    get_category(pool, id).await
}

/// Hides or shows a category.
pub async fn set_category_hidden(pool: &SqlitePool, id: i64, hidden: bool) -> Result<Category> {
    let done = sqlx::query("UPDATE categories SET hidden = ? WHERE id = ?")
        .bind(hidden)
        .bind(id)
        .execute(pool)
        .await?;
    found(done)?;
    get_category(pool, id).await
}

/// Moves a category up (`offset` < 0) or down (`offset` > 0) by one place and renumbers the
/// list; moving past either end leaves the order unchanged.
pub async fn move_category(pool: &SqlitePool, id: i64, offset: i32) -> Result<Vec<Category>> {
    let mut ids: Vec<i64> = list_categories(pool)
        .await?
        .into_iter()
        .map(|c| c.id)
        .collect();
    let from = ids.iter().position(|&c| c == id).ok_or(Error::NotFound)?;
    let to = if offset < 0 {
        from.saturating_sub(1)
    } else {
        (from + 1).min(ids.len() - 1)
    };
    ids.swap(from, to);
    let mut tx = crate::store::begin_write(pool).await?;
    for (index, category_id) in ids.iter().enumerate() {
        sqlx::query("UPDATE categories SET position = ? WHERE id = ?")
            .bind(index as i64 + 1)
            .bind(category_id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    list_categories(pool).await
}

/// Deletes an unused category. One that any record refers to (a foreign key) is refused with
/// `InUse`: the user can hide it instead, so old records keep their category.
pub async fn delete_category(pool: &SqlitePool, id: i64) -> Result<()> {
    let result = sqlx::query("DELETE FROM categories WHERE id = ?")
        .bind(id)
        .execute(pool)
        .await;
    match result {
        Ok(done) if done.rows_affected() == 0 => Err(Error::NotFound),
        Ok(_) => Ok(()),
        Err(sqlx::Error::Database(db)) if db.is_foreign_key_violation() => Err(Error::InUse),
        Err(other) => Err(other.into()),
    }
}

/// The time limits for grades 1–4.
pub async fn get_time_limits(pool: &SqlitePool) -> Result<Vec<TimeLimit>> {
    let rows: Vec<(u8, u32, u32)> = sqlx::query_as(
        "SELECT grade, acknowledge_hours, resolve_days FROM grade_time_limits ORDER BY grade",
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(grade, acknowledge_hours, resolve_days)| TimeLimit {
            grade,
            acknowledge_hours,
            resolve_days,
        })
        .collect())
}

/// Replaces the time limits after checking all four.
pub async fn update_time_limits(pool: &SqlitePool, limits: &[TimeLimit]) -> Result<Vec<TimeLimit>> {
    let limits = super::model::parse_time_limits(limits)?;
    let mut tx = crate::store::begin_write(pool).await?;
    for limit in limits {
        sqlx::query("INSERT OR REPLACE INTO grade_time_limits (grade, acknowledge_hours, resolve_days) VALUES (?, ?, ?)")
            .bind(limit.grade)
            .bind(limit.acknowledge_hours)
            .bind(limit.resolve_days)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    get_time_limits(pool).await
}

/// Refuses an unknown or unsupported language code.
pub fn parse_language(value: &str) -> Result<Language> {
    Language::parse("language", value).map_err(|_| Error::invalid("language", Invalid::Language))
}
