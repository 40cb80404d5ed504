//! The headless command-line tool. It builds without the `desktop` feature (no WebKit).

mod bench;
mod customers;
mod group;
mod identity;
mod import;
mod messages;
mod output;
mod session;
mod workbooks;

use output::{complain, say};

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::access::Permission;
use crate::cases::demo::{self, DemoOptions};
use crate::error::Result;
use crate::settings::{BranchInput, Language};
use crate::stats::report::Month;
use crate::status::{self, SetupInput};
use crate::store::backup::{self, BackupKind};
use crate::store::{self, location};
use session::Opened;

/// BranchDesk's command-line tool: set up and inspect a branch database without the window.
#[derive(Debug, Parser)]
#[command(name = "branchdesk-cli", version, about, long_about = None)]
struct Cli {
    /// The database file (default: $BRANCHDESK_DB, else the app-data folder).
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    /// Act as this signed-in person (needed for writes once the branch has sign-ins).
    #[arg(long, global = true, value_name = "NAME")]
    user: Option<String>,
    /// Read the password (or PIN) from the first line of stdin instead of asking for it.
    #[arg(long, global = true)]
    password_stdin: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Set up a new branch: its name, code, industry, time zone and language.
    Init {
        /// The branch's name, e.g. "虹桥店".
        #[arg(long)]
        name: String,
        /// Branch code: 2–12 letters or digits, used in case numbers and file names.
        #[arg(long)]
        code: String,
        /// Industry: property, hotel, postal or other.
        #[arg(long)]
        industry: String,
        /// IANA time zone, e.g. Asia/Shanghai (default: the system's).
        #[arg(long = "tz", value_name = "TZ")]
        timezone: Option<String>,
        /// Language: zh-CN or en (default: the system's).
        #[arg(long = "lang", value_name = "LANG")]
        language: Option<String>,
        /// Create the manager's sign-in with this user name (the password is asked for, or
        /// read with --password-stdin); the recovery code is printed once.
        #[arg(long, value_name = "NAME")]
        manager: Option<String>,
    },
    /// Reset a manager's forgotten password with the recovery code printed at set-up: reads
    /// the code, then the new password, one per line from stdin (or asks for them).
    Recover {
        /// The manager's user name.
        #[arg(long, value_name = "NAME")]
        manager: String,
    },
    /// Show the branch, schema version, SQLite version and row counts.
    Info,
    /// Add realistic demo complaints to a set-up branch, to try the app or measure it.
    DemoData {
        /// How many cases to add.
        #[arg(long, value_name = "N")]
        cases: u32,
        /// Spread them over this many months up to now (1–120).
        #[arg(long, value_name = "M")]
        months: u32,
        /// The same seed (at the same moment) gives the same cases.
        #[arg(long, value_name = "S", default_value_t = 1)]
        seed: u64,
    },
    /// Write a month's Excel workbook for head office (names and phones masked by default).
    Export {
        /// The month, e.g. 2026-10 (in the branch's local calendar).
        #[arg(long, value_name = "YYYY-MM", value_parser = workbooks::parse_month)]
        month: Month,
        /// The workbook to write, e.g. SH01_2026-10_complaints.xlsx.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Language: zh-CN or en (default: the branch's language setting).
        #[arg(long, value_name = "LANG", value_parser = workbooks::parse_lang)]
        lang: Option<Language>,
        /// Write complainants' names and phone numbers unmasked.
        #[arg(long)]
        include_personal_data: bool,
        /// Replace phone numbers, the complainant's name and ID-like numbers in descriptions
        /// (the default unless --include-personal-data).
        #[arg(long, conflicts_with = "keep_descriptions")]
        mask_descriptions: bool,
        /// Write descriptions as entered (the default with --include-personal-data).
        #[arg(long)]
        keep_descriptions: bool,
        /// Replace the file at --out if there is one.
        #[arg(long)]
        force: bool,
    },
    /// Write the training workbook: the matrix, the drills and the per-step averages.
    TrainingExport {
        /// The workbook to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Replace the file at --out if there is one.
        #[arg(long)]
        force: bool,
        /// Language: zh-CN or en (default: the branch's language setting).
        #[arg(long, value_name = "LANG", value_parser = workbooks::parse_lang)]
        lang: Option<Language>,
    },
    /// Combine branches' monthly workbooks into one group workbook.
    Rollup {
        /// The branches' workbooks.
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
        /// The group workbook to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Replace the file at --out if there is one.
        #[arg(long)]
        force: bool,
        /// Only accept workbooks of this month (default: the first file's month).
        #[arg(long, value_name = "YYYY-MM", value_parser = workbooks::parse_month)]
        month: Option<Month>,
        /// Language: zh-CN or en (default: the system's).
        #[arg(long, value_name = "LANG", value_parser = workbooks::parse_lang)]
        lang: Option<Language>,
    },
    /// Build a fresh database of demo cases and time the app's main operations against their
    /// budgets (the --db database is not touched).
    Bench {
        /// How many cases the database holds.
        #[arg(long, value_name = "N", default_value_t = 200_000)]
        cases: u32,
        /// Build the database at this new file and keep it (default: a temporary folder).
        #[arg(long, value_name = "PATH")]
        keep: Option<PathBuf>,
        /// How many branch workbooks the roll-up measure combines.
        #[arg(long, value_name = "N", default_value_t = 500,
              value_parser = clap::value_parser!(u16).range(1..=5000))]
        branches: u16,
    },
    /// Make a consistent copy of the database (safe while the app is running).
    Backup {
        /// Write the copy here (default: the backups folder beside the database).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Replace the database with a backup, after checking it; the current database is kept as
    /// a pre-restore backup. Close the app first.
    Restore {
        /// The backup to restore.
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Import complaints from a spreadsheet (.csv in UTF-8 or GBK, .xlsx, .xls, .ods): every
    /// row is checked first, and nothing is imported unless every row is fine.
    Import {
        /// The spreadsheet.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// A JSON file naming the column for each field, e.g.
        /// {"received_at": "受理时间", "description": "投诉内容"} (default: the mapping
        /// remembered for these columns, else one suggested from their names).
        #[arg(long, value_name = "FILE")]
        mapping: Option<PathBuf>,
        /// Check every row and list the problems; import nothing.
        #[arg(long)]
        dry_run: bool,
        /// The workbook sheet to read (default: the first).
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
        /// File blank or unknown categories under "Other" instead of refusing those rows.
        #[arg(long)]
        unknown_category_other: bool,
    },
    /// List customer records (--key: key customers only; --link-report: what the upgrade
    /// linked).
    Customers(customers::CustomersArgs),
    #[command(flatten)]
    Group(group::GroupCommand),
}

/// Runs the tool on the process's arguments and returns the exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) if !error.use_stderr() => {
            // --help and --version: clap's own output, exit 0.
            let _ = error.print();
            return 0;
        }
        Err(error) => {
            complain!("{}", one_line(&error.render().to_string()));
            return 2;
        }
    };
    crate::logging::init(crate::logging::Program::Cli);
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            complain!("error: could not start: {error}");
            return 1;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => 0,
        Err(error) => {
            error.log_cause();
            complain!("error: {}", messages::describe(&error));
            1
        }
    }
}

/// Clap's message up to its usage block, folded onto one line (scripts read one line).
fn one_line(rendered: &str) -> String {
    rendered
        .lines()
        .take_while(|line| !line.trim().is_empty())
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ")
}

async fn run(cli: Cli) -> Result<()> {
    let mut opened = Opened::default();
    let result = run_command(cli, &mut opened).await;
    opened.close_all().await;
    result
}

async fn run_command(cli: Cli, opened: &mut Opened) -> Result<()> {
    let db_path = location::resolve_db_path(cli.db);
    let credentials = identity::Credentials {
        user: cli.user,
        password_stdin: cli.password_stdin,
    };
    match cli.command {
        Command::Init {
            name,
            code,
            industry,
            timezone,
            language,
            manager,
        } => {
            // Check the answers before creating any file, so bad input leaves nothing behind.
            let input = SetupInput {
                branch: BranchInput {
                    name,
                    code,
                    industry,
                    timezone: timezone.unwrap_or_else(status::os_timezone),
                },
                language: language.unwrap_or_else(|| status::os_language().as_str().to_owned()),
            };
            input.branch.parse()?;
            crate::settings::repo::parse_language(&input.language)?;
            let secret = match &manager {
                Some(_) => Some(identity::read_secret(
                    credentials.password_stdin,
                    "Manager's password: ",
                )?),
                None => None,
            };
            let pool = opened.creating(&db_path).await?;
            let branch = status::setup(&pool, &input).await?;
            say!(
                "Set up {} ({}) in {}",
                branch.name,
                branch.code,
                db_path.display()
            );
            if let (Some(username), Some(secret)) = (manager, secret) {
                let first = crate::access::FirstManager {
                    staff_id: None,
                    name: username.clone(),
                    username,
                    secret,
                };
                let (account, code) =
                    crate::access::repo::create_first_manager(&pool, &first).await?;
                say!("Created the sign-in of manager {}", account.username);
                say!("Recovery code (shown once; keep it somewhere safe): {code}");
            }
        }
        Command::Recover { manager } => {
            let pool = opened.existing(&db_path).await?;
            let code = identity::read_secret(credentials.password_stdin, "Recovery code: ")?;
            let secret = identity::read_secret(credentials.password_stdin, "New password: ")?;
            let next = crate::access::attempts::recover(
                &pool,
                &code,
                &manager,
                &secret,
                &crate::access::machine_name(),
                chrono::Utc::now(),
            )
            .await?;
            say!("The password of {manager} is reset");
            say!("New recovery code (the old one no longer works): {next}");
        }
        Command::Info => {
            let pool = opened.existing(&db_path).await?;
            let status = status::status(&pool, &db_path).await?;
            say!("database:       {}", db_path.display());
            match &status.branch {
                Some(branch) => say!(
                    "branch:         {} ({}), {}, {}",
                    branch.name,
                    branch.code,
                    branch.industry.as_str(),
                    branch.timezone
                ),
                None => say!("branch:         (not set up: run `branchdesk-cli init`)"),
            }
            say!("language:       {}", status.language.as_str());
            say!("schema version: {}", status.schema_version);
            say!("sqlite version: {}", status.sqlite_version);
            say!("log folder:     {}", crate::logging::log_dir().display());
            for (table, count) in store::row_counts(&pool).await? {
                say!("rows {table:<10} {count}");
            }
        }
        Command::DemoData {
            cases,
            months,
            seed,
        } => {
            let pool = opened.existing(&db_path).await?;
            identity::acting(&pool, &credentials, Permission::Import).await?;
            let options = DemoOptions {
                cases,
                months,
                seed,
            };
            let report = demo::generate(&pool, &options, chrono::Utc::now()).await?;
            if report.staff_added > 0 {
                say!("Added {} demo staff members", report.staff_added);
            }
            say!(
                "Added {} demo cases over {months} months (seed {seed}) in {:.2} s: {:.0} cases/s",
                report.cases,
                report.elapsed.as_secs_f64(),
                report.rate()
            );
            demo_work(&pool).await?;
        }
        Command::Export {
            month,
            out,
            lang,
            include_personal_data,
            mask_descriptions,
            keep_descriptions,
            force,
        } => {
            let out = workbooks::destination(&out, &db_path, force)?;
            let privacy = workbooks::Privacy {
                include_personal_data,
                // Neither flag: masked exactly when names and phones are.
                mask_descriptions: (mask_descriptions || keep_descriptions)
                    .then_some(mask_descriptions),
            };
            let pool = opened.existing(&db_path).await?;
            if include_personal_data || keep_descriptions {
                identity::acting(&pool, &credentials, Permission::ExportPersonalData).await?;
            }
            workbooks::export(&pool, month, &out, lang, privacy).await?
        }
        Command::TrainingExport { out, lang, force } => {
            let out = workbooks::destination(&out, &db_path, force)?;
            let pool = opened.existing(&db_path).await?;
            workbooks::training_export(&pool, &out, lang).await?
        }
        Command::Rollup {
            files,
            out,
            month,
            lang,
            force,
        } => {
            let out = workbooks::destination(&out, &db_path, force)?;
            workbooks::rollup(&files, &out, month, lang)?
        }
        Command::Bench {
            cases,
            keep,
            branches,
        } => bench::run(cases, keep, usize::from(branches)).await?,
        Command::Backup { out } => {
            let pool = opened.existing(&db_path).await?;
            let path = match out {
                Some(out) => {
                    backup::back_up_to(&mut *pool.acquire().await?, &db_path, &out).await?;
                    out
                }
                None => {
                    let now = chrono::Utc::now();
                    backup::back_up(&pool, &db_path, BackupKind::Manual, now)
                        .await?
                        .path
                }
            };
            say!("Backed up {} to {}", db_path.display(), path.display());
        }
        Command::Restore { file } => {
            // The current file is never opened here (opening migrates): a damaged one, or one
            // from a newer app, can be replaced too. Only `init` makes a database.
            if matches!(db_path.try_exists(), Ok(false)) {
                return Err(crate::error::Error::NoDatabase);
            }
            // The person restoring must be a manager of the database being replaced, when it
            // opens; a damaged one cannot say who may, and needs the computer's account anyway.
            identity::may_restore(&db_path, &credentials).await?;
            let staged = backup::stage_restore(&db_path, &file).await?;
            let kept = staged.finish(chrono::Utc::now()).await?;
            // Opened once now, so a backup from an older version is upgraded (and backed up
            // first) before anyone relies on it.
            opened.existing(&db_path).await?;
            let kept = kept.map_or_else(String::new, |kept| {
                format!("; the previous database is kept at {}", kept.path.display())
            });
            say!(
                "Restored {} from {}{kept}",
                db_path.display(),
                file.display(),
            );
        }
        Command::Group(command) => group::run(command, &db_path, opened).await?,
        Command::Customers(args) => {
            let pool = opened.existing(&db_path).await?;
            customers::run(&pool, args, &credentials).await?;
        }
        Command::Import {
            file,
            mapping,
            dry_run,
            sheet,
            unknown_category_other,
        } => {
            let options = crate::import::ImportOptions {
                sheet,
                unknown_category_to_other: unknown_category_other,
            };
            let args = import::ImportArgs {
                file,
                mapping,
                dry_run,
                options,
            };
            let pool = opened.existing(&db_path).await?;
            let actor = if dry_run {
                crate::access::Actor::system()
            } else {
                identity::acting(&pool, &credentials, Permission::Import).await?
            };
            import::run(&pool, args, actor.staff_id).await?;
        }
    }
    Ok(())
}

/// Adds demo training records and prevention plans beside the demo cases (each only where the
/// branch has none yet), and says what was added.
pub(crate) async fn demo_work(pool: &sqlx::SqlitePool) -> Result<()> {
    let branch = crate::settings::repo::get_branch(pool)
        .await?
        .ok_or(crate::error::Error::NotInitialized)?;
    let tz = crate::settings::model::parse_timezone("timezone", &branch.timezone)?;
    let language = crate::settings::repo::get_language(pool)
        .await?
        .unwrap_or(Language::ZhCn);
    let now = chrono::Utc::now();
    let today = now.with_timezone(&tz).date_naive();
    let training = crate::training::demo::add_demo_training(pool, today, now).await?;
    if training.assignments > 0 {
        say!(
            "Added demo training: {} module assignments, {} items signed off, {} drills",
            training.assignments,
            training.sign_offs,
            training.drills
        );
    }
    let prevention =
        crate::prevention::demo::add_demo_prevention(pool, language, today, now).await?;
    let customers =
        crate::customers::demo::add_demo_customers(pool, language == Language::En, now).await?;
    if customers.key_customers > 0 {
        say!(
            "Linked {} demo cases to {} customers; {} key customers, {} merge",
            customers.cases_linked,
            customers.customers,
            customers.key_customers,
            customers.merged
        );
    }
    if prevention.plans > 0 {
        say!(
            "Added demo prevention work: {} plans with {} measures, {} emergency plan",
            prevention.plans,
            prevention.measures,
            prevention.emergency_plans
        );
    }
    let lessons = crate::lessons::demo::add_demo_lessons(pool, language, now).await?;
    if lessons.lessons > 0 {
        say!(
            "Added demo lessons learned: {} lessons, {} turned into a drill scenario or a measure",
            lessons.lessons,
            lessons.converted
        );
    }
    let surveys = crate::surveys::demo::add_demo_surveys(pool, language, today, now).await?;
    if surveys.responses > 0 {
        say!(
            "Added a demo survey with {} answered forms, and {} suggestions and praise",
            surveys.responses,
            surveys.feedback
        );
    }
    Ok(())
}
