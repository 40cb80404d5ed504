//! Where the database file lives: `--db PATH`, else `BRANCHDESK_DB`, else the platform's
//! app-data folder (the same folder Tauri uses for the app's identifier).

use std::path::PathBuf;

/// The app identifier; it names the data folder, so it never changes.
pub const APP_IDENTIFIER: &str = "com.branchdesk.app";

/// The environment variable that overrides the database path (tests, portable use).
pub const DB_ENV: &str = "BRANCHDESK_DB";

/// The database file name inside the app-data folder.
pub const DB_FILE_NAME: &str = "branchdesk.db";

/// The default database path: `<app data>/com.branchdesk.app/branchdesk.db`.
pub fn default_db_path() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join(APP_IDENTIFIER)
        .join(DB_FILE_NAME)
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
        assert!(path.ends_with(format!("{APP_IDENTIFIER}/{DB_FILE_NAME}")));
    }

    #[test]
    fn an_explicit_path_wins() {
        assert_eq!(
            resolve_db_path(Some("/x/y.db".into())),
            PathBuf::from("/x/y.db")
        );
    }
}
