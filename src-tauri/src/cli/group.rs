//! `group-schema`, `sync` and `group-report`: group mode on head office's PostgreSQL.

mod bench;

use super::output::say;
use super::session::Opened;
use super::workbooks;
use std::path::{Path, PathBuf};

use clap::Subcommand;
use sqlx::SqlitePool;

use crate::error::{Error, Invalid, Result};
use crate::export::Destination;
use crate::export::rollup::sheet;
use crate::group::run::{self, SyncOutcome};
use crate::group::sync::SyncOptions;
use crate::group::{GroupProblem, report, schema, server};
use crate::settings::Language;
use crate::stats::report::Month;
use crate::status;

/// Group mode's commands (flattened into the tool's own).
#[derive(Debug, Subcommand)]
pub enum GroupCommand {
    /// Create or migrate group mode's schema, roles and policies on head office's PostgreSQL;
    /// optionally add a branch's or head office's login role (password from
    /// $BRANCHDESK_ROLE_PASSWORD).
    GroupSchema {
        /// The server, e.g. postgres://admin@db.example/branchdesk?sslmode=require (password
        /// from $PGPASSWORD or the password file, never stored).
        #[arg(long, value_name = "URL")]
        server: String,
        /// Add (or reset the password of) the login role --role for this branch code.
        #[arg(long, value_name = "CODE", requires = "role")]
        add_branch: Option<String>,
        /// The branch's login role name (lower-case letters, digits, _).
        #[arg(long, value_name = "ROLE")]
        role: Option<String>,
        /// Add (or reset the password of) a head-office login role that reads every branch.
        #[arg(long, value_name = "ROLE")]
        add_office: Option<String>,
    },
    /// Send this branch's pending changes to head office's server and take what it published.
    Sync {
        /// The server (default: the one the last sync used); its password is never stored.
        #[arg(long, value_name = "URL")]
        server: Option<String>,
        /// Outbox entries per server transaction.
        #[arg(long, value_name = "N", default_value_t = 5_000, hide = true)]
        batch_rows: u32,
    },
    /// Publish a category, curriculum module or drill scenario from head office to every
    /// branch, as the next version of its key (branches take it at their next sync).
    GroupPublish {
        /// The server, with a head-office role.
        #[arg(long, value_name = "URL")]
        server: String,
        /// category, module or scenario.
        #[arg(long, value_name = "KIND")]
        kind: String,
        /// A stable name for it, e.g. noise-at-night (letters, digits, - _ .).
        #[arg(long, value_name = "KEY")]
        key: String,
        /// A JSON file: {"name"} for a category; {"title", "refresherMonths", "items":
        /// [{"text"}]} for a module; {"industry", "customerType", "title", "who", "happened",
        /// "wants", "angrier", "calmer", "opening", "briefing"} for a scenario.
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Write the group workbook of a month straight from head office's server (the same
    /// workbook `rollup` makes from the branches' files).
    GroupReport {
        /// The server, with a head-office role.
        #[arg(long, value_name = "URL")]
        server: String,
        /// The month, e.g. 2026-10.
        #[arg(long, value_name = "YYYY-MM", value_parser = workbooks::parse_month)]
        month: Month,
        /// The group workbook to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Replace the file at --out if there is one.
        #[arg(long)]
        force: bool,
        /// Language: zh-CN or en (default: the system's).
        #[arg(long, value_name = "LANG", value_parser = workbooks::parse_lang)]
        lang: Option<Language>,
        /// Rebuild every branch's month from its raw rows instead of reading the month figures
        /// the branches sent (slow; to cross-check them).
        #[arg(long)]
        recompute: bool,
    },
    /// Time group mode against a real PostgreSQL server (an administrator's address): a large
    /// branch's first sync, an incremental sync of 100 changes, the group report of many
    /// branches. Uses scratch branch codes BG00–BG99 on the server and removes their rows.
    BenchGroup {
        /// The server, as an administrator who may create roles.
        #[arg(long, value_name = "URL")]
        server: String,
        /// Cases in the branch whose first sync is timed.
        #[arg(long, value_name = "N", default_value_t = 200_000)]
        cases: u32,
        /// Branches in the group report (2–99).
        #[arg(long, value_name = "N", default_value_t = 50,
              value_parser = clap::value_parser!(u32).range(2..=99))]
        branches: u32,
        /// Cases per branch in the report's month.
        #[arg(long, value_name = "N", default_value_t = 20_000)]
        branch_cases: u32,
        /// Also time the group report rebuilt from raw rows (`group-report --recompute`).
        #[arg(long)]
        recompute: bool,
    },
}

/// Runs one of group mode's commands.
pub async fn run(command: GroupCommand, db_path: &Path, opened: &mut Opened) -> Result<()> {
    match command {
        GroupCommand::GroupSchema {
            server,
            add_branch,
            role,
            add_office,
        } => {
            let roles = RoleArgs {
                add_branch,
                add_office,
                role,
            };
            group_schema(&server, roles).await
        }
        GroupCommand::Sync { server, batch_rows } => {
            sync(&opened.existing(db_path).await?, server, batch_rows).await
        }
        GroupCommand::GroupPublish {
            server,
            kind,
            key,
            file,
        } => publish(&server, &kind, &key, &file).await,
        GroupCommand::GroupReport {
            server,
            month,
            out,
            force,
            lang,
            recompute,
        } => {
            let out = workbooks::destination(&out, db_path, force)?;
            let source = if recompute {
                report::Source::Recomputed
            } else {
                report::Source::Sent
            };
            group_report(&server, month, &out, lang, source).await
        }
        GroupCommand::BenchGroup {
            server,
            cases,
            branches,
            branch_cases,
            recompute,
        } => {
            let options = bench::BenchGroup {
                cases,
                branches,
                branch_cases,
                recompute,
            };
            bench::run(&server, options).await
        }
    }
}

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
pub async fn publish(url: &str, kind: &str, key: &str, file: &Path) -> Result<()> {
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
    source: report::Source,
) -> Result<()> {
    let lang = lang.unwrap_or_else(status::os_language);
    let pg = server::connect(url).await?;
    let result = async {
        schema::check_version(&pg).await?;
        report::group_report(&pg, month, lang, chrono::Utc::now(), source, out).await
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
    for branch in &branches {
        say!(
            "  {}: figures as of {}",
            branch.code,
            sheet::as_of_text(&branch.computed_at)
        );
    }
    Ok(())
}
