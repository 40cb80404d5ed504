//! SQL for the staff directory.

use sqlx::SqlitePool;

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

/// Deactivates (keeps the record and its history) or reactivates a person.
pub async fn set_staff_active(pool: &SqlitePool, id: i64, active: bool) -> Result<Staff> {
    let done = sqlx::query("UPDATE staff SET active = ?, updated_at = ? WHERE id = ?")
        .bind(active)
        .bind(now_utc())
        .bind(id)
        .execute(pool)
        .await?;
    found(done)?;
    get_staff(pool, id).await
}
