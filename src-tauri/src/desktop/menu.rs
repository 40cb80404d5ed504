//! The native menu bar: built from [`menu_model`](super::menu_model) in the UI's language,
//! rebuilt when the language changes. Navigation items are sent to the window as a
//! [`MENU_EVENT`] carrying the item's id; the log folder and the user guide are opened here,
//! from paths the backend chooses, so the window needs no permission to open files.

use std::path::{Path, PathBuf};

use tauri::menu::{Menu, MenuBuilder, MenuEvent, MenuItemBuilder, SubmenuBuilder};
use tauri::{AppHandle, Emitter, Manager, Runtime, State};

use super::menu_model::{self, Action, Handler, Item, Native, Os};
use super::{AppState, MAIN_WINDOW};
use crate::access::Permission;
use crate::error::{Error, ErrorPayload, Result};
use crate::settings::{Language, repo::parse_language};

/// The event the window hears for a navigation item; its payload is the item's id.
pub const MENU_EVENT: &str = "menu-action";

/// The event the window hears when an item the backend carries out failed; its payload is the
/// error as every command returns it.
pub const MENU_FAILED_EVENT: &str = "menu-failed";

/// Debug builds only: an item id to act on once the UI has shown the window, so the end-to-end
/// tests can drive the same path a click takes (WebDriver cannot click a native menu).
pub const TEST_ACTION_ENV: &str = "BRANCHDESK_TEST_MENU_ACTION";

/// Builds the menu bar for `lang` on this platform.
pub fn build<R: Runtime>(app: &AppHandle<R>, lang: Language) -> tauri::Result<Menu<R>> {
    let mut bar = MenuBuilder::new(app);
    for submenu in menu_model::menu(lang, Os::current()) {
        let mut builder = SubmenuBuilder::with_id(app, submenu.id, submenu.label);
        for item in submenu.items {
            builder = match item {
                Item::Separator => builder.separator(),
                Item::Native(native) => add_native(builder, native, lang),
                Item::Action(action) => {
                    let mut entry = MenuItemBuilder::with_id(action.id(), action.label(lang));
                    if let Some(accelerator) = action.accelerator() {
                        entry = entry.accelerator(accelerator);
                    }
                    builder.item(&entry.build(app)?)
                }
            };
        }
        bar = bar.item(&builder.build()?);
    }
    bar.build()
}

fn add_native<'m, R: Runtime, M: Manager<R>>(
    builder: SubmenuBuilder<'m, R, M>,
    native: Native,
    lang: Language,
) -> SubmenuBuilder<'m, R, M> {
    let text = native.label(lang);
    match native {
        Native::Undo => builder.undo_with_text(text),
        Native::Redo => builder.redo_with_text(text),
        Native::Cut => builder.cut_with_text(text),
        Native::Copy => builder.copy_with_text(text),
        Native::Paste => builder.paste_with_text(text),
        Native::SelectAll => builder.select_all_with_text(text),
        Native::Services => builder.services_with_text(text),
        Native::Hide => builder.hide_with_text(text),
        Native::HideOthers => builder.hide_others_with_text(text),
        Native::ShowAll => builder.show_all_with_text(text),
    }
}

/// For `Builder::on_menu_event`: carries out one of our items (the system's act by themselves).
pub fn on_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    if let Some(action) = Action::from_id(event.id().as_ref()) {
        perform(app, action);
    }
}

/// Carries out `action`: the window navigates, or the backend opens or quits.
pub fn perform<R: Runtime>(app: &AppHandle<R>, action: Action) {
    tracing::info!(item = action.id(), "menu");
    let outcome = match (action.handler(), action) {
        (Handler::Ui, _) => {
            super::reveal_main_window(app);
            app.emit_to(MAIN_WINDOW, MENU_EVENT, action.id())
                .map_err(|e| Error::Io(std::io::Error::other(e.to_string())))
        }
        (Handler::Backend, Action::Quit) => {
            quit(app);
            Ok(())
        }
        (Handler::Backend, Action::OpenLogFolder) => open_log_folder(),
        (Handler::Backend, _) => open_guide(app),
    };
    if let Err(error) = outcome {
        error.log_cause();
        let _ = app.emit_to(MAIN_WINDOW, MENU_FAILED_EVENT, ErrorPayload::from(&error));
    }
}

/// Asks the window to close, exactly as its close button does, so the UI can ask about unsaved
/// work first; closing the last window ends the app.
fn quit<R: Runtime>(app: &AppHandle<R>) {
    match app.get_webview_window(MAIN_WINDOW) {
        Some(window) => {
            if window.close().is_err() {
                app.exit(0);
            }
        }
        None => app.exit(0),
    }
}

fn open_log_folder() -> Result<()> {
    let folder = crate::logging::log_dir();
    std::fs::create_dir_all(&folder)?;
    open(&folder)
}

/// The guide in the UI's language: bundled as a resource (`bundle.resources`), and in a
/// development build the copy in `docs/`.
fn open_guide<R: Runtime>(app: &AppHandle<R>) -> Result<()> {
    let lang = current_language(app);
    let bundled = app
        .path()
        .resource_dir()
        .map(|dir| bundled_guide(&dir, lang));
    let source = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("docs")
        .join(guide_file_name(lang));
    let path = bundled
        .into_iter()
        .chain(cfg!(debug_assertions).then_some(source))
        .find(|path| path.is_file())
        .ok_or(Error::NotFound)?;
    open(&path)
}

/// The guide's file name for `lang` (`docs/user-guide.<lang>.md`).
pub fn guide_file_name(lang: Language) -> &'static str {
    match lang {
        Language::En => "user-guide.en.md",
        Language::ZhCn => "user-guide.zh-CN.md",
    }
}

fn open(path: &Path) -> Result<()> {
    tauri_plugin_opener::open_path(path, None::<&str>)
        .map_err(|e| Error::Io(std::io::Error::other(e.to_string())))
}

/// The language the menu was last built in.
#[derive(Debug)]
pub struct MenuLanguage(pub std::sync::Mutex<Language>);

fn current_language<R: Runtime>(app: &AppHandle<R>) -> Language {
    app.try_state::<MenuLanguage>()
        .and_then(|state| state.0.lock().ok().map(|lang| *lang))
        .unwrap_or_else(crate::status::os_language)
}

/// Puts the menu in the UI's language; the UI calls it on start and on every change of
/// language (the welcome page's choice is not stored until set-up, so the UI says it). The
/// menu is rebuilt and replaced: relabelling items in place changed muda's record of the
/// labels but not what GTK showed, so a Chinese window kept an English menu bar on Linux.
#[tauri::command]
pub fn set_menu_language<R: Runtime>(
    state: State<'_, AppState>,
    app: AppHandle<R>,
    language: String,
) -> Result<()> {
    state.authorize(Permission::Public)?;
    let lang = parse_language(&language)?;
    if let Some(state) = app.try_state::<MenuLanguage>()
        && let Ok(mut current) = state.0.lock()
    {
        if *current == lang {
            return Ok(());
        }
        *current = lang;
    }
    let outcome = build(&app, lang).and_then(|menu| app.set_menu(menu).map(|_| ()));
    outcome.map_err(|e| Error::Io(std::io::Error::other(e.to_string())))
}

/// Debug builds: the action [`TEST_ACTION_ENV`] names, run once, when the window is first up.
pub fn run_test_action<R: Runtime>(app: &AppHandle<R>) {
    static DONE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if !cfg!(debug_assertions) || DONE.swap(true, std::sync::atomic::Ordering::SeqCst) {
        return;
    }
    let Some(id) = std::env::var_os(TEST_ACTION_ENV) else {
        return;
    };
    match Action::from_id(&id.to_string_lossy()) {
        Some(action) => perform(app, action),
        None => tracing::warn!("unknown test menu action"),
    }
}

/// Where the bundle puts the guide in `lang` among the app's resources.
pub fn bundled_guide(resource_dir: &Path, lang: Language) -> PathBuf {
    resource_dir.join("guide").join(guide_file_name(lang))
}
