//! Importing a complaint log from Settings: thin commands over `import`. The file is chosen in
//! the system dialog here, in Rust; the page only ever holds a token for it, so it cannot make
//! the app read a file the user did not pick.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;

use chrono::Utc;
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use super::AppState;
use crate::access::Permission;
use crate::error::{Error, Result};
use crate::import::{self, ImportOptions, ImportReport, Imported, Mapping, Opened};

/// The files picked for import in this session, by token.
#[derive(Default)]
pub struct ImportPicks(Mutex<HashMap<u64, PathBuf>>);

impl ImportPicks {
    fn add(&self, path: PathBuf) -> u64 {
        let mut picks = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let token = picks.len() as u64 + 1;
        picks.insert(token, path);
        token
    }

    fn path(&self, token: u64) -> Result<PathBuf> {
        let picks = self.0.lock().unwrap_or_else(|p| p.into_inner());
        picks.get(&token).cloned().ok_or(Error::NotFound)
    }
}

/// A picked file: its token and what [`import::open`] found in it.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PickedFile {
    /// Names the file in the other import commands.
    pub token: u64,
    /// Preview and starting mapping.
    #[serde(flatten)]
    pub opened: Opened,
}

/// Asks for a spreadsheet with the system's dialog and opens it; `None` when cancelled.
#[tauri::command]
pub async fn import_pick_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    picks: State<'_, ImportPicks>,
) -> Result<Option<PickedFile>> {
    state.authorize(Permission::Import)?;
    let (sender, receiver) = tokio::sync::oneshot::channel();
    app.dialog()
        .file()
        .add_filter(
            "CSV / Excel",
            &["csv", "xlsx", "xls", "xlsm", "ods", "tsv", "txt"],
        )
        .pick_file(move |picked| {
            let _ = sender.send(picked);
        });
    let Some(path) = receiver
        .await
        .ok()
        .flatten()
        .and_then(|p| p.into_path().ok())
    else {
        return Ok(None);
    };
    let opened = import::open(&state.pool()?, &path, None).await?;
    Ok(Some(PickedFile {
        token: picks.add(path),
        opened,
    }))
}

/// Opens another sheet of a picked workbook.
#[tauri::command]
pub async fn import_preview(
    state: State<'_, AppState>,
    picks: State<'_, ImportPicks>,
    token: u64,
    sheet: Option<String>,
) -> Result<PickedFile> {
    state.authorize(Permission::Import)?;
    let path = picks.path(token)?;
    let opened = import::open(&state.pool()?, &path, sheet.as_deref()).await?;
    Ok(PickedFile { token, opened })
}

/// Checks every row of a picked file; stores nothing but the mapping.
#[tauri::command]
pub async fn import_dry_run(
    state: State<'_, AppState>,
    picks: State<'_, ImportPicks>,
    token: u64,
    mapping: Mapping,
    options: ImportOptions,
) -> Result<ImportReport> {
    state.authorize(Permission::Import)?;
    let path = picks.path(token)?;
    import::dry_run(&state.pool()?, &path, &mapping, &options, Utc::now()).await
}

/// Imports every row of a picked file, or none when any row has a problem.
#[tauri::command]
pub async fn import_run(
    state: State<'_, AppState>,
    picks: State<'_, ImportPicks>,
    token: u64,
    mapping: Mapping,
    options: ImportOptions,
) -> Result<Imported> {
    let actor = state.authorize(Permission::Import)?.staff_id;
    let path = picks.path(token)?;
    let pool = state.pool()?;
    import::import_file(&pool, &path, &mapping, &options, actor, Utc::now()).await
}
