//! The workbook's Prevention sheet: the plans written by the month's end with their target,
//! phase, status, goal and effect (as at the month's end, or now for the month under way), and
//! the measures that were overdue at the month's end.

use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;
use rust_xlsxwriter::{Format, Worksheet, XlsxError};
use sqlx::SqlitePool;

use super::categories::CategoryNames;
use super::labels;
use super::style::{Styles, write_text};
use super::texts::T;
use crate::cases::repo::stamp;
use crate::error::Result;
use crate::prevention::repo::figures::measures_overdue_then;
use crate::prevention::repo::plans::plan_and_effect;
use crate::settings::Language;
use crate::stats::Month;

/// A plan as the sheet shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanLine {
    /// Title.
    pub title: String,
    /// Target category id.
    pub category_id: Option<i64>,
    /// Target root cause code.
    pub root_cause: Option<String>,
    /// Phase code.
    pub phase: String,
    /// Status code.
    pub status: String,
    /// Percent fewer aimed for.
    pub goal_percent: i64,
    /// Owner's name.
    pub owner: Option<String>,
    /// First day, `YYYY-MM-DD`.
    pub start_date: String,
    /// Review day.
    pub review_date: String,
    /// Complaints in the target per 30 days before the start.
    pub before_per_30_days: Option<f64>,
    /// And since the start.
    pub since_per_30_days: Option<f64>,
    /// The evaluation's conclusion code.
    pub conclusion: Option<String>,
}

/// A measure overdue at the month's end.
#[derive(Debug, Clone, PartialEq)]
pub struct OverdueLine {
    /// Its plan's title.
    pub plan_title: String,
    /// What was to be done.
    pub description: String,
    /// Owner's name.
    pub owner: Option<String>,
    /// Due date.
    pub due_date: String,
}

/// The sheet's content.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PreventionSheet {
    /// Plans, oldest first.
    pub plans: Vec<PlanLine>,
    /// Overdue measures, oldest due first.
    pub overdue: Vec<OverdueLine>,
}

/// The sheet for `month` as it stands at `now`.
pub async fn load(
    pool: &SqlitePool,
    month: Month,
    tz: Tz,
    now: DateTime<Utc>,
) -> Result<PreventionSheet> {
    let end = month.end(tz);
    // The effect as the month's last moment saw it (or now, for the month under way).
    let at = now.min(end - TimeDelta::seconds(1));
    let ids: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM prevention_plans WHERE created_at < ? ORDER BY id")
            .bind(stamp(end))
            .fetch_all(pool)
            .await?;
    let mut plans = Vec::with_capacity(ids.len());
    for id in ids {
        let (p, effect) = plan_and_effect(pool, id, at).await?;
        plans.push(PlanLine {
            title: p.title,
            category_id: p.category_id,
            root_cause: p.root_cause,
            phase: p.phase,
            status: p.status,
            goal_percent: p.goal_percent,
            owner: p.owner_name,
            start_date: p.start_date,
            review_date: p.review_date,
            before_per_30_days: effect.before.map(|w| w.per_30_days),
            since_per_30_days: effect.since.map(|w| w.per_30_days),
            conclusion: p.conclusion,
        });
    }
    // Each measure as it stood at the month's end: a later reopening or new date changes
    // nothing here.
    let mut conn = pool.acquire().await?;
    let mut overdue = Vec::new();
    for then in measures_overdue_then(&mut conn, end, tz).await? {
        let (plan_title, description, owner) = sqlx::query_as(
            "SELECT p.title, m.description, o.name
             FROM prevention_measures m JOIN prevention_plans p ON p.id = m.plan_id
             LEFT JOIN staff o ON o.id = m.owner_id WHERE m.id = ?",
        )
        .bind(then.id)
        .fetch_one(&mut *conn)
        .await?;
        overdue.push(OverdueLine {
            plan_title,
            description,
            owner,
            due_date: then.due_date.to_string(),
        });
    }
    // By id already: a stable sort keeps same-day measures in the order written.
    overdue.sort_by(|a, b| a.due_date.cmp(&b.due_date));
    Ok(PreventionSheet { plans, overdue })
}

/// The name of a prevention code in `lang` (phase, status, conclusion).
fn word(code: &str, lang: Language) -> String {
    const WORDS: &[(&str, &str, &str)] = &[
        ("collect", "Collect", "收集"),
        ("analyse", "Analyse", "分析"),
        ("formulate", "Formulate", "制定措施"),
        ("implement", "Implement", "实施"),
        ("evaluate", "Evaluate", "评估"),
        ("draft", "Draft", "草稿"),
        ("active", "Active", "执行中"),
        ("done", "Done", "已完成"),
        ("cancelled", "Cancelled", "已取消"),
        ("effective", "Effective", "有效"),
        ("partly", "Partly effective", "部分有效"),
        ("not_effective", "Not effective", "无效"),
    ];
    WORDS.iter().find(|(key, ..)| *key == code).map_or_else(
        || code.to_owned(),
        |(_, en, zh)| match lang {
            Language::En => (*en).to_owned(),
            Language::ZhCn => (*zh).to_owned(),
        },
    )
}

fn heading(lang: Language, en: &'static str, zh: &'static str) -> &'static str {
    match lang {
        Language::En => en,
        Language::ZhCn => zh,
    }
}

/// Writes the sheet: the plans, then (below them) the overdue measures.
pub fn write(
    sheet: &mut Worksheet,
    content: &PreventionSheet,
    categories: &CategoryNames,
    lang: Language,
    styles: &Styles,
) -> Result<(), XlsxError> {
    sheet.set_name(T::SheetPrevention.get(lang))?;
    let h = |en, zh| heading(lang, en, zh);
    let headers = [
        h("Plan", "计划"),
        h("Target", "针对对象"),
        h("Phase", "阶段"),
        h("Status", "状态"),
        h("Goal (% fewer)", "目标（减少 %）"),
        h("Owner", "负责人"),
        h("Start", "开始日期"),
        h("Review", "复查日期"),
        h("Per 30 days before", "开始前每 30 天"),
        h("Per 30 days since", "开始后每 30 天"),
        h("Conclusion", "评估结论"),
    ];
    for (col, title) in (0u16..).zip(headers) {
        sheet.write_string_with_format(0, col, title, &styles.header)?;
    }
    let rate = Format::new().set_num_format("0.0");
    let mut row = 1u32;
    for plan in &content.plans {
        let target: Vec<String> = plan
            .category_id
            .map(|id| categories.label(id, lang))
            .into_iter()
            .chain(
                plan.root_cause
                    .as_deref()
                    .map(|c| labels::root_cause(c, lang)),
            )
            .collect();
        write_text(sheet, row, 0, &plan.title, &styles.text)?;
        write_text(sheet, row, 1, &target.join(" · "), &styles.text)?;
        write_text(sheet, row, 2, &word(&plan.phase, lang), &styles.text)?;
        write_text(sheet, row, 3, &word(&plan.status, lang), &styles.text)?;
        sheet.write_number(row, 4, plan.goal_percent as f64)?;
        write_text(
            sheet,
            row,
            5,
            plan.owner.as_deref().unwrap_or(""),
            &styles.text,
        )?;
        write_text(sheet, row, 6, &plan.start_date, &styles.text)?;
        write_text(sheet, row, 7, &plan.review_date, &styles.text)?;
        for (col, value) in [(8u16, plan.before_per_30_days), (9, plan.since_per_30_days)] {
            if let Some(value) = value {
                sheet.write_number_with_format(row, col, value, &rate)?;
            }
        }
        let conclusion = plan.conclusion.as_deref().map(|c| word(c, lang));
        write_text(
            sheet,
            row,
            10,
            conclusion.as_deref().unwrap_or(""),
            &styles.text,
        )?;
        row += 1;
    }
    row += 1;
    sheet.write_string_with_format(
        row,
        0,
        h("Measures overdue at the month's end", "月末逾期的预防措施"),
        &styles.header,
    )?;
    row += 1;
    for (col, title) in (0u16..).zip([
        h("Plan", "计划"),
        h("Measure", "措施"),
        h("Owner", "负责人"),
        h("Due", "完成期限"),
    ]) {
        sheet.write_string_with_format(row, col, title, &styles.header)?;
    }
    for line in &content.overdue {
        row += 1;
        write_text(sheet, row, 0, &line.plan_title, &styles.text)?;
        write_text(sheet, row, 1, &line.description, &styles.wrap)?;
        write_text(
            sheet,
            row,
            2,
            line.owner.as_deref().unwrap_or(""),
            &styles.text,
        )?;
        write_text(sheet, row, 3, &line.due_date, &styles.text)?;
    }
    sheet.set_column_width(0, 30)?;
    sheet.set_column_width(1, 40)?;
    for col in 2..=10u16 {
        sheet.set_column_width(col, 14)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}
