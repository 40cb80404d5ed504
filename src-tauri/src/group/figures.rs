//! Month figures: at each sync the branch computes, with its own statistics
//! (`stats::repo::monthly_report` and the same [`BranchData`] its workbook holds), the figures
//! of every month its changes can have moved, and sends them as rows of the derived kind
//! [`TABLE`] (key `YYYY-MM`). Head office's report then reads one small row per branch instead
//! of rebuilding each branch's whole history, and no figure is defined twice.
//!
//! Which months: a month's report carries the month before, the same month a year before and
//! the backlog carried over, so a change to a case received in month M moves M and every month
//! after it. The earliest such month is noted (in `app_settings`, never sent) before a batch
//! leaves the outbox, so a sync cut short still recomputes it next time; a change the figures
//! cannot be traced to one case (settings, staff, training, prevention, a deleted row), a
//! first sync and an app whose figure definitions differ from those last sent recompute every
//! month. The month under way and the one before are recomputed at every sync, so a month is
//! final once a sync ran after it ended.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use sqlx::{PgPool, SqlitePool};

use super::pg_error;
use crate::error::{Error, Result};
use crate::export::BranchData;
use crate::export::breakdowns::label;
use crate::export::categories::CategoryNames;
use crate::export::workbook::branch_data_of;
use crate::settings::Language;
use crate::stats::report::{Better, Breakdown, Kpi, Month, Unit};

/// The `tbl` of month-figure rows on the server (not a table of the branch's SQLite).
pub const TABLE: &str = "month_figures";

/// `app_settings` key: the earliest month whose figures wait to be sent, or [`EVERY_MONTH`].
const FROM_KEY: &str = "group.figures_from";
/// `app_settings` key: the figure definitions the figures on the server were computed with.
const DEFINITIONS_KEY: &str = "group.figures_definitions";
const EVERY_MONTH: &str = "all";

/// Raise when a figure's definition changes within one app version (a new version recomputes
/// every month anyway).
const REVISION: u32 = 1;

/// The figure definitions this app computes with: figures computed by another are not used.
pub fn definitions() -> String {
    format!("{}+{REVISION}", env!("CARGO_PKG_VERSION"))
}

/// One branch's month as it travels: [`BranchData`] with the definitions it was computed by.
/// Breakdown labels are filled in at the reading end, in the report's language.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MonthRow {
    /// [`definitions`] of the app that computed it.
    pub definitions: String,
    /// Branch name.
    pub name: String,
    /// The month.
    pub month: Month,
    /// When the figures were computed (RFC 3339, UTC): the figures are as of then.
    pub computed_at: String,
    /// The figures.
    pub kpis: Vec<KpiRow>,
    /// Counts by dimension, categories keyed by category key.
    pub breakdowns: Vec<Breakdown>,
}

impl MonthRow {
    /// The row as the report's [`BranchData`] of branch `code`, labelled in `lang`; `None`
    /// when it was computed with other figure definitions than this app's.
    pub fn into_branch_data(self, code: &str, lang: Language) -> Option<BranchData> {
        if self.definitions != definitions() {
            return None;
        }
        let breakdowns = self
            .breakdowns
            .into_iter()
            .map(|mut breakdown| {
                for row in &mut breakdown.rows {
                    row.label = label(&breakdown.key, &row.code, lang);
                }
                breakdown
            })
            .collect();
        Some(BranchData {
            code: code.to_owned(),
            name: self.name,
            month: self.month,
            computed_at: self.computed_at,
            kpis: self.kpis.into_iter().map(KpiRow::into_kpi).collect(),
            breakdowns,
        })
    }
}

/// A [`Kpi`] as it travels: its numbers as text (Rust's shortest form that reads back to the
/// same `f64`), since a JSON number read back may differ in its last digit and the group
/// workbook must equal the branches' own cell for cell.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KpiRow {
    /// As [`Kpi::key`].
    pub key: String,
    /// As [`Kpi::unit`].
    pub unit: Unit,
    /// As [`Kpi::better`].
    pub better: Better,
    /// [`Kpi::value`] as text.
    pub value: Option<String>,
    /// [`Kpi::previous`] as text.
    pub previous: Option<String>,
    /// [`Kpi::last_year`] as text.
    pub last_year: Option<String>,
    /// As [`Kpi::parts`].
    pub parts: Option<(i64, i64)>,
}

impl KpiRow {
    fn of(kpi: Kpi) -> Self {
        let text = |n: Option<f64>| n.map(|n| n.to_string());
        KpiRow {
            key: kpi.key,
            unit: kpi.unit,
            better: kpi.better,
            value: text(kpi.value),
            previous: text(kpi.previous),
            last_year: text(kpi.last_year),
            parts: kpi.parts,
        }
    }

    fn into_kpi(self) -> Kpi {
        let number = |n: Option<String>| n.and_then(|n| n.parse().ok());
        Kpi {
            key: self.key,
            unit: self.unit,
            better: self.better,
            value: number(self.value),
            previous: number(self.previous),
            last_year: number(self.last_year),
            parts: self.parts,
        }
    }
}

/// The earliest month whose figures wait to be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Dirty {
    Every,
    From(Month),
}

async fn setting(sqlite: &SqlitePool, key: &str) -> Result<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT value FROM app_settings WHERE key = ?")
            .bind(key)
            .fetch_optional(sqlite)
            .await?,
    )
}

/// What is noted: `None` when nothing waits beyond the months every sync computes.
async fn noted(sqlite: &SqlitePool) -> Result<Option<Dirty>> {
    if setting(sqlite, DEFINITIONS_KEY).await?.as_deref() != Some(definitions().as_str()) {
        return Ok(Some(Dirty::Every));
    }
    Ok(match setting(sqlite, FROM_KEY).await?.as_deref() {
        None => None,
        Some(EVERY_MONTH) => Some(Dirty::Every),
        Some(month) => Some(Month::parse(FROM_KEY, month).map_or(Dirty::Every, Dirty::From)),
    })
}

async fn branch_tz(sqlite: &SqlitePool) -> Result<Tz> {
    let branch = crate::settings::repo::get_branch(sqlite)
        .await?
        .ok_or(Error::NotInitialized)?;
    branch
        .timezone
        .parse()
        .map_err(|_| Error::Database(sqlx::Error::Decode("bad branch time zone".into())))
}

/// The received time of the case each outbox entry up to `last_seq` belongs to; an empty
/// string (sorting first) for an entry that cannot be traced to an existing case.
const TOUCHED_SQL: &str = "SELECT MIN(CASE WHEN o.tbl = 'case_sequences' THEN NULL
                                   ELSE COALESCE(c.received_at, '') END)
    FROM group_outbox o
    LEFT JOIN cases c ON c.id = CASE o.tbl
        WHEN 'cases' THEN json_extract(o.row_key, '$[0]')
        WHEN 'case_escalation_ticks' THEN json_extract(o.row_key, '$[0]')
        WHEN 'case_events' THEN
            (SELECT case_id FROM case_events WHERE id = json_extract(o.row_key, '$[0]'))
        WHEN 'case_audit' THEN
            (SELECT case_id FROM case_audit WHERE id = json_extract(o.row_key, '$[0]'))
        WHEN 'case_pauses' THEN
            (SELECT case_id FROM case_pauses WHERE id = json_extract(o.row_key, '$[0]'))
        WHEN 'case_attachments' THEN
            (SELECT case_id FROM case_attachments WHERE id = json_extract(o.row_key, '$[0]'))
        END
    WHERE o.seq <= ?";

/// Notes the months the outbox entries up to `last_seq` can move, before they leave the
/// outbox. Cheap when every month is noted already (a first sync).
pub async fn note_batch(sqlite: &SqlitePool, last_seq: i64) -> Result<()> {
    if setting(sqlite, FROM_KEY).await?.as_deref() == Some(EVERY_MONTH) {
        return Ok(());
    }
    let before = noted(sqlite).await?;
    if before == Some(Dirty::Every) {
        return save(sqlite, Dirty::Every).await;
    }
    let touched: Option<String> = sqlx::query_scalar(TOUCHED_SQL)
        .bind(last_seq)
        .fetch_one(sqlite)
        .await?;
    let Some(touched) = touched else {
        return Ok(());
    };
    let now = match touched.as_str() {
        "" => Dirty::Every,
        stamp => match crate::cases::repo::parse_stamp(stamp) {
            Ok(instant) => Dirty::From(Month::of(instant, branch_tz(sqlite).await?)),
            Err(_) => Dirty::Every,
        },
    };
    let dirty = before.map_or(now, |before| before.min(now));
    if Some(dirty) != before {
        save(sqlite, dirty).await?;
    }
    Ok(())
}

async fn save(sqlite: &SqlitePool, dirty: Dirty) -> Result<()> {
    let from = match dirty {
        Dirty::Every => EVERY_MONTH.to_owned(),
        Dirty::From(month) => month.to_string(),
    };
    set(sqlite, Some(from)).await
}

/// Writes the noted month (`None`: nothing waits) with the definitions it is noted under,
/// in one transaction.
async fn set(sqlite: &SqlitePool, from: Option<String>) -> Result<()> {
    let mut tx = crate::store::begin_write(sqlite).await?;
    sqlx::query(
        "INSERT INTO app_settings (key, value) VALUES (?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(DEFINITIONS_KEY)
    .bind(definitions())
    .execute(&mut *tx)
    .await?;
    match from {
        Some(from) => sqlx::query(
            "INSERT INTO app_settings (key, value) VALUES (?, ?)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )
        .bind(FROM_KEY)
        .bind(from),
        None => sqlx::query("DELETE FROM app_settings WHERE key = ?").bind(FROM_KEY),
    }
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The months to compute now: from the noted one (or the first case's, for every month) to the
/// month under way, always including the month under way and the one before.
async fn months_due(sqlite: &SqlitePool, now: DateTime<Utc>) -> Result<Vec<Month>> {
    let tz = branch_tz(sqlite).await?;
    let current = Month::of(now, tz);
    let mut first = current.previous();
    match noted(sqlite).await? {
        Some(Dirty::From(month)) => first = first.min(month),
        Some(Dirty::Every) => {
            let oldest: Option<String> = sqlx::query_scalar("SELECT MIN(received_at) FROM cases")
                .fetch_one(sqlite)
                .await?;
            if let Some(Ok(instant)) = oldest.as_deref().map(crate::cases::repo::parse_stamp) {
                first = first.min(Month::of(instant, tz));
            }
        }
        None => {}
    }
    let mut months = vec![first];
    while let Some(&last) = months.last()
        && last < current
    {
        months.push(last.next());
    }
    Ok(months)
}

/// Computes the months due and upserts them on the server in one transaction; a row whose
/// figures did not change is left as it was (its "computed at" too), so syncing again changes
/// nothing. Returns how many months were computed.
pub async fn send(sqlite: &SqlitePool, pg: &PgPool, code: &str, now: DateTime<Utc>) -> Result<u32> {
    let months = months_due(sqlite, now).await?;
    let categories = CategoryNames::load(sqlite).await?;
    let mut rows = Vec::with_capacity(months.len());
    for &month in &months {
        let report = crate::stats::repo::monthly_report(sqlite, month, now).await?;
        let data = branch_data_of(&report, &categories, Language::En);
        let row = MonthRow {
            definitions: definitions(),
            name: data.name,
            month,
            computed_at: data.computed_at,
            kpis: data.kpis.into_iter().map(KpiRow::of).collect(),
            breakdowns: data.breakdowns,
        };
        rows.push(serde_json::json!({ "k": month.to_string(), "d": row }));
    }
    let rows = serde_json::Value::Array(rows).to_string();
    sqlx::query(
        "INSERT INTO branch_rows (branch_code, tbl, row_key, data)
         SELECT $1, $2, r.k, r.d FROM jsonb_to_recordset($3::jsonb) AS r(k text, d jsonb)
         ON CONFLICT (branch_code, tbl, row_key) DO UPDATE
             SET data = EXCLUDED.data, synced_at = now()
             WHERE branch_rows.data - 'computedAt' IS DISTINCT FROM EXCLUDED.data - 'computedAt'",
    )
    .bind(code)
    .bind(TABLE)
    .bind(rows)
    .execute(pg)
    .await
    .map_err(pg_error)?;
    set(sqlite, None).await?;
    Ok(u32::try_from(months.len()).unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_reads_back_to_the_same_number_through_json() {
        let kpi = Kpi {
            key: "mean_days_to_resolve".into(),
            unit: Unit::Days,
            better: Better::Lower,
            value: Some(3.824_468_810_916_179_5),
            previous: Some(0.935_483_870_967_741_9),
            last_year: None,
            parts: Some((29, 31)),
        };
        let json = serde_json::to_string(&KpiRow::of(kpi.clone())).expect("to JSON");
        let back: KpiRow = serde_json::from_str(&json).expect("from JSON");
        assert_eq!(back.into_kpi(), kpi);
    }
}
