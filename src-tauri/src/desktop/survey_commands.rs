//! Commands for surveys and feedback: the branch's surveys (each edit a new version), one
//! respondent's answers, suggestions and praise, a month's figures and the low-scoring
//! questions the prevention analysis lists. One-liners over `surveys::repo`.

use chrono::Utc;
use tauri::State;

use super::AppState;
use crate::access::Permission;
use crate::error::Result;
use crate::stats::Month;
use crate::surveys::repo::{self, Feedback, QuestionFigure, Survey, SurveyFigures};
use crate::surveys::{FeedbackInput, ResponseInput, SurveyInput};

#[tauri::command]
pub async fn list_surveys(state: State<'_, AppState>) -> Result<Vec<Survey>> {
    state.authorize(Permission::ReadCases)?;
    repo::list_surveys(&state.pool()?).await
}

#[tauri::command]
pub async fn save_survey(
    state: State<'_, AppState>,
    id: Option<i64>,
    input: SurveyInput,
) -> Result<Survey> {
    state.authorize(Permission::Settings)?;
    repo::save_survey(&state.pool()?, id, &input.parse()?, Utc::now()).await
}

#[tauri::command]
pub async fn record_survey_response(
    state: State<'_, AppState>,
    input: ResponseInput,
) -> Result<i64> {
    let actor = state.authorize(Permission::IntakeCases)?;
    let pool = state.pool()?;
    let now = Utc::now();
    let response = input.parse(repo::branch_today(&pool, now).await?)?;
    repo::record_response(&pool, &response, actor.staff_id, now).await
}

#[tauri::command]
pub async fn record_feedback(state: State<'_, AppState>, input: FeedbackInput) -> Result<i64> {
    let actor = state.authorize(Permission::IntakeCases)?;
    let pool = state.pool()?;
    let now = Utc::now();
    let feedback = input.parse(repo::branch_today(&pool, now).await?)?;
    repo::record_feedback(&pool, &feedback, actor.staff_id, now).await
}

#[tauri::command]
pub async fn survey_month(state: State<'_, AppState>, month: String) -> Result<SurveyFigures> {
    state.authorize(Permission::ReadCases)?;
    repo::month_figures(&state.pool()?, Month::parse("month", &month)?).await
}

#[tauri::command]
pub async fn list_feedback(state: State<'_, AppState>, month: String) -> Result<Vec<Feedback>> {
    state.authorize(Permission::ReadCases)?;
    let month = Month::parse("month", &month)?;
    repo::list_feedback(&state.pool()?, month.first_day(), repo::last_day(month)).await
}

#[tauri::command]
pub async fn survey_targets(state: State<'_, AppState>) -> Result<Vec<QuestionFigure>> {
    state.authorize(Permission::ReadPrevention)?;
    repo::targets(&state.pool()?, Utc::now()).await
}
