//! The scenario library: seeded role-plays in both languages and the trainers' own.

use serde::Serialize;
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection, SqlitePool};

use crate::cases::repo::stamp;
use crate::error::{Error, Result};
use crate::training::input::{SCENARIO_TEXTS, ValidScenario};
use crate::training::version::Texts;

/// A text in both languages (a trainer's text is the same in both).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Bi {
    /// English.
    pub en: String,
    /// Chinese.
    pub zh: String,
}

/// A role-play scenario with its persona card and trainee briefing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Scenario {
    /// Row id.
    pub id: i64,
    /// Set on seeded scenarios.
    pub seed_key: Option<String>,
    /// `property`, `hotel`, `postal` or `other`.
    pub industry: String,
    /// `passive`, `talker`, `angry` or `activist`.
    pub customer_type: String,
    /// Retired scenarios are not offered for new drills.
    pub retired: bool,
    /// Title.
    pub title: Bi,
    /// Persona: who they are.
    pub who: Bi,
    /// Persona: what happened.
    pub happened: Bi,
    /// Persona: what they want.
    pub wants: Bi,
    /// Persona: what makes them angrier.
    pub angrier: Bi,
    /// Persona: what calms them.
    pub calmer: Bi,
    /// Persona: the opening line.
    pub opening: Bi,
    /// The trainee's briefing.
    pub briefing: Bi,
}

fn columns() -> String {
    SCENARIO_TEXTS
        .iter()
        .map(|name| format!("{name}_en, {name}_zh"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn from_row(row: &SqliteRow) -> Result<Scenario> {
    let bi = |n: usize| -> Result<Bi> {
        Ok(Bi {
            en: row.try_get(5 + 2 * n)?,
            zh: row.try_get(6 + 2 * n)?,
        })
    };
    Ok(Scenario {
        id: row.try_get(0)?,
        seed_key: row.try_get(1)?,
        industry: row.try_get(2)?,
        customer_type: row.try_get(3)?,
        retired: row.try_get(4)?,
        title: bi(0)?,
        who: bi(1)?,
        happened: bi(2)?,
        wants: bi(3)?,
        angrier: bi(4)?,
        calmer: bi(5)?,
        opening: bi(6)?,
        briefing: bi(7)?,
    })
}

/// Every scenario, the branch's own industry first, then by industry and customer type;
/// retired ones only when asked for.
pub async fn list_scenarios(pool: &SqlitePool, include_retired: bool) -> Result<Vec<Scenario>> {
    // The columns are the fixed names of SCENARIO_TEXTS, never user input.
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT id, seed_key, industry, customer_type, retired, {} FROM drill_scenarios
         WHERE retired = 0 OR ?
         ORDER BY industry IS NOT (SELECT industry FROM branch), industry, CASE customer_type WHEN 'passive' THEN 1
         WHEN 'talker' THEN 2 WHEN 'angry' THEN 3 ELSE 4 END, id",
        columns()
    )))
    .bind(include_retired)
    .fetch_all(pool)
    .await?;
    rows.iter().map(from_row).collect()
}

/// One scenario.
pub async fn get_scenario(conn: &mut SqliteConnection, id: i64) -> Result<Scenario> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT id, seed_key, industry, customer_type, retired, {} FROM drill_scenarios WHERE id = ?",
        columns()
    )))
    .bind(id)
    .fetch_optional(conn)
    .await?
    .ok_or(Error::NotFound)?;
    from_row(&row)
}

/// Adds a scenario (`id` = `None`) or edits one. A field left as shown keeps both languages.
pub async fn save_scenario(
    pool: &SqlitePool,
    id: Option<i64>,
    scenario: &ValidScenario,
) -> Result<Scenario> {
    let mut tx = crate::store::begin_write(pool).await?;
    let texts: Vec<Texts> = match id {
        None => scenario.texts.iter().map(|t| Texts::typed(t)).collect(),
        Some(id) => {
            let current = get_scenario(&mut tx, id).await?;
            let fields = [
                &current.title,
                &current.who,
                &current.happened,
                &current.wants,
                &current.angrier,
                &current.calmer,
                &current.opening,
                &current.briefing,
            ];
            fields
                .iter()
                .zip(&scenario.texts)
                .map(|(bi, typed)| {
                    Texts {
                        en: bi.en.clone(),
                        zh: bi.zh.clone(),
                    }
                    .edited(typed)
                })
                .collect()
        }
    };
    let id = match id {
        None => insert_texts(&mut tx, scenario, &texts).await?,
        Some(id) => {
            let sets = SCENARIO_TEXTS
                .iter()
                .map(|name| format!("{name}_en = ?, {name}_zh = ?"))
                .collect::<Vec<_>>()
                .join(", ");
            let sql = format!(
                "UPDATE drill_scenarios SET industry = ?, customer_type = ?, {sets} WHERE id = ?"
            );
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(scenario.industry)
                .bind(scenario.customer_type);
            for text in &texts {
                query = query.bind(&text.en).bind(&text.zh);
            }
            query.bind(id).execute(&mut *tx).await?;
            id
        }
    };
    let saved = get_scenario(&mut tx, id).await?;
    tx.commit().await?;
    Ok(saved)
}

async fn insert_texts(
    conn: &mut SqliteConnection,
    scenario: &ValidScenario,
    texts: &[Texts],
) -> Result<i64> {
    let placeholders = vec!["?"; SCENARIO_TEXTS.len() * 2].join(", ");
    let sql = format!(
        "INSERT INTO drill_scenarios (industry, customer_type, created_at, {}) VALUES (?, ?, ?, {placeholders})",
        columns()
    );
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql.as_str()))
        .bind(scenario.industry)
        .bind(scenario.customer_type)
        .bind(stamp(chrono::Utc::now()));
    for text in texts {
        query = query.bind(&text.en).bind(&text.zh);
    }
    Ok(query.execute(&mut *conn).await?.last_insert_rowid())
}

/// Adds a trainer's scenario within the caller's transaction (a lesson turned into a drill
/// writes the scenario and its link together); returns its id.
pub async fn insert_scenario_in(
    conn: &mut SqliteConnection,
    scenario: &ValidScenario,
) -> Result<i64> {
    let texts: Vec<Texts> = scenario.texts.iter().map(|t| Texts::typed(t)).collect();
    insert_texts(conn, scenario, &texts).await
}

/// Retires a scenario (past drills keep it) or brings it back.
pub async fn set_scenario_retired(pool: &SqlitePool, id: i64, retired: bool) -> Result<Scenario> {
    crate::store::found(
        sqlx::query("UPDATE drill_scenarios SET retired = ? WHERE id = ?")
            .bind(retired)
            .bind(id)
            .execute(pool)
            .await?,
    )?;
    get_scenario(&mut *pool.acquire().await?, id).await
}
