//! `branchdesk-cli bench`: builds a realistic database with the demo generator and times what
//! users wait for (the list, search, saving a case, starting the app) against the budgets.
//! Budgets are reported here, never asserted in a test: timings depend on the machine.

mod queries;
mod screens;
mod table;
mod workbooks;

use super::output::{self, say};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use chrono::Utc;
use sqlx::SqlitePool;

use crate::cases::demo::{self, DemoOptions};
use crate::cases::intake::CaseInput;
use crate::cases::repo::case_counts;
use crate::cases::repo::create::create_case;
use crate::cases::repo::list::{CaseQuery, list_cases};
use crate::error::{Error, Invalid, Result};
use crate::settings::{BranchInput, Industry};
use crate::status::{self, SetupInput};
use crate::store;
use queries::{list_queries, search_queries};
use table::{Budget, Line, Samples};

/// The demo database spans two years, as the monthly report compares with last year.
const MONTHS: u32 = 24;
/// Timed runs per measurement (after one untimed warm-up run).
const RUNS: usize = 20;
/// Fresh starts timed; each reopens the store.
const STARTS: usize = 5;

/// A temporary folder, removed when the bench ends.
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn scratch() -> Result<Scratch> {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let name = format!("branchdesk-bench-{}-{nanos}", std::process::id());
    let dir = std::env::temp_dir().join(name);
    std::fs::create_dir_all(&dir)?;
    Ok(Scratch(dir))
}

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// Runs `op` once to warm up, then `runs` times timed; returns the times and the last result.
async fn time<T, F, Fut>(runs: usize, mut op: F) -> Result<(Samples, T)>
where
    F: FnMut(usize) -> Fut,
    Fut: Future<Output = Result<T>>,
{
    let mut last = op(0).await?;
    let mut samples = Vec::with_capacity(runs);
    for run in 1..=runs {
        let started = Instant::now();
        last = op(run).await?;
        samples.push(started.elapsed());
    }
    Ok((Samples::new(samples), last))
}

fn setup_input() -> SetupInput {
    SetupInput {
        branch: BranchInput {
            name: "基准测试物业项目".into(),
            code: "BENCH".into(),
            industry: Industry::Property.as_str().into(),
            timezone: "Asia/Shanghai".into(),
        },
        language: "zh-CN".into(),
    }
}

/// Saves a case as the intake form would.
async fn save(pool: &SqlitePool, category_id: i64, run: usize) -> Result<i64> {
    let input = CaseInput {
        channel: "phone".into(),
        customer_type: "angry".into(),
        category_id,
        description: format!("基准测试：楼上卫生间漏水，第{run}次来电，要求今天上门"),
        complainant_name: Some("测试先生".into()),
        phone: Some("138 0013 8000".into()),
        reference: Some("9栋1单元1203".into()),
        ..Default::default()
    };
    create_case(pool, &input, None, Utc::now()).await
}

/// Opening the store, reading the status and showing the first page, from a closed pool.
async fn start_to_list(path: &Path) -> Result<Samples> {
    let mut samples = Vec::with_capacity(STARTS);
    for _ in 0..STARTS {
        let started = Instant::now();
        let pool = store::open(path).await?;
        status::status(&pool, path).await?;
        list_cases(&pool, &CaseQuery::default(), Utc::now()).await?;
        samples.push(started.elapsed());
        pool.close().await;
    }
    Ok(Samples::new(samples))
}

/// Builds the database, measures, and prints the table.
pub async fn run(cases: u32, keep: Option<PathBuf>, branches: usize) -> Result<()> {
    if !(1..=demo::MAX_CASES).contains(&cases) {
        return Err(Error::invalid("cases", Invalid::Range));
    }
    let kept = keep.is_some();
    // The scratch folder lives until the end of the run, then goes with its database.
    let (path, _scratch) = match keep {
        Some(path) if path.exists() => {
            return Err(Error::Duplicate {
                field: "keep".into(),
            });
        }
        Some(path) => (path, None),
        None => {
            let dir = scratch()?;
            (dir.0.join("bench.db"), Some(dir))
        }
    };
    say!(
        "Building {cases} demo cases over {MONTHS} months in {}",
        path.display()
    );
    let pool = store::open(&path).await?;
    status::setup(&pool, &setup_input()).await?;
    let options = DemoOptions {
        cases,
        months: MONTHS,
        seed: 1,
    };
    let report = demo::generate(&pool, &options, Utc::now()).await?;
    say!(
        "Built in {:.2} s: {} overall",
        report.elapsed.as_secs_f64(),
        table::per_second(report.rate())
    );
    let mut lines = vec![Line::rate(
        format!("insert demo cases (batches of {})", demo::BATCH_SIZE),
        // Reported, not judged: each case also writes its audit, timeline and search entries.
        &Samples::new(report.per_case_times()),
    )];
    for (label, query) in list_queries(&pool).await? {
        let (samples, page) = time(RUNS, |_| list_cases(&pool, &query, Utc::now())).await?;
        let label = format!("{label} ({} rows)", page.total);
        lines.push(Line::timed(label, &samples, Budget::Under(ms(30))));
    }
    for (label, words, budget) in search_queries(&pool).await? {
        let query = CaseQuery {
            search: Some(words.clone()),
            ..CaseQuery::default()
        };
        let (samples, page) = time(RUNS, |_| list_cases(&pool, &query, Utc::now())).await?;
        let label = format!("{label} \"{words}\" ({} rows)", page.total);
        lines.push(Line::timed(label, &samples, budget));
    }
    // What an open window asks for every 30 s to keep its counts and countdowns live.
    let (samples, _) = time(RUNS, |_| async {
        case_counts(&pool, Utc::now()).await?;
        list_cases(&pool, &CaseQuery::default(), Utc::now()).await
    })
    .await?;
    lines.push(Line::timed(
        "live refresh (dashboard counts + first list page)",
        &samples,
        Budget::None,
    ));
    let category: i64 = sqlx::query_scalar("SELECT MIN(id) FROM categories WHERE hidden = 0")
        .fetch_one(&pool)
        .await?;
    let (samples, _) = time(RUNS, |run| save(&pool, category, run)).await?;
    lines.push(Line::timed(
        "save a new case",
        &samples,
        Budget::Under(ms(20)),
    ));
    lines.extend(screens::lines(&pool).await?);
    store::close(pool).await;
    lines.push(Line::timed(
        "start to interactive list",
        &start_to_list(&path).await?,
        Budget::Under(ms(1500)),
    ));
    let bytes = std::fs::metadata(&path)?.len();
    lines.push(Line::figure(
        "database file size",
        format!("{:.1} MB", bytes as f64 / 1_048_576.0),
    ));
    say!("Making workbooks for the export and roll-up measures…");
    let books = scratch()?;
    lines.extend(workbooks::lines(&books.0, &setup_input(), cases, branches).await?);
    say!();
    output::out_text(&table::render(&lines));
    say!(
        "\nTimes are judged on p95 (rates on the slow batches); the OS file cache is warm. \
         {:.0} bytes per case. Export memory: the peak resident memory during an export less \
         the resident memory before it (Linux VmHWM, reset through /proc/self/clear_refs).",
        bytes as f64 / f64::from(cases.max(1))
    );
    if kept {
        say!("Kept the database at {}", path.display());
    }
    Ok(())
}
