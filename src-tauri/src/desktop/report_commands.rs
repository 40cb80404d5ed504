//! The Reports screen and the dashboard's month: the monthly report, the glossary, the Excel
//! export and the group roll-up. Paths come from the native dialogs the user answered, but the
//! webview sends them as plain strings, so each output path is checked here like any other
//! ([`Destination::check`]): an `.xlsx` file, never the database, a backup, a folder or a
//! device. An existing file is replaced: the native save dialog has already asked the user.
//! The files written are remembered so that "open file" and "show in folder" only ever act on
//! them.

use std::path::{Path, PathBuf};

use chrono::Utc;
use serde::Serialize;
use tauri::State;

use super::AppState;
use crate::access::Permission;
use crate::error::{Error, Result};
use crate::export::{self, Destination, Existing, ExportOptions, RollupSummary};
use crate::settings::Language;
use crate::stats::glossary::{GlossaryEntry, glossary};
use crate::stats::{self, Month, MonthlyReport};

/// Where an export was written.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Exported {
    /// The workbook's path.
    pub path: PathBuf,
}

#[tauri::command]
pub async fn monthly_report(state: State<'_, AppState>, month: String) -> Result<MonthlyReport> {
    state.authorize(Permission::ReadCases)?;
    stats::monthly_report(&state.pool()?, Month::parse("month", &month)?, Utc::now()).await
}

#[tauri::command]
pub fn report_glossary(state: State<'_, AppState>, lang: Language) -> Result<Vec<GlossaryEntry>> {
    state.authorize(Permission::ReadCases)?;
    Ok(glossary(lang))
}

#[tauri::command]
pub async fn export_month(
    state: State<'_, AppState>,
    month: String,
    lang: Language,
    include_personal_data: bool,
    mask_descriptions: Option<bool>,
    path: PathBuf,
) -> Result<Exported> {
    let actor = state.authorize(Permission::ExportMasked)?;
    // Names, phones or unmasked descriptions leave the branch only by a manager's hand.
    if include_personal_data || mask_descriptions == Some(false) {
        actor.require(Permission::ExportPersonalData)?;
    }
    let options = ExportOptions {
        lang,
        include_personal_data,
        mask_descriptions,
    };
    let month = Month::parse("month", &month)?;
    let out = Destination::check(&path, &state.db_path(), Existing::Replace)?;
    export::export_month_to(&state.pool()?, month, &options, Utc::now(), &out).await?;
    state.remember_written(&path);
    Ok(Exported { path })
}

#[tauri::command]
pub async fn rollup_files(
    state: State<'_, AppState>,
    paths: Vec<PathBuf>,
    out: PathBuf,
    lang: Language,
) -> Result<RollupSummary> {
    state.authorize(Permission::ExportMasked)?;
    let destination = Destination::check(&out, &state.db_path(), Existing::Replace)?;
    // Reading and writing many workbooks is blocking work: keep it off the async runtime.
    let summary = tauri::async_runtime::spawn_blocking(move || {
        export::rollup(&paths, &destination, None, lang)
    })
    .await
    .map_err(|e| Error::Io(std::io::Error::other(e.to_string())))??;
    state.remember_written(&out);
    Ok(summary)
}

/// Opens a file this session wrote (an exported workbook) with the system's program for it.
#[tauri::command]
pub fn open_path(state: State<'_, AppState>, path: PathBuf) -> Result<()> {
    state.authorize(Permission::SignedIn)?;
    super::open_file::open_with_system(written(&state, &path)?)
}

/// Shows a file this session wrote in the system's file manager.
#[tauri::command]
pub fn reveal_path(state: State<'_, AppState>, path: PathBuf) -> Result<()> {
    state.authorize(Permission::SignedIn)?;
    let path = written(&state, &path)?;
    tauri_plugin_opener::reveal_item_in_dir(path)
        .map_err(|e| Error::Io(std::io::Error::other(e.to_string())))
}

/// `path` if this session wrote it; anything else is refused, so the window cannot open
/// arbitrary files.
fn written<'a>(state: &AppState, path: &'a Path) -> Result<&'a Path> {
    if state.was_written(path) {
        Ok(path)
    } else {
        Err(Error::NotFound)
    }
}
