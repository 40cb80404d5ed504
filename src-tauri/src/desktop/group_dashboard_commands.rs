//! Head office's group dashboard: thin commands over `group::office`, `group::dashboard` and
//! `group::drill`. Each read connects with the office login saved in Settings › Group and
//! closes the connection when done; nothing from the server is kept on this computer.

use std::path::PathBuf;

use chrono::Utc;
use tauri::{AppHandle, Emitter, Runtime, State};

use super::AppState;
use crate::access::Permission;
use crate::error::{Error, Result};
use crate::export::{Destination, Existing};
use crate::group::dashboard::{self, GroupDashboard};
use crate::group::drill::{self, BranchCases, GroupCaseRecord};
use crate::group::office::{self, OfficeSettings};
use crate::group::{GroupProblem, report};
use crate::settings::Language;
use crate::stats::Month;

/// The event that reports the group workbook's progress: `reading` the branches from the
/// server, then `writing` the file.
pub const EXPORT_PROGRESS_EVENT: &str = "group-export-progress";

/// Whether this computer is head office (the nav shows "Group" only then).
#[tauri::command]
pub async fn group_mode(state: State<'_, AppState>) -> Result<bool> {
    state.authorize(Permission::ReadCases)?;
    Ok(office::saved_server(&state.pool()?).await?.is_some())
}

#[tauri::command]
pub async fn office_settings(state: State<'_, AppState>) -> Result<OfficeSettings> {
    state.authorize(Permission::Settings)?;
    office::settings(&state.pool()?).await
}

/// Makes this computer head office for `server` (empty: a branch again); a non-empty
/// `password` goes to a file only this user can read.
#[tauri::command]
pub async fn save_office_settings(
    state: State<'_, AppState>,
    server: String,
    password: String,
) -> Result<OfficeSettings> {
    state.authorize(Permission::Settings)?;
    office::save(&state.pool()?, &server, &password).await
}

/// Connects as head office; returns how many branches have sent their records.
#[tauri::command]
pub async fn test_office_connection(state: State<'_, AppState>) -> Result<usize> {
    state.authorize(Permission::Settings)?;
    let pg = office::connect_saved(&state.pool()?).await?;
    let codes = report::branch_codes(&pg).await;
    pg.close().await;
    Ok(codes?.len())
}

/// The month `given`, else the last complete one in this computer's time zone.
async fn month_or_default(state: &AppState, given: Option<String>) -> Result<Month> {
    if let Some(month) = given.filter(|m| !m.trim().is_empty()) {
        return Month::parse("month", &month);
    }
    let branch = crate::settings::repo::get_branch(&state.pool()?)
        .await?
        .ok_or(Error::NotInitialized)?;
    let tz = branch.timezone.parse().unwrap_or(chrono_tz::Asia::Shanghai);
    Ok(dashboard::default_month(Utc::now(), tz))
}

/// Every branch's figures for `month` (default: the last complete month).
#[tauri::command]
pub async fn group_dashboard(
    state: State<'_, AppState>,
    month: Option<String>,
    lang: Language,
) -> Result<GroupDashboard> {
    state.authorize(Permission::ReadCases)?;
    let month = month_or_default(&state, month).await?;
    let pg = office::connect_saved(&state.pool()?).await?;
    let result = dashboard::dashboard(&pg, month, lang, Utc::now()).await;
    pg.close().await;
    result
}

/// A page of branch `code`'s cases received in `month`, names masked.
#[tauri::command]
pub async fn group_branch_cases(
    state: State<'_, AppState>,
    code: String,
    month: String,
    page: u32,
) -> Result<BranchCases> {
    state.authorize(Permission::ReadCases)?;
    let month = Month::parse("month", &month)?;
    let pg = office::connect_saved(&state.pool()?).await?;
    let result = drill::branch_cases(&pg, &code, month, page, Utc::now()).await;
    pg.close().await;
    result
}

/// Branch `code`'s case `id`, read-only, its personal data masked.
#[tauri::command]
pub async fn group_case(
    state: State<'_, AppState>,
    code: String,
    id: i64,
) -> Result<GroupCaseRecord> {
    let actor = state.authorize(Permission::ReadCases)?;
    let pg = office::connect_saved(&state.pool()?).await?;
    let result = drill::case_record(&pg, &code, id, false, Utc::now()).await;
    pg.close().await;
    let mut record = result?;
    record.can_show_personal = actor.role.allows(Permission::SeeGroupPersonalData);
    Ok(record)
}

/// The same record with names, phones and references shown: a manager's explicit action,
/// recorded (who, when, which case) before it is shown.
#[tauri::command]
pub async fn group_case_personal(
    state: State<'_, AppState>,
    code: String,
    id: i64,
) -> Result<GroupCaseRecord> {
    let actor = state.authorize(Permission::SeeGroupPersonalData)?;
    let local = state.pool()?;
    let pg = office::connect_saved(&local).await?;
    let result = drill::reveal_case(&local, &pg, &actor, &code, id, Utc::now()).await;
    pg.close().await;
    let mut record = result?;
    record.can_show_personal = true;
    Ok(record)
}

/// What the progress event carries.
#[derive(Debug, Clone, serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct ExportProgress {
    stage: &'static str,
    branches: usize,
}

/// Writes the group workbook of `month` from the server to `path` (the same workbook as
/// `branchdesk-cli group-report`), reporting its progress; returns the branch codes, ranked.
#[tauri::command]
pub async fn export_group_workbook<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    month: String,
    lang: Language,
    path: PathBuf,
) -> Result<Vec<String>> {
    state.authorize(Permission::ExportMasked)?;
    let month = Month::parse("month", &month)?;
    let out = Destination::check(&path, &state.db_path(), Existing::Replace)?;
    let progress = |stage, branches| {
        let _ = app.emit(EXPORT_PROGRESS_EVENT, ExportProgress { stage, branches });
    };
    progress("connecting", 0);
    let pg = office::connect_saved(&state.pool()?).await?;
    let result = async {
        let codes = report::branch_codes(&pg).await?;
        progress("reading", codes.len());
        let branches = report::branches_month(&pg, month, lang, Utc::now()).await?;
        progress("writing", branches.len());
        crate::export::rollup::rollup_branches(branches, month, lang, &out)
    }
    .await;
    pg.close().await;
    let ranked = result.map_err(|error| match error {
        Error::NotFound => Error::Group(GroupProblem::NoBranches),
        other => other,
    })?;
    state.remember_written(&path);
    progress("done", ranked.len());
    Ok(ranked.into_iter().map(|b| b.code).collect())
}
