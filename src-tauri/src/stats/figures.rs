//! The figures of one month, computed from case facts. Each field's doc is the figure's
//! definition; the glossary says the same in the users' words.
//!
//! Rules shared by every figure:
//! - The month's cases are the **valid** cases **received** in it (local calendar, so 23:30 on
//!   the last day belongs to that month). Grade, category, channel, department and customer
//!   type are the case's current ones: a later correction is applied to past months too.
//! - A month is judged as it stood at its end (for the current month: now), from the status
//!   history; what happened later (a reopening, a late resolution) does not change it.
//! - A share over no cases, or an average over none, is `None`, never 0 or NaN.
//! - "On time" means done before the deadline instant (the app shows a case overdue from the
//!   deadline on). A share of timeliness counts only cases whose answer was known at the
//!   month's end: done by then, or still not done with the deadline already passed. A case
//!   still inside its time limit is left out until it is one or the other.

use super::facts::{CaseFacts, CustomerHistory};
use super::month::Period;
use super::sets::{Judged, MonthSets};
use crate::cases::judgement::Fault;

/// A figure before comparison: its value and, for shares and averages, the two counts it was
/// divided from.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Figure {
    /// The value; `None` when there is nothing to compute it over.
    pub value: Option<f64>,
    /// Numerator and denominator of a share (or sum and count of an average score).
    pub parts: Option<(i64, i64)>,
}

impl Figure {
    /// A count.
    pub fn count(n: i64) -> Figure {
        Figure {
            value: Some(n as f64),
            parts: None,
        }
    }

    /// `part ÷ whole`, `None` (with the parts kept) when `whole` is 0.
    pub fn share(part: i64, whole: i64) -> Figure {
        Figure {
            value: (whole > 0).then(|| part as f64 / whole as f64),
            parts: Some((part, whole)),
        }
    }

    /// A figure with nothing to show (a dash), e.g. one the report's loader fills in later.
    pub fn unavailable() -> Figure {
        Figure::default()
    }
}

/// The month's figures (see the module doc for the rules they share).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MonthFigures {
    /// Cases received in the month, valid or not.
    pub received: Figure,
    /// Received cases not voided as invalid.
    pub valid: Figure,
    /// The month's cases that stood closed at the month's end.
    pub closed: Figure,
    /// `closed ÷ valid`.
    pub closure_rate: Figure,
    /// Valid cases received before the month that were open as it began.
    pub open_at_start: Figure,
    /// Valid cases received up to the month's end that were open at it.
    pub open_at_end: Figure,
    /// Of the month's cases whose acknowledgement was due or done by the month's end, the
    /// share acknowledged before the acknowledge deadline.
    pub acknowledged_on_time: Figure,
    /// Of the month's cases whose first resolution (entering follow-up) was due or done by the
    /// month's end, the share resolved before the resolve deadline, which moves later by the
    /// time spent waiting on the customer.
    pub resolved_on_time: Figure,
    /// Of the month's cases whose first 7 local calendar days after receipt were over or that
    /// were resolved by the month's end, the share resolved within them.
    pub resolved_within_7_days: Figure,
    /// As `resolved_within_7_days`, with 14 days.
    pub resolved_within_14_days: Figure,
    /// Mean time from receipt to first resolution, in days (waiting time included: it is what
    /// the customer lived), over the month's cases resolved by the month's end.
    pub mean_days_to_resolve: Figure,
    /// Median of the same times.
    pub median_days_to_resolve: Figure,
    /// Of the closed cases, the share whose follow-up call reached the customer.
    pub follow_up_rate: Figure,
    /// Mean satisfaction score (1–5) of the closed cases that were rated.
    pub average_satisfaction: Figure,
    /// Of the rated closed cases, the share rated 4 or 5.
    pub satisfied_share: Figure,
    /// The month's cases whose customer (same phone or same reference) had another valid
    /// complaint received in the 90 days before.
    pub repeat_complaints: Figure,
    /// The month's cases of grade 1.
    pub crises: Figure,
    /// The month's cases that came through an escalated channel (head office or brand,
    /// association, consumer association or regulator, lawyer, media).
    pub escalated_channels: Figure,
    /// Goodwill paid on the closed cases, in yuan.
    pub goodwill_total: Figure,
    /// The month's cases that verification found justified (the verdict as it stands now).
    pub justified_complaints: Figure,
    /// Of the month's judged cases, the share whose fault lies with the branch itself.
    pub fault_branch_share: Figure,
    /// Of the month's judged cases, the share whose fault lies with another department.
    pub fault_other_department_share: Figure,
    /// Of the month's judged cases, the share whose fault lies with a third party.
    pub fault_third_party_share: Figure,
    /// Of the month's judged cases, the share whose fault lies with the customer.
    pub fault_customer_share: Figure,
    /// Of the month's late cases (acknowledged or first resolved after the deadline, or not
    /// with the deadline passed, by the month's end), the share whose customer was given a
    /// progress update after the case became late and before the month's end.
    pub kept_informed_share: Figure,
    /// Checklist items signed off (and not lapsed by a refresher) ÷ items of the modules
    /// assigned to the people on staff at the month's end, as at that instant (withdrawn
    /// sign-offs and assignments never count); filled from the training tables.
    pub training_completion: Figure,
    /// Role-play drills held in the month; filled from the training tables.
    pub drills_held: Figure,
    /// Prevention plans active at the month's end (their last status before it).
    pub plans_active: Figure,
    /// Prevention measures overdue at the month's end: due on a day of the month or before,
    /// and not done or dropped by its end.
    pub measures_overdue: Figure,
}

/// Counts of a timeliness share: (on time, judged).
fn tally(judged: &Judged) -> Figure {
    Figure::share(judged.on_time.len() as i64, judged.judged.len() as i64)
}

fn mean_and_median(mut days: Vec<f64>) -> (Figure, Figure) {
    if days.is_empty() {
        return (Figure::unavailable(), Figure::unavailable());
    }
    days.sort_by(f64::total_cmp);
    let n = days.len();
    let mean = days.iter().sum::<f64>() / n as f64;
    let median = if n % 2 == 1 {
        days[n / 2]
    } else {
        (days[n / 2 - 1] + days[n / 2]) / 2.0
    };
    let value = |v: f64| Figure {
        value: Some(v),
        parts: None,
    };
    (value(mean), value(median))
}

/// Computes the month's figures. `cases` must hold every case received in the month and
/// every case open at the month's start or end (more is harmless); `customers` every valid
/// case received in the 90 days before any of the month's cases.
pub fn month_figures(
    cases: &[CaseFacts],
    customers: &CustomerHistory,
    period: &Period,
) -> MonthFigures {
    figures_of(&MonthSets::new(cases, customers, period))
}

/// The figures of a month's sets: each is the size of its set, or a share, mean or sum over it.
pub fn figures_of(sets: &MonthSets) -> MonthFigures {
    let count = |set: &[&CaseFacts]| Figure::count(set.len() as i64);
    let (mean_days, median_days) =
        mean_and_median(sets.resolved.iter().map(|&(_, days)| days).collect());
    let rated: Vec<i64> = sets.rated().iter().map(|&(_, s)| i64::from(s)).collect();
    let rated_count = rated.len() as i64;
    let closed = sets.closed.len() as i64;
    let judged = sets.judged.len() as i64;
    let fault = |f| Figure::share(sets.at_fault(f).len() as i64, judged);
    MonthFigures {
        received: count(&sets.received),
        valid: count(&sets.valid),
        closed: count(&sets.closed),
        closure_rate: Figure::share(closed, sets.valid.len() as i64),
        open_at_start: count(&sets.open_at_start),
        open_at_end: count(&sets.open_at_end),
        acknowledged_on_time: tally(&sets.acknowledged),
        resolved_on_time: tally(&sets.resolved_on_time),
        resolved_within_7_days: tally(&sets.within_7_days),
        resolved_within_14_days: tally(&sets.within_14_days),
        mean_days_to_resolve: mean_days,
        median_days_to_resolve: median_days,
        follow_up_rate: Figure::share(sets.called().len() as i64, closed),
        average_satisfaction: Figure {
            value: (rated_count > 0).then(|| rated.iter().sum::<i64>() as f64 / rated_count as f64),
            parts: Some((rated.iter().sum(), rated_count)),
        },
        satisfied_share: Figure::share(
            rated.iter().filter(|&&s| s >= 4).count() as i64,
            rated_count,
        ),
        repeat_complaints: count(&sets.repeats),
        crises: count(&sets.crises),
        escalated_channels: count(&sets.escalated),
        goodwill_total: Figure {
            value: Some(sets.goodwill().iter().map(|&(_, fen)| fen).sum::<i64>() as f64 / 100.0),
            parts: None,
        },
        justified_complaints: count(&sets.justified()),
        fault_branch_share: fault(Fault::Branch),
        fault_other_department_share: fault(Fault::OtherDepartment),
        fault_third_party_share: fault(Fault::ThirdParty),
        fault_customer_share: fault(Fault::Customer),
        kept_informed_share: Figure::share(
            sets.kept_informed(sets.until).len() as i64,
            sets.late.len() as i64,
        ),
        // Not case facts: the report's loader reads them from the training and prevention tables.
        training_completion: Figure::unavailable(),
        drills_held: Figure::unavailable(),
        plans_active: Figure::unavailable(),
        measures_overdue: Figure::unavailable(),
    }
}

#[cfg(test)]
mod tests;
