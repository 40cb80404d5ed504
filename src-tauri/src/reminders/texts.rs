//! The words of an OS notification, in the app's language. Notifications are shown by the
//! backend (the window may be hidden or minimised), so their few sentences live here, like
//! the exported workbook's labels; everything else the UI translates.

use super::model::{Reminder, ReminderKind};
use crate::settings::Language;

/// The title and body of `reminder` in `lang`.
pub fn notification_text(reminder: &Reminder, lang: Language) -> (String, String) {
    let (s, d) = (reminder.subject.as_str(), reminder.detail.as_str());
    let zh = lang == Language::ZhCn;
    match (reminder.kind, zh) {
        (ReminderKind::Acknowledge, true) => (
            "投诉即将超过受理时限".into(),
            format!("{s} 须在 {d} 前受理"),
        ),
        (ReminderKind::Acknowledge, false) => (
            "A case is about to miss its acknowledge deadline".into(),
            format!("{s} must be acknowledged by {d}"),
        ),
        (ReminderKind::Resolve, true) => (
            "投诉即将超过处理时限".into(),
            format!("{s} 须在 {d} 前处理完毕"),
        ),
        (ReminderKind::Resolve, false) => (
            "A case is about to miss its resolve deadline".into(),
            format!("{s} must be resolved by {d}"),
        ),
        (ReminderKind::Crisis, true) => (
            "新的危机投诉".into(),
            format!("{s} 为一级（危机）投诉，请立即处理"),
        ),
        (ReminderKind::Crisis, false) => (
            "New crisis case".into(),
            format!("{s} is a grade 1 (crisis) case: act now"),
        ),
        (ReminderKind::Measure, true) => ("预防措施已逾期".into(), format!("{s}（应于 {d} 完成）")),
        (ReminderKind::Measure, false) => (
            "A prevention measure is overdue".into(),
            format!("{s} (due {d})"),
        ),
        (ReminderKind::Refresher, true) => (
            "培训复训即将到期".into(),
            format!("{s} 的复训应于 {d} 前完成"),
        ),
        (ReminderKind::Refresher, false) => (
            "A training refresher is falling due".into(),
            format!("{s}'s refresher is due by {d}"),
        ),
        (ReminderKind::Summary, zh) => summary(d, zh),
    }
}

/// "N more reminders" when more are due at once than are shown one by one.
pub fn more_text(count: usize, lang: Language) -> (String, String) {
    if lang == Language::ZhCn {
        (
            "BranchDesk 提醒".into(),
            format!("另有 {count} 条提醒，请打开 BranchDesk 查看"),
        )
    } else {
        (
            "BranchDesk reminders".into(),
            format!("{count} more reminders: open BranchDesk to see them"),
        )
    }
}

fn summary(figures: &str, zh: bool) -> (String, String) {
    let n: Vec<&str> = figures.split('/').collect();
    let at = |i: usize| n.get(i).copied().unwrap_or("0");
    if zh {
        (
            "今日投诉概况".into(),
            format!(
                "未结 {}，逾期 {}，今日到期 {}，危机 {}",
                at(0),
                at(1),
                at(2),
                at(3)
            ),
        )
    } else {
        (
            "Today's cases".into(),
            format!(
                "{} open, {} overdue, {} due today, {} crisis",
                at(0),
                at(1),
                at(2),
                at(3)
            ),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reminder(kind: ReminderKind, subject: &str, detail: &str) -> Reminder {
        Reminder {
            key: String::new(),
            kind,
            subject: subject.into(),
            detail: detail.into(),
            route: String::new(),
        }
    }

    #[test]
    fn texts_follow_the_app_language() {
        let late = reminder(
            ReminderKind::Resolve,
            "SH01-202612-0007",
            "2026-12-03 14:00",
        );
        assert_eq!(
            notification_text(&late, Language::ZhCn).1,
            "SH01-202612-0007 须在 2026-12-03 14:00 前处理完毕"
        );
        assert_eq!(
            notification_text(&late, Language::En).1,
            "SH01-202612-0007 must be resolved by 2026-12-03 14:00"
        );
        let day = reminder(ReminderKind::Summary, "", "12/3/2/1");
        assert_eq!(
            notification_text(&day, Language::ZhCn).1,
            "未结 12，逾期 3，今日到期 2，危机 1"
        );
        assert_eq!(
            more_text(4, Language::En).1,
            "4 more reminders: open BranchDesk to see them"
        );
    }
}
