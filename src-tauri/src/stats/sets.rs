//! Which cases make up each figure of a month. Every case figure is defined here once, as a set
//! of cases (and for a share, the subset that scored); [`super::figures::month_figures`] only
//! counts, divides and averages these sets, and the case list shows the same sets when a figure
//! is clicked ([`MonthSets::members`]), so a figure and the list it opens cannot disagree.

use chrono::{DateTime, Days, Utc};

use super::facts::{CaseFacts, CustomerHistory, Outcome, Timeline};
use super::month::Period;
use crate::cases::Status;
use crate::cases::deadlines::start_of_local_day;
use crate::cases::judgement::Fault;

/// The cases behind one figure: `all` is what a count counts, or what a share or average is
/// taken over; `hits` is the part of `all` a share counts (on time, reached, satisfied).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Members {
    /// Case ids of the whole set.
    pub all: Vec<i64>,
    /// Case ids of the scoring part, for shares.
    pub hits: Option<Vec<i64>>,
}

/// A timeliness share's cases: those whose answer was known by the month's end, and those of
/// them done in time.
#[derive(Debug, Clone, Default)]
pub struct Judged<'a> {
    /// Done by the month's end, or not done with the deadline passed.
    pub judged: Vec<&'a CaseFacts>,
    /// Of `judged`, the ones done before the deadline.
    pub on_time: Vec<&'a CaseFacts>,
}

impl<'a> Judged<'a> {
    fn of(
        cases: &[&'a CaseFacts],
        verdict: impl Fn(&CaseFacts) -> (Option<DateTime<Utc>>, DateTime<Utc>),
        until: DateTime<Utc>,
    ) -> Judged<'a> {
        let mut out = Judged::default();
        for &case in cases {
            let (done, deadline) = verdict(case);
            if let Some(in_time) = judged(done, deadline, until) {
                out.judged.push(case);
                if in_time {
                    out.on_time.push(case);
                }
            }
        }
        out
    }
}

/// Whether the answer to "done before `deadline`?" was known before `until`, and if so what it
/// was: `Some(true)` done in time, `Some(false)` late (done late, or not done and overdue).
fn judged(
    done: Option<DateTime<Utc>>,
    deadline: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Option<bool> {
    match done.filter(|&t| t < until) {
        Some(t) => Some(t < deadline),
        None => (deadline <= until).then_some(false),
    }
}

/// Since when `case` was late as `until` came: the earliest deadline it missed, acknowledging
/// or first resolving (done after it, or not done with it passed by `until`).
fn late_since(case: &CaseFacts, until: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let missed =
        |done, deadline| (judged(done, deadline, until) == Some(false)).then_some(deadline);
    let acknowledge = missed(case.acknowledged_at, case.acknowledge_by);
    let due = case.resolve_due(until);
    let resolve = missed(case.first_resolved_at(), due);
    acknowledge.into_iter().chain(resolve).min()
}

/// The end of the `days`-th local calendar day after the day `case` was received.
fn end_of_day_after(case: &CaseFacts, days: u64, period: &Period) -> DateTime<Utc> {
    let received_on = case.received_at.with_timezone(&period.tz).date_naive();
    received_on
        .checked_add_days(Days::new(days + 1))
        .map_or(DateTime::<Utc>::MAX_UTC, |day| {
            start_of_local_day(day, period.tz)
        })
}

/// The cases behind the month's `received`, `valid` and `closed` figures.
#[derive(Debug, Clone)]
pub struct ReceivedAndClosed<'a, C> {
    /// Received in the month, valid or not.
    pub received: Vec<&'a C>,
    /// Of those, the ones not voided.
    pub valid: Vec<&'a C>,
    /// Of those, the ones that stood closed at the month's end.
    pub closed: Vec<&'a C>,
}

/// The one definition of received, valid and closed, for the month's figures and for each
/// month of the trend alike.
pub fn received_and_closed<'a, C: Timeline>(
    cases: &'a [C],
    period: &Period,
) -> ReceivedAndClosed<'a, C> {
    let received: Vec<&C> = cases
        .iter()
        .filter(|c| period.contains(c.received_at()))
        .collect();
    let valid: Vec<&C> = received.iter().copied().filter(|c| c.is_valid()).collect();
    let closed = valid
        .iter()
        .copied()
        .filter(|c| c.status_at(period.until) == Status::Closed)
        .collect();
    ReceivedAndClosed {
        received,
        valid,
        closed,
    }
}

/// The sets of cases behind a month's case figures (see [`super::figures`] for the rules).
#[derive(Debug, Clone, Default)]
pub struct MonthSets<'a> {
    /// Received in the month, valid or not.
    pub received: Vec<&'a CaseFacts>,
    /// Received in the month and not voided: "the month's cases".
    pub valid: Vec<&'a CaseFacts>,
    /// The month's cases that stood closed at its end.
    pub closed: Vec<&'a CaseFacts>,
    /// Valid cases received before the month and open as it began.
    pub open_at_start: Vec<&'a CaseFacts>,
    /// Valid cases received by the month's end and open at it.
    pub open_at_end: Vec<&'a CaseFacts>,
    /// Acknowledgement timeliness.
    pub acknowledged: Judged<'a>,
    /// First resolution against the (pause-adjusted) resolve deadline.
    pub resolved_on_time: Judged<'a>,
    /// First resolution within 7 local days.
    pub within_7_days: Judged<'a>,
    /// First resolution within 14 local days.
    pub within_14_days: Judged<'a>,
    /// The month's cases first resolved by its end, with the days it took.
    pub resolved: Vec<(&'a CaseFacts, f64)>,
    /// Closed cases with their outcome as it stood at the month's end.
    pub outcomes: Vec<(&'a CaseFacts, Outcome)>,
    /// The month's cases whose customer complained validly in the 90 days before.
    pub repeats: Vec<&'a CaseFacts>,
    /// The month's cases of grade 1.
    pub crises: Vec<&'a CaseFacts>,
    /// The month's cases that came through an escalated channel.
    pub escalated: Vec<&'a CaseFacts>,
    /// The month's cases with a verification verdict (justified or not, and fault).
    pub judged: Vec<&'a CaseFacts>,
    /// The month's late cases with the instant each became late (see [`late_since`]).
    pub late: Vec<(&'a CaseFacts, DateTime<Utc>)>,
    /// The month's end (for the current month, now): what happened later does not count.
    pub until: DateTime<Utc>,
}

fn ids<'a>(cases: impl IntoIterator<Item = &'a CaseFacts>) -> Vec<i64> {
    cases.into_iter().map(|c| c.id).collect()
}

impl<'a> MonthSets<'a> {
    /// The sets of `period`. `cases` must hold every case received in the month and every case
    /// open at its start or end; `customers` every valid case of the 90 days before.
    pub fn new(
        cases: &'a [CaseFacts],
        customers: &CustomerHistory,
        period: &Period,
    ) -> MonthSets<'a> {
        let until = period.until;
        let ReceivedAndClosed {
            received,
            valid,
            closed,
        } = received_and_closed(cases, period);
        let open_at = |instant| {
            cases
                .iter()
                .filter(|c| c.is_valid() && c.open_at(instant))
                .collect::<Vec<_>>()
        };
        let resolved = valid
            .iter()
            .filter_map(|&c| {
                let at = c.first_resolved_at().filter(|&t| t < until)?;
                Some((c, (at - c.received_at).as_seconds_f64() / 86_400.0))
            })
            .collect();
        let within = |days| {
            Judged::of(
                &valid,
                |c| (c.first_resolved_at(), end_of_day_after(c, days, period)),
                until,
            )
        };
        let having = |pred: &dyn Fn(&CaseFacts) -> bool| {
            valid
                .iter()
                .copied()
                .filter(|c| pred(c))
                .collect::<Vec<_>>()
        };
        let late = valid
            .iter()
            .filter_map(|&c| late_since(c, until).map(|at| (c, at)))
            .collect();
        MonthSets {
            judged: having(&|c| c.judgement.is_some()),
            late,
            until,
            open_at_start: open_at(period.start),
            open_at_end: open_at(until),
            acknowledged: Judged::of(&valid, |c| (c.acknowledged_at, c.acknowledge_by), until),
            resolved_on_time: Judged::of(
                &valid,
                |c| (c.first_resolved_at(), c.resolve_due(until)),
                until,
            ),
            within_7_days: within(7),
            within_14_days: within(14),
            resolved,
            outcomes: closed.iter().map(|&c| (c, c.outcome_at(until))).collect(),
            repeats: having(&|c| customers.is_repeat(c)),
            crises: having(&|c| c.grade == 1),
            escalated: having(&|c| c.channel.is_escalated()),
            received,
            valid,
            closed,
        }
    }

    /// Judged cases found justified.
    pub fn justified(&self) -> Vec<&'a CaseFacts> {
        self.judged
            .iter()
            .copied()
            .filter(|c| c.judgement.is_some_and(|(justified, _)| justified))
            .collect()
    }

    /// Judged cases whose fault lies with `fault`.
    pub fn at_fault(&self, fault: Fault) -> Vec<&'a CaseFacts> {
        self.judged
            .iter()
            .copied()
            .filter(|c| c.judgement.is_some_and(|(_, f)| f == fault))
            .collect()
    }

    /// Late cases whose customer got a progress update after the case became late and
    /// before the month's end.
    pub fn kept_informed(&self, until: DateTime<Utc>) -> Vec<&'a CaseFacts> {
        self.late
            .iter()
            .filter(|(c, since)| {
                c.progress_updates
                    .iter()
                    .any(|&at| *since <= at && at < until)
            })
            .map(|&(c, _)| c)
            .collect()
    }

    /// The month's late cases.
    pub fn late_cases(&self) -> Vec<&'a CaseFacts> {
        self.late.iter().map(|&(c, _)| c).collect()
    }

    /// Closed cases whose follow-up call reached the customer.
    pub fn called(&self) -> Vec<&'a CaseFacts> {
        self.outcomes
            .iter()
            .filter(|(_, o)| o.called)
            .map(|&(c, _)| c)
            .collect()
    }

    /// Closed cases the customer rated, with the score.
    pub fn rated(&self) -> Vec<(&'a CaseFacts, u8)> {
        self.outcomes
            .iter()
            .filter_map(|(c, o)| o.satisfaction.map(|s| (*c, s)))
            .collect()
    }

    /// Closed cases with goodwill paid (fen, as it stood at the month's end).
    pub fn goodwill(&self) -> Vec<(&'a CaseFacts, i64)> {
        self.outcomes
            .iter()
            .filter(|(_, o)| o.goodwill_fen != 0)
            .map(|(c, o)| (*c, o.goodwill_fen))
            .collect()
    }

    /// The cases behind the figure `key` (a report key such as `closed` or `closure_rate`), or
    /// `None` for a key that is not a case figure (training and prevention figures count other
    /// things).
    pub fn members(&self, key: &str) -> Option<Members> {
        let count = |set: &[&CaseFacts]| Members {
            all: ids(set.iter().copied()),
            hits: None,
        };
        let share = |all: &[&CaseFacts], hits: &[&CaseFacts]| Members {
            all: ids(all.iter().copied()),
            hits: Some(ids(hits.iter().copied())),
        };
        let judged = |j: &Judged| share(&j.judged, &j.on_time);
        let rated: Vec<&CaseFacts> = self.rated().into_iter().map(|(c, _)| c).collect();
        Some(match key {
            "received" => count(&self.received),
            "valid" => count(&self.valid),
            "closed" => count(&self.closed),
            "closure_rate" => share(&self.valid, &self.closed),
            "open_at_start" => count(&self.open_at_start),
            "open_at_end" => count(&self.open_at_end),
            "acknowledged_on_time" => judged(&self.acknowledged),
            "resolved_on_time" => judged(&self.resolved_on_time),
            "resolved_within_7_days" => judged(&self.within_7_days),
            "resolved_within_14_days" => judged(&self.within_14_days),
            "mean_days_to_resolve" | "median_days_to_resolve" => Members {
                all: ids(self.resolved.iter().map(|&(c, _)| c)),
                hits: None,
            },
            "follow_up_rate" => share(&self.closed, &self.called()),
            "average_satisfaction" => count(&rated),
            "satisfied_share" => {
                let satisfied: Vec<&CaseFacts> = self
                    .rated()
                    .into_iter()
                    .filter(|&(_, s)| s >= 4)
                    .map(|(c, _)| c)
                    .collect();
                share(&rated, &satisfied)
            }
            "repeat_complaints" => count(&self.repeats),
            "crises" => count(&self.crises),
            "escalated_channels" => count(&self.escalated),
            "justified_complaints" => count(&self.justified()),
            "fault_branch_share" => share(&self.judged, &self.at_fault(Fault::Branch)),
            "fault_other_department_share" => {
                share(&self.judged, &self.at_fault(Fault::OtherDepartment))
            }
            "fault_third_party_share" => share(&self.judged, &self.at_fault(Fault::ThirdParty)),
            "fault_customer_share" => share(&self.judged, &self.at_fault(Fault::Customer)),
            "kept_informed_share" => share(&self.late_cases(), &self.kept_informed(self.until)),
            "goodwill_total" => Members {
                all: ids(self.goodwill().into_iter().map(|(c, _)| c)),
                hits: None,
            },
            _ => return None,
        })
    }
}
