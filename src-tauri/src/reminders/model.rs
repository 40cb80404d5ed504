//! What is due for a reminder, decided without a database or a window: the facts go in (open
//! cases, overdue measures, refreshers falling due, the settings, what was already sent) and
//! the reminders to send come out, each with a key naming its event so it is sent only once.

use chrono::{DateTime, NaiveDate, NaiveTime, TimeDelta, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// How long before the acknowledge deadline a case is reminded of.
pub const ACK_LEAD: TimeDelta = TimeDelta::hours(1);
/// How long before the resolve deadline a case is reminded of.
pub const RESOLVE_LEAD: TimeDelta = TimeDelta::hours(4);

/// The kinds of reminder; each can be turned off in Settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ReminderKind {
    /// A new case about to miss (or past) its acknowledge deadline.
    Acknowledge,
    /// An open case about to miss (or past) its resolve deadline.
    Resolve,
    /// A new crisis (grade 1) case.
    Crisis,
    /// A prevention measure past its due date.
    Measure,
    /// A person's training refresher falling due.
    Refresher,
    /// The daily summary at the chosen time.
    Summary,
}

impl ReminderKind {
    /// Every kind, in the order Settings lists them.
    pub const ALL: [ReminderKind; 6] = [
        ReminderKind::Acknowledge,
        ReminderKind::Resolve,
        ReminderKind::Crisis,
        ReminderKind::Measure,
        ReminderKind::Refresher,
        ReminderKind::Summary,
    ];

    /// The name stored and sent to the UI.
    pub fn as_str(self) -> &'static str {
        match self {
            ReminderKind::Acknowledge => "acknowledge",
            ReminderKind::Resolve => "resolve",
            ReminderKind::Crisis => "crisis",
            ReminderKind::Measure => "measure",
            ReminderKind::Refresher => "refresher",
            ReminderKind::Summary => "summary",
        }
    }
}

/// The reminder settings: which kinds are on and when the daily summary comes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReminderSettings {
    /// The kinds turned off.
    pub off: Vec<ReminderKind>,
    /// Local time of the daily summary, `HH:MM`.
    pub summary_time: String,
}

impl Default for ReminderSettings {
    fn default() -> Self {
        ReminderSettings {
            off: Vec::new(),
            summary_time: "08:30".into(),
        }
    }
}

impl ReminderSettings {
    /// Whether `kind` is on.
    pub fn is_on(&self, kind: ReminderKind) -> bool {
        !self.off.contains(&kind)
    }

    /// The summary time, if it reads as `HH:MM`.
    pub fn summary_at(&self) -> Option<NaiveTime> {
        NaiveTime::parse_from_str(self.summary_time.trim(), "%H:%M").ok()
    }
}

/// An open case as reminders see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenCase {
    /// Row id.
    pub id: i64,
    /// Case number, shown in the reminder.
    pub number: String,
    /// Grade 1–4.
    pub grade: i64,
    /// Still waiting to be acknowledged (status `new`).
    pub unacknowledged: bool,
    /// Acknowledge deadline.
    pub acknowledge_by: DateTime<Utc>,
    /// Resolve deadline after pauses; `None` while paused (the clock is stopped).
    pub resolve_by: Option<DateTime<Utc>>,
}

/// A prevention measure past its due date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LateMeasure {
    /// Measure id.
    pub id: i64,
    /// Its plan, whose page the reminder opens.
    pub plan_id: i64,
    /// What was to be done.
    pub description: String,
    /// Due date.
    pub due_date: String,
}

/// A person's module whose refresher falls due soon or is overdue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueRefresher {
    /// Staff id.
    pub staff_id: i64,
    /// Their name.
    pub name: String,
    /// Module id.
    pub module_id: i64,
    /// The refresher's due date.
    pub due_on: NaiveDate,
}

/// The day's figures for the summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct SummaryFigures {
    /// Open cases.
    pub open: i64,
    /// Overdue cases.
    pub overdue: i64,
    /// Cases due today.
    pub due_today: i64,
    /// Open crisis cases.
    pub crisis: i64,
}

/// Everything the decision looks at.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// Open cases.
    pub cases: Vec<OpenCase>,
    /// Overdue measures.
    pub measures: Vec<LateMeasure>,
    /// Refreshers falling due.
    pub refreshers: Vec<DueRefresher>,
    /// The day's figures.
    pub summary: SummaryFigures,
}

/// One reminder to send. `subject` and `detail` are the words the UI's dictionary fills in;
/// `route` is the page a click opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reminder {
    /// The event's key: the same event never gets a second reminder.
    pub key: String,
    /// The kind.
    pub kind: ReminderKind,
    /// What it is about: a case number, a person's name, a measure.
    pub subject: String,
    /// A second fact: the deadline, the due date, the summary's figures.
    pub detail: String,
    /// The page that shows it, as the window's address (`#/cases/12`).
    pub route: String,
}

/// The reminders due at `now` (branch zone `tz`), leaving out kinds turned off and events in
/// `sent`. Deadlines are reminded of from their lead time on, and still once if already
/// missed (the app may have been closed when the lead time began).
pub fn due_reminders(
    facts: &Facts,
    settings: &ReminderSettings,
    sent: &HashSet<String>,
    now: DateTime<Utc>,
    tz: Tz,
) -> Vec<Reminder> {
    let mut out = Vec::new();
    let stamp = |t: DateTime<Utc>| t.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string();
    for case in &facts.cases {
        let route = format!("#/cases/{}", case.id);
        if case.grade == 1 {
            out.push(reminder(
                ReminderKind::Crisis,
                format!("crisis:{}", case.id),
                &case.number,
                String::new(),
                &route,
            ));
        }
        if case.unacknowledged && case.acknowledge_by - now <= ACK_LEAD {
            let key = format!(
                "acknowledge:{}:{}",
                case.id,
                case.acknowledge_by.to_rfc3339()
            );
            out.push(reminder(
                ReminderKind::Acknowledge,
                key,
                &case.number,
                stamp(case.acknowledge_by),
                &route,
            ));
        }
        if let Some(due) = case.resolve_by.filter(|due| *due - now <= RESOLVE_LEAD) {
            let key = format!("resolve:{}:{}", case.id, due.to_rfc3339());
            out.push(reminder(
                ReminderKind::Resolve,
                key,
                &case.number,
                stamp(due),
                &route,
            ));
        }
    }
    for measure in &facts.measures {
        let key = format!("measure:{}:{}", measure.id, measure.due_date);
        let route = format!("#/prevention/plan/{}", measure.plan_id);
        out.push(reminder(
            ReminderKind::Measure,
            key,
            &measure.description,
            measure.due_date.clone(),
            &route,
        ));
    }
    for due in &facts.refreshers {
        let key = format!(
            "refresher:{}:{}:{}",
            due.staff_id, due.module_id, due.due_on
        );
        let route = format!("#/training/person/{}", due.staff_id);
        out.push(reminder(
            ReminderKind::Refresher,
            key,
            &due.name,
            due.due_on.to_string(),
            &route,
        ));
    }
    let local = now.with_timezone(&tz);
    if settings.summary_at().is_some_and(|at| local.time() >= at) {
        let s = facts.summary;
        let key = format!("summary:{}", local.date_naive());
        let detail = format!("{}/{}/{}/{}", s.open, s.overdue, s.due_today, s.crisis);
        out.push(reminder(
            ReminderKind::Summary,
            key,
            "",
            detail,
            "#/dashboard",
        ));
    }
    out.retain(|r| settings.is_on(r.kind) && !sent.contains(&r.key));
    out
}

fn reminder(
    kind: ReminderKind,
    key: String,
    subject: &str,
    detail: String,
    route: &str,
) -> Reminder {
    Reminder {
        key,
        kind,
        subject: subject.to_owned(),
        detail,
        route: route.to_owned(),
    }
}
