//! Commands for a case's casework panel: the verdict (justified or not, fault), supporting
//! departments and progress updates to the customer. One-liners over `cases::repo`; each
//! change returns the panel as it now stands.

use chrono::Utc;
use tauri::State;

use super::AppState;
use super::access_commands::authorize_case;
use crate::access::Permission;
use crate::cases::judgement::JudgementInput;
use crate::cases::progress::ProgressInput;
use crate::cases::repo::casework::{Casework, get_casework};
use crate::cases::repo::{judgement, progress, support};
use crate::cases::support::SupportInput;
use crate::error::Result;

#[tauri::command]
pub async fn case_casework(state: State<'_, AppState>, id: i64) -> Result<Casework> {
    state.authorize(Permission::ReadCases)?;
    get_casework(&state.pool()?, id, Utc::now()).await
}

#[tauri::command]
pub async fn set_case_judgement(
    state: State<'_, AppState>,
    id: i64,
    judgement: JudgementInput,
    reason: Option<String>,
) -> Result<Casework> {
    let actor = authorize_case(&state, Permission::HandleCases, id).await?;
    let pool = state.pool()?;
    let now = Utc::now();
    judgement::set_judgement(
        &pool,
        id,
        &judgement,
        reason.as_deref(),
        actor.staff_id,
        now,
    )
    .await?;
    get_casework(&pool, id, now).await
}

#[tauri::command]
pub async fn add_case_support(
    state: State<'_, AppState>,
    id: i64,
    input: SupportInput,
) -> Result<Casework> {
    let actor = authorize_case(&state, Permission::HandleCases, id).await?;
    let pool = state.pool()?;
    let now = Utc::now();
    support::add_support(&pool, id, &input, actor.staff_id, now).await?;
    get_casework(&pool, id, now).await
}

#[tauri::command]
pub async fn update_case_support(
    state: State<'_, AppState>,
    id: i64,
    line_id: i64,
    input: SupportInput,
) -> Result<Casework> {
    let actor = authorize_case(&state, Permission::HandleCases, id).await?;
    let pool = state.pool()?;
    let now = Utc::now();
    support::update_support(&pool, id, line_id, &input, actor.staff_id, now).await?;
    get_casework(&pool, id, now).await
}

#[tauri::command]
pub async fn set_case_support_done(
    state: State<'_, AppState>,
    id: i64,
    line_id: i64,
    done: bool,
) -> Result<Casework> {
    let actor = authorize_case(&state, Permission::HandleCases, id).await?;
    let pool = state.pool()?;
    let now = Utc::now();
    support::set_support_done(&pool, id, line_id, done, actor.staff_id, now).await?;
    get_casework(&pool, id, now).await
}

#[tauri::command]
pub async fn remove_case_support(
    state: State<'_, AppState>,
    id: i64,
    line_id: i64,
) -> Result<Casework> {
    let actor = authorize_case(&state, Permission::HandleCases, id).await?;
    let pool = state.pool()?;
    let now = Utc::now();
    support::remove_support(&pool, id, line_id, actor.staff_id, now).await?;
    get_casework(&pool, id, now).await
}

#[tauri::command]
pub async fn add_case_progress(
    state: State<'_, AppState>,
    id: i64,
    input: ProgressInput,
) -> Result<Casework> {
    let actor = authorize_case(&state, Permission::HandleCases, id).await?;
    let pool = state.pool()?;
    let now = Utc::now();
    progress::add_progress(&pool, id, &input, actor.staff_id, now).await?;
    get_casework(&pool, id, now).await
}
