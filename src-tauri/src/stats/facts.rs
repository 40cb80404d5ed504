//! What the statistics need to know about one case, and how its state at a past instant is
//! read back from its history. No SQL here: the repo fills these from the database and the
//! unit tests build them by hand.

use std::collections::HashMap;

use chrono::{DateTime, TimeDelta, Utc};

use crate::cases::Status;
use crate::cases::deadlines::{Pause, effective_resolve_by};
use crate::cases::judgement::Fault;
use crate::cases::vocab::{Channel, CustomerType};

/// One status move, from a `status` entry of the case's timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusMove {
    /// When it happened.
    pub at: DateTime<Utc>,
    /// The status before.
    pub from: Status,
    /// The status after.
    pub to: Status,
}

/// The outcome fields of a closed case. Reopening a case clears them, so the value a past
/// month saw is read back from the audit trail ([`OutcomeChange`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutcomeField {
    /// `root_cause`.
    RootCause,
    /// `follow_up_kind` (`called` or `unreachable`).
    FollowUpKind,
    /// `satisfaction`, 1–5.
    Satisfaction,
    /// `goodwill_fen`.
    GoodwillFen,
}

impl OutcomeField {
    /// Every outcome field.
    pub const ALL: [OutcomeField; 4] = [
        OutcomeField::RootCause,
        OutcomeField::FollowUpKind,
        OutcomeField::Satisfaction,
        OutcomeField::GoodwillFen,
    ];

    /// The column (and audit field) name.
    pub fn column(self) -> &'static str {
        match self {
            OutcomeField::RootCause => "root_cause",
            OutcomeField::FollowUpKind => "follow_up_kind",
            OutcomeField::Satisfaction => "satisfaction",
            OutcomeField::GoodwillFen => "goodwill_fen",
        }
    }

    /// The field a column name stands for.
    pub fn from_column(column: &str) -> Option<OutcomeField> {
        Self::ALL.into_iter().find(|f| f.column() == column)
    }
}

/// One audit line of an outcome field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutcomeChange {
    /// When it changed.
    pub at: DateTime<Utc>,
    /// Which field.
    pub field: OutcomeField,
    /// The value before, as stored text.
    pub old: Option<String>,
    /// The value after, as stored text.
    pub new: Option<String>,
}

/// A closed case's outcome as it stood at some instant.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Root cause code.
    pub root_cause: Option<String>,
    /// Whether the follow-up call reached the customer (`called`).
    pub called: bool,
    /// The customer's score, 1–5.
    pub satisfaction: Option<u8>,
    /// Goodwill paid, in fen.
    pub goodwill_fen: i64,
}

/// Everything the figures of a month need about one case.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseFacts {
    /// Row id.
    pub id: i64,
    /// When the complaint was received.
    pub received_at: DateTime<Utc>,
    /// The status now. `invalid` is final (nothing leaves it), so it is also the verdict on
    /// whether the complaint was ever valid.
    pub status: Status,
    /// Status moves, oldest first. Need hold only the moves into follow-up, closed, reopened
    /// or invalid (those that change whether the case is open, and its resolutions); older
    /// generated data keeps only the last move. See [`CaseFacts::status_at`].
    pub history: Vec<StatusMove>,
    /// When the customer was first told the complaint is being handled.
    pub acknowledged_at: Option<DateTime<Utc>>,
    /// The acknowledge deadline.
    pub acknowledge_by: DateTime<Utc>,
    /// When the case last entered follow-up (reopening clears it).
    pub resolved_at: Option<DateTime<Utc>>,
    /// The deadline of the first resolve window, before pauses (a reopening starts a new
    /// window; the first resolution is judged against the first window).
    pub resolve_by: DateTime<Utc>,
    /// Times spent waiting on the customer.
    pub pauses: Vec<Pause>,
    /// Grade 1 (crisis) to 4.
    pub grade: u8,
    /// Category id.
    pub category_id: i64,
    /// How it reached the branch.
    pub channel: Channel,
    /// Responsible department, `''` when none.
    pub department: String,
    /// Kind of customer.
    pub customer_type: CustomerType,
    /// The outcome fields now.
    pub outcome: Outcome,
    /// Audit lines of the outcome fields, oldest first (needed only for reopened cases).
    pub outcome_changes: Vec<OutcomeChange>,
    /// Digits of the phone number, to link a customer's cases.
    pub phone_key: Option<String>,
    /// Lower-cased reference (order, room, unit…), to link a customer's cases.
    pub reference_key: Option<String>,
    /// Verification's verdict now, `(justified, fault)`; `None` before the case is judged.
    pub judgement: Option<(bool, Fault)>,
    /// When the customer was given progress updates, oldest first.
    pub progress_updates: Vec<DateTime<Utc>>,
}

/// The status left by every move of `history` (oldest first) before `until`, for a case whose
/// status is now `status`. Before the first recorded move the case stood where that move
/// started; a case with no recorded move has always had its current status. Whether the case
/// was open is exact as long as every move into or out of closed or invalid is recorded; with
/// only the last move (older generated data) it is exact for that move, which is the one that
/// closed the case.
fn status_before(history: &[StatusMove], status: Status, until: DateTime<Utc>) -> Status {
    match history.iter().rev().find(|m| m.at < until) {
        Some(last) => last.to,
        None => history.first().map_or(status, |first| first.from),
    }
}

/// What the received and closed figures read of a case: when it was received, whether it is
/// valid, and its status at an instant. Both [`CaseFacts`] and the lighter [`CaseTimeline`]
/// (for the trend's months) answer it the same way.
pub trait Timeline {
    /// When the complaint was received.
    fn received_at(&self) -> DateTime<Utc>;
    /// Whether the complaint is valid: anything not voided as invalid (which is final).
    fn is_valid(&self) -> bool;
    /// The status just before `until` (see [`CaseFacts::status_at`]).
    fn status_at(&self, until: DateTime<Utc>) -> Status;
}

/// A case's receipt, status and status moves: all the trend needs of it.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseTimeline {
    /// Row id.
    pub id: i64,
    /// When the complaint was received.
    pub received_at: DateTime<Utc>,
    /// The status now.
    pub status: Status,
    /// Status moves, oldest first, as for [`CaseFacts::history`].
    pub history: Vec<StatusMove>,
}

impl Timeline for CaseTimeline {
    fn received_at(&self) -> DateTime<Utc> {
        self.received_at
    }

    fn is_valid(&self) -> bool {
        self.status != Status::Invalid
    }

    fn status_at(&self, until: DateTime<Utc>) -> Status {
        status_before(&self.history, self.status, until)
    }
}

impl Timeline for CaseFacts {
    fn received_at(&self) -> DateTime<Utc> {
        self.received_at
    }

    fn is_valid(&self) -> bool {
        CaseFacts::is_valid(self)
    }

    fn status_at(&self, until: DateTime<Utc>) -> Status {
        CaseFacts::status_at(self, until)
    }
}

impl CaseFacts {
    /// Whether the complaint is valid: anything not voided as invalid.
    pub fn is_valid(&self) -> bool {
        self.status != Status::Invalid
    }

    /// The status left by every move before `until`, as far as the recorded moves tell (see
    /// [`status_before`]).
    pub fn status_at(&self, until: DateTime<Utc>) -> Status {
        status_before(&self.history, self.status, until)
    }

    /// Whether the case had been received and was open (neither closed nor invalid) just
    /// before `until`.
    pub fn open_at(&self, until: DateTime<Utc>) -> bool {
        self.received_at < until && self.status_at(until).is_open()
    }

    /// When the case first entered follow-up (was resolved): the first such move on the
    /// timeline, or the stored `resolved_at` when the timeline does not show an earlier one.
    pub fn first_resolved_at(&self) -> Option<DateTime<Utc>> {
        let moved = self
            .history
            .iter()
            .find(|m| m.to == Status::FollowUp)
            .map(|m| m.at);
        match (moved, self.resolved_at) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// The first resolve deadline after pauses, as known before `until`.
    pub fn resolve_due(&self, until: DateTime<Utc>) -> DateTime<Utc> {
        effective_resolve_by(self.resolve_by, &self.pauses, until)
    }

    /// The outcome fields as they stood just before `until`: from the audit line of each field
    /// nearest before it, else the old value of the first line after it, else the value now.
    pub fn outcome_at(&self, until: DateTime<Utc>) -> Outcome {
        let mut outcome = self.outcome.clone();
        for field in OutcomeField::ALL {
            let mut lines = self.outcome_changes.iter().filter(|c| c.field == field);
            let before = lines.clone().rev().find(|c| c.at < until);
            let value = match (before, lines.find(|c| c.at >= until)) {
                (Some(line), _) => line.new.as_deref(),
                (None, Some(line)) => line.old.as_deref(),
                (None, None) => continue,
            };
            match field {
                OutcomeField::RootCause => outcome.root_cause = value.map(str::to_owned),
                OutcomeField::FollowUpKind => outcome.called = value == Some("called"),
                OutcomeField::Satisfaction => {
                    outcome.satisfaction = value.and_then(|v| v.parse().ok());
                }
                OutcomeField::GoodwillFen => {
                    outcome.goodwill_fen = value.and_then(|v| v.parse().ok()).unwrap_or(0);
                }
            }
        }
        outcome
    }
}

/// How far back an earlier complaint from the same customer makes a case a repeat.
pub const REPEAT_WINDOW: TimeDelta = TimeDelta::days(90);

/// When each customer (by phone key or reference key) complained, for spotting repeats.
#[derive(Debug, Clone, Default)]
pub struct CustomerHistory {
    /// Receipt instants by key (`p:` + phone key or `r:` + reference key), sorted.
    visits: HashMap<String, Vec<DateTime<Utc>>>,
}

impl CustomerHistory {
    /// An empty history.
    pub fn new() -> CustomerHistory {
        CustomerHistory::default()
    }

    /// The history of the valid cases among `cases`.
    pub fn of_cases(cases: &[CaseFacts]) -> CustomerHistory {
        let mut history = CustomerHistory::new();
        for case in cases.iter().filter(|c| c.is_valid()) {
            history.add(
                case.received_at,
                case.phone_key.as_deref(),
                case.reference_key.as_deref(),
            );
        }
        history
    }

    /// Records a valid complaint received at `at` from the customer with these keys.
    pub fn add(&mut self, at: DateTime<Utc>, phone_key: Option<&str>, reference_key: Option<&str>) {
        for key in Self::keys(phone_key, reference_key) {
            let list = self.visits.entry(key).or_default();
            let place = list.partition_point(|&t| t < at);
            list.insert(place, at);
        }
    }

    /// Whether the customer of `case` had another valid complaint received in the
    /// [`REPEAT_WINDOW`] before it (strictly earlier, so a case never repeats itself).
    pub fn is_repeat(&self, case: &CaseFacts) -> bool {
        let from = case.received_at - REPEAT_WINDOW;
        Self::keys(case.phone_key.as_deref(), case.reference_key.as_deref()).any(|key| {
            self.visits.get(&key).is_some_and(|list| {
                let first = list.partition_point(|&t| t < from);
                list.get(first).is_some_and(|&t| t < case.received_at)
            })
        })
    }

    fn keys<'a>(
        phone_key: Option<&'a str>,
        reference_key: Option<&'a str>,
    ) -> impl Iterator<Item = String> + 'a {
        let phone = phone_key
            .filter(|k| !k.is_empty())
            .map(|k| format!("p:{k}"));
        let reference = reference_key
            .filter(|k| !k.is_empty())
            .map(|k| format!("r:{k}"));
        phone.into_iter().chain(reference)
    }
}
