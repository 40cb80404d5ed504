//! What the app shows on start: whether the branch is set up, its language and where its data
//! lives; and first-run setup, shared by the window and the command-line tool.

use std::path::Path;

use serde::{Deserialize, Serialize};
use sqlx::SqlitePool;

use crate::error::{ErrorPayload, Result};
use crate::settings::{self, Branch, BranchInput, Language};
use crate::store;

/// The app's state as the UI needs it at start.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppStatus {
    /// Whether first-run setup is done.
    pub initialized: bool,
    /// The branch, once set up.
    pub branch: Option<Branch>,
    /// The UI language: the stored choice, else the OS locale's.
    pub language: Language,
    /// The colour theme chosen in Settings (`system` follows the OS).
    pub theme: settings::appearance::Theme,
    /// The database file in use.
    pub db_path: String,
    /// The operating system's time zone, the default at setup.
    pub os_timezone: String,
    /// The newest applied migration.
    pub schema_version: i64,
    /// The SQLite library version.
    pub sqlite_version: String,
    /// The staff member working at this computer, in whose name changes are recorded.
    pub current_staff_id: Option<i64>,
    /// Set when the database could not be opened; the UI shows it instead of the app.
    pub startup_error: Option<ErrorPayload>,
}

/// First-run answers: the branch plus the language.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetupInput {
    /// The branch's details.
    #[serde(flatten)]
    pub branch: BranchInput,
    /// `zh-CN` or `en`.
    pub language: String,
}

/// The OS time zone as an IANA name, or `Asia/Shanghai` when the OS does not say.
pub fn os_timezone() -> String {
    iana_time_zone::get_timezone()
        .ok()
        .filter(|tz| tz.parse::<chrono_tz::Tz>().is_ok())
        .unwrap_or_else(|| "Asia/Shanghai".to_owned())
}

/// The language matching the OS locale.
pub fn os_language() -> Language {
    Language::from_locale(sys_locale::get_locale().as_deref())
}

/// The status of an open database.
pub async fn status(pool: &SqlitePool, db_path: &Path) -> Result<AppStatus> {
    let branch = settings::repo::get_branch(pool).await?;
    Ok(AppStatus {
        initialized: branch.is_some(),
        branch,
        language: settings::repo::get_language(pool)
            .await?
            .unwrap_or_else(os_language),
        theme: settings::appearance::get_theme(pool).await?,
        db_path: db_path.display().to_string(),
        os_timezone: os_timezone(),
        schema_version: store::schema_version(pool).await?,
        sqlite_version: store::sqlite_version(pool).await?,
        // The window fills in who is signed in; the domain does not know.
        current_staff_id: None,
        startup_error: None,
    })
}

/// The status shown when the database could not be opened at all.
pub fn failed_status(db_path: &Path, error: ErrorPayload) -> AppStatus {
    AppStatus {
        initialized: false,
        branch: None,
        language: os_language(),
        theme: settings::appearance::Theme::System,
        db_path: db_path.display().to_string(),
        os_timezone: os_timezone(),
        schema_version: 0,
        sqlite_version: String::new(),
        current_staff_id: None,
        startup_error: Some(error),
    }
}

/// First-run setup: checks every answer, then stores the branch, its seeded categories and time
/// limits and the language in one transaction.
pub async fn setup(pool: &SqlitePool, input: &SetupInput) -> Result<Branch> {
    let branch = input.branch.parse()?;
    let language = settings::repo::parse_language(&input.language)?;
    settings::repo::setup_branch(pool, &branch, language).await
}
