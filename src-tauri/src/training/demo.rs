//! Demo training records, so a branch filled with demo complaints also has a training matrix,
//! person pages and drill progress to look at: the general modules and the branch's industry
//! module assigned to everyone, items signed off over the past year (some people complete, some
//! part-way, some refreshers lapsed), and role-play drills of the branch's scenarios with
//! varied scores. A branch that already has training records is left alone.
//!
//! All of it is written in one transaction (through the repos' `_in` functions, which take the
//! caller's connection), so a failure part-way leaves nothing and a second run adds it all.

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use sqlx::SqlitePool;

use super::input::{Assignee, DrillInput, SignOffInput};
use super::repo::curriculum::{assign_in, list_modules};
use super::repo::drills::save_drill_in;
use super::repo::scenarios::list_scenarios;
use super::repo::signoffs::sign_off_in;
use super::rubric::{ScoreInput, Step};
use crate::error::Result;
use crate::settings::repo::get_branch;
use crate::staff::repo::list_staff;

/// How many drills the demo records (about one a week, going back from now).
const DRILLS: i64 = 26;

/// What the demo added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TrainingDemo {
    /// Modules assigned, counted per person.
    pub assignments: usize,
    /// Items signed off.
    pub sign_offs: usize,
    /// Drills recorded.
    pub drills: usize,
}

/// Adds the demo records as of `today` (the branch's local day) and `now`; nothing when the
/// branch already has assignments or drills, or fewer than two active staff. All or nothing.
pub async fn add_demo_training(
    pool: &SqlitePool,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<TrainingDemo> {
    let mut added = TrainingDemo::default();
    let staff: Vec<i64> = list_staff(pool, false)
        .await?
        .into_iter()
        .map(|p| p.id)
        .collect();
    let industry = get_branch(pool).await?.map(|b| b.industry.as_str());
    let modules: Vec<_> = list_modules(pool, false)
        .await?
        .into_iter()
        .filter(|m| m.industry.is_none() || m.industry.as_deref() == industry)
        .collect();
    let scenarios = list_scenarios(pool, false).await?;
    let mut tx = crate::store::begin_write(pool).await?;
    let existing: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM training_assignments) + (SELECT COUNT(*) FROM drills)",
    )
    .fetch_one(&mut *tx)
    .await?;
    if existing > 0 || staff.len() < 2 {
        return Ok(added);
    }
    // The first person trains everyone else, and is signed off by the second.
    let trainer_of = |person: i64| {
        if person == staff[0] {
            staff[1]
        } else {
            staff[0]
        }
    };
    for (p, person) in staff.iter().enumerate() {
        for (m, module) in modules.iter().enumerate() {
            assign_in(&mut tx, module.id, &Assignee::Person(*person), now).await?;
            added.assignments += 1;
            // A quarter of the cells each: nothing yet, a third, two thirds, all signed.
            let share = (p + m) % 4;
            let signed = module.items.len() * share / 3;
            if signed == 0 {
                continue;
            }
            // Signed between a fortnight and thirteen months ago: some yearly refreshers lapse.
            let days_ago = 14 + 30 * ((p * 5 + m * 3) % 13) as i64;
            let ticks = SignOffInput {
                staff_id: *person,
                item_ids: module.items.iter().take(signed).map(|i| i.id).collect(),
                signed_on: (today - TimeDelta::days(days_ago)).to_string(),
                trainer_id: Some(trainer_of(*person)),
            };
            sign_off_in(&mut tx, &ticks, None, now).await?;
            added.sign_offs += signed;
        }
    }
    for n in 0..DRILLS {
        let scenario = &scenarios[n as usize % scenarios.len()];
        let trainee = staff[n as usize % staff.len()];
        let observer = staff[(n as usize + 1) % staff.len()];
        let drill = DrillInput {
            scenario_id: scenario.id,
            trainee_ids: vec![trainee],
            observer_id: Some(observer),
            duration_seconds: 420 + 60 * (n % 6),
            scores: demo_scores(n),
            comments: None,
            ..Default::default()
        };
        let held = now - TimeDelta::days(7 * n + 1);
        save_drill_in(&mut tx, &drill.parse()?, None, held).await?;
        added.drills += 1;
    }
    tx.commit().await?;
    Ok(added)
}

/// A drill's score sheet: mostly good, apologising and agreeing the follow-up weakest (as
/// trainers often find), and later drills a little better than earlier ones.
fn demo_scores(n: i64) -> Vec<ScoreInput> {
    Step::ALL
        .iter()
        .enumerate()
        .map(|(s, step)| {
            let weak = matches!(step, Step::Apologise | Step::FollowUp);
            let base = if weak { 1 } else { 2 };
            let (n_s, recent) = (n + s as i64, n < DRILLS / 2);
            let lift = i64::from(n_s % 3 == 0) + i64::from(recent && !weak && n_s % 2 == 0);
            ScoreInput {
                step: step.as_str().into(),
                score: (base + lift).min(3),
                note: None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_scores_cover_every_step_within_the_rubric_and_keep_two_steps_weakest() {
        for n in 0..DRILLS {
            let sheet = demo_scores(n);
            assert_eq!(sheet.len(), Step::ALL.len());
            assert!(sheet.iter().all(|s| (0..=3).contains(&s.score)));
        }
        let average = |step: Step| {
            let total: i64 = (0..DRILLS)
                .map(|n| {
                    demo_scores(n)
                        .into_iter()
                        .find(|s| s.step == step.as_str())
                        .map_or(0, |s| s.score)
                })
                .sum();
            total as f64 / DRILLS as f64
        };
        assert!(average(Step::Apologise) < average(Step::Listen));
        assert!(average(Step::FollowUp) < average(Step::Thank));
    }
}
