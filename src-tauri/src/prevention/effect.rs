//! A plan's measured effect: complaints in its target per 30 days before the start and since,
//! against its goal. Pure: the repo hands in the receipt instants of the target's cases.
//!
//! The windows, all in whole local days of the branch's time zone:
//! - **before**: the [`BEFORE_DAYS`] days before the start date, cut to the day the branch's
//!   records begin (its first case) when that is later. No day before the start on record
//!   means there is no baseline.
//! - **since**: the start date up to and including today, or up to the review date once it has
//!   passed. A plan whose start date is still ahead has no "since" yet.
//!
//! Counts are turned into a rate per 30 days (`count × 30 ÷ days`), so windows of different
//! lengths compare fairly. A day begins at local midnight, so a complaint at 23:30 local on the
//! day before the start belongs to "before", whatever its UTC date.

use chrono::{DateTime, Days, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::cases::start_of_local_day;

/// How far back the baseline reaches, in days.
pub const BEFORE_DAYS: u64 = 90;
/// The length of one chart block and of the rate's unit, in days.
pub const BLOCK_DAYS: u64 = 30;
/// The most 30-day blocks the chart shows after the start.
pub const MAX_SINCE_BLOCKS: usize = 12;

/// What the numbers allow one to say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EffectState {
    /// The start date is still ahead.
    NotStarted,
    /// No record before the start: nothing to compare with.
    NoBaseline,
    /// Records exist before the start but none in the target: a reduction cannot be measured.
    NoComplaintsBefore,
    /// Both windows measured.
    Measured,
}

/// One window: local days `from..=to`, its length and its count.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Window {
    /// First day.
    pub from: NaiveDate,
    /// Last day (inclusive).
    pub to: NaiveDate,
    /// Days in the window.
    pub days: i64,
    /// Complaints in the target received in it.
    pub count: i64,
    /// `count × 30 ÷ days`.
    pub per_30_days: f64,
}

/// A plan's effect.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Effect {
    /// What can be said.
    pub state: EffectState,
    /// The baseline window, if any day before the start is on record.
    pub before: Option<Window>,
    /// The window since the start, once it has started.
    pub since: Option<Window>,
    /// The rate the goal allows: the baseline rate less the goal's percentage.
    pub goal_per_30_days: Option<f64>,
    /// `since ÷ before − 1` (−0.25 is 25% fewer), when both are measured.
    pub change: Option<f64>,
    /// Whether the rate since the start is at or under the goal, when measured.
    pub goal_met: Option<bool>,
    /// Whether the review date has passed, so "since" is complete.
    pub review_passed: bool,
    /// 30-day blocks for the chart, oldest first: before the start, then since.
    pub blocks: Vec<Block>,
}

/// A block of the chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Block {
    /// `true` for blocks after the start.
    pub after_start: bool,
    /// The block's window (the last one may be shorter than 30 days).
    #[serde(flatten)]
    pub window: Window,
}

/// What the computation needs about the plan and the branch.
#[derive(Debug, Clone, Copy)]
pub struct EffectInput {
    /// The plan's first day.
    pub start: NaiveDate,
    /// The plan's review day.
    pub review: NaiveDate,
    /// Percent fewer aimed for.
    pub goal_percent: i64,
    /// Today, local.
    pub today: NaiveDate,
    /// The local day of the branch's first case, if any.
    pub records_begin: Option<NaiveDate>,
    /// The branch's time zone.
    pub tz: Tz,
}

/// The span of instants the computation reads cases from: the baseline's first day to the
/// end of the "since" window (or the start, before it).
pub fn instants_needed(input: &EffectInput) -> (DateTime<Utc>, DateTime<Utc>) {
    let from = input
        .start
        .checked_sub_days(Days::new(BEFORE_DAYS))
        .unwrap_or(input.start);
    let last = since_last_day(input).unwrap_or(input.start);
    (
        start_of_local_day(from, input.tz),
        start_of_local_day(last.succ_opt().unwrap_or(last), input.tz),
    )
}

fn since_last_day(input: &EffectInput) -> Option<NaiveDate> {
    (input.today >= input.start).then(|| input.today.min(input.review))
}

/// The effect, from the receipt instants of the target's valid cases (any order; instants
/// outside the windows are ignored).
pub fn effect(input: &EffectInput, received: &[DateTime<Utc>]) -> Effect {
    let window = |from: NaiveDate, to: NaiveDate| make_window(from, to, input.tz, received);
    let earliest = input
        .start
        .checked_sub_days(Days::new(BEFORE_DAYS))
        .unwrap_or(input.start);
    let before_from = input.records_begin.map(|day| day.max(earliest));
    let before = before_from
        .filter(|from| *from < input.start)
        .and_then(|from| input.start.pred_opt().map(|to| window(from, to)));
    let since_to = since_last_day(input);
    let since = since_to.map(|to| window(input.start, to));

    let goal_per_30_days = before
        .as_ref()
        .map(|b| b.per_30_days * (100 - input.goal_percent.clamp(0, 100)) as f64 / 100.0);
    let state = match (&before, &since) {
        (_, None) => EffectState::NotStarted,
        (None, Some(_)) => EffectState::NoBaseline,
        (Some(b), Some(_)) if b.count == 0 => EffectState::NoComplaintsBefore,
        _ => EffectState::Measured,
    };
    let measured = state == EffectState::Measured;
    let change = before
        .as_ref()
        .zip(since.as_ref())
        .filter(|_| measured)
        .map(|(b, s)| s.per_30_days / b.per_30_days - 1.0);
    let goal_met = goal_per_30_days
        .zip(since.as_ref())
        .filter(|_| measured)
        .map(|(goal, s)| s.per_30_days <= goal + 1e-9);

    let mut blocks = Vec::new();
    if let Some(from) = before.as_ref().map(|b| b.from) {
        blocks.extend(
            blocks_between(from, input.start, true)
                .into_iter()
                .map(|(f, t)| Block {
                    after_start: false,
                    window: window(f, t),
                }),
        );
    }
    if let Some(to) = since_to {
        let end = to.succ_opt().unwrap_or(to);
        blocks.extend(
            blocks_between(input.start, end, false)
                .into_iter()
                .take(MAX_SINCE_BLOCKS)
                .map(|(f, t)| Block {
                    after_start: true,
                    window: window(f, t),
                }),
        );
    }
    Effect {
        state,
        before,
        since,
        goal_per_30_days,
        change,
        goal_met,
        review_passed: input.today > input.review,
        blocks,
    }
}

/// `from..end` cut into 30-day blocks `(first, last)`; the odd remainder sits at the start
/// (`remainder_first`, for the baseline, so its blocks end on the start) or at the end.
fn blocks_between(
    from: NaiveDate,
    end: NaiveDate,
    remainder_first: bool,
) -> Vec<(NaiveDate, NaiveDate)> {
    let days = (end - from).num_days().max(0) as u64;
    let mut cuts = Vec::new();
    let mut offset = if remainder_first {
        days % BLOCK_DAYS
    } else {
        0
    };
    if remainder_first && offset > 0 {
        cuts.push((0, offset));
    }
    while offset < days {
        let next = (offset + BLOCK_DAYS).min(days);
        cuts.push((offset, next));
        offset = next;
    }
    cuts.into_iter()
        .filter_map(|(a, b)| {
            let first = from.checked_add_days(Days::new(a))?;
            let last = from.checked_add_days(Days::new(b))?.pred_opt()?;
            Some((first, last))
        })
        .collect()
}

fn make_window(from: NaiveDate, to: NaiveDate, tz: Tz, received: &[DateTime<Utc>]) -> Window {
    let start = start_of_local_day(from, tz);
    let end = start_of_local_day(to.succ_opt().unwrap_or(to), tz);
    let count = received
        .iter()
        .filter(|t| **t >= start && **t < end)
        .count() as i64;
    let days = (to - from).num_days() + 1;
    Window {
        from,
        to,
        days,
        count,
        per_30_days: count as f64 * BLOCK_DAYS as f64 / days as f64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn shanghai() -> Tz {
        "Asia/Shanghai".parse().unwrap()
    }

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().to_utc()
    }

    fn input(start: &str, today: &str) -> EffectInput {
        EffectInput {
            start: day(start),
            review: day(start) + Days::new(90),
            goal_percent: 30,
            today: day(today),
            records_begin: Some(day("2025-01-01")),
            tz: shanghai(),
        }
    }

    /// `n` cases spread over the local days `from..from+days`, at noon Shanghai time.
    fn spread(from: &str, days: u64, n: u64) -> Vec<DateTime<Utc>> {
        (0..n)
            .map(|i| {
                let d = day(from) + Days::new(i * days / n);
                start_of_local_day(d, shanghai()) + chrono::TimeDelta::hours(12)
            })
            .collect()
    }

    #[test]
    fn rates_per_30_days_before_and_since_against_the_goal() {
        let mut cases = spread("2025-10-03", 90, 30); // 10 per 30 days before
        cases.extend(spread("2026-01-01", 60, 12)); // 6 per 30 days since
        let effect = effect(&input("2026-01-01", "2026-03-01"), &cases);
        assert_eq!(effect.state, EffectState::Measured);
        let before = effect.before.as_ref().unwrap();
        assert_eq!(
            (before.from, before.to, before.days, before.count),
            (day("2025-10-03"), day("2025-12-31"), 90, 30)
        );
        assert!((before.per_30_days - 10.0).abs() < 1e-9);
        let since = effect.since.as_ref().unwrap();
        assert_eq!((since.days, since.count), (60, 12));
        assert!((since.per_30_days - 6.0).abs() < 1e-9);
        assert!((effect.goal_per_30_days.unwrap() - 7.0).abs() < 1e-9);
        assert!((effect.change.unwrap() + 0.4).abs() < 1e-9);
        assert_eq!(effect.goal_met, Some(true));
        assert!(!effect.review_passed);
        let before_blocks = effect.blocks.iter().filter(|b| !b.after_start).count();
        assert_eq!(
            (before_blocks, effect.blocks.len()),
            (3, 5),
            "3 blocks before, 2 since"
        );
        assert_eq!(
            effect.blocks.iter().map(|b| b.window.count).sum::<i64>(),
            42
        );
    }

    #[test]
    fn an_empty_before_period_gives_no_baseline() {
        // The branch's records begin on the start date itself.
        let mut plan = input("2026-01-01", "2026-02-01");
        plan.records_begin = Some(day("2026-01-01"));
        let effect = effect(&plan, &spread("2026-01-01", 30, 5));
        assert_eq!(effect.state, EffectState::NoBaseline);
        assert_eq!(effect.before, None);
        assert_eq!((effect.change, effect.goal_met), (None, None));
        assert_eq!(effect.since.unwrap().count, 5);
        // No case at all yet: the same.
        plan.records_begin = None;
        assert_eq!(super::effect(&plan, &[]).state, EffectState::NoBaseline);
    }

    #[test]
    fn a_short_record_shortens_the_baseline_and_its_rate_is_normalised() {
        let mut plan = input("2026-01-01", "2026-01-31");
        plan.records_begin = Some(day("2025-12-17")); // 15 days on record before the start
        let effect = effect(&plan, &spread("2025-12-17", 15, 3));
        let before = effect.before.unwrap();
        assert_eq!((before.days, before.count), (15, 3));
        assert!((before.per_30_days - 6.0).abs() < 1e-9);
    }

    #[test]
    fn a_plan_starting_in_the_future_has_only_a_baseline() {
        let effect = effect(
            &input("2026-06-01", "2026-05-20"),
            &spread("2026-03-03", 90, 9),
        );
        assert_eq!(effect.state, EffectState::NotStarted);
        assert_eq!(effect.since, None);
        assert_eq!(effect.before.as_ref().unwrap().count, 9);
        assert!(effect.blocks.iter().all(|b| !b.after_start));
        assert_eq!((effect.change, effect.goal_met), (None, None));
    }

    #[test]
    fn a_target_with_no_complaints_cannot_show_a_reduction() {
        let effect = effect(&input("2026-01-01", "2026-02-15"), &[]);
        assert_eq!(effect.state, EffectState::NoComplaintsBefore);
        assert_eq!(effect.before.as_ref().unwrap().count, 0);
        assert_eq!(effect.since.as_ref().unwrap().count, 0);
        assert_eq!(effect.goal_per_30_days, Some(0.0));
        assert_eq!((effect.change, effect.goal_met), (None, None));
    }

    #[test]
    fn day_edges_follow_the_branch_time_zone() {
        // 23:30 in Shanghai on 31 December is 15:30 UTC: still before a 1 January start.
        // 00:10 in Shanghai on 1 January is 16:10 UTC on 31 December: already since.
        let cases = [
            at("2025-12-31T15:30:00Z"),
            at("2025-12-31T16:10:00Z"),
            at("2026-01-31T15:59:59Z"), // 23:59:59 local on 31 January: the last day since
            at("2026-01-31T16:00:00Z"), // midnight local on 1 February: after today
        ];
        let effect = effect(&input("2026-01-01", "2026-01-31"), &cases);
        assert_eq!(effect.before.unwrap().count, 1);
        let since = effect.since.unwrap();
        assert_eq!((since.days, since.count), (31, 2));
    }

    #[test]
    fn month_edges_hold_in_a_zone_behind_utc_and_across_daylight_saving() {
        let new_york: Tz = "America/New_York".parse().unwrap();
        let plan = EffectInput {
            start: day("2026-03-01"),
            review: day("2026-03-31"),
            goal_percent: 50,
            today: day("2026-04-10"),
            records_begin: Some(day("2025-01-01")),
            tz: new_york,
        };
        let cases = [
            at("2026-03-01T04:59:00Z"), // 23:59 local on 28 February: before
            at("2026-03-01T05:00:00Z"), // midnight local on 1 March: since
            at("2026-04-01T03:59:00Z"), // 23:59 EDT on 31 March (clocks moved on 8 March)
            at("2026-04-01T04:00:00Z"), // 1 April local: after the review date
        ];
        let effect = effect(&plan, &cases);
        assert_eq!(effect.before.unwrap().count, 1);
        let since = effect.since.unwrap();
        assert_eq!(
            (since.to, since.days, since.count),
            (day("2026-03-31"), 31, 2)
        );
        assert!(effect.review_passed);
        let (from, to) = instants_needed(&plan);
        assert_eq!(from, at("2025-12-01T05:00:00Z"));
        assert_eq!(to, at("2026-04-01T04:00:00Z"));
    }

    #[test]
    fn a_plan_that_missed_its_goal_says_so() {
        let mut cases = spread("2025-10-03", 90, 30);
        cases.extend(spread("2026-01-01", 30, 9)); // 9 per 30 days: only 10% fewer
        let effect = effect(&input("2026-01-01", "2026-01-30"), &cases);
        assert_eq!(effect.goal_met, Some(false));
        assert!((effect.change.unwrap() + 0.1).abs() < 1e-9);
    }
}
