//! Commands for prevention: the analysis, plans with their measures and evidence, the
//! dashboard's overview, the plans a case page shows, and emergency plans. One-liners over
//! `prevention::repo`: each change is recorded in the name of the staff member working at this
//! computer, and a plan change returns the updated plan page.

use chrono::Utc;
use tauri::State;

use super::AppState;
use crate::access::Permission;
use crate::error::Result;
use crate::prevention::emergency::{DrillInput, EmergencyInput};
use crate::prevention::repo::analysis;
use crate::prevention::repo::changes::{self, Direction};
use crate::prevention::repo::emergency::{self as emergency_repo, EmergencyPlan};
use crate::prevention::repo::evidence::{self, CaseRef};
use crate::prevention::repo::measures::{self, PreventionOverview};
use crate::prevention::repo::plans::{self, CasePlan, PlanDetail, PlanRow};
use crate::prevention::{
    Analysis, EvaluationInput, MeasureInput, MeasureStatusInput, PlanInput, PlanStatus,
};

async fn page(state: &AppState, id: i64) -> Result<PlanDetail> {
    plans::get_plan(&state.pool()?, id, Utc::now()).await
}

#[tauri::command]
pub async fn prevention_analysis(state: State<'_, AppState>) -> Result<Analysis> {
    state.authorize(Permission::ReadPrevention)?;
    analysis::analysis(&state.pool()?, Utc::now()).await
}

#[tauri::command]
pub async fn prevention_overview(state: State<'_, AppState>) -> Result<PreventionOverview> {
    state.authorize(Permission::ReadPrevention)?;
    measures::overview(&state.pool()?, Utc::now()).await
}

#[tauri::command]
pub async fn list_plans(state: State<'_, AppState>) -> Result<Vec<PlanRow>> {
    state.authorize(Permission::ReadPrevention)?;
    plans::list_plans(&state.pool()?, Utc::now()).await
}

#[tauri::command]
pub async fn get_plan(state: State<'_, AppState>, id: i64) -> Result<PlanDetail> {
    state.authorize(Permission::ReadPrevention)?;
    page(&state, id).await
}

#[tauri::command]
pub async fn create_plan(state: State<'_, AppState>, input: PlanInput) -> Result<PlanDetail> {
    let actor = state.authorize(Permission::ManagePrevention)?.staff_id;
    let plan = input.parse()?;
    let id = changes::create_plan(&state.pool()?, &plan, actor, Utc::now()).await?;
    page(&state, id).await
}

#[tauri::command]
pub async fn update_plan(
    state: State<'_, AppState>,
    id: i64,
    input: PlanInput,
) -> Result<PlanDetail> {
    let actor = state.authorize(Permission::ManagePrevention)?.staff_id;
    let plan = input.parse()?;
    changes::update_plan(&state.pool()?, id, &plan, actor, Utc::now()).await?;
    page(&state, id).await
}

#[tauri::command]
pub async fn move_plan_phase(
    state: State<'_, AppState>,
    id: i64,
    direction: Direction,
) -> Result<PlanDetail> {
    let actor = state.authorize(Permission::ManagePrevention)?.staff_id;
    changes::move_phase(&state.pool()?, id, direction, actor, Utc::now()).await?;
    page(&state, id).await
}

#[tauri::command]
pub async fn set_plan_status(
    state: State<'_, AppState>,
    id: i64,
    status: String,
) -> Result<PlanDetail> {
    let actor = state.authorize(Permission::ManagePrevention)?.staff_id;
    let status = PlanStatus::parse("status", &status)?;
    changes::set_status(&state.pool()?, id, status, actor, Utc::now()).await?;
    page(&state, id).await
}

#[tauri::command]
pub async fn record_plan_evaluation(
    state: State<'_, AppState>,
    id: i64,
    input: EvaluationInput,
) -> Result<PlanDetail> {
    let actor = state.authorize(Permission::ManagePrevention)?.staff_id;
    changes::record_evaluation(&state.pool()?, id, &input, actor, Utc::now()).await?;
    page(&state, id).await
}

#[tauri::command]
pub async fn add_measure(
    state: State<'_, AppState>,
    plan_id: i64,
    input: MeasureInput,
) -> Result<PlanDetail> {
    let actor = state.authorize(Permission::ManagePrevention)?.staff_id;
    let measure = input.parse()?;
    measures::add_measure(&state.pool()?, plan_id, &measure, actor, Utc::now()).await?;
    page(&state, plan_id).await
}

#[tauri::command]
pub async fn update_measure(
    state: State<'_, AppState>,
    id: i64,
    input: MeasureInput,
) -> Result<PlanDetail> {
    let actor = state.authorize(Permission::ManagePrevention)?.staff_id;
    let measure = input.parse()?;
    let plan_id = measures::update_measure(&state.pool()?, id, &measure, actor, Utc::now()).await?;
    page(&state, plan_id).await
}

#[tauri::command]
pub async fn set_measure_status(
    state: State<'_, AppState>,
    id: i64,
    change: MeasureStatusInput,
) -> Result<PlanDetail> {
    let actor = state.authorize(Permission::ManagePrevention)?.staff_id;
    let plan_id =
        measures::set_measure_status(&state.pool()?, id, &change, actor, Utc::now()).await?;
    page(&state, plan_id).await
}

#[tauri::command]
pub async fn attach_plan_case(
    state: State<'_, AppState>,
    plan_id: i64,
    case: CaseRef,
) -> Result<PlanDetail> {
    let actor = state.authorize(Permission::ManagePrevention)?.staff_id;
    evidence::attach_case(&state.pool()?, plan_id, &case, actor, Utc::now()).await?;
    page(&state, plan_id).await
}

#[tauri::command]
pub async fn detach_plan_case(
    state: State<'_, AppState>,
    plan_id: i64,
    case_id: i64,
) -> Result<PlanDetail> {
    let actor = state.authorize(Permission::ManagePrevention)?.staff_id;
    evidence::detach_case(&state.pool()?, plan_id, case_id, actor, Utc::now()).await?;
    page(&state, plan_id).await
}

#[tauri::command]
pub async fn plans_for_case(state: State<'_, AppState>, case_id: i64) -> Result<Vec<CasePlan>> {
    state.authorize(Permission::ReadPrevention)?;
    plans::plans_for_case(&state.pool()?, case_id).await
}

#[tauri::command]
pub async fn list_emergency_plans(state: State<'_, AppState>) -> Result<Vec<EmergencyPlan>> {
    state.authorize(Permission::ReadPrevention)?;
    emergency_repo::list_emergency(&state.pool()?, Utc::now()).await
}

#[tauri::command]
pub async fn save_emergency_plan(
    state: State<'_, AppState>,
    id: Option<i64>,
    input: EmergencyInput,
) -> Result<Vec<EmergencyPlan>> {
    state.authorize(Permission::ManagePrevention)?;
    let plan = input.parse()?;
    emergency_repo::save_emergency(&state.pool()?, id, &plan, Utc::now()).await?;
    emergency_repo::list_emergency(&state.pool()?, Utc::now()).await
}

#[tauri::command]
pub async fn log_emergency_drill(
    state: State<'_, AppState>,
    plan_id: i64,
    input: DrillInput,
) -> Result<Vec<EmergencyPlan>> {
    let actor = state.authorize(Permission::ManageTraining)?.staff_id;
    let pool = state.pool()?;
    let drill = input.parse(emergency_repo::branch_today(&pool, Utc::now()).await?)?;
    emergency_repo::log_drill(&pool, plan_id, &drill, actor, Utc::now()).await?;
    emergency_repo::list_emergency(&pool, Utc::now()).await
}
