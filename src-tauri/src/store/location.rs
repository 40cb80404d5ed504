//! Where the database file lives: `--db PATH`, else `BRANCHDESK_DB`, else the platform's
//! app-data folder (the same folder Tauri uses for the app's identifier).
//!
//! The app-data folder is `<data dir>/com.branchdesk.app` on every system, `<data dir>` being
//! the platform's own place for it (`dirs::data_dir()`):
//!
//! | System  | Folder                                                |
//! |---------|-------------------------------------------------------|
//! | Windows | `%APPDATA%\com.branchdesk.app`                        |
//! | macOS   | `~/Library/Application Support/com.branchdesk.app`    |
//! | Linux   | `$XDG_DATA_HOME/com.branchdesk.app` (`~/.local/share`) |
//!
//! It holds `branchdesk.db`, its backups and attachments, and `logs/`.

use std::path::PathBuf;

/// The app identifier; it names the data folder, so it never changes.
pub const APP_IDENTIFIER: &str = "com.branchdesk.app";

/// The environment variable that overrides the database path (tests, portable use).
pub const DB_ENV: &str = "BRANCHDESK_DB";

/// The database file name inside the app-data folder.
pub const DB_FILE_NAME: &str = "branchdesk.db";

/// The app's own folder in the platform's app-data location (see the module's table); the
/// system's temporary folder stands in only where a system names no data folder at all.
pub fn app_data_dir() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join(APP_IDENTIFIER)
}

/// The default database path: `<app data>/com.branchdesk.app/branchdesk.db`.
pub fn default_db_path() -> PathBuf {
    app_data_dir().join(DB_FILE_NAME)
}

/// Chooses the database path: an explicit path first, then `BRANCHDESK_DB`, then the default.
pub fn resolve_db_path(explicit: Option<PathBuf>) -> PathBuf {
    explicit
        .or_else(|| {
            std::env::var_os(DB_ENV)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .unwrap_or_else(default_db_path)
}

/// Finds `--db PATH` or `--db=PATH` in a command line (the desktop binary has no other flags).
pub fn db_flag<I: IntoIterator<Item = String>>(args: I) -> Option<PathBuf> {
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "--db" {
            return args.next().map(PathBuf::from);
        }
        if let Some(path) = arg.strip_prefix("--db=") {
            return Some(PathBuf::from(path));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn db_flag_reads_both_spellings() {
        assert_eq!(
            db_flag(args(&["app", "--db", "/tmp/a.db"])),
            Some(PathBuf::from("/tmp/a.db"))
        );
        assert_eq!(
            db_flag(args(&["app", "--db=/tmp/b.db"])),
            Some(PathBuf::from("/tmp/b.db"))
        );
        assert_eq!(db_flag(args(&["app"])), None);
        assert_eq!(db_flag(args(&["app", "--db"])), None);
    }

    #[test]
    fn the_default_path_is_in_the_app_data_folder() {
        let path = default_db_path();
        assert_eq!(path.parent(), Some(app_data_dir().as_path()));
        assert_eq!(path.file_name(), Some(std::ffi::OsStr::new(DB_FILE_NAME)));
    }

    #[test]
    fn the_app_data_folder_has_the_same_name_under_the_platforms_data_folder() {
        let folder = app_data_dir();
        // One component named exactly as the identifier (no separator inside), on every OS.
        assert_eq!(
            folder.file_name(),
            Some(std::ffi::OsStr::new(APP_IDENTIFIER))
        );
        assert!(!APP_IDENTIFIER.contains(['/', '\\']));
        let platform = dirs::data_dir().expect("this system names a data folder");
        assert_eq!(folder.parent(), Some(platform.as_path()));
        assert!(folder.is_absolute());
    }

    #[cfg(target_os = "windows")]
    #[test]
    fn on_windows_it_is_under_appdata() {
        let appdata = std::env::var_os("APPDATA").expect("APPDATA is set");
        assert_eq!(app_data_dir(), PathBuf::from(appdata).join(APP_IDENTIFIER));
    }

    #[cfg(target_os = "macos")]
    #[test]
    fn on_macos_it_is_under_application_support() {
        let home = dirs::home_dir().expect("a home folder");
        assert_eq!(
            app_data_dir(),
            home.join("Library")
                .join("Application Support")
                .join(APP_IDENTIFIER)
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn on_linux_it_is_under_xdg_data_home() {
        let base = std::env::var_os("XDG_DATA_HOME")
            .map(PathBuf::from)
            .filter(|dir| dir.is_absolute())
            .unwrap_or_else(|| {
                dirs::home_dir()
                    .expect("a home folder")
                    .join(".local")
                    .join("share")
            });
        assert_eq!(app_data_dir(), base.join(APP_IDENTIFIER));
    }

    #[test]
    fn an_explicit_path_wins() {
        assert_eq!(
            resolve_db_path(Some("/x/y.db".into())),
            PathBuf::from("/x/y.db")
        );
    }
}
