//! Demo data: a realistic set of complaints for trying the app and for measuring it. Cases are
//! spread over the last months (busier on weekdays and in office hours), across the branch's
//! categories, every channel, grade and status, in Chinese and English, and the same seed
//! always gives the same cases for the same moment.

mod casework;
mod lifecycle;
mod outcome;
mod phrases;
mod plan;
mod rng;
mod text;
mod write;

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use sqlx::{SqliteConnection, SqlitePool};

use plan::{Catalog, PlannedCase, Planner};

use crate::cases::repo::BranchContext;
use crate::error::{Error, Invalid, Result};
use crate::settings::Industry;
use crate::staff::model::StaffInput;

/// Cases written per transaction: large enough that commits cost little, small enough that
/// the write lock is released now and then.
pub const BATCH_SIZE: usize = 5_000;

/// The most cases one run may add.
pub const MAX_CASES: u32 = 5_000_000;

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct DemoOptions {
    /// How many cases.
    pub cases: u32,
    /// Over how many months up to now (1–120).
    pub months: u32,
    /// The seed; the same seed gives the same cases.
    pub seed: u64,
}

/// What a run did and how fast.
#[derive(Debug, Clone)]
pub struct DemoReport {
    /// Cases written.
    pub cases: u32,
    /// Staff members added (when the branch had fewer than three).
    pub staff_added: usize,
    /// Time spent generating and writing the cases.
    pub elapsed: Duration,
    /// Each batch's size and the time it took, generation and commit included.
    pub batches: Vec<(usize, Duration)>,
}

impl DemoReport {
    /// Cases written per second.
    pub fn rate(&self) -> f64 {
        f64::from(self.cases) / self.elapsed.as_secs_f64().max(1e-9)
    }

    /// The time per case in each batch.
    pub fn per_case_times(&self) -> Vec<Duration> {
        self.batches
            .iter()
            .map(|(size, time)| time.div_f64((*size).max(1) as f64))
            .collect()
    }
}

/// Writes each batch in its own transaction; returns each batch's size and time.
async fn write_all(
    conn: &mut SqliteConnection,
    ctx: &BranchContext,
    batches_in: &mut tokio::sync::mpsc::Receiver<Result<Vec<PlannedCase>>>,
) -> Result<Vec<(usize, Duration)>> {
    let mut batches = Vec::new();
    let mut mark = Instant::now();
    while let Some(batch) = batches_in.recv().await {
        let batch = batch?;
        let mut tx = sqlx::Connection::begin_with(&mut *conn, "BEGIN IMMEDIATE").await?;
        write::write_cases(&mut tx, ctx, &batch).await?;
        tx.commit().await?;
        batches.push((batch.len(), mark.elapsed()));
        mark = Instant::now();
    }
    Ok(batches)
}

/// The branch's industry, visible categories and active staff, adding demo staff to a branch
/// with fewer than three people so cases have someone to take and handle them.
async fn catalog(pool: &SqlitePool) -> Result<(Catalog, usize)> {
    let branch = crate::settings::repo::get_branch(pool)
        .await?
        .ok_or(Error::NotInitialized)?;
    let categories: Vec<(i64, Option<String>)> = sqlx::query_as(
        "SELECT id, seed_key FROM categories WHERE hidden = 0 ORDER BY position, id",
    )
    .fetch_all(pool)
    .await?;
    if categories.is_empty() {
        return Err(Error::invalid("categoryId", Invalid::Required));
    }
    let mut staff_added = 0;
    if crate::staff::repo::list_staff(pool, false).await?.len() < 3 {
        for (name, position, department) in phrases::staff(branch.industry) {
            let person = StaffInput {
                name: (*name).to_owned(),
                position: Some((*position).to_owned()),
                department: Some((*department).to_owned()),
                ..Default::default()
            };
            crate::staff::repo::add_staff(pool, &person.parse()?).await?;
            staff_added += 1;
        }
    }
    let staff = crate::staff::repo::list_staff(pool, false)
        .await?
        .into_iter()
        .map(|person| person.id)
        .collect();
    let catalog = Catalog {
        industry: branch.industry,
        categories,
        staff,
    };
    Ok((catalog, staff_added))
}

/// Adds `options.cases` demo cases received over the `options.months` months up to `now`.
/// Each batch of [`BATCH_SIZE`] commits on its own, so a failure keeps the batches before it.
pub async fn generate(
    pool: &SqlitePool,
    options: &DemoOptions,
    now: DateTime<Utc>,
) -> Result<DemoReport> {
    if !(1..=MAX_CASES).contains(&options.cases) {
        return Err(Error::invalid("cases", Invalid::Range));
    }
    if !(1..=120).contains(&options.months) {
        return Err(Error::invalid("months", Invalid::Range));
    }
    let mut conn = pool.acquire().await?;
    let ctx = crate::cases::repo::branch_context(&mut conn).await?;
    drop(conn);
    let (catalog, staff_added) = catalog(pool).await?;
    let started = Instant::now();
    // Cases are made up on a second thread while this one writes the previous batch: the
    // machine has two cores and SQLite uses one.
    let (sender, mut batches_in) = tokio::sync::mpsc::channel::<Result<Vec<PlannedCase>>>(2);
    let planner = Planner::new(
        options.seed,
        options.cases as usize,
        options.months,
        now,
        ctx.clone(),
        catalog,
    );
    let producer = std::thread::spawn(move || {
        let mut planner = planner;
        // A closed channel means the writer failed: stop making cases nobody will write.
        loop {
            match planner
                .by_ref()
                .take(BATCH_SIZE)
                .collect::<Result<Vec<_>>>()
            {
                Ok(cases) if cases.is_empty() => break,
                Ok(cases) => {
                    if sender.blocking_send(Ok(cases)).is_err() {
                        break;
                    }
                }
                Err(error) => {
                    let _ = sender.blocking_send(Err(error));
                    break;
                }
            }
        }
    });
    // One connection for the whole run, so its cached statements are prepared once.
    let mut conn = pool.acquire().await?;
    let before: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM cases")
        .fetch_one(&mut *conn)
        .await?;
    let batches = write_all(&mut conn, &ctx, &mut batches_in).await?;
    let mut tx = sqlx::Connection::begin_with(&mut *conn, "BEGIN IMMEDIATE").await?;
    casework::add(&mut tx, before, options.seed, now).await?;
    tx.commit().await?;
    if producer.join().is_err() {
        return Err(Error::Io(std::io::Error::other(
            "the demo generator stopped",
        )));
    }
    Ok(DemoReport {
        cases: options.cases,
        staff_added,
        elapsed: started.elapsed(),
        batches,
    })
}

/// Words the demo's phrase tables really contain for `industry`, for searching demo data:
/// one CJK character, two, three or more, and an English word.
pub fn sample_queries(industry: Industry) -> [&'static str; 4] {
    match industry {
        Industry::Postal => ["件", "延误", "快递员", "parcel"],
        Industry::Hotel => ["房", "噪音", "空调不制冷", "towels"],
        Industry::Property => ["水", "漏水", "维修人员", "leaking"],
        // Only the common categories: their phrases are all this industry has.
        Industry::Other => ["电", "态度", "工作人员", "promised"],
    }
}
