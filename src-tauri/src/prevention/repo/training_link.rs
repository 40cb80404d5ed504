//! A training measure's link to the training area: the module or drill scenario it relies on,
//! checked when the measure is saved, and shown with its completion (how many of the people the
//! module is assigned to have completed it; how many drills of the scenario were held since the
//! plan started), so the plan page says whether the training really happened.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use sqlx::{SqliteConnection, SqlitePool};

use super::measures::Measure;
use crate::error::{Error, Invalid, Result};
use crate::prevention::model::ValidMeasure;
use crate::training::repo::curriculum::get_module;
use crate::training::repo::scenarios::get_scenario;
use crate::training::{drills_held_since, module_completion};

/// What a measure's training link shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MeasureTraining {
    /// The linked module and its completion.
    pub module: Option<LinkedModule>,
    /// The linked drill scenario and the drills held with it.
    pub drill: Option<LinkedDrill>,
}

/// A linked training module.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LinkedModule {
    /// Module id.
    pub id: i64,
    /// Current English title.
    pub title_en: String,
    /// Current Chinese title.
    pub title_zh: String,
    /// People who have completed it.
    pub complete: i64,
    /// People it is assigned to.
    pub assigned: i64,
}

/// A linked drill scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LinkedDrill {
    /// Scenario id.
    pub id: i64,
    /// English title.
    pub title_en: String,
    /// Chinese title.
    pub title_zh: String,
    /// Drills held with it from the plan's start day on.
    pub held: i64,
}

/// Refuses a link to a module or scenario that does not exist, naming the field.
pub(super) async fn check_training_links(
    conn: &mut SqliteConnection,
    measure: &ValidMeasure,
) -> Result<()> {
    let named = |field: &'static str| {
        move |error: Error| match error {
            Error::NotFound => Error::invalid(field, Invalid::Choice),
            other => other,
        }
    };
    if let Some(id) = measure.training_module_id {
        get_module(conn, id)
            .await
            .map_err(named("trainingModuleId"))?;
    }
    if let Some(id) = measure.drill_scenario_id {
        get_scenario(conn, id)
            .await
            .map_err(named("drillScenarioId"))?;
    }
    Ok(())
}

/// Fills in what each linked measure shows, as at `now`; drills count from `plan_start`.
pub(super) async fn add_training_links(
    pool: &SqlitePool,
    measures: &mut [Measure],
    plan_start: NaiveDate,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut conn = pool.acquire().await?;
    for measure in measures.iter_mut() {
        let module = match measure.training_module_id {
            Some(id) => {
                let found = get_module(&mut conn, id).await?;
                let completion = module_completion(pool, id, now).await?;
                Some(LinkedModule {
                    id,
                    title_en: found.title_en,
                    title_zh: found.title_zh,
                    complete: completion.complete,
                    assigned: completion.assigned,
                })
            }
            None => None,
        };
        let drill = match measure.drill_scenario_id {
            Some(id) => {
                let found = get_scenario(&mut conn, id).await?;
                Some(LinkedDrill {
                    id,
                    title_en: found.title.en,
                    title_zh: found.title.zh,
                    held: drills_held_since(pool, id, plan_start).await?,
                })
            }
            None => None,
        };
        if module.is_some() || drill.is_some() {
            measure.training = Some(MeasureTraining { module, drill });
        }
    }
    Ok(())
}
