//! One sync from start to end, as the CLI and the app run it: connect, check the server's
//! schema and the role, send the outbox, take what head office published.

use sqlx::SqlitePool;

use super::publications::{self, Taken};
use super::sync::{self, SendReport, SyncOptions};
use super::{GroupProblem, schema, server};
use crate::error::{Error, Result};

/// The `app_settings` key holding the server's address, without its password (not sent).
pub const SERVER_KEY: &str = "group.server";

/// What one sync did.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SyncOutcome {
    /// The branch's code, as the server knows it.
    pub code: String,
    /// What was sent.
    pub sent: SendReport,
    /// What was taken from head office.
    pub taken: Taken,
}

/// The server address set for this branch, if any.
pub async fn saved_server(sqlite: &SqlitePool) -> Result<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT value FROM app_settings WHERE key = ?")
            .bind(SERVER_KEY)
            .fetch_optional(sqlite)
            .await?,
    )
}

/// Keeps `url` (its password removed) as this branch's server address.
pub async fn save_server(sqlite: &SqlitePool, url: &str) -> Result<String> {
    server::parse(url)?;
    let url = server::without_password(url.trim());
    sqlx::query(
        "INSERT INTO app_settings (key, value) VALUES (?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(SERVER_KEY)
    .bind(&url)
    .execute(sqlite)
    .await?;
    Ok(url)
}

/// `given`, else the saved address; none is [`GroupProblem::NoServer`].
pub async fn server_or_saved(sqlite: &SqlitePool, given: Option<String>) -> Result<String> {
    match given {
        Some(url) => Ok(url),
        None => saved_server(sqlite)
            .await?
            .ok_or(Error::Group(GroupProblem::NoServer)),
    }
}

/// Connects to `url` and checks that it can take this branch's records: its schema is this
/// app's and the role is this branch's. Returns the branch code.
pub async fn check_connection(sqlite: &SqlitePool, url: &str) -> Result<String> {
    let code = branch_code(sqlite).await?;
    let pg = server::connect(url).await?;
    let checked = async {
        schema::check_version(&pg).await?;
        sync::check_role(&pg, &code).await
    }
    .await;
    pg.close().await;
    checked.map(|()| code)
}

/// Syncs the branch in `sqlite` with the server at `url`.
pub async fn sync_now(sqlite: &SqlitePool, url: &str, options: SyncOptions) -> Result<SyncOutcome> {
    let code = branch_code(sqlite).await?;
    let pg = server::connect(url).await?;
    let result = async {
        schema::check_version(&pg).await?;
        sync::check_role(&pg, &code).await?;
        let sent = sync::send(sqlite, &pg, &code, options).await?;
        let taken = publications::take(sqlite, &pg).await?;
        Ok(SyncOutcome {
            code: code.clone(),
            sent,
            taken,
        })
    }
    .await;
    pg.close().await;
    result
}

/// The branch's code; a branch that is not set up has nothing to sync.
async fn branch_code(sqlite: &SqlitePool) -> Result<String> {
    crate::settings::repo::get_branch(sqlite)
        .await?
        .map(|branch| branch.code)
        .ok_or(Error::NotInitialized)
}
