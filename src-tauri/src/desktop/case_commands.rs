//! Commands for complaint cases. One-liners over `cases::repo`: each change is recorded in the
//! name of the staff member working at this computer, and returns the updated case page.

use chrono::Utc;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use super::AppState;
use crate::cases::intake::CaseInput;
use crate::cases::repo::attachments::{
    ALLOWED_EXTENSIONS, add_attachment, attachment_path, attachments_dir,
};
use crate::cases::repo::create::{IntakeCheck, check_intake};
use crate::cases::repo::detail::{CaseDetail, get_case as load_case};
use crate::cases::repo::list::{CasePage, CaseQuery};
use crate::cases::repo::workflow::{self, StatusChange};
use crate::cases::repo::{self, CaseCounts, current_actor};
use crate::error::{Error, Result};

async fn page(state: &AppState, id: i64) -> Result<CaseDetail> {
    load_case(&state.pool()?, id, Utc::now()).await
}

async fn actor(state: &AppState) -> Result<Option<i64>> {
    current_actor(&state.pool()?).await
}

#[tauri::command]
pub async fn set_current_staff(state: State<'_, AppState>, staff_id: Option<i64>) -> Result<()> {
    repo::set_current_actor(&state.pool()?, staff_id).await
}

#[tauri::command]
pub async fn check_case_intake(
    state: State<'_, AppState>,
    input: CaseInput,
) -> Result<IntakeCheck> {
    check_intake(&state.pool()?, &input, Utc::now()).await
}

#[tauri::command]
pub async fn create_case(state: State<'_, AppState>, input: CaseInput) -> Result<CaseDetail> {
    let id =
        repo::create::create_case(&state.pool()?, &input, actor(&state).await?, Utc::now()).await?;
    page(&state, id).await
}

#[tauri::command]
pub async fn list_cases(state: State<'_, AppState>, query: CaseQuery) -> Result<CasePage> {
    repo::list::list_cases(&state.pool()?, &query, Utc::now()).await
}

#[tauri::command]
pub async fn case_counts(state: State<'_, AppState>) -> Result<CaseCounts> {
    repo::case_counts(&state.pool()?, Utc::now()).await
}

#[tauri::command]
pub async fn get_case(state: State<'_, AppState>, id: i64) -> Result<CaseDetail> {
    page(&state, id).await
}

#[tauri::command]
pub async fn update_case(
    state: State<'_, AppState>,
    id: i64,
    input: CaseInput,
) -> Result<CaseDetail> {
    workflow::update_case(&state.pool()?, id, &input, actor(&state).await?, Utc::now()).await?;
    page(&state, id).await
}

#[tauri::command]
pub async fn change_case_status(
    state: State<'_, AppState>,
    id: i64,
    change: StatusChange,
) -> Result<CaseDetail> {
    workflow::change_status(
        &state.pool()?,
        id,
        &change,
        actor(&state).await?,
        Utc::now(),
    )
    .await?;
    page(&state, id).await
}

#[tauri::command]
pub async fn set_case_grade(
    state: State<'_, AppState>,
    id: i64,
    grade: u8,
    reason: Option<String>,
) -> Result<CaseDetail> {
    workflow::set_grade(
        &state.pool()?,
        id,
        grade,
        reason.as_deref(),
        actor(&state).await?,
        Utc::now(),
    )
    .await?;
    page(&state, id).await
}

#[tauri::command]
pub async fn pause_case(state: State<'_, AppState>, id: i64, reason: String) -> Result<CaseDetail> {
    workflow::pause_case(
        &state.pool()?,
        id,
        &reason,
        actor(&state).await?,
        Utc::now(),
    )
    .await?;
    page(&state, id).await
}

#[tauri::command]
pub async fn resume_case(state: State<'_, AppState>, id: i64) -> Result<CaseDetail> {
    workflow::resume_case(&state.pool()?, id, actor(&state).await?, Utc::now()).await?;
    page(&state, id).await
}

#[tauri::command]
pub async fn add_case_entry(
    state: State<'_, AppState>,
    id: i64,
    kind: String,
    body: String,
) -> Result<CaseDetail> {
    workflow::add_entry(
        &state.pool()?,
        id,
        &kind,
        &body,
        actor(&state).await?,
        Utc::now(),
    )
    .await?;
    page(&state, id).await
}

#[tauri::command]
pub async fn tick_case_escalation(
    state: State<'_, AppState>,
    id: i64,
    item: String,
) -> Result<CaseDetail> {
    workflow::tick_escalation(&state.pool()?, id, &item, actor(&state).await?, Utc::now()).await?;
    page(&state, id).await
}

/// Asks for a photo or PDF with the system's file dialog, then copies it onto the case.
/// Returns the case unchanged when the user cancels.
#[tauri::command]
pub async fn add_case_attachment<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> Result<CaseDetail> {
    let (sender, receiver) = tokio::sync::oneshot::channel();
    app.dialog()
        .file()
        .add_filter("Photo / PDF", &ALLOWED_EXTENSIONS)
        .pick_file(move |picked| {
            let _ = sender.send(picked);
        });
    let picked = receiver.await.ok().flatten();
    if let Some(path) = picked.and_then(|p| p.into_path().ok()) {
        let dir = attachments_dir(&state.db_path());
        add_attachment(
            &state.pool()?,
            id,
            &path,
            &dir,
            actor(&state).await?,
            Utc::now(),
        )
        .await?;
    }
    page(&state, id).await
}

/// Opens an attachment with the system's viewer.
#[tauri::command]
pub async fn open_case_attachment(state: State<'_, AppState>, attachment_id: i64) -> Result<()> {
    let path = attachment_path(
        &state.pool()?,
        attachment_id,
        &attachments_dir(&state.db_path()),
    )
    .await?;
    super::open_file::open_with_system(&path)
}

/// Opens the system's print dialog for the page shown (print or save as PDF).
#[tauri::command]
pub fn print_page<R: Runtime>(window: tauri::WebviewWindow<R>) -> Result<()> {
    window
        .print()
        .map_err(|e| Error::Io(std::io::Error::other(e.to_string())))
}
