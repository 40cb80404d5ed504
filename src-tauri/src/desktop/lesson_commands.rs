//! Commands for lessons learned: a case's lesson, the library, the drafts a lesson offers for
//! a drill scenario and a prevention measure, the conversions, and the training page's
//! "new since your last drill". One-liners over `lessons::repo`; writes are recorded in the
//! name of the staff member signed in.

use chrono::Utc;
use tauri::State;

use super::AppState;
use super::access_commands::authorize_case;
use crate::access::Permission;
use crate::error::Result;
use crate::lessons::repo;
use crate::lessons::{Lesson, LessonFilter, LessonInput, LessonsSinceDrill};
use crate::prevention::MeasureInput;
use crate::settings::model::Language;
use crate::training::input::ScenarioInput;

#[tauri::command]
pub async fn case_lesson(state: State<'_, AppState>, case_id: i64) -> Result<Option<Lesson>> {
    state.authorize(Permission::ReadCases)?;
    repo::lesson_for_case(&state.pool()?, case_id).await
}

#[tauri::command]
pub async fn save_lesson(
    state: State<'_, AppState>,
    case_id: i64,
    input: LessonInput,
) -> Result<Lesson> {
    let actor = authorize_case(&state, Permission::HandleCases, case_id).await?;
    let lesson = input.parse()?;
    repo::save_lesson(&state.pool()?, case_id, &lesson, actor.staff_id, Utc::now()).await
}

#[tauri::command]
pub async fn list_lessons(state: State<'_, AppState>, filter: LessonFilter) -> Result<Vec<Lesson>> {
    state.authorize(Permission::ReadTraining)?;
    repo::list_lessons(&state.pool()?, &filter).await
}

#[tauri::command]
pub async fn lesson_scenario_draft(
    state: State<'_, AppState>,
    id: i64,
    lang: Language,
) -> Result<ScenarioInput> {
    state.authorize(Permission::ManageTraining)?;
    repo::scenario_draft(&state.pool()?, id, lang).await
}

#[tauri::command]
pub async fn lesson_to_scenario(
    state: State<'_, AppState>,
    id: i64,
    input: ScenarioInput,
) -> Result<Lesson> {
    let actor = state.authorize(Permission::ManageTraining)?;
    let scenario = input.parse()?;
    repo::convert_to_scenario(&state.pool()?, id, &scenario, actor.staff_id, Utc::now()).await
}

#[tauri::command]
pub async fn lesson_measure_draft(state: State<'_, AppState>, id: i64) -> Result<MeasureInput> {
    state.authorize(Permission::ManagePrevention)?;
    repo::measure_draft(&state.pool()?, id, Utc::now()).await
}

#[tauri::command]
pub async fn lesson_to_measure(
    state: State<'_, AppState>,
    id: i64,
    plan_id: i64,
    input: MeasureInput,
) -> Result<Lesson> {
    let actor = state.authorize(Permission::ManagePrevention)?;
    let measure = input.parse()?;
    let now = Utc::now();
    repo::convert_to_measure(&state.pool()?, id, plan_id, &measure, actor.staff_id, now).await
}

#[tauri::command]
pub async fn lessons_since_drill(state: State<'_, AppState>) -> Result<Vec<LessonsSinceDrill>> {
    state.authorize(Permission::ReadTraining)?;
    repo::new_since_last_drill(&state.pool()?).await
}
