//! The curriculum: modules in their current version, their items and assignments; adding,
//! editing (a new version), reordering and retiring modules; assigning them.

use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::{SqliteConnection, SqlitePool};

use super::require_staff;
use crate::cases::repo::stamp;
use crate::error::{Error, Result};
use crate::training::input::{Assignee, ValidModule};
use crate::training::version::{Texts, VersionItem, changed, plan_items};
use crate::training::withdrawal::{Withdrawal, withdrawal_reason};

/// A module in its current version.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Module {
    /// Row id.
    pub id: i64,
    /// Set on seeded modules.
    pub seed_key: Option<String>,
    /// The industry of an industry module.
    pub industry: Option<String>,
    /// Months until a refresher is due.
    pub refresher_months: Option<u32>,
    /// Retired modules keep their history but leave the matrix.
    pub retired: bool,
    /// The current version's number (1 for a module never edited).
    pub version: i64,
    /// English title.
    pub title_en: String,
    /// Chinese title.
    pub title_zh: String,
    /// The checklist.
    pub items: Vec<Item>,
    /// Who it is assigned to.
    pub assignments: Vec<Assignment>,
    /// Assignments taken back, newest withdrawal first: they count nowhere but stay on record.
    pub withdrawn_assignments: Vec<Assignment>,
}

/// A checklist item of the current version.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Item {
    /// Row id (this version's).
    pub id: i64,
    /// Stable across versions.
    pub lineage_id: i64,
    /// English text.
    pub text_en: String,
    /// Chinese text.
    pub text_zh: String,
}

/// One assignment.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Assignment {
    /// Row id.
    pub id: i64,
    /// The person, for a personal assignment.
    pub staff_id: Option<i64>,
    /// The person's name.
    pub staff_name: Option<String>,
    /// The position, for a position-wide assignment.
    pub position: Option<String>,
    /// When it was assigned, RFC 3339 UTC.
    pub assigned_at: String,
    /// Set when the assignment was withdrawn.
    pub withdrawn: Option<Withdrawal>,
}

type ModuleRow = (
    i64,
    Option<String>,
    Option<String>,
    Option<u32>,
    bool,
    i64,
    i64,
    String,
    String,
);

/// An assignment row with the withdrawer's name.
#[derive(sqlx::FromRow)]
struct AssignmentRow {
    id: i64,
    staff_id: Option<i64>,
    staff_name: Option<String>,
    position: Option<String>,
    assigned_at: String,
    withdrawn_at: Option<String>,
    withdrawn_by: Option<String>,
    withdrawn_reason: Option<String>,
}

const CURRENT: &str = "SELECT m.id, m.seed_key, m.industry, m.refresher_months, m.retired,
        v.id, v.version, v.title_en, v.title_zh
    FROM training_modules m JOIN training_module_versions v ON v.module_id = m.id
    WHERE v.version = (SELECT MAX(version) FROM training_module_versions WHERE module_id = m.id)";

/// Every module in curriculum order; retired ones only when asked for.
pub async fn list_modules(pool: &SqlitePool, include_retired: bool) -> Result<Vec<Module>> {
    let mut conn = pool.acquire().await?;
    let rows: Vec<ModuleRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{CURRENT} AND (m.retired = 0 OR ?) ORDER BY m.position, m.id"
    )))
    .bind(include_retired)
    .fetch_all(&mut *conn)
    .await?;
    let mut modules = Vec::with_capacity(rows.len());
    for row in rows {
        modules.push(module_from_row(&mut conn, row).await?);
    }
    Ok(modules)
}

/// One module in its current version.
pub async fn get_module(conn: &mut SqliteConnection, id: i64) -> Result<Module> {
    let row: ModuleRow = sqlx::query_as(sqlx::AssertSqlSafe(format!("{CURRENT} AND m.id = ?")))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(Error::NotFound)?;
    module_from_row(conn, row).await
}

async fn module_from_row(conn: &mut SqliteConnection, row: ModuleRow) -> Result<Module> {
    let (
        id,
        seed_key,
        industry,
        refresher_months,
        retired,
        version_id,
        version,
        title_en,
        title_zh,
    ) = row;
    let items: Vec<(i64, i64, String, String)> = sqlx::query_as(
        "SELECT id, lineage_id, text_en, text_zh FROM training_items
         WHERE version_id = ? ORDER BY position, id",
    )
    .bind(version_id)
    .fetch_all(&mut *conn)
    .await?;
    let assignments: Vec<AssignmentRow> = sqlx::query_as(
        "SELECT a.id, a.staff_id, s.name AS staff_name, a.position, a.assigned_at, a.withdrawn_at,
                w.name AS withdrawn_by, a.withdrawn_reason
         FROM training_assignments a
         LEFT JOIN staff s ON s.id = a.staff_id LEFT JOIN staff w ON w.id = a.withdrawn_by
         WHERE a.module_id = ?
         ORDER BY a.withdrawn_at DESC, a.position IS NULL, a.position, s.name, a.id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let (withdrawn, in_force): (Vec<_>, Vec<_>) = assignments
        .into_iter()
        .partition(|a| a.withdrawn_at.is_some());
    Ok(Module {
        id,
        seed_key,
        industry,
        refresher_months,
        retired,
        version,
        title_en,
        title_zh,
        items: items
            .into_iter()
            .map(|(id, lineage_id, text_en, text_zh)| Item {
                id,
                lineage_id,
                text_en,
                text_zh,
            })
            .collect(),
        assignments: in_force.into_iter().map(assignment_from_row).collect(),
        withdrawn_assignments: withdrawn.into_iter().map(assignment_from_row).collect(),
    })
}

fn assignment_from_row(row: AssignmentRow) -> Assignment {
    Assignment {
        id: row.id,
        staff_id: row.staff_id,
        staff_name: row.staff_name,
        position: row.position,
        assigned_at: row.assigned_at,
        withdrawn: Withdrawal::from_columns(
            row.withdrawn_at,
            row.withdrawn_by,
            row.withdrawn_reason,
        ),
    }
}

/// Adds a module (`id` = `None`) or edits one. An edit that changes the title or the checklist
/// writes a new version; sign-offs already recorded stay on the items they were given for.
pub async fn save_module(
    pool: &SqlitePool,
    id: Option<i64>,
    module: &ValidModule,
    now: DateTime<Utc>,
) -> Result<Module> {
    let mut tx = crate::store::begin_write(pool).await?;
    let at = stamp(now);
    let id = match id {
        None => {
            let position: i64 =
                sqlx::query_scalar("SELECT COALESCE(MAX(position), 0) + 1 FROM training_modules")
                    .fetch_one(&mut *tx)
                    .await?;
            let id = sqlx::query(
                "INSERT INTO training_modules (refresher_months, position, created_at) VALUES (?, ?, ?)",
            )
            .bind(module.refresher_months)
            .bind(position)
            .bind(&at)
            .execute(&mut *tx)
            .await?
            .last_insert_rowid();
            let items = plan_items(&[], &module.items);
            write_version(&mut tx, id, 1, &Texts::typed(&module.title), &items, &at).await?;
            id
        }
        Some(id) => {
            let current = get_module(&mut tx, id).await?;
            let title = Texts {
                en: current.title_en.clone(),
                zh: current.title_zh.clone(),
            };
            let existing: Vec<VersionItem> = current
                .items
                .iter()
                .map(|item| VersionItem {
                    lineage: Some(item.lineage_id),
                    texts: Texts {
                        en: item.text_en.clone(),
                        zh: item.text_zh.clone(),
                    },
                })
                .collect();
            let new_title = title.edited(&module.title);
            let planned = plan_items(&existing, &module.items);
            if changed(&title, &existing, &new_title, &planned) {
                write_version(&mut tx, id, current.version + 1, &new_title, &planned, &at).await?;
            }
            sqlx::query("UPDATE training_modules SET refresher_months = ? WHERE id = ?")
                .bind(module.refresher_months)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            id
        }
    };
    let saved = get_module(&mut tx, id).await?;
    tx.commit().await?;
    Ok(saved)
}

async fn write_version(
    conn: &mut SqliteConnection,
    module_id: i64,
    version: i64,
    title: &Texts,
    items: &[VersionItem],
    at: &str,
) -> Result<()> {
    let version_id = sqlx::query(
        "INSERT INTO training_module_versions (module_id, version, title_en, title_zh, created_at)
         VALUES (?, ?, ?, ?, ?)",
    )
    .bind(module_id)
    .bind(version)
    .bind(&title.en)
    .bind(&title.zh)
    .bind(at)
    .execute(&mut *conn)
    .await?
    .last_insert_rowid();
    for (position, item) in items.iter().enumerate() {
        let id = sqlx::query(
            "INSERT INTO training_items (version_id, lineage_id, position, text_en, text_zh)
             VALUES (?, COALESCE(?, 0), ?, ?, ?)",
        )
        .bind(version_id)
        .bind(item.lineage)
        .bind(position as i64)
        .bind(&item.texts.en)
        .bind(&item.texts.zh)
        .execute(&mut *conn)
        .await?
        .last_insert_rowid();
        if item.lineage.is_none() {
            // A new item starts its own lineage.
            sqlx::query("UPDATE training_items SET lineage_id = id WHERE id = ?")
                .bind(id)
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(())
}

/// Moves a module one place up (`offset` < 0) or down in the curriculum.
pub async fn move_module(pool: &SqlitePool, id: i64, offset: i64) -> Result<Vec<Module>> {
    let mut tx = crate::store::begin_write(pool).await?;
    let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM training_modules ORDER BY position, id")
        .fetch_all(&mut *tx)
        .await?;
    let from = ids.iter().position(|m| *m == id).ok_or(Error::NotFound)?;
    let to = (from as i64 + offset.signum()).clamp(0, ids.len() as i64 - 1) as usize;
    let mut order = ids;
    order.swap(from, to);
    for (position, module) in order.iter().enumerate() {
        sqlx::query("UPDATE training_modules SET position = ? WHERE id = ?")
            .bind(position as i64 + 1)
            .bind(module)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    list_modules(pool, true).await
}

/// Retires a module (it leaves the matrix; its history stays) or brings it back.
pub async fn set_module_retired(pool: &SqlitePool, id: i64, retired: bool) -> Result<Module> {
    crate::store::found(
        sqlx::query("UPDATE training_modules SET retired = ? WHERE id = ?")
            .bind(retired)
            .bind(id)
            .execute(pool)
            .await?,
    )?;
    get_module(&mut *pool.acquire().await?, id).await
}

/// Assigns a module to a person or a position; assigning twice changes nothing (assigning
/// again after a withdrawal is a new assignment).
pub async fn assign(
    pool: &SqlitePool,
    module_id: i64,
    to: &Assignee,
    now: DateTime<Utc>,
) -> Result<Module> {
    let mut tx = crate::store::begin_write(pool).await?;
    assign_in(&mut tx, module_id, to, now).await?;
    let module = get_module(&mut tx, module_id).await?;
    tx.commit().await?;
    Ok(module)
}

/// [`assign`] on the caller's connection (inside its transaction).
pub async fn assign_in(
    conn: &mut SqliteConnection,
    module_id: i64,
    to: &Assignee,
    now: DateTime<Utc>,
) -> Result<()> {
    get_module(conn, module_id).await?;
    let (staff_id, position) = match to {
        Assignee::Person(id) => {
            require_staff(conn, "staffId", *id).await?;
            (Some(*id), None)
        }
        Assignee::Position(position) => (None, Some(position.as_str())),
    };
    let exists: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM training_assignments
         WHERE module_id = ? AND staff_id IS ? AND position IS ? AND withdrawn_at IS NULL",
    )
    .bind(module_id)
    .bind(staff_id)
    .bind(position)
    .fetch_optional(&mut *conn)
    .await?;
    if exists.is_none() {
        sqlx::query(
            "INSERT INTO training_assignments (module_id, staff_id, position, assigned_at) VALUES (?, ?, ?, ?)",
        )
        .bind(module_id)
        .bind(staff_id)
        .bind(position)
        .bind(stamp(now))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Withdraws an assignment made by mistake: it stays on the module's record, marked with
/// `reason`, `actor` (the person at the computer, if set) and `now`, and counts nowhere (sign-offs
/// already given stay in the person's history). One already withdrawn, or none, is `not_found`.
pub async fn withdraw_assignment(
    pool: &SqlitePool,
    assignment_id: i64,
    reason: &str,
    actor: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Module> {
    let reason = withdrawal_reason(reason)?;
    let mut tx = crate::store::begin_write(pool).await?;
    let module_id: i64 = sqlx::query_scalar(
        "SELECT module_id FROM training_assignments WHERE id = ? AND withdrawn_at IS NULL",
    )
    .bind(assignment_id)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(Error::NotFound)?;
    sqlx::query(
        "UPDATE training_assignments SET withdrawn_at = ?, withdrawn_by = ?, withdrawn_reason = ?
         WHERE id = ?",
    )
    .bind(stamp(now))
    .bind(actor)
    .bind(&reason)
    .bind(assignment_id)
    .execute(&mut *tx)
    .await?;
    let module = get_module(&mut tx, module_id).await?;
    tx.commit().await?;
    Ok(module)
}
