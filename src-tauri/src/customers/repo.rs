//! Writing customer records: creating one, adding the keys it is recognised by, changing its
//! details or key-customer flag, its audit trail and its search entries. Each public change
//! runs in one transaction and leaves an audit line per field.

use chrono::{DateTime, Utc};
use sqlx::{SqliteConnection, SqlitePool};

use super::matching::{name_key, phone_key, reference_key};
use super::model::{CustomerEdit, CustomerRefusal, KeyFlag};
use crate::cases::CustomerType;
use crate::cases::repo::stamp;
use crate::cases::search::{gram_body, trigram_body};
use crate::error::{Error, Result};

/// Adds an audit line for one field of customer `id`.
pub async fn audit(
    conn: &mut SqliteConnection,
    id: i64,
    at: &str,
    actor: Option<i64>,
    field: &str,
    old_value: Option<&str>,
    new_value: Option<&str>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO customer_audit (customer_id, at, actor_id, field, old_value, new_value)
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(id)
    .bind(at)
    .bind(actor)
    .bind(field)
    .bind(old_value)
    .bind(new_value)
    .execute(conn)
    .await?;
    Ok(())
}

/// Creates a customer named `name` (may be empty) of type `customer_type`; returns its id.
pub async fn create(
    conn: &mut SqliteConnection,
    name: &str,
    customer_type: CustomerType,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64> {
    let at = stamp(now);
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO customers (name, name_key, customer_type, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(name)
    .bind(name_key(name))
    .bind(customer_type.as_str())
    .bind(&at)
    .bind(&at)
    .fetch_one(&mut *conn)
    .await?;
    audit(conn, id, &at, actor, "created", None, Some(name)).await?;
    Ok(id)
}

/// Adds the phone and reference of a complaint to customer `id` where it does not have them
/// yet (each new one audited as `key`), and gives a nameless record the complaint's name.
pub async fn add_keys(
    conn: &mut SqliteConnection,
    id: i64,
    name: &str,
    phone: Option<&str>,
    reference: Option<&str>,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let at = stamp(now);
    let keys = [
        ("phone", phone, phone_key(phone)),
        ("reference", reference, reference_key(reference)),
    ];
    for (kind, value, key) in keys {
        let (Some(value), Some(key)) = (value, key) else {
            continue;
        };
        let added = sqlx::query(
            "INSERT OR IGNORE INTO customer_keys (customer_id, kind, value, match_key)
             VALUES (?, ?, ?, ?)",
        )
        .bind(id)
        .bind(kind)
        .bind(value)
        .bind(&key)
        .execute(&mut *conn)
        .await?
        .rows_affected();
        if added > 0 {
            audit(conn, id, &at, actor, kind, None, Some(value)).await?;
        }
    }
    if !name.trim().is_empty() {
        let named = sqlx::query(
            "UPDATE customers SET name = ?, name_key = ?, updated_at = ? WHERE id = ? AND name = ''",
        )
        .bind(name)
        .bind(name_key(name))
        .bind(&at)
        .bind(id)
        .execute(&mut *conn)
        .await?
        .rows_affected();
        if named > 0 {
            audit(conn, id, &at, actor, "name", Some(""), Some(name)).await?;
        }
    }
    Ok(())
}

/// Writes customer `id`'s search entries afresh (name, phones, references, notes); a merged
/// record is taken out of the index.
pub async fn reindex(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    for table in ["customer_search_trigram", "customer_search_grams"] {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DELETE FROM {table} WHERE rowid = ?"
        )))
        .bind(id)
        .execute(&mut *conn)
        .await?;
    }
    let row: Option<(String, String, String)> = sqlx::query_as(
        "SELECT name, notes, COALESCE((SELECT group_concat(value, ' ') FROM customer_keys
             WHERE customer_id = customers.id), '')
         FROM customers WHERE id = ? AND merged_into IS NULL",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((name, notes, keys)) = row else {
        return Ok(());
    };
    let fields = [name.as_str(), keys.as_str(), notes.as_str()];
    sqlx::query("INSERT INTO customer_search_trigram (rowid, body) VALUES (?, ?)")
        .bind(id)
        .bind(trigram_body(&fields))
        .execute(&mut *conn)
        .await?;
    sqlx::query("INSERT INTO customer_search_grams (rowid, body) VALUES (?, ?)")
        .bind(id)
        .bind(gram_body(&fields))
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// A live record's stored name, type, notes, key flag and reason.
pub(super) struct Live {
    /// Name.
    pub name: String,
    /// Type code.
    pub customer_type: String,
    /// Notes.
    pub notes: String,
    /// Key customer.
    pub key_customer: bool,
    /// Why.
    pub key_reason: Option<String>,
}

/// Customer `id` as stored, for a change: [`Error::NotFound`] when there is none, a refusal
/// when it was merged away.
pub(super) async fn live(conn: &mut SqliteConnection, id: i64) -> Result<Live> {
    type Row = (String, String, String, bool, Option<String>, Option<i64>);
    let row: Option<Row> = sqlx::query_as(
        "SELECT name, customer_type, notes, key_customer, key_reason, merged_into
         FROM customers WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    match row {
        None => Err(Error::NotFound),
        Some((.., Some(_))) => Err(Error::Customer(CustomerRefusal::AlreadyMerged)),
        Some((name, customer_type, notes, key_customer, key_reason, None)) => Ok(Live {
            name,
            customer_type,
            notes,
            key_customer,
            key_reason,
        }),
    }
}

/// Changes a customer's name, type and notes; each changed field is audited.
pub async fn update(
    pool: &SqlitePool,
    id: i64,
    edit: &CustomerEdit,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let valid = edit.parse()?;
    let mut tx = crate::store::begin_write(pool).await?;
    let Live {
        name,
        customer_type: kind,
        notes,
        ..
    } = live(&mut tx, id).await?;
    let at = stamp(now);
    let changes = [
        ("name", name, valid.name.clone()),
        (
            "customer_type",
            kind,
            valid.customer_type.as_str().to_owned(),
        ),
        ("notes", notes, valid.notes.clone()),
    ];
    for (field, old, new) in changes.iter().filter(|(_, old, new)| old != new) {
        audit(&mut tx, id, &at, actor, field, Some(old), Some(new)).await?;
    }
    sqlx::query(
        "UPDATE customers SET name = ?, name_key = ?, customer_type = ?, notes = ?, updated_at = ?
         WHERE id = ?",
    )
    .bind(&valid.name)
    .bind(name_key(&valid.name))
    .bind(valid.customer_type.as_str())
    .bind(&valid.notes)
    .bind(&at)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    reindex(&mut tx, id).await?;
    tx.commit().await?;
    Ok(())
}

/// Sets or clears the key-customer (重点客户) flag; setting needs a reason. Audited as
/// `key_customer` (with the reason as the new value when set).
pub async fn set_key_flag(
    pool: &SqlitePool,
    id: i64,
    flag: &KeyFlag,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let reason = flag.parse()?;
    let mut tx = crate::store::begin_write(pool).await?;
    let stored = live(&mut tx, id).await?;
    let at = stamp(now);
    let describe = |key: bool, reason: Option<&str>| match (key, reason) {
        (true, Some(reason)) => reason.to_owned(),
        (true, None) => "yes".to_owned(),
        (false, _) => "no".to_owned(),
    };
    let old = describe(stored.key_customer, stored.key_reason.as_deref());
    let new = describe(flag.key_customer, reason.as_deref());
    if old != new {
        audit(
            &mut tx,
            id,
            &at,
            actor,
            "key_customer",
            Some(&old),
            Some(&new),
        )
        .await?;
    }
    sqlx::query(
        "UPDATE customers SET key_customer = ?, key_reason = ?, updated_at = ? WHERE id = ?",
    )
    .bind(flag.key_customer)
    .bind(&reason)
    .bind(&at)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}
