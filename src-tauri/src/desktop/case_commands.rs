//! Commands for complaint cases. One-liners over `cases::repo`: each change is recorded in the
//! name of the staff member working at this computer, and returns the updated case page.

use chrono::Utc;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use super::AppState;
use super::access_commands::authorize_case;
use crate::access::{Actor, Permission};
use crate::cases::intake::CaseInput;
use crate::cases::repo::attachments::{
    ALLOWED_EXTENSIONS, add_attachment, attachment_path, attachments_dir,
};
use crate::cases::repo::create::{IntakeCheck, check_intake};
use crate::cases::repo::detail::{CaseDetail, get_case as load_case};
use crate::cases::repo::list::{CasePage, CaseQuery};
use crate::cases::repo::workflow::{self, StatusChange};
use crate::cases::repo::{self, CaseCounts};
use crate::error::{Error, Result};

/// The case page as `actor` may see it: names and phones masked unless their role sees them.
async fn page(state: &AppState, actor: &Actor, id: i64) -> Result<CaseDetail> {
    let mut detail = load_case(&state.pool()?, id, Utc::now()).await?;
    if !actor.role.allows(Permission::SeePersonalData) {
        crate::access::mask::case_detail(&mut detail);
    }
    Ok(detail)
}

#[tauri::command]
pub async fn check_case_intake(
    state: State<'_, AppState>,
    input: CaseInput,
) -> Result<IntakeCheck> {
    state.authorize(Permission::IntakeCases)?;
    check_intake(&state.pool()?, &input, Utc::now()).await
}

#[tauri::command]
pub async fn create_case(state: State<'_, AppState>, input: CaseInput) -> Result<CaseDetail> {
    let actor = state.authorize(Permission::IntakeCases)?;
    let id = repo::create::create_case(&state.pool()?, &input, actor.staff_id, Utc::now()).await?;
    page(&state, &actor, id).await
}

#[tauri::command]
pub async fn list_cases(state: State<'_, AppState>, query: CaseQuery) -> Result<CasePage> {
    let actor = state.authorize(Permission::ReadCases)?;
    let mut page = repo::list::list_cases(&state.pool()?, &query, Utc::now()).await?;
    if !actor.role.allows(Permission::SeePersonalData) {
        crate::access::mask::case_page(&mut page);
    }
    Ok(page)
}

#[tauri::command]
pub async fn case_counts(state: State<'_, AppState>) -> Result<CaseCounts> {
    state.authorize(Permission::ReadCases)?;
    repo::case_counts(&state.pool()?, Utc::now()).await
}

#[tauri::command]
pub async fn get_case(state: State<'_, AppState>, id: i64) -> Result<CaseDetail> {
    let actor = state.authorize(Permission::ReadCases)?;
    page(&state, &actor, id).await
}

#[tauri::command]
pub async fn update_case(
    state: State<'_, AppState>,
    id: i64,
    input: CaseInput,
) -> Result<CaseDetail> {
    let actor = authorize_case(&state, Permission::HandleCases, id).await?;
    workflow::update_case(&state.pool()?, id, &input, actor.staff_id, Utc::now()).await?;
    page(&state, &actor, id).await
}

#[tauri::command]
pub async fn change_case_status(
    state: State<'_, AppState>,
    id: i64,
    change: StatusChange,
) -> Result<CaseDetail> {
    let actor = authorize_case(&state, Permission::HandleCases, id).await?;
    workflow::change_status(&state.pool()?, id, &change, actor.staff_id, Utc::now()).await?;
    page(&state, &actor, id).await
}

#[tauri::command]
pub async fn set_case_grade(
    state: State<'_, AppState>,
    id: i64,
    grade: u8,
    reason: Option<String>,
) -> Result<CaseDetail> {
    let actor = authorize_case(&state, Permission::HandleCases, id).await?;
    workflow::set_grade(
        &state.pool()?,
        id,
        grade,
        reason.as_deref(),
        actor.staff_id,
        Utc::now(),
    )
    .await?;
    page(&state, &actor, id).await
}

#[tauri::command]
pub async fn pause_case(state: State<'_, AppState>, id: i64, reason: String) -> Result<CaseDetail> {
    let actor = authorize_case(&state, Permission::HandleCases, id).await?;
    workflow::pause_case(&state.pool()?, id, &reason, actor.staff_id, Utc::now()).await?;
    page(&state, &actor, id).await
}

#[tauri::command]
pub async fn resume_case(state: State<'_, AppState>, id: i64) -> Result<CaseDetail> {
    let actor = authorize_case(&state, Permission::HandleCases, id).await?;
    workflow::resume_case(&state.pool()?, id, actor.staff_id, Utc::now()).await?;
    page(&state, &actor, id).await
}

#[tauri::command]
pub async fn add_case_entry(
    state: State<'_, AppState>,
    id: i64,
    kind: String,
    body: String,
) -> Result<CaseDetail> {
    let actor = authorize_case(&state, Permission::HandleCases, id).await?;
    workflow::add_entry(&state.pool()?, id, &kind, &body, actor.staff_id, Utc::now()).await?;
    page(&state, &actor, id).await
}

#[tauri::command]
pub async fn tick_case_escalation(
    state: State<'_, AppState>,
    id: i64,
    item: String,
) -> Result<CaseDetail> {
    let actor = authorize_case(&state, Permission::HandleCases, id).await?;
    workflow::tick_escalation(&state.pool()?, id, &item, actor.staff_id, Utc::now()).await?;
    page(&state, &actor, id).await
}

/// Asks for a photo or PDF with the system's file dialog, then copies it onto the case.
/// Returns the case unchanged when the user cancels.
#[tauri::command]
pub async fn add_case_attachment<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> Result<CaseDetail> {
    let actor = authorize_case(&state, Permission::HandleCases, id).await?;
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
        add_attachment(&state.pool()?, id, &path, &dir, actor.staff_id, Utc::now()).await?;
    }
    page(&state, &actor, id).await
}

/// Opens an attachment with the system's viewer.
#[tauri::command]
pub async fn open_case_attachment(state: State<'_, AppState>, attachment_id: i64) -> Result<()> {
    state.authorize(Permission::ReadCases)?;
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
pub fn print_page<R: Runtime>(
    state: State<'_, AppState>,
    window: tauri::WebviewWindow<R>,
) -> Result<()> {
    state.authorize(Permission::ReadCases)?;
    #[cfg(target_os = "linux")]
    if let Some(pdf) = super::print_pdf::requested() {
        return super::print_pdf::print_to_pdf(&window, &pdf);
    }
    window
        .print()
        .map_err(|e| Error::Io(std::io::Error::other(e.to_string())))
}
