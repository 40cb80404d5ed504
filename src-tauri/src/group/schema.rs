//! The central schema on head office's server: its migrations (kept apart from the branch's
//! SQLite ones, forward-only), the version check a branch makes before it syncs, and the login
//! roles of branches and head-office users.

use sqlx::PgPool;

use super::{GroupProblem, pg_error};
use crate::error::{Error, Invalid, Result};
use crate::settings::model::BranchCode;

/// The group schema's migrations.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations-group");

/// The newest group schema version this app knows.
pub fn latest_version() -> i64 {
    MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0)
}

/// Creates the group schema, its NOLOGIN group roles and its policies, or brings them up to
/// date. Needs a role that may create roles and tables (head office's administrator).
pub async fn migrate(pg: &PgPool) -> Result<i64> {
    if server_version(pg).await? > latest_version() {
        return Err(GroupProblem::SchemaNewer.into());
    }
    MIGRATOR.run(pg).await.map_err(|error| match error {
        sqlx::migrate::MigrateError::Execute(error) => pg_error(error),
        sqlx::migrate::MigrateError::VersionMissing(_) => GroupProblem::SchemaNewer.into(),
        other => {
            tracing::error!(error = %other, "group schema migration failed");
            GroupProblem::Server.into()
        }
    })?;
    Ok(latest_version())
}

/// The server's group schema version, 0 when it has none.
pub async fn server_version(pg: &PgPool) -> Result<i64> {
    let exists: bool = sqlx::query_scalar("SELECT to_regclass('_sqlx_migrations') IS NOT NULL")
        .fetch_one(pg)
        .await
        .map_err(pg_error)?;
    if !exists {
        return Ok(0);
    }
    let version: Option<i64> =
        sqlx::query_scalar("SELECT max(version) FROM _sqlx_migrations WHERE success")
            .fetch_one(pg)
            .await
            .map_err(pg_error)?;
    Ok(version.unwrap_or(0))
}

/// Refuses a server whose schema is missing, older (run `group-schema`) or newer (update the
/// app) than this app's.
pub async fn check_version(pg: &PgPool) -> Result<()> {
    let version = server_version(pg).await?;
    if version > latest_version() {
        Err(GroupProblem::SchemaNewer.into())
    } else if version < latest_version() {
        Err(GroupProblem::NoSchema.into())
    } else {
        Ok(())
    }
}

/// A role name BranchDesk creates: 1–63 lower-case letters, digits or underscores, starting
/// with a letter (so it never needs quoting and cannot collide with PostgreSQL's own roles).
fn role_name(field: &str, name: &str) -> Result<String> {
    let ok = (1..=63).contains(&name.len())
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !name.starts_with("pg_")
        && !name.starts_with("branchdesk_");
    if ok {
        Ok(name.to_owned())
    } else {
        Err(Error::invalid(field, Invalid::Choice))
    }
}

/// Creates (or gives a new password to) the login role `role` for head office's users: it
/// reads every branch's rows and may publish.
pub async fn add_office(pg: &PgPool, role: &str, password: &str) -> Result<()> {
    let role = role_name("role", role)?;
    create_login(pg, &role, password, "branchdesk_office").await
}

/// Creates (or gives a new password to) the login role `role` for the branch `code`, and maps
/// it to that code: row-level security then lets it write and read only that branch's rows.
pub async fn add_branch(pg: &PgPool, code: &str, role: &str, password: &str) -> Result<()> {
    let code = BranchCode::parse("addBranch", code)?;
    let role = role_name("role", role)?;
    create_login(pg, &role, password, "branchdesk_branch").await?;
    sqlx::query(
        "INSERT INTO group_branches (branch_code, role_name) VALUES ($1, $2)
         ON CONFLICT (branch_code) DO UPDATE SET role_name = EXCLUDED.role_name",
    )
    .bind(code.as_str())
    .bind(&role)
    .execute(pg)
    .await
    .map_err(pg_error)?;
    Ok(())
}

/// CREATE ROLE (or ALTER ROLE for an existing one) with the password quoted by the server's
/// own `format('%L')`, since a password cannot be a bound parameter there.
async fn create_login(pg: &PgPool, role: &str, password: &str, group: &str) -> Result<()> {
    if password.is_empty() {
        return Err(Error::invalid("password", Invalid::Required));
    }
    let exists: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)")
            .bind(role)
            .fetch_one(pg)
            .await
            .map_err(pg_error)?;
    let template = if exists {
        "SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', $1, $2)"
    } else {
        "SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', $1, $2)"
    };
    let statement: String = sqlx::query_scalar(template)
        .bind(role)
        .bind(password)
        .fetch_one(pg)
        .await
        .map_err(pg_error)?;
    sqlx::raw_sql(sqlx::AssertSqlSafe(statement))
        .execute(pg)
        .await
        .map_err(pg_error)?;
    // Both names were checked above: letters, digits and underscores only.
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!("GRANT {group} TO {role}")))
        .execute(pg)
        .await
        .map_err(pg_error)?;
    Ok(())
}
