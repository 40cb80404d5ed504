//! `group-schema`, `sync` and `group-report`: group mode on head office's PostgreSQL.

use super::output::say;
use sqlx::SqlitePool;

use crate::error::{Error, Invalid, Result};
use crate::export::Destination;
use crate::group::run::{self, SyncOutcome};
use crate::group::sync::SyncOptions;
use crate::group::{GroupProblem, report, schema, server};
use crate::settings::Language;
use crate::stats::report::Month;
use crate::status;

/// The environment variable holding the password of a role `group-schema` creates.
pub const ROLE_PASSWORD_VAR: &str = "BRANCHDESK_ROLE_PASSWORD";

/// Environment variable: stop a sync after this many committed batches (tests only).
const FAILPOINT_VAR: &str = "BRANCHDESK_GROUP_FAIL_AFTER_BATCHES";

/// What `group-schema` is asked to do beside creating or migrating the schema.
#[derive(Debug, Default)]
pub struct RoleArgs {
    /// `--add-branch CODE`.
    pub add_branch: Option<String>,
    /// `--add-office ROLE`.
    pub add_office: Option<String>,
    /// `--role ROLE` (the branch's login role).
    pub role: Option<String>,
}

/// Creates or migrates the group schema at `url`, then adds the roles asked for.
pub async fn group_schema(url: &str, roles: RoleArgs) -> Result<()> {
    let pg = server::connect(url).await?;
    let result = async {
        let version = schema::migrate(&pg).await?;
        say!(
            "Group schema at {} is at version {version} (roles branchdesk_branch, branchdesk_office)",
            server::mask(url)
        );
        if roles.add_branch.is_some() || roles.add_office.is_some() {
            let password = std::env::var(ROLE_PASSWORD_VAR)
                .map_err(|_| Error::invalid("password", Invalid::Required))?;
            if let Some(code) = &roles.add_branch {
                let role = roles
                    .role
                    .as_deref()
                    .ok_or_else(|| Error::invalid("role", Invalid::Required))?;
                schema::add_branch(&pg, code, role, &password).await?;
                say!("Added login role {role} for branch {}", code.to_ascii_uppercase());
            }
            if let Some(role) = &roles.add_office {
                schema::add_office(&pg, role, &password).await?;
                say!("Added head-office login role {role}");
            }
        }
        Ok(())
    }
    .await;
    pg.close().await;
    result
}

/// Sends what is pending and takes what head office published.
pub async fn sync(pool: &SqlitePool, given: Option<String>, batch_rows: u32) -> Result<()> {
    let url = run::server_or_saved(pool, given).await?;
    let options = SyncOptions {
        batch_rows,
        fail_after_batches: std::env::var(FAILPOINT_VAR)
            .ok()
            .and_then(|n| n.parse().ok()),
    };
    let outcome = run::sync_now(pool, &url, options).await?;
    run::save_server(pool, &url).await?;
    print_outcome(&url, &outcome);
    Ok(())
}

fn print_outcome(url: &str, outcome: &SyncOutcome) {
    let sent = &outcome.sent;
    if sent.sent.is_empty() && sent.removed == 0 {
        say!(
            "Nothing to send: {} is up to date at {}",
            outcome.code,
            server::mask(url)
        );
    } else {
        let parts: Vec<String> = sent
            .sent
            .iter()
            .map(|(kind, count)| format!("{count} {kind}"))
            .collect();
        say!(
            "Sent {} to {} in {} batches: {}",
            outcome.code,
            server::mask(url),
            sent.batches,
            if parts.is_empty() {
                "no rows".into()
            } else {
                parts.join(", ")
            }
        );
        if sent.removed > 0 {
            say!("Removed on the server (deleted here): {}", sent.removed);
        }
    }
    let taken = &outcome.taken;
    if taken.categories + taken.modules + taken.scenarios > 0 {
        say!(
            "Took from head office: {} categories, {} curriculum modules, {} drill scenarios",
            taken.categories,
            taken.modules,
            taken.scenarios
        );
    }
    if taken.refused > 0 {
        say!(
            "Could not take {} publications: their content breaks this branch's rules (see the log)",
            taken.refused
        );
    }
}

/// Publishes the JSON in `file` as the next version of (`kind`, `key`).
pub async fn publish(url: &str, kind: &str, key: &str, file: &std::path::Path) -> Result<()> {
    let data = std::fs::read_to_string(file)?;
    let pg = server::connect(url).await?;
    let result = async {
        schema::check_version(&pg).await?;
        crate::group::publications::publish(&pg, kind, key, &data).await
    }
    .await;
    pg.close().await;
    let version = result?;
    say!("Published {kind} {key} as version {version}; branches take it at their next sync");
    Ok(())
}

/// Writes the group workbook of `month` from the server.
pub async fn group_report(
    url: &str,
    month: Month,
    out: &Destination,
    lang: Option<Language>,
) -> Result<()> {
    let lang = lang.unwrap_or_else(status::os_language);
    let pg = server::connect(url).await?;
    let result = async {
        schema::check_version(&pg).await?;
        report::group_report(&pg, month, lang, chrono::Utc::now(), out).await
    }
    .await;
    pg.close().await;
    let branches = result.map_err(|error| match error {
        Error::NotFound => Error::Group(GroupProblem::NoBranches),
        other => other,
    })?;
    let codes: Vec<&str> = branches.iter().map(|b| b.code.as_str()).collect();
    say!(
        "Wrote the group workbook for {month} from {} to {} ({} branches, ranked: {})",
        server::mask(url),
        out.chosen().display(),
        codes.len(),
        codes.join(", ")
    );
    Ok(())
}
