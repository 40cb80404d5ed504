//! The list of figures a report carries, in the order the screen and the workbook show them,
//! and how each becomes a [`Kpi`] with its comparisons.

use super::figures::{Figure, MonthFigures};
use super::report::{Better, Kpi, Unit};
use Better::{Higher, Lower, Neutral};
use Unit::{Count, Days, Score, Share, Yuan};

/// One figure of the report: its key, how it is written, which way is better, and where its
/// value comes from.
#[derive(Debug, Clone, Copy)]
pub struct KpiDef {
    /// Stable key (glossary, dictionaries, workbook).
    pub key: &'static str,
    /// How it is written.
    pub unit: Unit,
    /// Which way is better.
    pub better: Better,
    /// Reads the figure from a month's figures.
    pub read: fn(&MonthFigures) -> Figure,
}

const fn def(
    key: &'static str,
    unit: Unit,
    better: Better,
    read: fn(&MonthFigures) -> Figure,
) -> KpiDef {
    KpiDef {
        key,
        unit,
        better,
        read,
    }
}

/// Every figure, in report order.
pub const KPIS: &[KpiDef] = &[
    def("received", Count, Neutral, |f| f.received),
    def("valid", Count, Neutral, |f| f.valid),
    def("closed", Count, Higher, |f| f.closed),
    def("closure_rate", Share, Higher, |f| f.closure_rate),
    def("open_at_start", Count, Lower, |f| f.open_at_start),
    def("open_at_end", Count, Lower, |f| f.open_at_end),
    def("acknowledged_on_time", Share, Higher, |f| {
        f.acknowledged_on_time
    }),
    def("resolved_on_time", Share, Higher, |f| f.resolved_on_time),
    def("resolved_within_7_days", Share, Higher, |f| {
        f.resolved_within_7_days
    }),
    def("resolved_within_14_days", Share, Higher, |f| {
        f.resolved_within_14_days
    }),
    def("mean_days_to_resolve", Days, Lower, |f| {
        f.mean_days_to_resolve
    }),
    def("median_days_to_resolve", Days, Lower, |f| {
        f.median_days_to_resolve
    }),
    def("follow_up_rate", Share, Higher, |f| f.follow_up_rate),
    def("average_satisfaction", Score, Higher, |f| {
        f.average_satisfaction
    }),
    def("satisfied_share", Share, Higher, |f| f.satisfied_share),
    def("repeat_complaints", Count, Lower, |f| f.repeat_complaints),
    def("crises", Count, Lower, |f| f.crises),
    def("escalated_channels", Count, Lower, |f| f.escalated_channels),
    def("goodwill_total", Yuan, Neutral, |f| f.goodwill_total),
    def("justified_complaints", Count, Lower, |f| {
        f.justified_complaints
    }),
    def("fault_branch_share", Share, Lower, |f| f.fault_branch_share),
    def("fault_other_department_share", Share, Neutral, |f| {
        f.fault_other_department_share
    }),
    def("fault_third_party_share", Share, Neutral, |f| {
        f.fault_third_party_share
    }),
    def("fault_customer_share", Share, Neutral, |f| {
        f.fault_customer_share
    }),
    def("kept_informed_share", Share, Higher, |f| {
        f.kept_informed_share
    }),
    def("training_completion", Share, Higher, |f| {
        f.training_completion
    }),
    def("drills_held", Count, Higher, |f| f.drills_held),
    def("plans_active", Count, Higher, |f| f.plans_active),
    def("measures_overdue", Count, Lower, |f| f.measures_overdue),
];

/// The keys of every figure, in report order.
pub fn kpi_keys() -> impl Iterator<Item = &'static str> {
    KPIS.iter().map(|d| d.key)
}

/// The report's figures with their comparisons. A month given as `None` had no data at all
/// (it ended before the branch's first case), so its figures are all dashes rather than zeros.
pub fn kpis(
    month: Option<&MonthFigures>,
    previous: Option<&MonthFigures>,
    last_year: Option<&MonthFigures>,
) -> Vec<Kpi> {
    KPIS.iter()
        .map(|def| {
            let figure = |figures: Option<&MonthFigures>| figures.map(def.read).unwrap_or_default();
            let this = figure(month);
            Kpi {
                key: def.key.to_owned(),
                unit: def.unit,
                better: def.better,
                value: this.value,
                previous: figure(previous).value,
                last_year: figure(last_year).value,
                parts: this.parts,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_in_report_order() {
        let keys: Vec<&str> = kpi_keys().collect();
        assert_eq!(keys.len(), 29);
        assert_eq!(&keys[..4], ["received", "valid", "closed", "closure_rate"]);
        assert_eq!(keys[28], "measures_overdue");
        let mut unique = keys.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), keys.len());
    }

    #[test]
    fn comparisons_come_from_the_same_definition_and_missing_months_are_dashes() {
        let this = MonthFigures {
            closure_rate: Figure::share(3, 4),
            received: Figure::count(5),
            ..Default::default()
        };
        let before = MonthFigures {
            closure_rate: Figure::share(1, 2),
            ..Default::default()
        };
        let kpis = kpis(Some(&this), Some(&before), None);
        let rate = kpis.iter().find(|k| k.key == "closure_rate").unwrap();
        assert_eq!(rate.value, Some(0.75));
        assert_eq!(rate.previous, Some(0.5));
        assert_eq!(rate.last_year, None);
        assert_eq!(rate.parts, Some((3, 4)));
        assert_eq!(rate.unit, Unit::Share);
        let received = &kpis[0];
        assert_eq!(received.value, Some(5.0));
        assert_eq!(received.parts, None);
        let plans = kpis.iter().find(|k| k.key == "plans_active").unwrap();
        assert_eq!((plans.value, plans.parts), (None, None));
        let json = serde_json::to_value(rate).unwrap();
        assert_eq!(json["lastYear"], serde_json::Value::Null);
        assert_eq!(json["parts"], serde_json::json!([3, 4]));
    }
}
