//! Head office's computer: the app in group mode reads every branch from the server with an
//! office login (a member of `branchdesk_office`). What makes a computer head office is the
//! office server address in its own `app_settings` (a `group.` key, so never sent anywhere);
//! the login's password is kept like a branch's, in a file only this user can read, never in
//! the database or the log.

use std::path::PathBuf;

use sqlx::{PgPool, SqlitePool};

use super::{GroupProblem, pg_error, schema, server};
use crate::error::{Error, Invalid, Result};

/// The `app_settings` key holding head office's server address, without its password.
pub const OFFICE_SERVER_KEY: &str = "group.office_server";

/// The environment variable naming the office password file (default:
/// [`default_password_file`]).
pub const PASSWORD_FILE_VAR: &str = "BRANCHDESK_OFFICE_PASSWORD_FILE";

/// What Settings › Group shows of head office mode.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OfficeSettings {
    /// The office server address without its password; `None`: this computer is a branch.
    pub server: Option<String>,
    /// Whether a password file is in place (its content is never shown).
    pub password_saved: bool,
}

/// Where the office password is kept.
pub fn password_file() -> Option<PathBuf> {
    std::env::var_os(PASSWORD_FILE_VAR)
        .map(PathBuf::from)
        .or_else(default_password_file)
}

/// The office password file beside the branch's one, so one computer may hold both.
pub fn default_password_file() -> Option<PathBuf> {
    server::default_password_file().map(|file| file.with_file_name("office-password"))
}

/// The office server address, if this computer is head office.
pub async fn saved_server(sqlite: &SqlitePool) -> Result<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT value FROM app_settings WHERE key = ?")
            .bind(OFFICE_SERVER_KEY)
            .fetch_optional(sqlite)
            .await?,
    )
}

/// The office settings of this computer.
pub async fn settings(sqlite: &SqlitePool) -> Result<OfficeSettings> {
    Ok(OfficeSettings {
        server: saved_server(sqlite).await?,
        password_saved: password_file().is_some_and(|path| path.exists()),
    })
}

/// Makes this computer head office for the server at `url` (its password removed and, if
/// given, kept in the private file); an empty address makes it a branch again.
pub async fn save(sqlite: &SqlitePool, url: &str, password: &str) -> Result<OfficeSettings> {
    let url = url.trim();
    if url.is_empty() {
        sqlx::query("DELETE FROM app_settings WHERE key = ?")
            .bind(OFFICE_SERVER_KEY)
            .execute(sqlite)
            .await?;
        return settings(sqlite).await;
    }
    server::parse(url).map_err(|_| Error::invalid("server", Invalid::Choice))?;
    if !password.is_empty() {
        let file = password_file().ok_or(GroupProblem::NoServer)?;
        server::write_password_file(&file, password)?;
    }
    sqlx::query(
        "INSERT INTO app_settings (key, value) VALUES (?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(OFFICE_SERVER_KEY)
    .bind(server::without_password(url))
    .execute(sqlite)
    .await?;
    settings(sqlite).await
}

/// Connects to `url` as head office: the schema must be this app's and the login a member of
/// `branchdesk_office` ([`GroupProblem::NotOffice`] otherwise).
pub async fn connect(url: &str) -> Result<PgPool> {
    let mut options = server::parse(url)?;
    if server::mask(url) == url
        && std::env::var_os("PGPASSWORD").is_none()
        && let Some(file) = password_file()
        && let Some(password) = server::read_password_file(&file)?
    {
        options = options.password(&password);
    }
    let pg = server::connect_with(url, options).await?;
    let checked = async {
        schema::check_version(&pg).await?;
        check_office_role(&pg).await
    }
    .await;
    match checked {
        Ok(()) => Ok(pg),
        Err(error) => {
            pg.close().await;
            Err(error)
        }
    }
}

/// Connects to this computer's office server ([`GroupProblem::NoServer`] when none is set).
pub async fn connect_saved(sqlite: &SqlitePool) -> Result<PgPool> {
    let url = saved_server(sqlite)
        .await?
        .ok_or(Error::Group(GroupProblem::NoServer))?;
    connect(&url).await
}

/// Refuses a login that is not head office's: a branch's role would see only its own rows
/// (row-level security) and the dashboard would quietly show one branch as the group.
pub async fn check_office_role(pg: &PgPool) -> Result<()> {
    let office: bool =
        sqlx::query_scalar("SELECT pg_has_role(session_user, 'branchdesk_office', 'MEMBER')")
            .fetch_one(pg)
            .await
            .map_err(pg_error)?;
    if office {
        Ok(())
    } else {
        Err(GroupProblem::NotOffice.into())
    }
}
