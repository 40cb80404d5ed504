//! Who the CLI acts as. On a database with sign-ins, a write names a person with
//! `--user NAME` and their password (asked for on the terminal, or the first line of stdin
//! with `--password-stdin`), checked like the window's sign-in (back-off included), and that
//! person is the author of what it records. Before the first sign-in exists, and for read-only
//! commands and backups, the CLI acts as "system" (no person in the audit).

use std::io::{BufRead, IsTerminal};

use sqlx::SqlitePool;

use crate::access::{self, Actor, Permission, attempts, repo};
use crate::error::{AccessRefusal, Error, Result};

/// The `--user` and `--password-stdin` flags.
#[derive(Debug, Clone, Default)]
pub struct Credentials {
    /// The user name, if given.
    pub user: Option<String>,
    /// Read the password from stdin instead of the terminal.
    pub password_stdin: bool,
}

/// Reads a password or PIN: the first line of stdin with `--password-stdin`, else a prompt
/// on the terminal that does not echo.
pub fn read_secret(from_stdin: bool, prompt: &str) -> Result<String> {
    if from_stdin || !std::io::stdin().is_terminal() {
        if !from_stdin {
            return Err(Error::Access(AccessRefusal::SignedOut));
        }
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        return Ok(line.trim_end_matches(['\r', '\n']).to_owned());
    }
    Ok(rpassword::prompt_password(prompt)?)
}

/// The actor for a command that needs `permission`: "system" on a database nobody can sign in
/// to yet; else the `--user` named, signed in with their password, if their role allows it.
pub async fn acting(
    pool: &SqlitePool,
    credentials: &Credentials,
    permission: Permission,
) -> Result<Actor> {
    if !repo::has_sign_ins(pool).await? {
        tracing::info!("no sign-ins yet: acting as system");
        return Ok(Actor::system());
    }
    let Some(user) = credentials.user.as_deref() else {
        return Err(Error::Access(AccessRefusal::SignedOut));
    };
    let secret = read_secret(credentials.password_stdin, "Password: ")?;
    let account = attempts::sign_in(
        pool,
        user,
        &secret,
        &access::machine_name(),
        chrono::Utc::now(),
    )
    .await?;
    let actor = Actor {
        staff_id: Some(account.staff_id),
        role: account.role,
    };
    actor.require(permission)?;
    tracing::info!(user = %account.username, "acting as a signed-in user");
    Ok(actor)
}

/// Before a restore replaces the database: on a database with sign-ins, only a manager of it
/// may. The file is opened without upgrading it (the restore must not change what it keeps as
/// the pre-restore copy); a file that does not open, or predates sign-ins, cannot say who may,
/// and replacing it needs the computer's account anyway.
pub async fn may_restore(db_path: &std::path::Path, credentials: &Credentials) -> Result<()> {
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(db_path)
        .create_if_missing(false);
    let Ok(pool) = SqlitePool::connect_with(options).await else {
        return Ok(());
    };
    let has_table: std::result::Result<bool, sqlx::Error> = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sign_ins')",
    )
    .fetch_one(&pool)
    .await;
    let result = match has_table {
        Ok(true) => acting(&pool, credentials, Permission::Restore)
            .await
            .map(|_| ()),
        _ => Ok(()),
    };
    crate::store::close(pool).await;
    result
}
