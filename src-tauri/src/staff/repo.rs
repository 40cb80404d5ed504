//! SQL for the staff directory.

use std::collections::{HashMap, HashSet};

use sqlx::{SqliteConnection, SqlitePool};

use super::activity::on_staff_at;
use super::model::{Staff, ValidStaff};
use crate::error::{Error, Result};
use crate::store::{found, now_utc};

/// A `staff` row: id, name, position, department, phone, start date, active.
type StaffRow = (
    i64,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    bool,
);

fn staff_from_row((id, name, position, department, phone, start_date, active): StaffRow) -> Staff {
    Staff {
        id,
        name,
        position,
        department,
        phone,
        start_date,
        active,
    }
}

/// Everyone, active people first then by name; former staff only when asked for.
pub async fn list_staff(pool: &SqlitePool, include_inactive: bool) -> Result<Vec<Staff>> {
    let rows: Vec<StaffRow> = sqlx::query_as(
        "SELECT id, name, position, department, phone, start_date, active FROM staff
         WHERE active = 1 OR ? ORDER BY active DESC, name COLLATE NOCASE, id",
    )
    .bind(include_inactive)
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(staff_from_row).collect())
}

/// One person by id.
pub async fn get_staff(pool: &SqlitePool, id: i64) -> Result<Staff> {
    let row: Option<StaffRow> = sqlx::query_as(
        "SELECT id, name, position, department, phone, start_date, active FROM staff WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?;
    row.map(staff_from_row).ok_or(Error::NotFound)
}

/// Adds a person (active).
pub async fn add_staff(pool: &SqlitePool, staff: &ValidStaff) -> Result<Staff> {
    let now = now_utc();
    let id = sqlx::query(
        "INSERT INTO staff (name, position, department, phone, start_date, active, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 1, ?, ?)",
    )
    .bind(&staff.name)
    .bind(&staff.position)
    .bind(&staff.department)
    .bind(&staff.phone)
    .bind(staff.start_date.map(|d| d.to_string()))
    .bind(&now)
    .bind(&now)
    .execute(pool)
    .await?
    .last_insert_rowid();
    get_staff(pool, id).await
}

/// Replaces a person's details.
pub async fn update_staff(pool: &SqlitePool, id: i64, staff: &ValidStaff) -> Result<Staff> {
    let done = sqlx::query(
        "UPDATE staff SET name = ?, position = ?, department = ?, phone = ?, start_date = ?, updated_at = ?
         WHERE id = ?",
    )
    .bind(&staff.name)
    .bind(&staff.position)
    .bind(&staff.department)
    .bind(&staff.phone)
    .bind(staff.start_date.map(|d| d.to_string()))
    .bind(now_utc())
    .bind(id)
    .execute(pool)
    .await?;
    found(done)?;
    get_staff(pool, id).await
}

/// Deactivates (keeps the record and its history) or reactivates a person. A change is also
/// written to `staff_activity`, so past months still count who was on staff then.
pub async fn set_staff_active(pool: &SqlitePool, id: i64, active: bool) -> Result<Staff> {
    let mut tx = crate::store::begin_write(pool).await?;
    let was: bool = sqlx::query_scalar("SELECT active FROM staff WHERE id = ?")
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(Error::NotFound)?;
    let now = now_utc();
    sqlx::query("UPDATE staff SET active = ?, updated_at = ? WHERE id = ?")
        .bind(active)
        .bind(&now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    if was != active {
        sqlx::query("INSERT INTO staff_activity (staff_id, active, changed_at) VALUES (?, ?, ?)")
            .bind(id)
            .bind(active)
            .bind(&now)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    get_staff(pool, id).await
}

/// Everyone on staff at the instant `at` (RFC 3339 UTC, whole seconds), by name: created by
/// then and active by their latest change before it (see [`on_staff_at`]).
pub async fn staff_at(conn: &mut SqliteConnection, at: &str) -> Result<Vec<Staff>> {
    let created: Vec<(i64, String)> = sqlx::query_as(
        "SELECT id, created_at FROM staff WHERE created_at <= ? ORDER BY name COLLATE NOCASE, id",
    )
    .bind(at)
    .fetch_all(&mut *conn)
    .await?;
    let rows: Vec<(i64, String, bool)> = sqlx::query_as(
        "SELECT staff_id, changed_at, active FROM staff_activity WHERE changed_at <= ?
         ORDER BY staff_id, changed_at, id",
    )
    .bind(at)
    .fetch_all(&mut *conn)
    .await?;
    let mut changes: HashMap<i64, Vec<(String, bool)>> = HashMap::new();
    for (staff_id, changed_at, active) in rows {
        changes
            .entry(staff_id)
            .or_default()
            .push((changed_at, active));
    }
    let on_staff: HashSet<i64> = created
        .into_iter()
        .filter(|(id, created_at)| {
            on_staff_at(created_at, changes.get(id).map_or(&[], Vec::as_slice), at)
        })
        .map(|(id, _)| id)
        .collect();
    let everyone: Vec<StaffRow> = sqlx::query_as(
        "SELECT id, name, position, department, phone, start_date, active FROM staff
         ORDER BY name COLLATE NOCASE, id",
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(everyone
        .into_iter()
        .filter(|row| on_staff.contains(&row.0))
        .map(staff_from_row)
        .collect())
}
