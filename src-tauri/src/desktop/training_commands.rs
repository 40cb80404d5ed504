//! The Training screen: curriculum, assignments, sign-offs, the matrix, a person's page,
//! scenarios, drills, progress, the case page's drill suggestion and the training workbook.
//! One-liners over `crate::training`.

use std::path::PathBuf;

use chrono::Utc;
use tauri::State;

use super::AppState;
use super::report_commands::Exported;
use crate::access::Permission;
use crate::error::Result;
use crate::export::{Destination, Existing};
use crate::settings::Language;
use crate::training::export::export_training_to;
use crate::training::input::{AssignInput, DrillInput, ModuleInput, ScenarioInput, SignOffInput};
use crate::training::repo::curriculum::{self, Module};
use crate::training::repo::drills::{self, DrillSummary, Progress};
use crate::training::repo::matrix::{self, Matrix, MatrixFilter};
use crate::training::repo::scenarios::{self, Scenario};
use crate::training::repo::signoffs::{self, PersonTraining};
use crate::training::repo::suggestion::{self, DrillSuggestion};

#[tauri::command]
pub async fn list_training_modules(
    state: State<'_, AppState>,
    include_retired: bool,
) -> Result<Vec<Module>> {
    state.authorize(Permission::ReadTraining)?;
    curriculum::list_modules(&state.pool()?, include_retired).await
}

#[tauri::command]
pub async fn save_training_module(
    state: State<'_, AppState>,
    id: Option<i64>,
    input: ModuleInput,
) -> Result<Module> {
    state.authorize(Permission::ManageTraining)?;
    curriculum::save_module(&state.pool()?, id, &input.parse()?, Utc::now()).await
}

#[tauri::command]
pub async fn move_training_module(
    state: State<'_, AppState>,
    id: i64,
    offset: i64,
) -> Result<Vec<Module>> {
    state.authorize(Permission::ManageTraining)?;
    curriculum::move_module(&state.pool()?, id, offset).await
}

#[tauri::command]
pub async fn set_training_module_retired(
    state: State<'_, AppState>,
    id: i64,
    retired: bool,
) -> Result<Module> {
    state.authorize(Permission::ManageTraining)?;
    curriculum::set_module_retired(&state.pool()?, id, retired).await
}

#[tauri::command]
pub async fn assign_training_module(
    state: State<'_, AppState>,
    input: AssignInput,
) -> Result<Module> {
    state.authorize(Permission::ManageTraining)?;
    curriculum::assign(&state.pool()?, input.module_id, &input.parse()?, Utc::now()).await
}

#[tauri::command]
pub async fn unassign_training(
    state: State<'_, AppState>,
    id: i64,
    reason: String,
) -> Result<Module> {
    let actor = state.authorize(Permission::ManageTraining)?.staff_id;
    let pool = state.pool()?;
    curriculum::withdraw_assignment(&pool, id, &reason, actor, Utc::now()).await
}

#[tauri::command]
pub async fn sign_off_training(
    state: State<'_, AppState>,
    input: SignOffInput,
) -> Result<PersonTraining> {
    let actor = state.authorize(Permission::ManageTraining)?.staff_id;
    signoffs::sign_off_by(&state.pool()?, &input, actor, Utc::now()).await
}

#[tauri::command]
pub async fn withdraw_training_sign_off(
    state: State<'_, AppState>,
    id: i64,
    reason: String,
) -> Result<PersonTraining> {
    let actor = state.authorize(Permission::ManageTraining)?.staff_id;
    let pool = state.pool()?;
    signoffs::withdraw_sign_off(&pool, id, &reason, actor, Utc::now()).await
}

#[tauri::command]
pub async fn training_matrix(state: State<'_, AppState>, filter: MatrixFilter) -> Result<Matrix> {
    state.authorize(Permission::ReadTraining)?;
    matrix::matrix(&state.pool()?, &filter, Utc::now()).await
}

#[tauri::command]
pub async fn training_person(state: State<'_, AppState>, staff_id: i64) -> Result<PersonTraining> {
    state.authorize(Permission::ReadTraining)?;
    signoffs::person_training(&state.pool()?, staff_id, Utc::now()).await
}

#[tauri::command]
pub async fn list_drill_scenarios(
    state: State<'_, AppState>,
    include_retired: bool,
) -> Result<Vec<Scenario>> {
    state.authorize(Permission::ReadTraining)?;
    scenarios::list_scenarios(&state.pool()?, include_retired).await
}

#[tauri::command]
pub async fn save_drill_scenario(
    state: State<'_, AppState>,
    id: Option<i64>,
    input: ScenarioInput,
) -> Result<Scenario> {
    state.authorize(Permission::ManageTraining)?;
    scenarios::save_scenario(&state.pool()?, id, &input.parse()?).await
}

#[tauri::command]
pub async fn set_drill_scenario_retired(
    state: State<'_, AppState>,
    id: i64,
    retired: bool,
) -> Result<Scenario> {
    state.authorize(Permission::ManageTraining)?;
    scenarios::set_scenario_retired(&state.pool()?, id, retired).await
}

#[tauri::command]
pub async fn save_drill(state: State<'_, AppState>, input: DrillInput) -> Result<DrillSummary> {
    let actor = state.authorize(Permission::ManageTraining)?.staff_id;
    drills::save_drill_by(&state.pool()?, &input.parse()?, actor, Utc::now()).await
}

#[tauri::command]
pub async fn training_progress(state: State<'_, AppState>) -> Result<Progress> {
    state.authorize(Permission::ReadTraining)?;
    drills::progress(&state.pool()?, Utc::now()).await
}

#[tauri::command]
pub async fn case_drill_suggestion(
    state: State<'_, AppState>,
    case_id: i64,
) -> Result<Option<DrillSuggestion>> {
    state.authorize(Permission::ReadTraining)?;
    suggestion::case_drill_suggestion(&state.pool()?, case_id, Utc::now()).await
}

#[tauri::command]
pub async fn export_training(
    state: State<'_, AppState>,
    lang: Language,
    path: PathBuf,
) -> Result<Exported> {
    state.authorize(Permission::ManageTraining)?;
    // The path comes from the webview: checked like any other, replaced since the native
    // save dialog already asked.
    let out = Destination::check(&path, &state.db_path(), Existing::Replace)?;
    export_training_to(&state.pool()?, lang, Utc::now(), &out).await?;
    state.remember_written(&path);
    Ok(Exported { path })
}
