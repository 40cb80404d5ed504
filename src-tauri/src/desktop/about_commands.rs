//! Settings › About: the version, where the log file is and "show in folder"; and, for a
//! locked database, which program holds it.

use tauri::State;

use super::AppState;
use crate::access::Permission;
use crate::error::{Error, Result};
use crate::logging::{self, Program};

/// What Settings › About shows.
#[derive(Debug, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct About {
    /// The app's version.
    version: &'static str,
    /// The folder of the log files.
    log_folder: String,
    /// Today's (or the newest) log file of the window, if one has been written.
    log_file: Option<String>,
}

/// The version and the log's location.
#[tauri::command]
pub fn about(state: State<'_, AppState>) -> Result<About> {
    state.authorize(Permission::Public)?;
    let folder = logging::log_dir();
    Ok(About {
        version: env!("CARGO_PKG_VERSION"),
        log_file: logging::newest_file(&folder, Program::App).map(|f| f.display().to_string()),
        log_folder: folder.display().to_string(),
    })
}

/// Shows the newest log file (or, before there is one, its folder) in the file manager. The
/// path is the backend's own, never one sent by the window.
#[tauri::command]
pub fn reveal_log(state: State<'_, AppState>) -> Result<()> {
    state.authorize(Permission::Public)?;
    let folder = logging::log_dir();
    let target = logging::newest_file(&folder, Program::App).unwrap_or(folder);
    tauri_plugin_opener::reveal_item_in_dir(target)
        .map_err(|e| Error::Io(std::io::Error::other(e.to_string())))
}

/// The name of the program holding the database locked, when the system says (else null).
#[tauri::command]
pub fn database_lock_holder(state: State<'_, AppState>) -> Result<Option<String>> {
    state.authorize(Permission::Public)?;
    Ok(crate::store::lock_holder::lock_holder(&state.db_path()))
}
