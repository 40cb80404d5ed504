//! The training matrix (staff × modules), a person's training page, and completion figures,
//! all read from one [`Snapshot`] of the branch at an instant.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::{SqliteConnection, SqlitePool};

use super::{branch_tz, local_day, parse_day};
use crate::cases::repo::stamp;
use crate::error::{Error, Invalid, Result};
use crate::staff::repo::staff_at;
use crate::training::model::{Cell, CellStatus, percent};
use crate::training::snapshot::{ModuleAt, PersonAt, Snapshot};

/// A person with their name and department, as the matrix lists them.
#[derive(Debug, Clone)]
pub(crate) struct Person {
    pub(crate) at: PersonAt,
    pub(crate) name: String,
    pub(crate) department: String,
}

/// Loads the snapshot at `at`: modules in the version then in force (retired ones only when
/// asked for), assignments made by then, sign-offs dated up to that local day, and the people
/// on staff at that instant (created by then and not deactivated as it stood). Withdrawn
/// assignments and sign-offs count at no instant, past ones included: they were mistakes.
pub(crate) async fn load_snapshot(
    conn: &mut SqliteConnection,
    at: DateTime<Utc>,
    include_retired: bool,
) -> Result<(Snapshot, Vec<Person>)> {
    let tz = branch_tz(conn).await?;
    let today = local_day(at, tz);
    let instant = stamp(at);
    let modules: Vec<(i64, Option<u32>, i64)> = sqlx::query_as(
        "SELECT m.id, m.refresher_months, v.id FROM training_modules m
         JOIN training_module_versions v ON v.module_id = m.id
         WHERE (m.retired = 0 OR ?2) AND v.version = (SELECT MAX(version)
             FROM training_module_versions WHERE module_id = m.id AND created_at <= ?1)
         ORDER BY m.position, m.id",
    )
    .bind(&instant)
    .bind(include_retired)
    .fetch_all(&mut *conn)
    .await?;
    let items: Vec<(i64, i64, i64)> = sqlx::query_as(
        "SELECT version_id, id, lineage_id FROM training_items ORDER BY version_id, position, id",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut snapshot = Snapshot {
        today,
        modules: modules
            .into_iter()
            .map(|(id, refresher_months, version)| ModuleAt {
                id,
                refresher_months,
                items: items
                    .iter()
                    .filter(|(v, _, _)| *v == version)
                    .map(|(_, item, lineage)| (*item, *lineage))
                    .collect(),
            })
            .collect(),
        ..Default::default()
    };
    let assignments: Vec<(i64, Option<i64>, Option<String>)> = sqlx::query_as(
        "SELECT module_id, staff_id, position FROM training_assignments
         WHERE assigned_at <= ? AND withdrawn_at IS NULL",
    )
    .bind(&instant)
    .fetch_all(&mut *conn)
    .await?;
    for (module, staff, position) in assignments {
        match (staff, position) {
            (Some(staff), _) => {
                snapshot.to_people.insert((module, staff));
            }
            (None, Some(position)) => {
                snapshot.to_positions.insert((module, position));
            }
            (None, None) => {}
        }
    }
    let latest: Vec<(i64, i64, String)> = sqlx::query_as(
        "SELECT s.staff_id, i.lineage_id, MAX(s.signed_on) FROM training_signoffs s
         JOIN training_items i ON i.id = s.item_id
         WHERE s.signed_on <= ? AND s.withdrawn_at IS NULL
         GROUP BY s.staff_id, i.lineage_id",
    )
    .bind(today.to_string())
    .fetch_all(&mut *conn)
    .await?;
    for (staff, lineage, day) in latest {
        snapshot.latest.insert((staff, lineage), parse_day(&day)?);
    }
    let people = staff_at(conn, &instant)
        .await?
        .into_iter()
        .map(|p| Person {
            at: PersonAt {
                id: p.id,
                position: p.position,
            },
            name: p.name,
            department: p.department,
        })
        .collect();
    Ok((snapshot, people))
}

/// Which people the matrix shows.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MatrixFilter {
    /// Only this department.
    #[serde(default)]
    pub department: Option<String>,
    /// Only this position.
    #[serde(default)]
    pub position: Option<String>,
    /// Only people with at least one module in this state (e.g. `overdue`).
    #[serde(default)]
    pub status: Option<String>,
}

/// The matrix.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Matrix {
    /// The local day it was computed for.
    pub today: String,
    /// The columns.
    pub modules: Vec<MatrixModule>,
    /// The rows (after filtering).
    pub people: Vec<MatrixPerson>,
    /// Every department of active staff, for the filter.
    pub departments: Vec<String>,
    /// Every position of active staff, for the filter (and position-wide assignment).
    pub positions: Vec<String>,
}

/// A column: a module and how many of the shown people completed it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MatrixModule {
    /// Module id.
    pub id: i64,
    /// English title.
    pub title_en: String,
    /// Chinese title.
    pub title_zh: String,
    /// Refresher interval.
    pub refresher_months: Option<u32>,
    /// Shown people it is assigned to.
    pub assigned: usize,
    /// Of those, complete (or due soon).
    pub complete: usize,
    /// `complete ÷ assigned` in whole percent; `None` when assigned to nobody shown.
    pub percent: Option<u32>,
}

/// A row: a person, their cells (in column order) and completion.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MatrixPerson {
    /// Staff id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Position.
    pub position: String,
    /// Department.
    pub department: String,
    /// One cell per module.
    pub cells: Vec<Cell>,
    /// Modules assigned.
    pub assigned: usize,
    /// Of those, complete.
    pub complete: usize,
    /// `complete ÷ assigned` in whole percent.
    pub percent: Option<u32>,
}

fn parse_status(text: &str) -> Result<CellStatus> {
    serde_json::from_value(serde_json::Value::String(text.trim().to_owned()))
        .map_err(|_| Error::invalid("status", Invalid::Choice))
}

/// The matrix as of `now`, filtered.
pub async fn matrix(
    pool: &SqlitePool,
    filter: &MatrixFilter,
    now: DateTime<Utc>,
) -> Result<Matrix> {
    let status = filter
        .status
        .as_deref()
        .filter(|s| !s.trim().is_empty())
        .map(parse_status)
        .transpose()?;
    let mut conn = pool.acquire().await?;
    let (snapshot, everyone) = load_snapshot(&mut conn, now, false).await?;
    let titles: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT v.module_id, v.title_en, v.title_zh FROM training_module_versions v
         WHERE v.version = (SELECT MAX(version) FROM training_module_versions WHERE module_id = v.module_id)",
    )
    .fetch_all(&mut *conn)
    .await?;
    // Another industry's module is only a column once someone has it: a hotel does not need
    // the postal module in its view.
    let foreign: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM training_modules
         WHERE industry IS NOT NULL AND industry IS NOT (SELECT industry FROM branch)",
    )
    .fetch_all(&mut *conn)
    .await?;
    let departments: BTreeSet<String> = everyone
        .iter()
        .map(|p| p.department.clone())
        .filter(|d| !d.is_empty())
        .collect();
    let positions: BTreeSet<String> = everyone
        .iter()
        .map(|p| p.at.position.clone())
        .filter(|p| !p.is_empty())
        .collect();
    let wanted = |value: &str, filter: &Option<String>| {
        filter
            .as_deref()
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .is_none_or(|f| f == value)
    };
    let mut people: Vec<MatrixPerson> = everyone
        .iter()
        .filter(|p| {
            wanted(&p.department, &filter.department) && wanted(&p.at.position, &filter.position)
        })
        .map(|person| {
            let cells: Vec<Cell> = snapshot
                .modules
                .iter()
                .map(|m| snapshot.cell(m, &person.at))
                .collect();
            let assigned = cells.iter().filter(|c| c.status.is_assigned()).count();
            let complete = cells.iter().filter(|c| c.status.is_complete()).count();
            MatrixPerson {
                id: person.at.id,
                name: person.name.clone(),
                position: person.at.position.clone(),
                department: person.department.clone(),
                cells,
                assigned,
                complete,
                percent: percent(complete, assigned),
            }
        })
        .filter(|p| status.is_none_or(|s| p.cells.iter().any(|c| c.status == s)))
        .collect();
    let mut shown = Vec::new();
    let modules = snapshot
        .modules
        .iter()
        .enumerate()
        .filter(|(column, module)| {
            let keep = !foreign.contains(&module.id)
                || everyone
                    .iter()
                    .any(|p| snapshot.cell(module, &p.at).status.is_assigned());
            if keep {
                shown.push(*column);
            }
            keep
        })
        .map(|(column, module)| {
            let (title_en, title_zh) = titles
                .iter()
                .find(|(id, _, _)| *id == module.id)
                .map(|(_, en, zh)| (en.clone(), zh.clone()))
                .unwrap_or_default();
            let assigned = people
                .iter()
                .filter(|p| p.cells[column].status.is_assigned())
                .count();
            let complete = people
                .iter()
                .filter(|p| p.cells[column].status.is_complete())
                .count();
            MatrixModule {
                id: module.id,
                title_en,
                title_zh,
                refresher_months: module.refresher_months,
                assigned,
                complete,
                percent: percent(complete, assigned),
            }
        })
        .collect();
    for person in &mut people {
        person.cells = shown.iter().map(|&c| person.cells[c]).collect();
    }
    Ok(Matrix {
        today: snapshot.today.to_string(),
        modules,
        people,
        departments: departments.into_iter().collect(),
        positions: positions.into_iter().collect(),
    })
}

/// People complete on a module against people it is assigned to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Completion {
    /// People complete (including due soon).
    pub complete: i64,
    /// People the module is assigned to.
    pub assigned: i64,
}

/// How many of the people a module is assigned to had completed it at `at` (a retired module
/// still answers, for the records that point at it).
pub async fn module_completion(
    pool: &SqlitePool,
    module_id: i64,
    at: DateTime<Utc>,
) -> Result<Completion> {
    let mut conn = pool.acquire().await?;
    let (snapshot, people) = load_snapshot(&mut conn, at, true).await?;
    let Some(module) = snapshot.modules.iter().find(|m| m.id == module_id) else {
        let exists: Option<i64> =
            sqlx::query_scalar("SELECT id FROM training_modules WHERE id = ?")
                .bind(module_id)
                .fetch_optional(&mut *conn)
                .await?;
        // A module created after `at` had nobody assigned yet.
        return exists
            .map(|_| Completion {
                complete: 0,
                assigned: 0,
            })
            .ok_or(Error::NotFound);
    };
    let cells: Vec<Cell> = people
        .iter()
        .map(|p| snapshot.cell(module, &p.at))
        .collect();
    Ok(Completion {
        complete: cells.iter().filter(|c| c.status.is_complete()).count() as i64,
        assigned: cells.iter().filter(|c| c.status.is_assigned()).count() as i64,
    })
}

/// Checklist items signed off (and not lapsed) against items assigned, over every active
/// person and module at `at`: the monthly report's training completion.
pub async fn item_completion_at(
    conn: &mut SqliteConnection,
    at: DateTime<Utc>,
) -> Result<(i64, i64)> {
    let (snapshot, people) = load_snapshot(conn, at, false).await?;
    let people: Vec<PersonAt> = people.into_iter().map(|p| p.at).collect();
    Ok(snapshot.item_completion(&people))
}

/// Counts for the dashboard tile: people × modules due soon and overdue now.
pub async fn refresher_counts(pool: &SqlitePool, now: DateTime<Utc>) -> Result<(usize, usize)> {
    let mut conn = pool.acquire().await?;
    let (snapshot, people) = load_snapshot(&mut conn, now, false).await?;
    let cells: Vec<CellStatus> = people
        .iter()
        .flat_map(|p| {
            snapshot
                .modules
                .iter()
                .map(|m| snapshot.cell(m, &p.at).status)
        })
        .collect();
    Ok((
        cells.iter().filter(|s| **s == CellStatus::DueSoon).count(),
        cells.iter().filter(|s| **s == CellStatus::Overdue).count(),
    ))
}
