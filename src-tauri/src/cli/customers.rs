//! `branchdesk-cli customers`: the customer records, key customers only with `--key`, found by
//! `--search`, and what the upgrade linked with `--link-report`. Names and phones are masked
//! unless `--include-personal-data` (which needs a sign-in that may see them).

use sqlx::SqlitePool;

use super::identity::{Credentials, acting};
use super::output::say;
use crate::access::Permission;
use crate::customers::model::CustomerQuery;
use crate::customers::{mask, read, upgrade_link};
use crate::error::Result;

/// The `customers` command's flags.
#[derive(Debug, clap::Args)]
pub struct CustomersArgs {
    /// Only key customers (重点客户), with the reason they are watched.
    #[arg(long)]
    key: bool,
    /// Only customers whose name, phone, reference or notes contain these words.
    #[arg(long, value_name = "WORDS")]
    search: Option<String>,
    /// Say what the upgrade to customer records linked, and list nothing.
    #[arg(long)]
    link_report: bool,
    /// Show names, phones and references in full.
    #[arg(long)]
    include_personal_data: bool,
}

/// Runs the command on `pool`.
pub async fn run(pool: &SqlitePool, args: CustomersArgs, credentials: &Credentials) -> Result<()> {
    if args.link_report {
        let report = upgrade_link::last_report(&mut *pool.acquire().await?).await?;
        match report {
            Some(report) => say!(
                "linked {} cases to {} customers at upgrade",
                report.cases_linked,
                report.customers_made
            ),
            None => say!("existing cases have not been linked to customers yet"),
        }
        return Ok(());
    }
    if args.include_personal_data {
        acting(pool, credentials, Permission::SeePersonalData).await?;
    }
    let mut offset = 0;
    let mut shown = 0;
    loop {
        let query = CustomerQuery {
            search: args.search.clone(),
            key_only: args.key,
            offset,
            limit: Some(200),
        };
        let mut page = read::list(pool, &query).await?;
        if !args.include_personal_data {
            mask::page(&mut page);
        }
        if offset == 0 && page.total == 0 {
            say!("no customers match");
        }
        for row in &page.rows {
            let key = match (&row.key_customer, &row.key_reason) {
                (true, Some(reason)) => format!("\tKEY: {reason}"),
                (true, None) => "\tKEY".to_owned(),
                _ => String::new(),
            };
            say!(
                "{}\t{}\t{}\t{}\t{} cases ({} open){key}",
                row.id,
                if row.name.is_empty() { "-" } else { &row.name },
                row.customer_type,
                [row.phones.join(" "), row.references.join(" ")]
                    .join(" ")
                    .trim(),
                row.case_count,
                row.open_count
            );
        }
        shown += page.rows.len();
        if page.rows.is_empty() || shown as i64 >= page.total {
            break;
        }
        offset += page.rows.len() as u32;
    }
    Ok(())
}
