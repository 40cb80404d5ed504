//! The WHERE clause of the case list, built from the query's filters, and its sort order.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use sqlx::Arguments;
use sqlx::sqlite::SqliteArguments;

use super::CaseQuery;
use crate::cases::deadlines::start_of_local_day;
use crate::cases::intake::reference_key;
use crate::cases::repo::stamp;
use crate::cases::search::SearchPlan;
use crate::cases::{Channel, Grade, RootCause, Status};
use crate::error::{Error, Invalid, Result};

/// A WHERE clause built from static fragments; every value is a bound parameter.
pub(super) struct Filter {
    clauses: Vec<&'static str>,
    /// The bound values, in clause order.
    pub(super) args: SqliteArguments,
    /// Whether every clause tests a column that `case_tallies` also has (grade, category,
    /// channel, assignee), so per-status counts can be summed from the tallies.
    pub(super) tallied: bool,
}

impl Filter {
    fn push<T>(&mut self, clause: &'static str, value: T) -> Result<()>
    where
        T: for<'q> sqlx::Encode<'q, sqlx::Sqlite> + sqlx::Type<sqlx::Sqlite> + Send + 'static,
    {
        self.tallied = false;
        self.push_tallied(clause, value)
    }

    /// A clause on a column `case_tallies` shares with `cases`.
    fn push_tallied<T>(&mut self, clause: &'static str, value: T) -> Result<()>
    where
        T: for<'q> sqlx::Encode<'q, sqlx::Sqlite> + sqlx::Type<sqlx::Sqlite> + Send + 'static,
    {
        self.clauses.push(clause);
        self.args
            .add(value)
            .map_err(|e| Error::Database(sqlx::Error::Encode(e)))
    }

    fn push_fixed(&mut self, clause: &'static str) {
        self.tallied = false;
        self.clauses.push(clause);
    }

    /// ` WHERE …`, or nothing without clauses.
    pub(super) fn sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.clauses.join(" AND "))
        }
    }
}

fn local_day(field: &str, text: &str, tz: Tz, days_after: u64) -> Result<String> {
    let date = crate::input::optional_date(field, Some(text))?
        .ok_or_else(|| Error::invalid(field, Invalid::Date))?;
    let day = date
        .checked_add_days(chrono::Days::new(days_after))
        .ok_or_else(|| Error::invalid(field, Invalid::Date))?;
    Ok(stamp(start_of_local_day(day, tz)))
}

/// Builds the filter for `query`; `members` is the JSON array of the ids behind the query's
/// figure, if it has one; `with_status` is off for the per-status counts.
pub(super) fn build_filter(
    query: &CaseQuery,
    now: DateTime<Utc>,
    tz: Tz,
    members: Option<&str>,
    with_status: bool,
) -> Result<Filter> {
    let mut filter = Filter {
        clauses: Vec::new(),
        args: SqliteArguments::default(),
        tallied: true,
    };
    let now_text = stamp(now);
    if with_status {
        match query.status.as_deref().filter(|s| !s.is_empty()) {
            Some("open") => filter.push_fixed("c.status NOT IN ('closed', 'invalid')"),
            Some(code) => filter.push("c.status = ?", Status::parse("status", code)?.as_str())?,
            None => {}
        }
    }
    if let Some(grade) = query.grade {
        filter.push_tallied(
            "c.grade = ?",
            i64::from(Grade::from_number("grade", i64::from(grade))?.get()),
        )?;
    }
    if let Some(category) = query.category_id {
        filter.push_tallied("c.category_id = ?", category)?;
    }
    if let Some(channel) = query.channel.as_deref().filter(|s| !s.is_empty()) {
        filter.push_tallied(
            "c.channel = ?",
            Channel::parse("channel", channel)?.as_str(),
        )?;
    }
    if let Some(assignee) = query.assignee_id {
        filter.push_tallied("c.assignee_id = ?", assignee)?;
    }
    match query.root_cause.as_deref().map(str::trim) {
        None | Some("") => {}
        Some("none") => filter.push_fixed("c.root_cause IS NULL"),
        Some(code) => filter.push(
            "c.root_cause = ?",
            RootCause::parse("rootCause", code)?.as_str(),
        )?,
    }
    if let Some(reference) = query.reference.as_deref() {
        // A reference that folds to nothing (only spaces) narrows nothing, like an empty one.
        if let Some(key) = reference_key(Some(reference)) {
            filter.push("c.reference_key = ?", key)?;
        }
    }
    if query.overdue {
        // Late to acknowledge, or past the resolve deadline unless a pause began before it (an
        // open pause that began in time keeps moving the deadline).
        filter.push_fixed(
            "c.status NOT IN ('closed', 'invalid') AND ((c.status = 'new' AND c.acknowledge_by <= ?1)
             OR (c.due_at <= ?1 AND (c.paused_since IS NULL OR c.paused_since >= c.due_at)))",
        );
        filter
            .args
            .add(now_text.clone())
            .map_err(|e| Error::Database(sqlx::Error::Encode(e)))?;
    }
    if query.due_today {
        let tomorrow = now
            .with_timezone(&tz)
            .date_naive()
            .succ_opt()
            .unwrap_or(chrono::NaiveDate::MAX);
        filter.push(
            "c.status NOT IN ('closed', 'invalid') AND c.paused_since IS NULL AND c.due_at > ?",
            now_text,
        )?;
        filter.push("c.due_at <= ?", stamp(start_of_local_day(tomorrow, tz)))?;
    }
    if let Some(from) = query.from.as_deref().filter(|s| !s.is_empty()) {
        filter.push("c.received_at >= ?", local_day("from", from, tz, 0)?)?;
    }
    if let Some(to) = query.to.as_deref().filter(|s| !s.is_empty()) {
        filter.push("c.received_at < ?", local_day("to", to, tz, 1)?)?;
    }
    if let Some(ids) = members {
        filter.push("c.id IN (SELECT value FROM json_each(?))", ids.to_owned())?;
    }
    // `+c.id` keeps SQLite from fetching every match by id and sorting them all: walking the
    // cases newest first and checking each against the matches costs at most one index pass,
    // however many cases match (a common word can match a tenth of them).
    if let Some(plan) = query.search.as_deref().and_then(SearchPlan::parse) {
        if let Some(trigram) = plan.trigram {
            filter.push(
                "+c.id IN (SELECT rowid FROM case_search_trigram WHERE case_search_trigram MATCH ?)",
                trigram,
            )?;
        }
        if let Some(grams) = plan.grams {
            filter.push(
                "+c.id IN (SELECT rowid FROM case_search_grams WHERE case_search_grams MATCH ?)",
                grams,
            )?;
        }
    }
    Ok(filter)
}

/// The ORDER BY for a sort code; `due` matches the expression index `cases_due_order`.
pub(super) fn order_by(sort: Option<&str>) -> &'static str {
    match sort {
        Some("oldest") => "c.received_at ASC, c.id ASC",
        Some("due") => {
            "CASE WHEN c.status IN ('closed', 'invalid') THEN 1 ELSE 0 END, c.due_at ASC, c.id ASC"
        }
        Some("grade") => "c.grade ASC, c.received_at DESC, c.id DESC",
        _ => "c.received_at DESC, c.id DESC",
    }
}
