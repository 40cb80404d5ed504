//! The desktop window: the only module that knows about Tauri. It opens the store, registers
//! the plugins and exposes the commands in `commands.rs`.

mod about_commands;
mod access_commands;
mod backup_commands;
mod case_commands;
mod casework_commands;
mod commands;
mod customer_commands;
mod group_commands;
mod group_dashboard_commands;
mod import_commands;
mod lesson_commands;
mod menu;
mod menu_model;
mod open_file;
mod prevention_commands;
mod print_commands;
#[cfg(target_os = "linux")]
mod print_pdf;
mod reminders;
mod report_commands;
mod startup_commands;
mod state;
mod survey_commands;
mod training_commands;

use std::path::Path;
use std::time::Duration;

use tauri::{Manager, Runtime};
use tauri_plugin_window_state::StateFlags;

use crate::store::location;
pub use state::AppState;

/// The label of the one window.
pub const MAIN_WINDOW: &str = "main";

/// If the UI never reports its first paint (a script failed), show the window anyway after this
/// long rather than leave an invisible app running.
const SHOW_FALLBACK: Duration = Duration::from_secs(4);

/// Starts the app on the database chosen by `--db`, `BRANCHDESK_DB` or the default location.
pub fn run() {
    crate::logging::init(crate::logging::Program::App);
    let db_path = location::resolve_db_path(location::db_flag(std::env::args().skip(1)));
    let builder = with_single_instance(tauri::Builder::default(), &db_path);
    let app = builder
        .plugin(
            tauri_plugin_window_state::Builder::new()
                // Visibility is ours to decide: the window appears after the first paint.
                .with_state_flags(StateFlags::all() - StateFlags::VISIBLE)
                .build(),
        )
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_dialog::init())
        // The OS language until the UI says which one it shows (`set_menu_language`).
        .menu(|app| menu::build(app, crate::status::os_language()))
        .on_menu_event(menu::on_event)
        .plugin(tauri_plugin_notification::init())
        .setup(move |app| {
            app.manage(menu::MenuLanguage(std::sync::Mutex::new(
                crate::status::os_language(),
            )));
            let state = tauri::async_runtime::block_on(AppState::open(db_path.clone()));
            backup_commands::spawn_daily_backup(&state);
            app.manage(state);
            reminders::start(app.handle());
            app.manage(import_commands::ImportPicks::default());
            app.manage(group_commands::GroupSync::default());
            group_commands::spawn_background_sync(app.handle().clone());
            schedule_show_fallback(app.handle().clone());
            Ok(())
        })
        .invoke_handler(commands::handler())
        .build(tauri::generate_context!());
    match app {
        Ok(app) => app.run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                close_database(app);
            }
        }),
        Err(error) => {
            eprintln!("BranchDesk could not start: {error}");
            std::process::exit(1);
        }
    }
}

/// On quitting, writes the log back so the `.db` file alone holds everything (see
/// [`crate::store::close`]).
fn close_database<R: Runtime>(app: &tauri::AppHandle<R>) {
    if let Some(Ok(pool)) = app.try_state::<AppState>().map(|state| state.pool()) {
        tauri::async_runtime::block_on(crate::store::close(pool));
    }
}

/// Shows and focuses the main window.
pub fn reveal_main_window<R: Runtime>(app: &tauri::AppHandle<R>) {
    if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

fn schedule_show_fallback<R: Runtime>(app: tauri::AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(SHOW_FALLBACK).await;
        if let Some(window) = app.get_webview_window(MAIN_WINDOW)
            && !window.is_visible().unwrap_or(true)
        {
            tracing::warn!("the UI did not report its first paint; showing the window anyway");
            reveal_main_window(&app);
        }
    });
}

/// A second launch on the same database focuses the running window and exits. On Linux the
/// instance is keyed by the database path (a D-Bus name), so two different databases may be open
/// at once; there, without a session bus (a bare CI display) the check is skipped.
fn with_single_instance<R: Runtime>(
    builder: tauri::Builder<R>,
    db_path: &Path,
) -> tauri::Builder<R> {
    let plugin = tauri_plugin_single_instance::Builder::new()
        .callback(|app, _args, _cwd| reveal_main_window(app));
    #[cfg(target_os = "linux")]
    {
        if !linux_session_bus_available() {
            tracing::warn!("no D-Bus session bus: single-instance check disabled");
            return builder;
        }
        let plugin = plugin.dbus_id(format!(
            "{}.db{:016x}",
            location::APP_IDENTIFIER,
            path_fingerprint(db_path)
        ));
        builder.plugin(plugin.build())
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = db_path;
        builder.plugin(plugin.build())
    }
}

#[cfg(target_os = "linux")]
fn linux_session_bus_available() -> bool {
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|v| !v.is_empty()) {
        return true;
    }
    std::env::var_os("XDG_RUNTIME_DIR").is_some_and(|dir| Path::new(&dir).join("bus").exists())
}

/// A stable FNV-1a fingerprint of the database's absolute path.
#[cfg(target_os = "linux")]
fn path_fingerprint(path: &Path) -> u64 {
    let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    absolute
        .as_os_str()
        .as_encoded_bytes()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
            (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
        })
}
